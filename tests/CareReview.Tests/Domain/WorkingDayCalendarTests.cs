using CareReview.Domain;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>
/// The working-day engine (statutory-rules.md §2): England and Wales bank holidays by rule, the
/// published GOV.UK list as the oracle, and the "within N working days" counting convention.
/// </summary>
public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar s_calendar = WorkingDayCalendar.EnglandAndWales;

    // Years whose bank holidays differ from the standing rules, and by how many days.
    private static readonly Dictionary<int, int> s_extraDays = new()
    {
        [2002] = 1, // Golden Jubilee (spring bank holiday moved into June beside it)
        [2011] = 1, // Royal wedding
        [2012] = 1, // Diamond Jubilee (spring bank holiday moved into June beside it)
        [2022] = 2, // Platinum Jubilee (spring bank holiday moved) and the State funeral
        [2023] = 1, // Coronation
    };

    private static readonly int[] s_springMovedToJune = [2002, 2012, 2022];

    // ---- The published list is the oracle -------------------------------------------------------

    private static IReadOnlyList<DateOnly> PublishedBankHolidays()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Domain", "bank-holidays-england-and-wales.csv");
        return [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => D(l.Split(',', 2)[0]))];
    }

    [Fact]
    public void The_published_list_covers_every_year_from_2019_to_2027()
    {
        var years = PublishedBankHolidays().Select(d => d.Year).Distinct().Order();

        Assert.Equal(Enumerable.Range(2019, 9), years);
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void Bank_holidays_are_exactly_those_published_on_GOV_UK(int year)
    {
        var published = PublishedBankHolidays().Where(d => d.Year == year).Order().ToList();

        Assert.NotEmpty(published);
        Assert.Equal(published, s_calendar.BankHolidaysIn(year));
    }

    // ---- Working days --------------------------------------------------------------------------

    [Theory]
    [InlineData("2025-06-16", true)]  // an ordinary Monday
    [InlineData("2025-06-14", false)] // Saturday
    [InlineData("2025-06-15", false)] // Sunday
    [InlineData("2025-04-18", false)] // Good Friday
    [InlineData("2025-04-21", false)] // Easter Monday
    [InlineData("2025-04-22", true)]
    [InlineData("2025-05-05", false)] // early May bank holiday
    [InlineData("2025-05-26", false)] // spring bank holiday
    [InlineData("2025-08-25", false)] // summer bank holiday
    [InlineData("2025-12-24", true)]  // Christmas Eve is a working day
    [InlineData("2025-12-25", false)]
    [InlineData("2025-12-26", false)]
    [InlineData("2025-12-29", true)]
    [InlineData("2026-01-01", false)]
    [InlineData("2026-01-02", true)]
    [InlineData("2021-12-27", false)] // Christmas Day (substitute day)
    [InlineData("2021-12-28", false)] // Boxing Day (substitute day)
    [InlineData("2021-12-29", true)]
    [InlineData("2022-01-03", false)] // New Year's Day (substitute day)
    [InlineData("2022-09-19", false)] // State funeral
    [InlineData("2020-05-04", true)]  // the early May bank holiday moved from here...
    [InlineData("2020-05-08", false)] // ...to VE Day
    public void Weekends_and_bank_holidays_are_not_working_days(string date, bool isWorkingDay)
    {
        Assert.Equal(isWorkingDay, s_calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData("2025-06-02", 1, "2025-06-03")]   // the day itself never counts, even a working day
    [InlineData("2025-06-06", 1, "2025-06-09")]   // Friday to Monday
    [InlineData("2025-06-07", 1, "2025-06-09")]   // from a Saturday
    [InlineData("2025-06-07", 0, "2025-06-07")]   // zero days is the day itself
    [InlineData("2025-06-02", 5, "2025-06-09")]
    [InlineData("2025-06-02", 20, "2025-06-30")]  // four clear weeks with no bank holiday
    [InlineData("2025-04-17", 1, "2025-04-22")]   // over Good Friday, the weekend and Easter Monday
    [InlineData("2025-12-24", 1, "2025-12-29")]   // over Christmas Day, Boxing Day and the weekend
    [InlineData("2025-12-31", 1, "2026-01-02")]   // over New Year's Day
    [InlineData("2025-12-08", 20, "2026-01-08")]  // Christmas, Boxing Day and New Year's Day inside
    [InlineData("2025-12-15", 20, "2026-01-15")]
    [InlineData("2021-12-24", 1, "2021-12-29")]   // over both Christmas substitute days
    [InlineData("2021-12-31", 1, "2022-01-04")]   // over the New Year's Day substitute day
    [InlineData("2022-09-16", 1, "2022-09-20")]   // over the State funeral
    [InlineData("2025-04-22", -1, "2025-04-17")]  // counting back over Easter
    [InlineData("2026-01-02", -1, "2025-12-31")]  // counting back over New Year's Day
    [InlineData("2025-12-29", -1, "2025-12-24")]  // counting back over Christmas
    public void Adding_working_days_counts_from_the_first_working_day_after_the_start(string from, int workingDays, string expected)
    {
        Assert.Equal(D(expected), s_calendar.AddWorkingDays(D(from), workingDays));
    }

    [Theory]
    [InlineData("2025-06-02", "2025-06-02", 0)]   // due today
    [InlineData("2025-06-02", "2025-06-03", 1)]
    [InlineData("2025-06-02", "2025-06-06", 4)]
    [InlineData("2025-06-06", "2025-06-09", 1)]   // the weekend in between does not count
    [InlineData("2025-12-24", "2025-12-29", 1)]   // nor do Christmas Day and Boxing Day
    [InlineData("2025-12-15", "2026-01-15", 20)]
    [InlineData("2025-06-03", "2025-06-02", -1)]  // passed yesterday
    [InlineData("2025-06-06", "2025-06-02", -4)]
    [InlineData("2025-12-29", "2025-12-24", -1)]
    public void Working_days_until_a_deadline_are_positive_ahead_zero_on_the_day_and_negative_once_passed(
        string today, string deadline, int expected)
    {
        Assert.Equal(expected, s_calendar.WorkingDaysUntil(D(today), D(deadline)));
    }

    [Theory]
    [InlineData("2025-06-02", 1)]
    [InlineData("2025-12-15", 20)]
    [InlineData("2025-12-20", 10)]
    [InlineData("2022-05-27", 7)]
    [InlineData("2026-04-02", 3)]
    public void Working_days_until_undoes_adding_working_days(string from, int workingDays)
    {
        var deadline = s_calendar.AddWorkingDays(D(from), workingDays);

        Assert.Equal(workingDays, s_calendar.WorkingDaysUntil(D(from), deadline));
        Assert.Equal(-workingDays, s_calendar.WorkingDaysUntil(deadline, D(from)));
    }

    // ---- An administrator's adjustments --------------------------------------------------------

    [Fact]
    public void A_newly_proclaimed_day_becomes_a_bank_holiday_and_not_a_working_day()
    {
        var proclaimed = D("2026-06-15");
        var calendar = new WorkingDayCalendar(addedDays: [proclaimed]);

        Assert.True(calendar.IsBankHoliday(proclaimed));
        Assert.False(calendar.IsWorkingDay(proclaimed));
        Assert.Contains(proclaimed, calendar.BankHolidaysIn(2026));
        Assert.Equal(9, calendar.BankHolidaysIn(2026).Count);
        Assert.Equal(D("2026-06-16"), calendar.AddWorkingDays(D("2026-06-12"), 1));
    }

    [Fact]
    public void A_day_moved_away_becomes_a_working_day()
    {
        var movedAway = D("2026-05-04");
        var calendar = new WorkingDayCalendar(removedDays: [movedAway]);

        Assert.False(calendar.IsBankHoliday(movedAway));
        Assert.True(calendar.IsWorkingDay(movedAway));
        Assert.Equal(7, calendar.BankHolidaysIn(2026).Count);
        Assert.Equal(movedAway, calendar.AddWorkingDays(D("2026-05-01"), 1));
    }

    [Fact]
    public void Adjustments_do_not_change_the_standard_calendar()
    {
        _ = new WorkingDayCalendar(addedDays: [D("2026-06-15")], removedDays: [D("2026-05-04")]);

        Assert.True(WorkingDayCalendar.EnglandAndWales.IsWorkingDay(D("2026-06-15")));
        Assert.False(WorkingDayCalendar.EnglandAndWales.IsWorkingDay(D("2026-05-04")));
    }

    // ---- The rules hold for every year, not just the published ones ----------------------------

    public static TheoryData<int> YearsFrom2000To2100()
    {
        var years = new TheoryData<int>();
        for (var year = 2000; year <= 2100; year++)
        {
            years.Add(year);
        }

        return years;
    }

    [Theory]
    [MemberData(nameof(YearsFrom2000To2100))]
    public void Every_year_has_the_eight_standing_bank_holidays_plus_any_one_off_days(int year)
    {
        var days = s_calendar.BankHolidaysIn(year);
        var easter = EasterSunday(year);

        Assert.All(days, d => Assert.Equal(year, d.Year));
        Assert.All(days, d => Assert.False(d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday, $"{d} falls at a weekend"));
        Assert.Equal(8 + s_extraDays.GetValueOrDefault(year), days.Count);

        // New Year's Day, or the Monday after when it falls at a weekend.
        Assert.Equal([FirstWeekdayOnOrAfter(new DateOnly(year, 1, 1))], days.Where(d => d.Month == 1));

        Assert.Contains(easter.AddDays(-2), days); // Good Friday
        Assert.Contains(easter.AddDays(1), days);  // Easter Monday

        if (year == 2020)
        {
            Assert.Contains(new DateOnly(2020, 5, 8), days); // moved to VE Day
        }
        else
        {
            Assert.Contains(FirstMonday(year, 5), days);
        }

        if (s_springMovedToJune.Contains(year))
        {
            Assert.DoesNotContain(LastMonday(year, 5), days);
            Assert.Equal(2, days.Count(d => d.Month == 6));
        }
        else
        {
            Assert.Contains(LastMonday(year, 5), days);
        }

        Assert.Contains(LastMonday(year, 8), days);

        // Christmas Day and Boxing Day, or their substitutes: always the first two weekdays from 25 December.
        var christmas = FirstWeekdayOnOrAfter(new DateOnly(year, 12, 25));
        var boxingDay = FirstWeekdayOnOrAfter(christmas.AddDays(1));
        Assert.Equal([christmas, boxingDay], days.Where(d => d.Month == 12));
    }

    [Theory]
    [InlineData("2000-01-03", "2000-04-21", "2000-04-24", "2000-05-01", "2000-05-29", "2000-08-28", "2000-12-25", "2000-12-26")]
    [InlineData("2004-01-01", "2004-04-09", "2004-04-12", "2004-05-03", "2004-05-31", "2004-08-30", "2004-12-27", "2004-12-28")]
    [InlineData("2005-01-03", "2005-03-25", "2005-03-28", "2005-05-02", "2005-05-30", "2005-08-29", "2005-12-26", "2005-12-27")]
    [InlineData("2010-01-01", "2010-04-02", "2010-04-05", "2010-05-03", "2010-05-31", "2010-08-30", "2010-12-27", "2010-12-28")]
    [InlineData("2015-01-01", "2015-04-03", "2015-04-06", "2015-05-04", "2015-05-25", "2015-08-31", "2015-12-25", "2015-12-28")]
    [InlineData("2016-01-01", "2016-03-25", "2016-03-28", "2016-05-02", "2016-05-30", "2016-08-29", "2016-12-26", "2016-12-27")]
    [InlineData("2017-01-02", "2017-04-14", "2017-04-17", "2017-05-01", "2017-05-29", "2017-08-28", "2017-12-25", "2017-12-26")]
    public void Historic_years_have_the_bank_holidays_that_were_observed(params string[] expected)
    {
        var year = D(expected[0]).Year;

        Assert.Equal(expected.Select(D), s_calendar.BankHolidaysIn(year));
    }

    [Theory]
    [InlineData("1981-07-29", true)]  // Royal wedding
    [InlineData("1995-05-01", false)] // early May bank holiday moved...
    [InlineData("1995-05-08", true)]  // ...to VE Day, 50th anniversary
    [InlineData("1999-12-31", true)]  // Millennium
    [InlineData("2002-05-27", false)] // spring bank holiday moved into June...
    [InlineData("2002-06-03", true)]  // ...for the Golden Jubilee
    [InlineData("2002-06-04", true)]
    [InlineData("2011-04-29", true)]  // Royal wedding
    [InlineData("2012-05-28", false)] // spring bank holiday moved into June...
    [InlineData("2012-06-04", true)]  // ...for the Diamond Jubilee
    [InlineData("2012-06-05", true)]
    [InlineData("2022-05-30", false)] // spring bank holiday moved into June...
    [InlineData("2022-06-02", true)]  // ...for the Platinum Jubilee
    [InlineData("2022-06-03", true)]
    [InlineData("2022-09-19", true)]  // State funeral of Queen Elizabeth II
    [InlineData("2023-05-08", true)]  // Coronation of King Charles III
    public void One_off_proclaimed_days_are_bank_holidays_and_the_days_they_replaced_are_not(string date, bool isBankHoliday)
    {
        Assert.Equal(isBankHoliday, s_calendar.IsBankHoliday(D(date)));
        Assert.Equal(!isBankHoliday, s_calendar.IsWorkingDay(D(date)));
    }

    [Theory]
    [InlineData(2000, "2000-04-21", "2000-04-24")] // Easter Sunday 23 April
    [InlineData(2008, "2008-03-21", "2008-03-24")] // Easter Sunday 23 March
    [InlineData(2011, "2011-04-22", "2011-04-25")] // Easter Sunday 24 April
    [InlineData(2013, "2013-03-29", "2013-04-01")] // Easter Sunday 31 March
    [InlineData(2038, "2038-04-23", "2038-04-26")] // Easter Sunday 25 April, the latest possible
    [InlineData(2100, "2100-03-26", "2100-03-29")] // Easter Sunday 28 March
    public void Good_Friday_and_Easter_Monday_follow_Easter(int year, string goodFriday, string easterMonday)
    {
        var days = s_calendar.BankHolidaysIn(year);

        Assert.Contains(D(goodFriday), days);
        Assert.Contains(D(easterMonday), days);
        Assert.Equal(D(goodFriday).AddDays(3), D(easterMonday));
        Assert.Equal(EasterSunday(year), D(goodFriday).AddDays(2));
    }

    [Theory]
    [InlineData("1977-12-30")]
    [InlineData("2200-01-01")]
    public void Dates_outside_the_supported_years_are_refused_rather_than_guessed(string date)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_calendar.IsBankHoliday(D(date)));
    }

    // ---- Independent arithmetic for the checks above -------------------------------------------

    /// <summary>
    /// Western Easter by the Lilius–Clavius epact method (as python-dateutil computes it), deliberately
    /// not the algorithm the calendar itself uses.
    /// </summary>
    private static DateOnly EasterSunday(int year)
    {
        var g = year % 19;
        var c = year / 100;
        var h = (c - (c / 4) - (((8 * c) + 13) / 25) + (19 * g) + 15) % 30;
        var i = h - ((h / 28) * (1 - ((h / 28) * (29 / (h + 1)) * ((21 - g) / 11))));
        var j = (year + (year / 4) + i + 2 - c + (c / 4)) % 7;
        var p = i - j;
        var day = 1 + ((p + 27 + ((p + 6) / 40)) % 31);
        var month = 3 + ((p + 26) / 30);
        return new DateOnly(year, month, day);
    }

    private static DateOnly FirstWeekdayOnOrAfter(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month) =>
        Enumerable.Range(1, 7).Select(day => new DateOnly(year, month, day)).Single(d => d.DayOfWeek == DayOfWeek.Monday);

    private static DateOnly LastMonday(int year, int month)
    {
        var last = DateTime.DaysInMonth(year, month);
        return Enumerable.Range(last - 6, 7).Select(day => new DateOnly(year, month, day)).Single(d => d.DayOfWeek == DayOfWeek.Monday);
    }
}
