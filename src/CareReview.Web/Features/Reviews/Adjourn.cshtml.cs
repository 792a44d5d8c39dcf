namespace CareReview.Web.Features.Reviews;

/// <summary>The IRO adjourns the review meeting once, to resume within 20 working days (reg 36(5)).</summary>
[Requires(Permission.ChairReviews)]
public sealed class AdjournModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ReviewPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() =>
        Input = new InputModel { Version = Child.Version, AdjournedOn = DateInput.From(Review.ScheduledFor <= Today ? Review.ScheduledFor : Today) };

    public async Task<IActionResult> OnPostAsync(int id, int reviewId)
    {
        var on = ModelState.ReadDate("Input.AdjournedOn", Input.AdjournedOn, "Date of the adjourned meeting");
        var resumeOn = ModelState.ReadDate("Input.ResumeOn", Input.ResumeOn, "Date the review will resume");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await TryApplyAsync(Input.Version, () => Child.AdjournReview(on!.Value, resumeOn!.Value, Input.AdjournmentReason, Today, Rules),
                AuditAction.ReviewAdjourned, () => $"review:{reviewId}"))
        {
            return Page();
        }

        TempData["Success"] = $"The review is adjourned. It resumes on {GovukDate.Format(resumeOn!.Value)}";
        return RedirectToPage("/Reviews/Details", new { id, reviewId });
    }

    public string LatestResume => GovukDate.Format(Rules.Add(ReviewSchedule.Adjournment, Today));

    /// <summary>Only a review still to be held can be adjourned.</summary>
    protected internal override Task<bool> AdmitsAsync() => Task.FromResult(Review.State == ReviewState.Scheduled);

    public sealed class InputModel
    {
        public long Version { get; set; }
        public DateInput? AdjournedOn { get; set; }
        public DateInput? ResumeOn { get; set; }
        public string? AdjournmentReason { get; set; }
    }
}
