namespace CareReview.Web.Features.Escalations;

/// <summary>One escalation with its whole history: the concern, informal discussions, formal stages and any Cafcass referral.</summary>
[Requires(Permission.SeeEscalations)]
public sealed class DetailsModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules)
    : EscalationPageModel(db, audit, time, rules)
{
    public IReadOnlyList<string> LinkedRecommendations { get; private set; } = [];
    public DateOnly? ReviewHeldOn { get; private set; }
    public IReadOnlyList<CafcassReferral> Referrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var linked = Escalation.Recommendations.Select(r => r.RecommendationId).ToList();
        LinkedRecommendations = await Db.Recommendations.Where(r => linked.Contains(r.Id)).OrderBy(r => r.DueOn)
            .Select(r => r.Action + " (" + r.OwnerName + ")").ToListAsync();
        ReviewHeldOn = Escalation.ReviewId is { } reviewId
            ? await Db.Reviews.Where(r => r.Id == reviewId).Select(r => r.HeldOn).SingleOrDefaultAsync()
            : null;

        // A respondent sees the escalation they answer, not the rest of the case (a referral is part of the case).
        if (CanSeeCase)
        {
            Referrals = await Db.CafcassReferrals.Where(r => r.EscalationId == id).OrderBy(r => r.ReferredOn).ToListAsync();
        }

        Audit.Record(AuditAction.EscalationViewed, Escalation.ChildId, $"escalation:{id}");
        await Db.SaveChangesAsync();
        return Page();
    }
}
