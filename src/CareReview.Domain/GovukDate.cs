using System.Globalization;

namespace CareReview.Domain;

/// <summary>Dates written the GOV.UK way: "3 March 2026".</summary>
public static class GovukDate
{
    // The month names are written out rather than taken from the en-GB culture: the deadline engine
    // writes millions of dates a night and the culture's formatter was a tenth of its time.
    private static readonly string[] s_months =
    [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ];

    public static string Format(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Day} {s_months[date.Month - 1]} {date.Year:D4}");

    public static string Format(DateOnly? date, string whenMissing = "") =>
        date is { } d ? Format(d) : whenMissing;
}
