namespace CareReview.Web;

public static class Clock
{
    private static readonly TimeZoneInfo s_england = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>An instant as England's clocks showed it, the GOV.UK way: "3:30pm on 3 March 2026", "6pm on 23 November 2026".</summary>
    public static string AtTimeOnDayInEngland(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), s_england);
        return $"{Time(TimeOnly.FromDateTime(local))} on {GovukDate.Format(DateOnly.FromDateTime(local))}";
    }

    /// <summary>The instant (UTC) today began in England: midnight there, in summer time or not.</summary>
    public static DateTime StartOfTodayInEngland(this TimeProvider time) =>
        TimeZoneInfo.ConvertTimeToUtc(time.TodayInEngland().ToDateTime(TimeOnly.MinValue), s_england);

    /// <summary>A time of day the GOV.UK way: "2pm", "2:30pm", "midday", "midnight".</summary>
    public static string Time(TimeOnly time) => (time.Hour, time.Minute) switch
    {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        (_, 0) => time.ToString("htt", CultureInfo.InvariantCulture).ToLowerInvariant(),
        _ => time.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant(),
    };

    /// <summary>The day it was in England at <paramref name="instant"/>.</summary>
    public static DateOnly DayInEngland(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, s_england).DateTime);

    /// <summary>Today's date in England, which is what statutory deadlines are counted in.</summary>
    public static DateOnly TodayInEngland(this TimeProvider time) =>
        DayInEngland(time.GetUtcNow());
}
