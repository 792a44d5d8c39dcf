namespace CareReview.Web;

public static class Clock
{
    private static readonly TimeZoneInfo s_england = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Today's date in England, which is what statutory deadlines are counted in.</summary>
    public static DateOnly TodayInEngland(this TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), s_england).DateTime);
}
