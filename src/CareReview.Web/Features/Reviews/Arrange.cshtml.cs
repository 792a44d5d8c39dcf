using System.ComponentModel.DataAnnotations;

namespace CareReview.Web.Features.Reviews;

/// <summary>The IRO or social worker arranges the next review inside its statutory window.</summary>
public sealed class ArrangeModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ReviewDue? Due { get; private set; }

    public IActionResult OnGet(int id)
    {
        if (!Child.IsLookedAfter)
        {
            return RedirectToPage("/Children/Details", new { id });
        }

        Show();
        var open = Child.OpenReview;
        Input = new InputModel
        {
            Version = Child.Version,
            Date = DateInput.From(open?.ScheduledFor),
            StartsAt = open?.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture),
            Venue = open?.Venue,
            Invitees = open?.Invitees,
            LatenessReason = open?.LatenessReason,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        Show();
        var date = ModelState.ReadDate("Input.Date", Input.Date, "Date of the review");
        var startsAt = ReviewRecording.ReadStartTime(Input.StartsAt, (field, message) => ModelState.AddModelError($"Input.{field}", message));
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var arrangements = new ReviewArrangements(date, startsAt, Input.Venue, Input.Invitees, Input.LatenessReason);
        var saved = await TryApplyAsync(Input.Version, () => ReviewRecording.Arrange(Child, arrangements, Today, Rules),
            AuditAction.ReviewArranged, () => ReviewRecording.ArrangedDetails(date!.Value));
        if (!saved)
        {
            Show();
            return Page();
        }

        var review = Child.OpenReview!;
        TempData["Success"] = $"The review is arranged for {GovukDate.Format(review.ScheduledFor)}";
        return RedirectToPage("/Reviews/Details", new { id, reviewId = review.Id });
    }

    private void Show() => Due = Child.NextReviewDue(Rules);

    public sealed class InputModel
    {
        public long Version { get; set; }

        public DateInput? Date { get; set; }

        public string? StartsAt { get; set; }

        [Required(ErrorMessage = "Enter where the review will be held")]
        [StringLength(200, ErrorMessage = "Where the review will be held must be 200 characters or fewer")]
        public string? Venue { get; set; }

        [StringLength(2000, ErrorMessage = "Who is invited must be 2,000 characters or fewer")]
        public string? Invitees { get; set; }

        [StringLength(1000, ErrorMessage = "The reason must be 1,000 characters or fewer")]
        public string? LatenessReason { get; set; }
    }
}
