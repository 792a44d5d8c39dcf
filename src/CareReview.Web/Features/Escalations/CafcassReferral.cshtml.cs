namespace CareReview.Web.Features.Escalations;

/// <summary>
/// The IRO records a referral of the child's case to Cafcass (CA 1989 s25B(3)), at any point: on its own,
/// alongside an escalation's formal process, or instead of it (which closes the escalation in the same save).
/// </summary>
[Requires(Permission.RunEscalations)]
public sealed class CafcassReferralModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules)
    : ChildPageModel(db, audit, time, rules)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The child's open escalations, which the referral may come from.</summary>
    public IReadOnlyList<Escalation> OpenEscalations { get; private set; } = [];

    public IEnumerable<(string Value, string Text)> EscalationOptions => OpenEscalations.Select(e =>
        (e.Id.ToString(CultureInfo.InvariantCulture), $"{e.Category.Describe()}, raised on {GovukDate.Format(e.RaisedOn)} ({e.Status()})"));

    public void OnGet(int? escalation) =>
Input = new InputModel { ReferredOn = DateInput.From(Today), EscalationId = OpenEscalations.Any(e => e.Id == escalation) ? escalation : null };

    public async Task<IActionResult> OnPostAsync()
    {
        var referredOn = ModelState.ReadDate("Input.ReferredOn", Input.ReferredOn, "The date of the referral");
        var escalation = OpenEscalations.SingleOrDefault(e => e.Id == Input.EscalationId);
        if (Input.EscalationId is not null && escalation is null)
        {
            ModelState.AddModelError("Input.EscalationId", "Choose one of the child's open escalations, or none");
        }

        if (Input.ClosesEscalation && escalation is null)
        {
            ModelState.AddModelError("Input.ClosesEscalation", "Choose the escalation the referral replaces");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var grounds = Input.Grounds.Aggregate(CafcassGrounds.None, (all, g) => all | g);
        var by = User.DisplayName();
        CafcassReferral? referral = null;

        // The referral, the escalation it closes and both audit events are saved together or not at all; the
        // escalation was loaded with this request, so a change someone else saved since is caught by its version.
        if (!await TryApplyToAsync(null, 0,
                () =>
                {
                    referral = new CafcassReferral(Child.Id, escalation?.Id, referredOn, grounds, Input.Reasons, User.StaffMemberId(), by, Today);
                    if (Input.ClosesEscalation)
                    {
                        escalation!.HandToCafcass(Input.Reasons, by, Today);
                    }

                    Db.CafcassReferrals.Add(referral);
                },
                () =>
                [
                    new Audited(AuditAction.CafcassReferralRecorded, Child.Id,
                        $"referral:{referral!.Id};grounds:{(int)grounds}" + (escalation is null ? "" : $";escalation:{escalation.Id}")),
                    .. Input.ClosesEscalation
                        ? [new Audited(AuditAction.EscalationHandedToCafcass, Child.Id, $"escalation:{escalation!.Id};referral:{referral.Id}")]
                        : Array.Empty<Audited>(),
                ]))
        {
            return Page();
        }

        return escalation is null
            ? BackToChild("Referral to Cafcass recorded")
            : RedirectWithMessage(escalation.Id, Input.ClosesEscalation ? "Referral to Cafcass recorded; the escalation is closed" : "Referral to Cafcass recorded");
    }

    private RedirectToPageResult RedirectWithMessage(int escalationId, string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("/Escalations/Details", new { id = escalationId });
    }

    protected internal override async Task<bool> AdmitsAsync()
    {
        OpenEscalations = await Db.Escalations.Include(e => e.Stages)
            .Where(e => e.ChildId == Child.Id && e.Outcome == null).OrderBy(e => e.RaisedOn).ToListAsync();
        return true;
    }

    public sealed class InputModel
    {
        public DateInput? ReferredOn { get; set; }
        public List<CafcassGrounds> Grounds { get; set; } = [];
        public string? Reasons { get; set; }
        public int? EscalationId { get; set; }
        public bool ClosesEscalation { get; set; }
    }
}
