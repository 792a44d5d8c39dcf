namespace CareReview.Web.Features.Voice;

/// <summary>The IRO follows up a child's "Not happy" card: what they did, and when.</summary>
[Requires(Permission.ChairReviews)]
public sealed class CardModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ReviewPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public FollowUpInput Input { get; set; } = new();

    public ReviewFeedback Card { get; private set; } = null!;

    public void OnGet() => Input.Version = Card.Version;

    public async Task<IActionResult> OnPostAsync(int id, int reviewId)
    {
        var on = ModelState.ReadDate("Input.On", Input.On, "The date you followed it up");
        if (!ModelState.IsValid || on is null)
        {
            return Page();
        }

        if (!await TryApplyToAsync(Card, Input.Version, () => Card.RecordFollowUp(on.Value, Input.FollowUpNote ?? "", User.DisplayName(), Today),
                AuditAction.RatingFollowedUp, () => $"review:{reviewId}"))
        {
            return Page();
        }

        TempData["Success"] = $"The follow-up of {Child.GivenName}'s card is recorded";
        return RedirectToPage("/Reviews/Details", new { id, reviewId });
    }

    /// <summary>Only a "Not happy" card is followed up.</summary>
    protected internal override async Task<bool> AdmitsAsync()
    {
        var card = await Db.ReviewFeedback.SingleOrDefaultAsync(f => f.ReviewId == Review.Id);
        if (card is null || card.Rating != ReviewRating.NotHappy)
        {
            return false;
        }

        Card = card;
        return true;
    }
}

public sealed class FollowUpInput
{
    public DateInput? On { get; set; }
    public string? FollowUpNote { get; set; }
    public long Version { get; set; }
}
