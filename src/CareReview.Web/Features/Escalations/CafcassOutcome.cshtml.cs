namespace CareReview.Web.Features.Escalations;

/// <summary>The IRO records what became of a referral to Cafcass.</summary>
[Requires(Permission.RunEscalations)]
public sealed class CafcassOutcomeModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules)
    : ChildPageModel(db, audit, time, rules)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CafcassReferral Referral { get; private set; } = null!;

    public void OnGet() => Input = new InputModel { Version = Referral.Version, OutcomeOn = DateInput.From(Today) };

    public async Task<IActionResult> OnPostAsync()
    {
        var on = ModelState.ReadDate("Input.OutcomeOn", Input.OutcomeOn, "The date of the outcome");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await TryApplyToAsync(Referral, Input.Version, () => Referral.RecordOutcome(Input.Outcome, on, Input.Note, Today),
                AuditAction.CafcassOutcomeRecorded, () => $"referral:{Referral.Id};outcome:{Referral.Outcome}"))
        {
            return Page();
        }

        return Referral.EscalationId is { } escalation
            ? RedirectToPage("/Escalations/Details", new { id = escalation })
            : BackToChild("Outcome of the referral to Cafcass recorded");
    }

    /// <summary>The route names the referral; the child is the referral's.</summary>
    protected internal override async Task<int?> ChildIdAsync() =>
        await Db.CafcassReferrals.Where(r => r.Id == ReferralId).Select(r => (int?)r.ChildId).SingleOrDefaultAsync();

    /// <summary>Only a referral still open has an outcome to record.</summary>
    protected internal override async Task<bool> AdmitsAsync()
    {
        Referral = await Db.CafcassReferrals.SingleAsync(r => r.Id == ReferralId);
        return Referral.IsOpen;
    }

    protected internal override string RefusalDetails => $"cafcass-outcome:{ReferralId}";

    private int ReferralId => int.TryParse(RouteData.Values["id"]?.ToString(), out var id) ? id : 0;

    public sealed class InputModel
    {
        public long Version { get; set; }
        public CafcassOutcome? Outcome { get; set; }
        public DateInput? OutcomeOn { get; set; }
        public string? Note { get; set; }
    }
}
