using CareReview.Domain.Research;

namespace CareReview.Web.Features.Research;

/// <summary>
/// The council's k for the research extract (setting <c>Research:K</c>): every child in it shares its
/// quasi-identifiers with at least k - 1 others. A council may ask for more than the default 5, never fewer.
/// </summary>
public static class ResearchSettings
{
    public const string KSetting = "Research:K";

    public static int KIn(IConfiguration configuration) => configuration.GetValue<int?>(KSetting) ?? KAnonymity.DefaultK;

    /// <summary>Why the app must not start with this setting, or null.</summary>
    public static string? Refusal(IConfiguration configuration)
    {
        int k;
        try
        {
            k = KIn(configuration);
        }
        catch (InvalidOperationException)
        {
            return $"{KSetting} must be a whole number.";
        }

        return k < KAnonymity.DefaultK ? $"{KSetting} must be {KAnonymity.DefaultK} or more, not {k}." : null;
    }
}
