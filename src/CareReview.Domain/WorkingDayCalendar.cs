namespace CareReview.Domain;

/// <summary>
/// Working days in England: every day but Saturdays, Sundays and England and Wales bank holidays.
/// Bank holidays are computed by rule (Banking and Financial Dealings Act 1971 Sch 1 and the
/// standing royal proclamations) with a table of one-off changes, so the calendar works for any year
/// without a feed. An administrator's adjustments (a newly proclaimed day, or a day moved away) are
/// passed in and win over the rules.
/// </summary>
public sealed class WorkingDayCalendar
{
    public const int FirstSupportedYear = 1978;
    public const int LastSupportedYear = 2199;

    // Days proclaimed for one year only, and the rule days they displaced (statutory-rules.md §2.1).
    private static readonly DateOnly[] s_oneOffAdded =
    [
        new(1981, 7, 29),                   // Royal wedding (the Prince of Wales and Lady Diana Spencer)
        new(1995, 5, 8),                    // early May bank holiday moved to VE Day (50th anniversary)
        new(1999, 12, 31),                  // Millennium
        new(2002, 6, 3), new(2002, 6, 4),   // Golden Jubilee; spring bank holiday moved
        new(2011, 4, 29),                   // Royal wedding
        new(2012, 6, 4), new(2012, 6, 5),   // spring bank holiday moved; Diamond Jubilee
        new(2020, 5, 8),                    // early May bank holiday moved to VE Day
        new(2022, 6, 2), new(2022, 6, 3),   // spring bank holiday moved; Platinum Jubilee
        new(2022, 9, 19),                   // State funeral of Queen Elizabeth II
        new(2023, 5, 8),                    // Coronation of King Charles III
    ];

    private static readonly DateOnly[] s_oneOffRemoved =
    [
        new(1995, 5, 1),
        new(2002, 5, 27),
        new(2012, 5, 28),
        new(2020, 5, 4),
        new(2022, 5, 30),
    ];

    private readonly HashSet<DateOnly> _bankHolidays;

    public WorkingDayCalendar(IEnumerable<DateOnly>? addedDays = null, IEnumerable<DateOnly>? removedDays = null)
    {
        _bankHolidays = [];
        for (var year = FirstSupportedYear; year <= LastSupportedYear; year++)
        {
            _bankHolidays.UnionWith(RuleDays(year));
        }

        _bankHolidays.ExceptWith(s_oneOffRemoved);
        _bankHolidays.UnionWith(s_oneOffAdded);
        _bankHolidays.ExceptWith(removedDays ?? []);
        _bankHolidays.UnionWith(addedDays ?? []);
    }

    /// <summary>The calendar as the rules and one-off changes give it, with no local adjustments.</summary>
    public static WorkingDayCalendar EnglandAndWales { get; } = new();

    public bool IsBankHoliday(DateOnly date)
    {
        EnsureSupported(date);
        return _bankHolidays.Contains(date);
    }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsBankHoliday(date);

    public IReadOnlyList<DateOnly> BankHolidaysIn(int year)
    {
        EnsureSupported(new DateOnly(year, 1, 1));
        return [.. _bankHolidays.Where(d => d.Year == year).Order()];
    }

    /// <summary>
    /// "Within N working days of D": day 1 is the first working day after D, and the result is the
    /// Nth. D itself never counts, even when it is a working day (statutory-rules.md §2.2 rule 2).
    /// A negative N counts back the same way.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int workingDays)
    {
        var step = workingDays >= 0 ? 1 : -1;
        var date = from;
        for (var counted = 0; counted < Math.Abs(workingDays);)
        {
            date = date.AddDays(step);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// Working days from <paramref name="today"/> to <paramref name="deadline"/>: positive when the
    /// deadline is ahead (the number of working days after today up to and including it), zero on the
    /// day, and negative when it has passed (working days after the deadline up to and including today).
    /// </summary>
    public int WorkingDaysUntil(DateOnly today, DateOnly deadline)
    {
        if (deadline == today)
        {
            return 0;
        }

        var (start, end, sign) = deadline > today ? (today, deadline, 1) : (deadline, today, -1);
        var count = 0;
        for (var date = start.AddDays(1); date <= end; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return sign * count;
    }

    private static IEnumerable<DateOnly> RuleDays(int year)
    {
        yield return Substitute(new DateOnly(year, 1, 1));          // New Year's Day (proclamation, since 1974)
        var easter = EasterSunday(year);
        yield return easter.AddDays(-2);                             // Good Friday (common law)
        yield return easter.AddDays(1);                              // Easter Monday (1971 Act)
        yield return FirstMonday(year, 5);                           // Early May (proclamation, since 1978)
        yield return LastMonday(year, 5);                            // Spring (1971 Act)
        yield return LastMonday(year, 8);                            // Summer (1971 Act)

        // Christmas Day and Boxing Day, each moved to the next free weekday when it falls at a weekend.
        var christmas = new DateOnly(year, 12, 25);
        var boxingDay = new DateOnly(year, 12, 26);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Friday:
                yield return christmas;
                yield return new DateOnly(year, 12, 28);
                break;
            case DayOfWeek.Saturday:
                yield return new DateOnly(year, 12, 27);
                yield return new DateOnly(year, 12, 28);
                break;
            case DayOfWeek.Sunday:
                yield return boxingDay;
                yield return new DateOnly(year, 12, 27);
                break;
            default:
                yield return christmas;
                yield return boxingDay;
                break;
        }
    }

    private static DateOnly Substitute(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday => day.AddDays(2),
        DayOfWeek.Sunday => day.AddDays(1),
        _ => day,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>Western (Gregorian) Easter Sunday by the anonymous Gregorian algorithm.</summary>
    private static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static void EnsureSupported(DateOnly date)
    {
        if (date.Year is < FirstSupportedYear or > LastSupportedYear)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"The working-day calendar covers {FirstSupportedYear} to {LastSupportedYear}.");
        }
    }
}
