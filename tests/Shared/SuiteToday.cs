using System.Globalization;
using CareReview.Web;

namespace CareReview.Tests.Shared;

/// <summary>
/// The day the suite runs as: <c>CAREREVIEW_TODAY</c> (which <c>./test.sh --today 2027-02-28</c> sets), or
/// without it the real date in England. This is the one place in the tests that reads the real clock
/// (<c>NoTestReadsTheRealClockTests</c> holds every other file to that); the demo council, the app under
/// test in the browser journeys and those journeys' own dates all follow it, so the suite can be run as if
/// it were any day.
/// </summary>
public static class SuiteToday
{
    public const string Variable = "CAREREVIEW_TODAY";

    public static DateOnly Date { get; } = Read();

    /// <summary>10:00 in England on <see cref="Date"/>, for a fake clock to start from.</summary>
    public static DateTimeOffset TenOClock
    {
        get
        {
            var england = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
            var local = Date.ToDateTime(new TimeOnly(10, 0));
            return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, england), TimeSpan.Zero);
        }
    }

    private static DateOnly Read()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return TimeProvider.System.TodayInEngland();
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidOperationException($"{Variable} is \"{value}\", which is not a date written as 2027-02-28.");
    }
}
