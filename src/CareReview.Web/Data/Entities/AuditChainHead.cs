namespace CareReview.Web.Data.Entities;

/// <summary>
/// The one row that says where the audit log's hash chain ends (ADR-0023). Every save of audit events
/// updates it first, in its own transaction, which is what makes concurrent saves take turns; and the
/// check compares the chain's last row with it, so rows deleted from the end are noticed.
/// </summary>
public sealed class AuditChainHead
{
    /// <summary>The id of the one row there is.</summary>
    public const int OnlyId = 1;

    public int Id { get; set; }

    /// <summary>The <see cref="AuditEvent.Sequence"/> of the last row in the chain; 0 before the first.</summary>
    public long LastSequence { get; set; }

    /// <summary>The <see cref="AuditEvent.Hash"/> of the last row in the chain; null before the first.</summary>
    public string? LastHash { get; set; }

    /// <summary>The highest audit event id when the chain began: rows up to it were written before there was a chain.</summary>
    public long StartedAfterId { get; set; }

    /// <summary>How many rows there were then, so that earlier rows deleted or added later are noticed.</summary>
    public long EarlierRows { get; set; }

    public DateTime StartedAtUtc { get; set; }
}
