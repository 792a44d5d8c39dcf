namespace CareReview.Domain;

/// <summary>
/// A financial year, 1 April to 31 March, named by the year it ends in: year 2026 runs from 1 April 2025
/// to 31 March 2026. The SSDA903 collection year is the same year (ssda903.md, first section), and so are
/// the IRO annual report's year and its quarters. Use this type wherever such a year is meant.
/// </summary>
public sealed record FinancialYear
{
    public FinancialYear(int endingYear)
    {
        // DateOnly cannot hold 1 April of year 0, so the first year is 2 and the last 9999.
        ArgumentOutOfRangeException.ThrowIfLessThan(endingYear, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endingYear, 9999);
        EndingYear = endingYear;
    }

    /// <summary>The calendar year of the 31 March the year ends on.</summary>
    public int EndingYear { get; }

    /// <summary>The calendar year of the 1 April the year starts on: some lists name the year by it.</summary>
    public int StartingYear => EndingYear - 1;

    /// <summary>1 April of <see cref="StartingYear"/>.</summary>
    public DateOnly Start => new(StartingYear, 4, 1);

    /// <summary>31 March of <see cref="EndingYear"/>, the last day in the year.</summary>
    public DateOnly End => new(EndingYear, 3, 31);

    /// <summary>The year in words, e.g. "1 April 2025 to 31 March 2026".</summary>
    public string Label => $"{GovukDate.Format(Start)} to {GovukDate.Format(End)}";

    /// <summary>The year before this one.</summary>
    public FinancialYear Previous => new(EndingYear - 1);

    /// <summary>The year a day falls in: 31 March is the last day of one year, 1 April the first of the next.</summary>
    public static FinancialYear Containing(DateOnly day) => new(day.Month >= 4 ? day.Year + 1 : day.Year);

    /// <summary>The year holding <paramref name="today"/> and the ones before it, latest first: the years a council still sends or corrects.</summary>
    public static IReadOnlyList<FinancialYear> Recent(DateOnly today, int count = 4)
    {
        var latest = Containing(today);
        return [.. Enumerable.Range(0, count).Select(i => new FinancialYear(latest.EndingYear - i))];
    }

    /// <summary>The quarter of its financial year a day falls in: 1 is April to June, 4 is January to March.</summary>
    public static int QuarterOf(DateOnly day) => day.Month switch { >= 4 and <= 6 => 1, >= 7 and <= 9 => 2, >= 10 => 3, _ => 4 };

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public override string ToString() => Label;
}
