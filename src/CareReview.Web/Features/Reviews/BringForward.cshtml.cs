namespace CareReview.Web.Features.Reviews;

/// <summary>The IRO asks for the next review to be brought forward (CPPCR 2010 reg 33(3)(a)); the clock follows.</summary>
[Requires(Permission.ChairReviews)]
public sealed class BringForwardModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ReviewDue Due { get; private set; } = null!;

    public void OnGet() => Input = new InputModel { Version = Child.Version };

    public async Task<IActionResult> OnPostAsync()
    {
        var to = ModelState.ReadDate("Input.To", Input.To, "Date the review should be held by");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await TryApplyAsync(Input.Version, () => Child.BringReviewForward(to!.Value, Input.Reason, Today, Rules),
                AuditAction.ReviewBroughtForward, () => $"to:{to!.Value:yyyy-MM-dd}"))
        {
            return Page();
        }

        return BackToChild($"The next review is now due by {GovukDate.Format(to!.Value)}");
    }

    /// <summary>Only a looked-after child has a next review to bring forward.</summary>
    protected internal override Task<bool> AdmitsAsync()
    {
        Due = Child.NextReviewDue(Rules)!;
        return Task.FromResult(Child.IsLookedAfter);
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public DateInput? To { get; set; }
        public string? Reason { get; set; }
    }
}
