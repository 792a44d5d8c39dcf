namespace CareReview.Web.Features.Me;

/// <summary>
/// One of my reviews: what was decided, in the words my IRO wrote to me, once the decisions are issued;
/// and my Rate My Review card. A "Not happy" card goes on my IRO's work list to follow up.
/// </summary>
public sealed class ReviewModel(AppDbContext db, TimeProvider time, AuditLog audit) : MyPageModel(db, time)
{
    [BindProperty]
    public RatingInput Input { get; set; } = new();

    public Review Review { get; private set; } = null!;
    public ReviewFeedback? Card { get; private set; }

    /// <summary>The letter is the child's own account of the decisions; it is theirs once the decisions are issued.</summary>
    public bool DecisionsShared => Review.DecisionsIssuedOn is not null && !string.IsNullOrWhiteSpace(Review.LetterToChild);

    public static readonly IReadOnlyList<(string Value, string Text)> Ratings =
        [.. ReviewRatingWords.All.Select(r => (r.ToString(), r.Describe()))];

    public async Task<IActionResult> OnGetAsync(int reviewId)
    {
        if (!await LoadAsync(reviewId))
        {
            return NotFound();
        }

        audit.Record(AuditAction.ChildReviewViewed, Child.Id, $"review:{reviewId}");
        await Db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int reviewId)
    {
        if (!await LoadAsync(reviewId))
        {
            return NotFound();
        }

        if (Card is not null)
        {
            return RedirectToPage(new { reviewId });
        }

        if (!Enum.TryParse<ReviewRating>(Input.Rating, out var rating) || !Enum.IsDefined(rating))
        {
            ModelState.AddModelError("Input.Rating", "Choose Good, OK or Not happy");
            return Page();
        }

        var result = await new RecordChanges(Db, audit, Request).TryApplyAsync(ModelState, null, 0,
            () => Db.ReviewFeedback.Add(ReviewFeedback.Give(Review, rating, Input.Comment, Today)),
            () => [new Audited(AuditAction.ReviewRated, Child.Id, $"review:{reviewId} rating:{rating}")]);
        if (result != ChangeResult.Saved)
        {
            await LoadAsync(reviewId);
            return Page();
        }

        TempData["Success"] = rating == ReviewRating.NotHappy
            ? "Thank you for telling us. Your IRO will get in touch to talk about it."
            : "Thank you for rating your review.";
        return RedirectToPage(new { reviewId });
    }

    /// <summary>Only the child's own held reviews: any other number is "not found".</summary>
    private async Task<bool> LoadAsync(int reviewId)
    {
        await LoadChildAsync();
        if (Child.Reviews.SingleOrDefault(r => r.Id == reviewId && r.IsHeld) is not { } review)
        {
            return false;
        }

        Review = review;
        Card = await Db.ReviewFeedback.SingleOrDefaultAsync(f => f.ReviewId == reviewId);
        return true;
    }
}

public sealed class RatingInput
{
    public string? Rating { get; set; }
    public string? Comment { get; set; }
}
