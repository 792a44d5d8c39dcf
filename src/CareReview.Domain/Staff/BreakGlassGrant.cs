namespace CareReview.Domain.Staff;

/// <summary>What the IRO manager found of one use of emergency access. Stored by name: never rename one.</summary>
public enum BreakGlassOutcome
{
    Appropriate,
    NotAppropriate,
}

/// <summary>
/// Emergency ("break-glass") access: a member of staff who needs a child's record they do not work with
/// gave a reason and may see it until <see cref="EndsAtUtc"/>, and the IRO manager reviews every use.
/// </summary>
public sealed class BreakGlassGrant
{
    /// <summary>A reason of at least a sentence: "urgent" alone tells the reviewer nothing.</summary>
    public const int MinReasonLength = 20;

    /// <summary>Short enough to be kept whole in the audit event that records the grant.</summary>
    public const int MaxReasonLength = 400;

    public const int MaxNoteLength = 1000;
    public const int MaxNameLength = 200;

    public int Id { get; private set; }
    public int StaffMemberId { get; private set; }
    public StaffMember? StaffMember { get; private set; }

    /// <summary>The sign-in that asked, whose views of the child the audit log counts.</summary>
    public string UserId { get; private set; } = "";

    public int ChildId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime StartedAtUtc { get; private set; }

    /// <summary>The access ends at this instant exactly: its set length after it started, or earlier if the IRO manager ended it.</summary>
    public DateTime EndsAtUtc { get; private set; }

    /// <summary>The IRO manager who ended the access before its time, if one did.</summary>
    public string? EndedEarlyBy { get; private set; }

    public BreakGlassOutcome? Outcome { get; private set; }
    public string? ReviewNote { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTime? ReviewedAtUtc { get; private set; }
    public long Version { get; set; }

    public bool IsReviewed => Outcome is not null;

    private BreakGlassGrant()
    {
    }

    public BreakGlassGrant(int staffMemberId, string userId, int childId, string? reason, DateTime nowUtc, TimeSpan length)
    {
        Require(length > TimeSpan.Zero, "Emergency access must last some time", null);
        StaffMemberId = staffMemberId;
        UserId = userId;
        ChildId = childId;
        Reason = ReasonGiven(reason);
        StartedAtUtc = nowUtc;
        EndsAtUtc = nowUtc + length;
    }

    /// <summary>
    /// The reason as kept, or a <see cref="DomainRuleException"/> saying what is wrong with it: checked before the
    /// child's id is looked up, so that an incomplete request learns nothing about any child.
    /// </summary>
    public static string ReasonGiven(string? reason)
    {
        var trimmed = reason?.Trim() ?? "";
        Require(trimmed.Length > 0, "Enter why you need this record now", nameof(Reason));
        Require(trimmed.Length >= MinReasonLength,
            $"Give the reason in at least a sentence ({MinReasonLength} characters or more): the IRO manager reviews every use", nameof(Reason));
        Require(trimmed.Length <= MaxReasonLength, $"The reason must be {MaxReasonLength} characters or fewer", nameof(Reason));
        return trimmed;
    }

    public bool IsActiveAt(DateTime nowUtc) => StartedAtUtc <= nowUtc && nowUtc < EndsAtUtc;

    /// <summary>The IRO manager ends the access now, before its time.</summary>
    public void EndEarly(string endedBy, DateTime nowUtc)
    {
        Require(IsActiveAt(nowUtc), "This emergency access has already ended", null);
        EndedEarlyBy = endedBy;
        EndsAtUtc = nowUtc;
    }

    /// <summary>
    /// The IRO manager records whether the use was appropriate, once it has ended, so that the review covers
    /// every page viewed during it.
    /// </summary>
    public void Review(BreakGlassOutcome? outcome, string? note, string reviewedBy, DateTime nowUtc)
    {
        Require(!IsReviewed, "This use of emergency access has already been reviewed", null);
        Require(!IsActiveAt(nowUtc), "This emergency access has not ended yet: end it now, or review it once it has ended", null);
        Require(outcome is { } o && Enum.IsDefined(o), "Select whether the use was appropriate", nameof(Outcome));
        var trimmed = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Require(trimmed is null || trimmed.Length <= MaxNoteLength, $"The note must be {MaxNoteLength} characters or fewer", nameof(ReviewNote));
        Outcome = outcome;
        ReviewNote = trimmed;
        ReviewedBy = reviewedBy;
        ReviewedAtUtc = nowUtc;
    }

    private static void Require(bool condition, string message, string? field)
    {
        if (!condition)
        {
            throw new DomainRuleException(message, field);
        }
    }
}
