using CareReview.Domain.Returns;

namespace CareReview.Tests.Domain.Returns;

/// <summary>A 903 collection year is named by the year it ends: 2026 is 1 April 2025 to 31 March 2026.</summary>
public sealed class CollectionYearTests
{
    [Fact]
    public void Year_2026_runs_from_1_April_2025_to_31_March_2026()
    {
        var year = new CollectionYear(2026);

        Assert.Equal(new DateOnly(2025, 4, 1), year.Start);
        Assert.Equal(new DateOnly(2026, 3, 31), year.End);
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
        var year = CollectionYear.Containing(new DateOnly(y, m, d));

        Assert.Equal(endingYear, year.EndingYear);
        Assert.True(year.Contains(new DateOnly(y, m, d)));
    }
}
