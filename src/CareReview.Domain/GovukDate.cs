using System.Globalization;

namespace CareReview.Domain;

/// <summary>Dates written the GOV.UK way: "3 March 2026".</summary>
public static class GovukDate
{
    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-GB");

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", s_english);

    public static string Format(DateOnly? date, string whenMissing = "") =>
        date is { } d ? Format(d) : whenMissing;
}
