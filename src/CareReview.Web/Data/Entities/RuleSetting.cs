namespace CareReview.Web.Data.Entities;

/// <summary>
/// A council's change to a grade B or C rule's period. Rows are never changed or deleted: the latest
/// change for a rule is in force, and the earlier ones are its history.
/// </summary>
public sealed class RuleSetting
{
    public int Id { get; set; }
    public required string RuleId { get; set; }

    /// <summary>1 for the council's first change to the rule, then 2, 3…; part of the rule's version ("1.LA2").</summary>
    public int Change { get; set; }

    public int Amount { get; set; }
    public PeriodUnit Unit { get; set; }
    public required string Reason { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}
