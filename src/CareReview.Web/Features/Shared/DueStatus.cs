namespace CareReview.Web.Features.Shared;

public enum DueState { Overdue, DueToday, DueSoon, Later }

/// <summary>
/// How near a deadline is, in working days, as every list and record shows it. A deadline that passed
/// on a Friday is overdue on the Saturday, though no working day has gone by since. How near is "soon" is
/// <see cref="DueSoonPolicy.ShownAsDueSoonWorkingDays"/>.
/// </summary>
public sealed record DueStatus(DueState State, int WorkingDays, string Text)
{
    public static DueStatus For(DateOnly due, DateOnly today, WorkingDayCalendar calendar)
    {
        var days = calendar.WorkingDaysUntil(today, due);
        if (due < today)
        {
            var late = Math.Max(1, -days);
            return new DueStatus(DueState.Overdue, -late, $"Overdue by {late} working {(late == 1 ? "day" : "days")}");
        }

        return days switch
        {
            0 => new DueStatus(DueState.DueToday, 0, "Due today"),
            <= DueSoonPolicy.ShownAsDueSoonWorkingDays => new DueStatus(DueState.DueSoon, days, $"{days} working {(days == 1 ? "day" : "days")} left"),
            _ => new DueStatus(DueState.Later, days, $"{days} working days left"),
        };
    }

    public string TagClass => State switch
    {
        DueState.Overdue => "govuk-tag govuk-tag--red",
        DueState.DueToday => "govuk-tag govuk-tag--orange",
        DueState.DueSoon => "govuk-tag govuk-tag--yellow",
        DueState.Later => "",
    };
}
