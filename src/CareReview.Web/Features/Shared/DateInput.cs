namespace CareReview.Web.Features.Shared;

/// <summary>
/// The GOV.UK date input: day, month and year typed in three boxes, checked here so that each
/// mistake gets the message the design system recommends.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    public static DateInput From(DateOnly? date) => date is { } d
        ? new DateInput
        {
            Day = d.Day.ToString(CultureInfo.InvariantCulture),
            Month = d.Month.ToString(CultureInfo.InvariantCulture),
            Year = d.Year.ToString(CultureInfo.InvariantCulture),
        }
        : new DateInput();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date, or a message such as "Date of birth must include a month" naming the field.</summary>
    public (DateOnly? Date, string? Error) Parse(string fieldName)
    {
        if (IsEmpty)
        {
            return (null, $"Enter {fieldName.ToLowerInvariant()}");
        }

        string[] missing =
        [
            .. new[] { ("a day", Day), ("a month", Month), ("a year", Year) }
                .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1),
        ];
        if (missing.Length > 0)
        {
            return (null, $"{fieldName} must include {string.Join(" and ", missing)}");
        }

        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return (null, $"{fieldName} must be a real date, in numbers");
        }

        if (Year!.Trim().Length != 4)
        {
            return (null, "Year must include 4 numbers");
        }

        if (year < 1900 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, $"{fieldName} must be a real date");
        }

        // Nothing a council records is dated this far ahead; such a year is a slip of the keyboard.
        if (year > 2100)
        {
            return (null, $"{fieldName} must be in 2100 or before");
        }

        return (new DateOnly(year, month, day), null);
    }
}
