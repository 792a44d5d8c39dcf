namespace CareReview.Web.Features.Deadlines;

public enum Compliance { Overdue, DueSoon, Due, Done }

/// <summary>
/// Where a statutory item stands today: overdue, due soon (within <see cref="DueSoonPolicy.ShownAsDueSoonWorkingDays"/>
/// working days), due later, or done (a one-off item done, or a recurring one done and not due again soon).
/// The same rules are written as SQL in <see cref="Where"/>, so lists filter in the database.
/// </summary>
public sealed record ComplianceState(Compliance State, string Text, string TagClass)
{
    public static ComplianceState For(ChildDeadline deadline, DateOnly today, WorkingDayCalendar calendar)
    {
        if (deadline.DoneOn is { } done)
        {
            return new(Compliance.Done, done > deadline.DueOn ? $"Done late on {GovukDate.Format(done)}" : $"Done on {GovukDate.Format(done)}",
                done > deadline.DueOn ? "govuk-tag govuk-tag--grey" : "govuk-tag govuk-tag--green");
        }

        var status = DueStatus.For(deadline.DueOn, today, calendar);
        return status.State switch
        {
            DueState.Overdue => new(Compliance.Overdue, status.Text, "govuk-tag govuk-tag--red"),
            DueState.DueToday or DueState.DueSoon => new(Compliance.DueSoon, status.Text, "govuk-tag govuk-tag--yellow"),
            _ when deadline.LastDoneOn is { } last => new(Compliance.Done, $"Done on {GovukDate.Format(last)}", "govuk-tag govuk-tag--green"),
            _ => new(Compliance.Due, "Due", "govuk-tag govuk-tag--blue"),
        };
    }

    public static string Describe(Compliance state) => state switch
    {
        Compliance.Overdue => "Overdue",
        Compliance.DueSoon => "Due soon",
        Compliance.Due => "Due",
        Compliance.Done => "Done",
        _ => state.ToString(),
    };

    /// <summary>The deadlines in a state, as a query the database can run.</summary>
    public static IQueryable<ChildDeadline> Where(IQueryable<ChildDeadline> deadlines, Compliance state, DateOnly today, DateOnly soonUntil) => state switch
    {
        Compliance.Overdue => deadlines.Where(d => d.DoneOn == null && d.DueOn < today),
        Compliance.DueSoon => deadlines.Where(d => d.DoneOn == null && d.DueOn >= today && d.DueOn <= soonUntil),
        Compliance.Due => deadlines.Where(d => d.DoneOn == null && d.LastDoneOn == null && d.DueOn > soonUntil),
        Compliance.Done => deadlines.Where(d => d.DoneOn != null || (d.LastDoneOn != null && d.DueOn > soonUntil)),
        _ => deadlines,
    };
}
