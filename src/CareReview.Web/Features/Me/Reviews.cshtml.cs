namespace CareReview.Web.Features.Me;

/// <summary>After my review: the reviews I have had, newest first, each with what was decided and my card.</summary>
public sealed class ReviewsModel(AppDbContext db, TimeProvider time, AuditLog audit) : MyPageModel(db, time)
{
    public IReadOnlyList<Review> Held { get; private set; } = [];
    public IReadOnlyDictionary<int, ReviewRating> Ratings { get; private set; } = new Dictionary<int, ReviewRating>();

    public async Task OnGetAsync()
    {
        await LoadChildAsync();
        Held = [.. Child.Reviews.Where(r => r.IsHeld).OrderByDescending(r => r.HeldOn)];
        Ratings = await Db.ReviewFeedback.Where(f => f.ChildId == Child.Id).ToDictionaryAsync(f => f.ReviewId, f => f.Rating);
        audit.Record(AuditAction.ChildPageViewed, Child.Id, "page:reviews");
        await Db.SaveChangesAsync();
    }
}
