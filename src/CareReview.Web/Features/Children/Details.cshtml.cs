namespace CareReview.Web.Features.Children;

[Shows(ChildParts.Episodes | ChildParts.Allocations | ChildParts.Recommendations | ChildParts.CarePlanVersions | ChildParts.CareEvents | ChildParts.Deadlines)]
public sealed class DetailsModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    public ReviewDue? NextReview { get; private set; }
    public DueStatus? Due { get; private set; }
    public bool CanRecordEpisodes => May(Permission.RecordCareEpisodes);

    public bool CanPlan => May(Permission.PlanCare);

    /// <summary>Every concern the IRO raised on the case, open first, with its history one click away.</summary>
    public IReadOnlyList<Escalation> Escalations { get; private set; } = [];

    public IReadOnlyList<CafcassReferral> CafcassReferrals { get; private set; } = [];

    /// <summary>The child's IRO or social worker (or the IRO manager) sets up the child's own sign-in.</summary>
    public bool CanSetUpOwnSignIn => May(Permission.ReachChildAndFamily);

    /// <summary>The IRO manager or the child's social worker links brothers and sisters in care.</summary>
    public bool CanLinkSiblings => May(Permission.LinkSiblings);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var child = Child;
        NextReview = child.NextReviewDue(Rules);
        Due = NextReview is null ? null : DueStatus.For(NextReview.DueOn, Today, Calendar);
        Escalations = await Db.Escalations.Include(e => e.Stages).Where(e => e.ChildId == id)
            .OrderByDescending(e => e.Outcome == null).ThenByDescending(e => e.RaisedOn).ToListAsync();
        CafcassReferrals = await Db.CafcassReferrals.Where(r => r.ChildId == id).OrderByDescending(r => r.ReferredOn).ToListAsync();

        Audit.Record(AuditAction.ChildViewed, child.Id);
        await Db.SaveChangesAsync();
        return Page();
    }
}
