namespace CareReview.Web;

/// <summary>
/// The day the app runs as when <c>Clock:Today</c> is set (ADR-0018). It is for demonstrations and the test
/// suite only: a council's records must never be judged against a pretend date, so the app refuses to start
/// with it unless demo mode is on. The date stays the chosen one however long the app runs; the time of day
/// is the real time of day in England, so sessions, links and reminders still age as they would.
/// </summary>
public sealed class DemonstrationClock(DateOnly today, TimeProvider real) : TimeProvider
{
    private readonly TimeProvider _real = real;

    public const string Setting = "Clock:Today";

    private static readonly TimeZoneInfo s_england = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public DateOnly Today { get; } = today;

    /// <summary>
    /// The real time behind <paramref name="time"/>: what another machine's clock says, for what it checks against its
    /// own (a webhook's signed time). Only a chosen day differs from it.
    /// </summary>
    public static TimeProvider RealTimeOf(TimeProvider time) => time is DemonstrationClock chosen ? chosen._real : time;

    public override DateTimeOffset GetUtcNow()
    {
        var timeOfDay = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(_real.GetUtcNow(), s_england).DateTime);
        var local = Today.ToDateTime(timeOfDay);

        // The hour the clocks go forward does not exist in England; the hour after it does.
        if (s_england.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, s_england), TimeSpan.Zero);
    }

    public override long GetTimestamp() => _real.GetTimestamp();

    public override long TimestampFrequency => _real.TimestampFrequency;

    /// <summary>The chosen day, or null when <c>Clock:Today</c> is not set.</summary>
    /// <exception cref="InvalidOperationException">The setting is not a date written as 2027-02-28.</exception>
    public static DateOnly? ChosenDay(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidOperationException($"{Setting} is \"{value}\", which is not a date written as 2027-02-28.");
    }

    /// <summary>Why the app must not start with these settings, or null when it may.</summary>
    public static string? Refusal(DateOnly? chosenDay, bool demoMode) =>
        chosenDay is { } day && !demoMode
            ? $"{Setting} is set to {day:yyyy-MM-dd}, but demo mode is off. A chosen day is for demonstrations and tests only, "
                + "so that no council's records are judged against a pretend date. Remove Clock:Today (Clock__Today), "
                + "or turn demo mode on (Demo__Enabled=true) on a database of synthetic data."
            : null;

    /// <summary>The words every page shows in its header while a chosen day is in force.</summary>
    public static string Banner(DateOnly today) => $"today is {GovukDate.Format(today)}";

    /// <summary>What the banner says of a demonstration on the real clock.</summary>
    public const string MadeUp = "every child and person here is made up; never enter a real child's details";
}

/// <summary>The chosen day in force, or null on the real clock; the layouts read it to say so in the header.</summary>
public sealed record DemonstrationDay(DateOnly? Today);
