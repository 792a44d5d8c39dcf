using CareReview.Domain.Children;
using CareReview.Domain.Escalations;
using CareReview.Domain.Reviews;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>Every concern the IRO raised on the case, open first, with its history one click away.</summary>
    public IReadOnlyList<Escalation> Escalations { get; private set; } = [];

    public IReadOnlyList<CafcassReferral> CafcassReferrals { get; private set; } = [];

    /// <summary>The child's IRO and the IRO manager chair reviews and may bring one forward.</summary>
    public bool CanChair => User.IsInRole(Roles.IroManager) || (User.IsInRole(Roles.Iro) && Child.IroId == User.StaffMemberId());

    /// <summary>The child's IRO or social worker (or the IRO manager) sets up the child's own sign-in.</summary>
    public bool CanSetUpOwnSignIn => ChildAccess.IsIroOrSocialWorkerOf(User, Child);

    /// <summary>The IRO manager or the child's social worker links brothers and sisters in care.</summary>
    public bool CanLinkSiblings => SiblingsModel.CanLink(User, Child);

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
        Escalations = await db.Escalations.Include(e => e.Stages).Where(e => e.ChildId == id)
            .OrderByDescending(e => e.Outcome == null).ThenByDescending(e => e.RaisedOn).ToListAsync();
        CafcassReferrals = await db.CafcassReferrals.Where(r => r.ChildId == id).OrderByDescending(r => r.ReferredOn).ToListAsync();

        audit.Record(AuditAction.ChildViewed, child.Id);
        await db.SaveChangesAsync();
        return Page();
    }
}
