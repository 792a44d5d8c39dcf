namespace CareReview.Domain.Returns;

/// <summary>
/// One SSDA903 collection year, named by the year it ends in: year 2026 runs from 1 April 2025 to
/// 31 March 2026 (ssda903.md, first section). Use this type wherever a return or report year is meant.
/// </summary>
public sealed record CollectionYear
{
    public CollectionYear(int endingYear)
    {
        // DateOnly cannot hold 1 April of year 0, so the first year is 2 and the last 9999.
        ArgumentOutOfRangeException.ThrowIfLessThan(endingYear, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(endingYear, 9999);
        EndingYear = endingYear;
    }

    /// <summary>The calendar year of the 31 March the collection ends on.</summary>
    public int EndingYear { get; }

    /// <summary>1 April of the year before <see cref="EndingYear"/>.</summary>
    public DateOnly Start => new(EndingYear - 1, 4, 1);

    /// <summary>31 March of <see cref="EndingYear"/>, the last day in the year.</summary>
    public DateOnly End => new(EndingYear, 3, 31);

    /// <summary>The year in words, e.g. "1 April 2025 to 31 March 2026".</summary>
    public string Label => $"{GovukDate.Format(Start)} to {GovukDate.Format(End)}";

    /// <summary>The collection year before this one.</summary>
    public CollectionYear Previous => new(EndingYear - 1);

    /// <summary>The collection year a day falls in: 31 March is the last day of one year, 1 April the first of the next.</summary>
    public static CollectionYear Containing(DateOnly day) => new(day.Month >= 4 ? day.Year + 1 : day.Year);

    /// <summary>The year holding <paramref name="today"/> and the ones before it, latest first: the years a council still sends or corrects.</summary>
    public static IReadOnlyList<CollectionYear> Recent(DateOnly today, int count = 4)
    {
        var latest = Containing(today);
        return [.. Enumerable.Range(0, count).Select(i => new CollectionYear(latest.EndingYear - i))];
    }

    public bool Contains(DateOnly day) => day >= Start && day <= End;

    public override string ToString() => Label;
}
