namespace CareReview.Web;

public static class Clock
{
    private static readonly TimeZoneInfo s_england = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>An instant as England's clocks showed it, the GOV.UK way: "3:30pm on 3 March 2026", "6pm on 23 November 2026".</summary>
    public static string AtTimeOnDayInEngland(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), s_england);
        var time = (local.Hour, local.Minute) switch
        {
            (0, 0) => "midnight",
            (12, 0) => "midday",
            (_, 0) => local.ToString("htt", CultureInfo.InvariantCulture).ToLowerInvariant(),
            _ => local.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant(),
        };
        return $"{time} on {GovukDate.Format(DateOnly.FromDateTime(local))}";
    }

    /// <summary>The instant (UTC) today began in England: midnight there, in summer time or not.</summary>
    public static DateTime StartOfTodayInEngland(this TimeProvider time) =>
        TimeZoneInfo.ConvertTimeToUtc(time.TodayInEngland().ToDateTime(TimeOnly.MinValue), s_england);

    /// <summary>Today's date in England, which is what statutory deadlines are counted in.</summary>
    public static DateOnly TodayInEngland(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), s_england).DateTime);
}
