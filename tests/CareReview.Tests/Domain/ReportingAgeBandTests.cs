using CareReview.Domain.Children;

namespace CareReview.Tests.Domain;

/// <summary>
/// The age bands the IRO service reports in: under 4 (SSDA903 participation code PN0), 4, 5 to 9, 10 to 12,
/// 13 to 15, and 16 and over.
/// </summary>
public sealed class ReportingAgeBandTests
{
    [Theory]
    [InlineData(0, ReportingAgeBand.UnderFour)]
    [InlineData(3, ReportingAgeBand.UnderFour)]
    [InlineData(4, ReportingAgeBand.Four)]
    [InlineData(5, ReportingAgeBand.FiveToNine)]
    [InlineData(9, ReportingAgeBand.FiveToNine)]
    [InlineData(10, ReportingAgeBand.TenToTwelve)]
    [InlineData(12, ReportingAgeBand.TenToTwelve)]
    [InlineData(13, ReportingAgeBand.ThirteenToFifteen)]
    [InlineData(15, ReportingAgeBand.ThirteenToFifteen)]
    [InlineData(16, ReportingAgeBand.SixteenAndOver)]
    [InlineData(17, ReportingAgeBand.SixteenAndOver)]
    [InlineData(18, ReportingAgeBand.SixteenAndOver)] // a care leaver still counted at 18 or over
    [InlineData(21, ReportingAgeBand.SixteenAndOver)]
    public void A_child_falls_in_the_band_for_their_age(int age, ReportingAgeBand band)
    {
        Assert.Equal(band, ReportingAgeBands.For(age));
    }

    [Theory]
    [InlineData(ReportingAgeBand.UnderFour, "Under 4")]
    [InlineData(ReportingAgeBand.Four, "4")]
    [InlineData(ReportingAgeBand.FiveToNine, "5 to 9")]
    [InlineData(ReportingAgeBand.TenToTwelve, "10 to 12")]
    [InlineData(ReportingAgeBand.ThirteenToFifteen, "13 to 15")]
    [InlineData(ReportingAgeBand.SixteenAndOver, "16 and over")]
    public void Each_band_is_described_as_its_ages(ReportingAgeBand band, string words)
    {
        Assert.Equal(words, band.Describe());
    }

    [Fact]
    public void The_bands_are_listed_youngest_first()
    {
        Assert.Equal(
        [
            ReportingAgeBand.UnderFour, ReportingAgeBand.Four, ReportingAgeBand.FiveToNine, ReportingAgeBand.TenToTwelve,
            ReportingAgeBand.ThirteenToFifteen, ReportingAgeBand.SixteenAndOver,
        ], ReportingAgeBands.All);
    }

    [Fact]
    public void Every_age_from_birth_to_seventeen_falls_in_one_band_and_the_bands_run_in_order_with_none_empty()
    {
        var bands = Enumerable.Range(0, 18).Select(ReportingAgeBands.For).ToList();

        Assert.Equal(bands.Order(), bands);
        Assert.Equal(ReportingAgeBands.All, bands.Distinct());
    }
}
