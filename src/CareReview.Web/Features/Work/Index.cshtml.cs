using CareReview.Domain.Reviews;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Web.Features.Work;

/// <summary>Everyone's own list of the review recommendations they must carry out, soonest due first.</summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
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

        audit.Record(AuditAction.WorkListViewed, details: $"rows:{Rows.Count}");
        await db.SaveChangesAsync();
    }

    public sealed record Row(int Id, string Action, DateOnly DueOn, string Monitoring, string ChildName, DateOnly? MadeOn);
}
