using System.Globalization;
using CareReview.Domain;

namespace CareReview.Tests.Domain;

/// <summary>Dates are shown the GOV.UK way; the fast formatter must agree with the en-GB culture's own.</summary>
public sealed class GovukDateTests
{
    [Theory]
    [InlineData(2026, 3, 3, "3 March 2026")]
    [InlineData(2026, 12, 25, "25 December 2026")]
    [InlineData(2024, 2, 29, "29 February 2024")]
    [InlineData(1, 1, 1, "1 January 0001")]
    public void Writes_the_day_without_a_leading_zero_and_the_month_in_full(int year, int month, int day, string expected) =>
        Assert.Equal(expected, GovukDate.Format(new DateOnly(year, month, day)));

    [Fact]
    public void Agrees_with_the_english_culture_on_every_day_of_a_decade()
    {
        var english = CultureInfo.GetCultureInfo("en-GB");
        for (var date = new DateOnly(2020, 1, 1); date.Year < 2030; date = date.AddDays(1))
        {
            Assert.Equal(date.ToString("d MMMM yyyy", english), GovukDate.Format(date));
        }
    }

    [Fact]
    public void A_missing_date_shows_what_the_caller_asks_for() =>
        Assert.Equal("not recorded", GovukDate.Format((DateOnly?)null, "not recorded"));
}
