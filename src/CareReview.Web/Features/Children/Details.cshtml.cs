using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReview.Web.Features.Children;

public sealed class DetailsModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars) : PageModel
{
    public Child Child { get; private set; } = null!;
    public ReviewDue? NextReview { get; private set; }
    public DueStatus? Due { get; private set; }
    public DateOnly Today { get; private set; }
    public bool CanRecordEpisodes => ChildAccess.CanRecordCareEpisodes(User);

    public bool CanPlan => ChildAccess.CanPlan(User);

    public Domain.WorkingDayCalendar Calendar => calendars.Current;

    /// <summary>The child's IRO and the IRO manager chair reviews and may bring one forward.</summary>
    public bool CanChair => User.IsInRole(Roles.IroManager) || (User.IsInRole(Roles.Iro) && Child.IroId == User.StaffMemberId());

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var child = await db.LoadVisibleChildAsync(User, id, audit);
        if (child is null)
        {
            return NotFound();
        }

        Child = child;
        Today = time.TodayInEngland();
        NextReview = child.NextReviewDue(calendars.Rules);
        Due = NextReview is null ? null : DueStatus.For(NextReview.DueOn, Today, calendars.Current);

        audit.Record(AuditAction.ChildViewed, child.Id);
        await db.SaveChangesAsync();
        return Page();
    }
}
