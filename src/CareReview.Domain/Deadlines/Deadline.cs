namespace CareReview.Domain.Deadlines;

/// <summary>
/// One statutory item for one child as the engine worked it out: when it is (or was) due, under which
/// rule and version, and when it was last done. A one-off item (the care plan, an IRO) that is done
/// carries <see cref="DoneOn"/>; a recurring one (visits) carries the next due date and the last done.
/// </summary>
public sealed record Deadline(StatutoryItem Item, DateOnly DueOn, string RuleId, string RuleVersion, string Explanation,
    DateOnly? LastDoneOn, DateOnly? DoneOn);

/// <summary>The stored copy of a <see cref="Deadline"/>, so that lists and reports filter and sort in SQL.</summary>
public sealed class ChildDeadline
{
    public const int MaxExplanationLength = 500;

    public int Id { get; private set; }
    public int ChildId { get; private set; }
    public StatutoryItem Item { get; private set; }
    public DateOnly DueOn { get; private set; }
    public string RuleId { get; private set; } = "";
    public string RuleVersion { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public DateOnly? LastDoneOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }

    private ChildDeadline()
    {
    }

    internal ChildDeadline(Deadline deadline)
    {
        Item = deadline.Item;
        Update(deadline);
    }

    internal void Update(Deadline deadline)
    {
        DueOn = deadline.DueOn;
        RuleId = deadline.RuleId;
        RuleVersion = deadline.RuleVersion;
        // An IRO's reason for bringing a review forward can be long; the stored copy is for lists.
        Explanation = deadline.Explanation.Length <= MaxExplanationLength
            ? deadline.Explanation
            : deadline.Explanation[..(MaxExplanationLength - 3)] + "...";
        LastDoneOn = deadline.LastDoneOn;
        DoneOn = deadline.DoneOn;
    }

    public static string Describe(StatutoryItem item) => item switch
    {
        StatutoryItem.IroAppointed => "IRO appointed",
        StatutoryItem.CarePlan => "Care plan",
        StatutoryItem.PlacementPlan => "Placement plan",
        StatutoryItem.Review => "Review",
        StatutoryItem.Visit => "Social worker visit",
        StatutoryItem.HealthAssessment => "Health assessment",
        StatutoryItem.PersonalEducationPlan => "Personal education plan",
        StatutoryItem.NeedsAssessment => "Leaving-care needs assessment",
        StatutoryItem.PathwayPlanReview => "Pathway plan review",
        _ => item.ToString(),
    };
}
