using System.Globalization;

namespace CareReview.Tests.Domain;

/// <summary>Dates in test tables are written as ISO strings ("2025-12-08") and read here.</summary>
internal static class Dates
{
    public static DateOnly D(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly? OptionalD(string? isoDate) => isoDate is null ? null : D(isoDate);
}
