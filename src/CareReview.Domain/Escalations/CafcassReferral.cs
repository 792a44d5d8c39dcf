namespace CareReview.Domain.Escalations;

/// <summary>
/// The grounds for a referral to Cafcass (CA 1989 s25B(3); reg 45 as cited in LA procedures,
/// statutory-rules.md §3.3 I11): the council has failed in a significant respect, or is otherwise in
/// material breach of its duties. Stored by name: never rename a member.
/// </summary>
[Flags]
public enum CafcassGrounds
{
    None = 0,
    CarePlanNotPrepared = 1,
    CarePlanNotImplemented = 2,
    CaseNotReviewed = 4,
    ReviewDecisionsNotImplemented = 8,
    OtherMaterialBreach = 16,
}

/// <summary>What became of a referral. Stored by name: never rename a member.</summary>
public enum CafcassOutcome
{
    AwaitingCafcass,
    AdviceGiven,
    ResolvedByCouncil,
    LegalProceedings,
    NotTakenForward,
}

public static class CafcassWords
{
    public static readonly IReadOnlyList<CafcassGrounds> AllGrounds =
    [
        CafcassGrounds.CarePlanNotPrepared, CafcassGrounds.CarePlanNotImplemented, CafcassGrounds.CaseNotReviewed,
        CafcassGrounds.ReviewDecisionsNotImplemented, CafcassGrounds.OtherMaterialBreach,
    ];

    public static string Describe(this CafcassGrounds ground) => ground switch
    {
        CafcassGrounds.CarePlanNotPrepared => "The council failed to prepare the care plan",
        CafcassGrounds.CarePlanNotImplemented => "The council failed to implement the care plan",
        CafcassGrounds.CaseNotReviewed => "The council failed to review the case",
        CafcassGrounds.ReviewDecisionsNotImplemented => "The council failed to implement review decisions",
        CafcassGrounds.OtherMaterialBreach => "The council is otherwise in material breach of its duties",
        _ => string.Join("; ", AllGrounds.Where(g => ground.HasFlag(g)).Select(g => g.Describe())),
    };

    public static string Describe(this CafcassOutcome outcome) => outcome switch
    {
        CafcassOutcome.AwaitingCafcass => "Waiting for Cafcass",
        CafcassOutcome.AdviceGiven => "Cafcass gave advice",
        CafcassOutcome.ResolvedByCouncil => "Resolved by the council",
        CafcassOutcome.LegalProceedings => "Cafcass began legal proceedings",
        CafcassOutcome.NotTakenForward => "Not taken forward by Cafcass",
        _ => outcome.ToString(),
    };
}

/// <summary>
/// A referral of a child's case to Cafcass by the IRO, which may be made at any point: alongside the
/// formal dispute-resolution process, after it, or instead of it.
/// </summary>
public sealed class CafcassReferral
{
    public int Id { get; private set; }
    public int ChildId { get; private set; }

    /// <summary>The escalation it arose from, if any.</summary>
    public int? EscalationId { get; private set; }

    public DateOnly ReferredOn { get; private set; }
    public CafcassGrounds Grounds { get; private set; }

    /// <summary>Why the IRO considers it appropriate: what has failed and how it puts the child's rights at risk.</summary>
    public string Reasons { get; private set; } = "";

    public string ReferredBy { get; private set; } = "";
    public int? ReferredByStaffId { get; private set; }
    public CafcassOutcome Outcome { get; private set; }
    public DateOnly? OutcomeOn { get; private set; }
    public string? OutcomeNote { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public long Version { get; set; }

    public bool IsOpen => Outcome == CafcassOutcome.AwaitingCafcass;

    private CafcassReferral()
    {
    }

    public CafcassReferral(int childId, int? escalationId, DateOnly? referredOn, CafcassGrounds grounds, string? reasons,
        int? referredByStaffId, string referredBy, DateOnly today)
    {
        Require(referredOn is not null, "Enter the date of the referral", "ReferredOn");
        DateRules.RequireNotInTheFuture(referredOn, today, "The date of the referral", "ReferredOn");
        Require(grounds != CafcassGrounds.None, "Choose at least one ground for the referral (s25B(3))", "Grounds");
        Require(!string.IsNullOrWhiteSpace(reasons), "Enter why the referral is needed, and how the child's rights are at risk", "Reasons");
        Require(reasons!.Trim().Length <= Escalation.MaxTextLength, $"The reasons must be {Escalation.MaxTextLength:N0} characters or fewer", "Reasons");
        ChildId = childId;
        EscalationId = escalationId;
        ReferredOn = referredOn!.Value;
        Grounds = grounds;
        Reasons = reasons.Trim();
        ReferredByStaffId = referredByStaffId;
        ReferredBy = referredBy;
        Outcome = CafcassOutcome.AwaitingCafcass;
    }

    public void RecordOutcome(CafcassOutcome? outcome, DateOnly? on, string? note, DateOnly today)
    {
        Require(outcome is not null and not CafcassOutcome.AwaitingCafcass, "Choose the outcome", "Outcome");
        Require(on is not null, "Enter the date of the outcome", "OutcomeOn");
        Require(on >= ReferredOn, "The outcome cannot be before the referral", "OutcomeOn");
        DateRules.RequireNotInTheFuture(on, today, "The date of the outcome", "OutcomeOn");
        Require(note?.Trim().Length is null or <= Escalation.MaxTextLength, $"The note must be {Escalation.MaxTextLength:N0} characters or fewer", "OutcomeNote");
        Outcome = outcome!.Value;
        OutcomeOn = on;
        OutcomeNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    private static void Require(bool condition, string message, string field)
    {
        if (!condition)
        {
            throw new DomainRuleException(message, field);
        }
    }
}
