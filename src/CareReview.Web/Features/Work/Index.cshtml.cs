namespace CareReview.Web.Features.Work;

/// <summary>Everyone's own list of the review recommendations they must carry out, soonest due first.</summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    /// <summary>"Not happy" cards from the IRO's children, waiting for the IRO to follow them up.</summary>
    public IReadOnlyList<CardRow> Cards { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = time.TodayInEngland();
        var me = User.StaffMemberId();
        Rows = await (
                from recommendation in db.Recommendations
                join review in db.Reviews on recommendation.ReviewId equals review.Id
                join child in db.Children on review.ChildId equals child.Id
                where recommendation.OwnerStaffId == me && me != null && recommendation.Status == RecommendationStatus.Open
                orderby recommendation.DueOn, child.FamilyName
                select new Row(recommendation.Id, recommendation.Action, recommendation.DueOn, recommendation.Monitoring,
                    child.GivenName + " " + child.FamilyName, review.HeldOn))
            .ToListAsync();

        Cards = await (
                from card in db.ReviewFeedback
                join child in db.Children on card.ChildId equals child.Id
                where child.IroId == me && me != null && card.Rating == ReviewRating.NotHappy && card.FollowedUpOn == null
                orderby card.GivenOn
                select new CardRow(child.Id, card.ReviewId, child.GivenName + " " + child.FamilyName, card.GivenOn, card.Comment))
            .ToListAsync();

        audit.Record(AuditAction.WorkListViewed, details: $"rows:{Rows.Count};cards:{Cards.Count}");
        await db.SaveChangesAsync();
    }

    public sealed record CardRow(int ChildId, int ReviewId, string ChildName, DateOnly GivenOn, string? Comment);

    public sealed record Row(int Id, string Action, DateOnly DueOn, string Monitoring, string ChildName, DateOnly? MadeOn);
}
