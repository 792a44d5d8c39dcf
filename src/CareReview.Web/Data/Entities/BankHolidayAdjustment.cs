namespace CareReview.Web.Data.Entities;

/// <summary>
/// A change an administrator made to the bank holiday rules: a newly proclaimed day (Added) or a rule
/// day moved away by proclamation (Removed).
/// </summary>
public sealed class BankHolidayAdjustment
{
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public bool Removed { get; set; }
    public string Reason { get; set; } = "";
    public string AddedBy { get; set; } = "";
    public DateTime AddedAtUtc { get; set; }
}
