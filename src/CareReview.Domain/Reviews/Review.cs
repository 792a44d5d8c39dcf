using CareReview.Domain.Children;

namespace CareReview.Domain.Reviews;

/// <summary>A statutory review of a looked-after child's case that has been held.</summary>
public sealed class Review
{
    public int Id { get; private set; }
    public int ChildId { get; private set; }
    public DateOnly HeldOn { get; private set; }

    /// <summary>The due date the review was held against, and the rule that set it.</summary>
    public DateOnly DueOn { get; private set; }

    public string DueRuleId { get; private set; } = "";

    /// <summary>How the child took part (SSDA903 REVIEW_CODE). Never recorded for short breaks (rule 399).</summary>
    public ParticipationCode? ParticipationCode { get; private set; }

    public bool WasLate => HeldOn > DueOn;

    private Review()
    {
    }

    internal Review(DateOnly heldOn, ReviewDue due, ParticipationCode? participation)
    {
        HeldOn = heldOn;
        DueOn = due.DueOn;
        DueRuleId = due.RuleId;
        ParticipationCode = participation;
    }
}
