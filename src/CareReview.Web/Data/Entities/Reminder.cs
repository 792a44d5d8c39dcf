namespace CareReview.Web.Data.Entities;

/// <summary>What a reminder is about. Stored by name: never rename a member.</summary>
public enum ReminderKind
{
    /// <summary>An open recommendation due within <c>DueSoonPolicy.RecommendationReminderWorkingDays</c> working days.</summary>
    RecommendationDueSoon,

    /// <summary>An open recommendation past its due date.</summary>
    RecommendationOverdue,

    /// <summary>A looked-after child's next review due within <c>DueSoonPolicy.ReviewReminderWorkingDays</c> working days, or overdue.</summary>
    ReviewDueSoon,

    /// <summary>A formal escalation's response, due from the respondent within <c>DueSoonPolicy.EscalationResponseReminderWorkingDays</c> working days.</summary>
    EscalationResponseDueSoon,

    /// <summary>A formal escalation's response past its due date.</summary>
    EscalationResponseOverdue,
}

/// <summary>
/// A reminder recorded for one member of staff by <c>ReviewReminderJob</c>: that a recommendation
/// they own is due soon or overdue, or that the review of a child they work with is due. There is at most
/// one per (kind, subject, due date, person), enforced by a unique index, so the job can run any number of
/// times, on any number of app instances, without repeating itself. A new due date is a new reminder.
/// </summary>
public sealed class Reminder
{
    public int Id { get; private set; }

    /// <summary>Who it is for.</summary>
    public int StaffMemberId { get; private set; }

    public ReminderKind Kind { get; private set; }

    /// <summary>The recommendation's id; for <see cref="ReminderKind.ReviewDueSoon"/> the child's; for an escalation's response, the escalation's.</summary>
    public int SubjectId { get; private set; }

    /// <summary>The due date the reminder is about, as it stood when the reminder was made.</summary>
    public DateOnly DueOn { get; private set; }

    public int ChildId { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    /// <summary>When it was emailed; null if it was not (email off, no address, or not yet).</summary>
    public DateTime? EmailedAtUtc { get; private set; }

    /// <summary>When its owner dismissed it on the reminders page; dismissed reminders are not shown again.</summary>
    public DateTime? DismissedAtUtc { get; private set; }

    public bool IsAboutRecommendation => Kind is ReminderKind.RecommendationDueSoon or ReminderKind.RecommendationOverdue;

    public bool IsAboutEscalation => Kind is ReminderKind.EscalationResponseDueSoon or ReminderKind.EscalationResponseOverdue;

    /// <summary>The kinds that are one reminder at two urgencies: dismissing one dismisses both.</summary>
    public IReadOnlyList<ReminderKind> SameSubjectKinds =>
        IsAboutRecommendation ? [ReminderKind.RecommendationDueSoon, ReminderKind.RecommendationOverdue]
        : IsAboutEscalation ? [ReminderKind.EscalationResponseDueSoon, ReminderKind.EscalationResponseOverdue]
        : [Kind];

    private Reminder()
    {
    }

    public Reminder(int staffMemberId, ReminderKind kind, int subjectId, DateOnly dueOn, int childId, DateTime createdAtUtc)
    {
        StaffMemberId = staffMemberId;
        Kind = kind;
        SubjectId = subjectId;
        DueOn = dueOn;
        ChildId = childId;
        CreatedAtUtc = createdAtUtc;
    }

    public void Dismiss(DateTime atUtc) => DismissedAtUtc ??= atUtc;
}
