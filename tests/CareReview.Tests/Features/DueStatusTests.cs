using CareReview.Domain;
using CareReview.Web.Features.Shared;

namespace CareReview.Tests.Features;

/// <summary>How near a deadline is, as lists and records show it.</summary>
public sealed class DueStatusTests
{
    private static readonly WorkingDayCalendar s_calendar = WorkingDayCalendar.EnglandAndWales;

    [Theory]
    [InlineData("2026-11-20", "2026-11-21", DueState.Overdue, "Overdue by 1 working day")]   // Friday's deadline on Saturday
    [InlineData("2026-11-20", "2026-11-23", DueState.Overdue, "Overdue by 1 working day")]   // and on Monday
    [InlineData("2026-11-18", "2026-11-23", DueState.Overdue, "Overdue by 3 working days")]
    [InlineData("2026-11-23", "2026-11-23", DueState.DueToday, "Due today")]
    [InlineData("2026-11-24", "2026-11-23", DueState.DueSoon, "1 working day left")]
    [InlineData("2026-12-29", "2026-12-23", DueState.DueSoon, "2 working days left")]        // over Christmas and Boxing Day
    [InlineData("2027-01-29", "2026-11-23", DueState.Later, "46 working days left")]
    public void A_deadline_is_described_in_working_days(string due, string today, DueState state, string text)
    {
        var status = DueStatus.For(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), s_calendar);

        Assert.Equal(state, status.State);
        Assert.Equal(text, status.Text);
    }
}
