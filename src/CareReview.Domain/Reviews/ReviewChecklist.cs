namespace CareReview.Domain.Reviews;

public enum ChecklistState
{
    /// <summary>Not done, and its date has not passed.</summary>
    Due,

    /// <summary>Done by its date.</summary>
    Done,

    /// <summary>Done, but after its date.</summary>
    DoneLate,

    /// <summary>Not done, and its date has passed.</summary>
    Late,
}

/// <summary>One step around a review, with the date it is due by and the rule behind it.</summary>
public sealed record ChecklistItem(string RuleId, string Title, DateOnly DueOn, DateOnly? DoneOn, ChecklistState State, string Rule);

/// <summary>
/// The steps before and after a review meeting (statutory-rules.md §3.3 I1–I6). Each is due by a date
/// counted from the meeting in working days and shows as due, done or late. These timescales come from
/// guidance and local practice (grades B and C).
/// </summary>
public static class ReviewChecklist
{
    public static IReadOnlyList<ChecklistItem> Before(Review review, DateOnly today, WorkingDayCalendar calendar)
    {
        if (review.ScheduledFor is not { } meeting)
        {
            return [];
        }

        // The child's views and the parents' must be in before the meeting: by the working day before it.
        var dayBefore = calendar.AddWorkingDays(meeting, -1);
        return
        [
            Item("I1", "The IRO and social worker have talked about the review", calendar.AddWorkingDays(meeting, -Review.ConsultationWorkingDays),
                review.ConsultedOn, today, "At least 15 working days before the review (IRO Handbook, as NIROMP summarises it)"),
            Item("I2", "Reports and the care plan are with the IRO", calendar.AddWorkingDays(meeting, -Review.ReportsWorkingDays),
                review.ReportsReceivedOn, today, "At least 3 working days before the review (IRO Handbook, as NIROMP summarises it)"),
            review.ChildNotSeenAloneReason is null
                ? Item("I3", "The IRO spoke to the child alone", dayBefore, review.ChildSeenAloneOn, today, "Before each review (CPPCR 2010 reg 36)")
                : new ChecklistItem("I3", "The IRO did not speak to the child alone, and recorded why", dayBefore, null, ChecklistState.Done,
                    "Before each review, unless the child refuses or it is not appropriate (CPPCR 2010 reg 36)"),
            Item("I4", "Parents' and carers' views have been sought", dayBefore,
                review.ParentsViewsSoughtOn, today, "So far as reasonably practicable, before the review (CPPCR 2010 reg 36)"),
        ];
    }

    public static IReadOnlyList<ChecklistItem> After(Review review, DateOnly today, WorkingDayCalendar calendar) =>
        review.HeldOn is null
            ? []
            :
            [
                Item("I5", "Decisions sent out", review.DecisionsDueOn(calendar)!.Value, review.DecisionsIssuedOn, today,
                    "Within 5 working days of the review (local IRO practice standards)"),
                Item("I6", "Full record of the review sent out", review.RecordDueOn(calendar)!.Value, review.RecordIssuedOn, today,
                    "Within 20 working days of the review (local IRO practice standards)"),
            ];

    private static ChecklistItem Item(string id, string title, DateOnly dueOn, DateOnly? doneOn, DateOnly today, string rule) =>
        new(id, title, dueOn, doneOn, doneOn switch
        {
            { } done when done <= dueOn => ChecklistState.Done,
            not null => ChecklistState.DoneLate,
            null when today > dueOn => ChecklistState.Late,
            null => ChecklistState.Due,
        }, rule);
}
