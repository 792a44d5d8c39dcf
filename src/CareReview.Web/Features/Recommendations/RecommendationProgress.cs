using System.Security.Claims;

namespace CareReview.Web.Features.Recommendations;

/// <summary>Recording progress on a recommendation, or that it is done: for its page and the API alike.</summary>
public static class RecommendationProgress
{
    /// <summary>The child a recommendation belongs to and its owner, or null when there is no such recommendation.</summary>
    public static async Task<(int ChildId, int? OwnerStaffId)?> FindAsync(AppDbContext db, int recommendationId) =>
        await (from r in db.Recommendations
               join review in db.Reviews on r.ReviewId equals review.Id
               where r.Id == recommendationId
               select new { review.ChildId, r.OwnerStaffId }).SingleOrDefaultAsync() is { } found
            ? (found.ChildId, found.OwnerStaffId)
            : null;

    /// <summary>The owner may always reach their own recommendation; anyone else only through the child.</summary>
    public static bool OwnedBy(ClaimsPrincipal user, int? ownerStaffId) => ownerStaffId is not null && ownerStaffId == user.StaffMemberId();

    /// <summary>The child with their reviews, recommendations and their notes: what recording progress changes.</summary>
    public static Task<Child> LoadChildAsync(AppDbContext db, int childId) =>
        db.Children
            .Include(c => c.Reviews).ThenInclude(r => r.Recommendations).ThenInclude(r => r.Updates)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == childId);

    public static void Record(Recommendation recommendation, bool done, DateOnly on, string note, string by, DateOnly today)
    {
        if (done)
        {
            recommendation.Complete(on, note, by, today);
        }
        else
        {
            recommendation.RecordProgress(on, note, by, today);
        }
    }

    public static Audited Audited(bool done, int childId, int recommendationId) =>
        new(done ? AuditAction.RecommendationCompleted : AuditAction.RecommendationProgressRecorded, childId, $"recommendation:{recommendationId}");
}
