namespace CareReview.Web.Features.BreakGlass;

/// <summary>The IRO manager's list of every use of emergency access: those still to review first, then those reviewed.</summary>
[Requires(Permission.ReviewEmergencyAccess)]
public sealed class ReviewsModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>The reviewed list shows the latest; the audit log keeps them all.</summary>
    public const int ReviewedShown = 100;

    public IReadOnlyList<BreakGlassUse> ToReview { get; private set; } = [];
    public IReadOnlyList<BreakGlassUse> Reviewed { get; private set; } = [];
    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync()
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        ToReview = await BreakGlassUse.Of(db.BreakGlassGrants.Where(g => g.Outcome == null).OrderBy(g => g.StartedAtUtc), db).ToListAsync();
        Reviewed = await BreakGlassUse.Of(db.BreakGlassGrants.Where(g => g.Outcome != null).OrderByDescending(g => g.ReviewedAtUtc).Take(ReviewedShown), db)
            .ToListAsync();
        audit.Record(AuditAction.BreakGlassReviewsViewed, details: $"to-review:{ToReview.Count};reviewed:{Reviewed.Count}");
        await db.SaveChangesAsync();
    }

    /// <summary>Uses of emergency access not yet reviewed, for the IRO manager's list of children.</summary>
    public static Task<int> ToReviewCountAsync(AppDbContext db) => db.BreakGlassGrants.CountAsync(g => g.Outcome == null);
}
