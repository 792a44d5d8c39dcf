namespace CareReview.Domain.Deadlines;

/// <summary>One look-ahead of the due-soon policy, as the Rules page lists it.</summary>
/// <param name="What">What the look-ahead decides.</param>
/// <param name="WorkingDays">How many working days ahead it looks.</param>
/// <param name="Why">Why that many.</param>
public sealed record DueSoonThreshold(string What, int WorkingDays, string Why);

/// <summary>
/// How far ahead, in working days, something counts as due soon: on lists, on the caseload and in
/// reminders. These are the service's own choices, not statute, so they are named here once and shown on
/// the Rules page beside the statutory rules they help people meet.
/// </summary>
public static class DueSoonPolicy
{
    /// <summary>A deadline on a list, a child's page or the compliance view is tagged "due soon" from this many working days before it.</summary>
    public const int ShownAsDueSoonWorkingDays = 15;

    /// <summary>The caseload's "review due soon" filter shows reviews due within this many working days.</summary>
    public const int CaseloadReviewsDueWithinWorkingDays = 20;

    /// <summary>An open recommendation's owner is reminded from this many working days before its due date.</summary>
    public const int RecommendationReminderWorkingDays = 5;

    /// <summary>A looked-after child's IRO and social worker are reminded of the next review from this many working days before it is due.</summary>
    public const int ReviewReminderWorkingDays = 15;

    /// <summary>A respondent is reminded of an escalation's response from this many working days before it is due.</summary>
    public const int EscalationResponseReminderWorkingDays = 2;

    /// <summary>Every look-ahead, in the order the Rules page lists them.</summary>
    public static IReadOnlyList<DueSoonThreshold> Thresholds { get; } =
    [
        new("A deadline is tagged \"due soon\" on lists, the child's page and the compliance view", ShownAsDueSoonWorkingDays,
            "Three working weeks: time to arrange a meeting, visit or assessment before the date is missed."),
        new("The caseload's \"review due soon\" filter", CaseloadReviewsDueWithinWorkingDays,
            "Four working weeks: the IRO and social worker should talk 15 working days before a review, so the IRO needs to see it a week before that."),
        new("A recommendation's owner is reminded", RecommendationReminderWorkingDays,
            "One working week: the owner already has it on My work; the reminder is a last prompt to finish it."),
        new("A child's IRO and social worker are reminded of the next review", ReviewReminderWorkingDays,
            "The IRO and social worker should talk about the review 15 working days before it (the preparation checklist)."),
        new("A respondent is reminded of an escalation's response", EscalationResponseReminderWorkingDays,
            "Each stage of the formal process gives 5 working days to respond unless the council sets otherwise; two days' notice still leaves time to answer."),
    ];

    /// <summary>
    /// The last day tagged "due soon" from <paramref name="today"/>: the last of the working days counted, and
    /// any weekend or bank holiday straight after it, since no working day passes before those.
    /// </summary>
    public static DateOnly ShownAsDueSoonUntil(DateOnly today, WorkingDayCalendar calendar) =>
        calendar.AddWorkingDays(today, ShownAsDueSoonWorkingDays + 1).AddDays(-1);
}
