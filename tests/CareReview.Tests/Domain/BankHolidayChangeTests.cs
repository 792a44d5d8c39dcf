using CareReview.Domain;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>
/// An administrator adds a newly proclaimed bank holiday or removes a rule day a proclamation moved: only a
/// day that is not already one can be added, only a bank holiday removed, each day changed once, and only
/// in the years the calendar covers.
/// </summary>
public sealed class BankHolidayChangeTests
{
    private static readonly WorkingDayCalendar s_calendar = WorkingDayCalendar.EnglandAndWales;

    private static IEnumerable<string> Problems(string date, bool? removed, bool alreadyChanged = false, WorkingDayCalendar? calendar = null) =>
        BankHolidayChange.Problems(D(date), removed, alreadyChanged, calendar ?? s_calendar).Select(p =>
        {
            Assert.Equal("Date", p.Field);
            return p.Message;
        });

    [Theory]
    [InlineData("2026-12-04", false)] // an ordinary Friday, newly proclaimed
    [InlineData("2026-12-25", true)]  // Christmas Day, moved by proclamation
    [InlineData("2026-12-25", null)]  // not yet said which: nothing that depends on it is checked
    [InlineData("1978-01-02", true)]  // the first year the calendar covers
    [InlineData("2199-12-30", false)] // and the last
    public void A_change_that_makes_sense_is_allowed(string date, bool? removed) =>
        Assert.Empty(Problems(date, removed));

    [Fact]
    public void A_day_that_is_already_a_bank_holiday_cannot_be_added() =>
        Assert.Equal(["25 December 2026 is already a bank holiday"], Problems("2026-12-25", removed: false));

    [Theory]
    [InlineData("2026-12-04")] // a working day
    [InlineData("2026-12-05")] // a Saturday is not a bank holiday either
    public void A_day_that_is_not_a_bank_holiday_cannot_be_removed(string date) =>
        Assert.Equal([$"{GovukDate.Format(D(date))} is not a bank holiday, so it cannot be removed"], Problems(date, removed: true));

    [Fact]
    public void A_day_already_changed_cannot_be_changed_again()
    {
        var adjusted = new WorkingDayCalendar(addedDays: [D("2026-12-04")]);

        Assert.Equal(["4 December 2026 has already been changed. Ask a developer to correct it", "4 December 2026 is already a bank holiday"],
            Problems("2026-12-04", removed: false, alreadyChanged: true, adjusted));
        Assert.Equal(["4 December 2026 has already been changed. Ask a developer to correct it"],
            Problems("2026-12-04", removed: true, alreadyChanged: true, adjusted));
    }

    [Theory]
    [InlineData("1977-12-26", false)]
    [InlineData("1977-12-26", true)]
    [InlineData("2200-01-01", null)]
    public void A_day_outside_the_years_the_calendar_covers_is_refused_without_asking_it(string date, bool? removed) =>
        Assert.Equal(["Date must be between 1978 and 2199"], Problems(date, removed));
}
