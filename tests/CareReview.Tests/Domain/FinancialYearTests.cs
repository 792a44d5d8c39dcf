using CareReview.Domain;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>
/// A financial year (the SSDA903 collection year, the annual report's year) is named by the year it ends:
/// 2026 is 1 April 2025 to 31 March 2026.
/// </summary>
public sealed class FinancialYearTests
{
    [Fact]
    public void Year_2026_runs_from_1_April_2025_to_31_March_2026()
    {
        var year = new FinancialYear(2026);

        Assert.Equal(new DateOnly(2025, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2026, 3, 31), year.End);
        Assert.Equal(2025, year.StartingYear);
        Assert.Equal("1 April 2025 to 31 March 2026", year.Label);
        Assert.Equal(2025, year.Previous.EndingYear);
    }

    [Theory]
    [InlineData(2026, 3, 31, 2026)]
    [InlineData(2026, 4, 1, 2027)]
    [InlineData(2025, 4, 1, 2026)]
    [InlineData(2025, 12, 31, 2026)]
    [InlineData(2026, 1, 1, 2026)]
    public void A_day_falls_in_the_year_ending_on_the_next_31_March(int y, int m, int d, int endingYear)
    {
        var year = FinancialYear.Containing(new DateOnly(y, m, d));

        Assert.Equal(endingYear, year.EndingYear);
        Assert.True(year.Contains(new DateOnly(y, m, d)));
        Assert.False(year.Previous.Contains(new DateOnly(y, m, d)));
    }

    [Theory]
    [InlineData("2025-04-01", 1)]
    [InlineData("2025-06-30", 1)]
    [InlineData("2025-07-01", 2)]
    [InlineData("2025-09-30", 2)]
    [InlineData("2025-10-01", 3)]
    [InlineData("2025-12-31", 3)]
    [InlineData("2026-01-01", 4)]
    [InlineData("2026-03-31", 4)]
    public void Quarters_run_from_April_to_June_first(string day, int quarter) =>
        Assert.Equal(quarter, FinancialYear.QuarterOf(D(day)));

    [Fact]
    public void The_recent_years_are_the_one_holding_today_and_those_before_it_latest_first() =>
        Assert.Equal([2027, 2026, 2025, 2024], FinancialYear.Recent(new DateOnly(2026, 4, 1)).Select(y => y.EndingYear));
}
