namespace CareReview.Domain.Escalations;

/// <summary>What an IRO's concern is about (statutory-rules.md §6.5, from Nottinghamshire's DRP). Stored by name: never rename a member.</summary>
public enum ConcernCategory
{
    CarePlanning,
    CarePlanImplementation,
    Decisions,
    DriftAndDelay,
    NoExitPlan,
    NoAllocatedSocialWorker,
    PoorPractice,
    ChildParticipation,
}

public static class ConcernCategories
{
    public static readonly IReadOnlyList<ConcernCategory> All = Enum.GetValues<ConcernCategory>();

    public static string Describe(this ConcernCategory category) => category switch
    {
        ConcernCategory.CarePlanning => "Care planning",
        ConcernCategory.CarePlanImplementation => "Implementation of the care plan",
        ConcernCategory.Decisions => "Decisions in the care planning process",
        ConcernCategory.DriftAndDelay => "Drift and delay",
        ConcernCategory.NoExitPlan => "No clear exit plan",
        ConcernCategory.NoAllocatedSocialWorker => "No allocated social worker",
        ConcernCategory.PoorPractice => "Poor practice",
        ConcernCategory.ChildParticipation => "Child participation",
        _ => category.ToString(),
    };
}
