namespace CareReview.Web.Features.BreakGlass;

/// <summary>How long emergency access lasts: <c>BreakGlass:Hours</c>, a duty shift unless the council sets otherwise.</summary>
public static class BreakGlassSettings
{
    public const string HoursSetting = "BreakGlass:Hours";
    public const int DefaultHours = 8;

    /// <summary>A day at most: access for longer is an allocation, not an emergency.</summary>
    public const int MostHours = 24;

    public static TimeSpan LengthIn(IConfiguration configuration) =>
        TimeSpan.FromHours(configuration.GetValue<int?>(HoursSetting) ?? DefaultHours);

    /// <summary>Why the app must not start with this setting, or null.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        int? hours;
        try
        {
            hours = configuration.GetValue<int?>(HoursSetting);
        }
        catch (InvalidOperationException)
        {
            return $"{HoursSetting} must be a whole number of hours.";
        }

        return hours is < 1 or > MostHours ? $"{HoursSetting} must be from 1 to {MostHours} hours, not {hours}." : null;
    }
}
