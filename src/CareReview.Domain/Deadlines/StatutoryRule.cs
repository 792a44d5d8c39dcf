using System.Text.Json.Serialization;
using CareReview.Domain.Children;

namespace CareReview.Domain.Deadlines;

/// <summary>The things a looked-after child's record must show were done, each with its own deadline.</summary>
public enum StatutoryItem
{
    IroAppointed,
    CarePlan,
    PlacementPlan,
    Review,
    Visit,
    HealthAssessment,
    PersonalEducationPlan,
    NeedsAssessment,
    PathwayPlanReview,
}

public enum PeriodUnit { WorkingDays, Days, Weeks, Months, SchoolTerms }

/// <summary>How sure we are of a rule's source (statutory-rules.md §0).</summary>
public enum ConfidenceGrade { A, B, C }

/// <summary>Which part of Care Review works the rule out.</summary>
public enum ComputedBy
{
    /// <summary>The deadline engine, from the child's record.</summary>
    Engine,

    /// <summary>The review clock (<see cref="Reviews.ReviewSchedule"/> and the review itself).</summary>
    ReviewClock,

    /// <summary>Listed for reference; Care Review does not compute a date from it.</summary>
    Described,
}

/// <summary>The event a rule's period runs from.</summary>
public enum Trigger
{
    BecameLookedAfter,
    PlacementStarted,
    LegalStatusStarted,
    EligibleForLeavingCare,
    PreviousVisit,
    PreviousHealthAssessment,
    PreviousPepMeeting,
    PreviousReview,
    PreviousPathwayPlanReview,
    IroRequest,
    SignificantPlanChange,
    Adjourned,
}

public sealed record RulePeriod(int Amount, PeriodUnit Unit)
{
    /// <summary>The date the period ends, counted from <paramref name="from"/> (statutory-rules.md §2.2 rules 2 and 3).</summary>
    public DateOnly After(DateOnly from, WorkingDayCalendar calendar) => Unit switch
    {
        PeriodUnit.WorkingDays => calendar.AddWorkingDays(from, Amount),
        PeriodUnit.Days => from.AddDays(Amount),
        PeriodUnit.Weeks => from.AddDays(7 * Amount),
        PeriodUnit.Months => from.AddMonths(Amount),
        PeriodUnit.SchoolTerms => SchoolTerms.EndOfTermAfter(from, Amount),
        _ => throw new InvalidOperationException($"Unknown period unit {Unit}"),
    };

    /// <summary>The date the same period before <paramref name="from"/>.</summary>
    public DateOnly Before(DateOnly from, WorkingDayCalendar calendar) => Unit switch
    {
        PeriodUnit.WorkingDays => calendar.AddWorkingDays(from, -Amount),
        PeriodUnit.Days => from.AddDays(-Amount),
        PeriodUnit.Weeks => from.AddDays(-7 * Amount),
        PeriodUnit.Months => from.AddMonths(-Amount),
        _ => throw new InvalidOperationException($"A period in {Unit} cannot be counted back"),
    };

    /// <summary>"20 working days", "6 weeks", "1 school term".</summary>
    public string Describe() => Unit switch
    {
        PeriodUnit.WorkingDays => Plural("working day"),
        PeriodUnit.Days => Plural("day"),
        PeriodUnit.Weeks => Plural("week"),
        PeriodUnit.Months => Plural("month"),
        PeriodUnit.SchoolTerms => Plural("school term"),
        _ => Unit.ToString(),
    };

    private string Plural(string unit) => Amount == 1 ? $"1 {unit}" : $"{Amount} {unit}s";
}

/// <summary>
/// The facts a rule needs to hold, all of them. A rule lists one or more of these and applies when any
/// one holds. Ages are taken on the due date; the length of the placement on the date the period runs from.
/// </summary>
public sealed record RuleConditions
{
    public bool? ShortBreaks { get; init; }
    public int? AgeAtLeast { get; init; }
    public int? AgeUnder { get; init; }
    public IReadOnlyList<LegalStatus>? LegalStatuses { get; init; }
    public IReadOnlyList<PlacementType>? PlacementTypes { get; init; }
    public int? PlacementHeldMonthsAtLeast { get; init; }
    public int? PlacementHeldMonthsUnder { get; init; }
    public bool? FirstReviewHeld { get; init; }
    public bool? ChildAgreedToFewerVisits { get; init; }
    public bool? ParentAssessmentIncomplete { get; init; }
    public bool? ConnectedPersonTemporarilyApproved { get; init; }

    /// <summary>Plain words for the catalogue page.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (ShortBreaks is { } shortBreaks)
        {
            parts.Add(shortBreaks ? "on short breaks (V3 or V4)" : "not on short breaks");
        }

        if (AgeAtLeast is { } from)
        {
            parts.Add($"aged {from} or over");
        }

        if (AgeUnder is { } under)
        {
            parts.Add($"under {under}");
        }

        if (LegalStatuses is { Count: > 0 } statuses)
        {
            parts.Add($"legal status {string.Join(" or ", statuses)}");
        }

        if (PlacementTypes is { Count: > 0 } types)
        {
            parts.Add($"placement {string.Join(" or ", types)}");
        }

        if (PlacementHeldMonthsAtLeast is { } heldFor)
        {
            parts.Add($"placement held for {heldFor} months or more");
        }

        if (PlacementHeldMonthsUnder is { } heldUnder)
        {
            parts.Add($"placement held for under {heldUnder} months");
        }

        if (FirstReviewHeld is { } reviewed)
        {
            parts.Add(reviewed ? "after the first review" : "before the first review");
        }

        if (ChildAgreedToFewerVisits is { } agreed)
        {
            parts.Add(agreed ? "the child agreed to fewer visits" : "the child has not agreed to fewer visits");
        }

        if (ParentAssessmentIncomplete == true)
        {
            parts.Add("placed with a parent before the assessment is complete (reg 19)");
        }

        if (ConnectedPersonTemporarilyApproved == true)
        {
            parts.Add("connected person temporarily approved (reg 24)");
        }

        return string.Join(", ", parts);
    }
}

/// <summary>
/// One statutory rule, as data: what starts its clock, how long it runs, when it applies, when it was in
/// force, where it comes from and how sure we are of it (statutory-rules.md §10.1).
/// </summary>
public sealed record StatutoryRule
{
    public required string Id { get; init; }

    /// <summary>The national version, or the national version and the council's change ("1.LA2").</summary>
    [JsonIgnore]
    public string Version => CouncilChange is { } change ? $"{NationalVersion}.LA{change}" : NationalVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [JsonPropertyName("version")]
    public required int NationalVersion { get; init; }

    /// <summary>The council's numbered change to the national rule, if any.</summary>
    [JsonIgnore]
    public int? CouncilChange { get; init; }

    /// <summary>The national period, kept beside a council's own for the catalogue page.</summary>
    [JsonIgnore]
    public RulePeriod? NationalPeriod { get; init; }

    public required StatutoryItem Item { get; init; }
    public required ComputedBy ComputedBy { get; init; }
    public required string Title { get; init; }
    public required Trigger Trigger { get; init; }
    public RulePeriod? Period { get; init; }

    /// <summary>An event this long before the trigger still meets the rule (the initial health assessment).</summary>
    public RulePeriod? EarlierCounts { get; init; }

    public IReadOnlyList<RuleConditions> When { get; init; } = [];
    public required DateOnly EffectiveFrom { get; init; }
    public DateOnly? EffectiveTo { get; init; }
    public required string Source { get; init; }
    public required ConfidenceGrade Grade { get; init; }
    public string? Note { get; init; }

    /// <summary>Grade B and C rules are built as written and may be set by each council (STYLE.md §5.1).</summary>
    public bool IsConfigurable => Grade != ConfidenceGrade.A && Period is not null && ComputedBy != ComputedBy.Described;

    /// <summary>Whether the rule counts from a first event (a placement starting) rather than the previous one.</summary>
    public bool IsFirst => Trigger is Trigger.BecameLookedAfter or Trigger.PlacementStarted or Trigger.LegalStatusStarted or Trigger.EligibleForLeavingCare;

    public string Cite => $"{Id} v{Version}";
}
