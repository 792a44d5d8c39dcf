using CareReview.Domain.Children;

namespace CareReview.Tests.Domain.Returns;

/// <summary>The 903 code lists added for the return (ssda903.md §2) and their helpers.</summary>
public sealed class ReturnCodeListTests
{
    [Fact]
    public void Ethnicity_holds_exactly_the_twenty_codes_of_the_return()
    {
        var codes = "WBRI WIRI WOTH WIRT WROM MWBC MWBA MWAS MOTH AIND APKN ABAN AOTH BCRB BAFR BOTH CHNE OOTH REFU NOBT".Split(' ');

        Assert.Equal(codes, Enum.GetNames<Ethnicity>());
        Assert.All(Enum.GetValues<Ethnicity>(), e => Assert.False(string.IsNullOrWhiteSpace(e.Describe())));
    }

    [Fact]
    public void Placement_provider_holds_PR0_to_PR5_each_described()
    {
        Assert.Equal(["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"], Enum.GetNames<PlacementProvider>());
        Assert.Equal("Private provision", PlacementProvider.PR4.Describe());
    }

    [Fact]
    public void Provider_is_not_required_for_T0_to_T3_and_Z11_to_Z14_only()
    {
        var exempt = Enum.GetValues<PlacementType>().Where(p => p.ProviderNotRequired()).Select(p => p.ToString());

        Assert.Equal(["T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14"], exempt);
    }

    [Fact]
    public void Urn_is_not_required_for_the_placements_rules_218_and_222_list()
    {
        var exempt = Enum.GetValues<PlacementType>().Where(p => p.UrnNotRequired()).Select(p => p.ToString());

        Assert.Equal(["P1", "P3", "R1", "R2", "R5", "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14"], exempt);
    }

    [Theory]
    [InlineData("A123456789012", true)]
    [InlineData("A12345678901B", true)]
    [InlineData("UN1", true)]
    [InlineData("UN5", true)]
    [InlineData("UN6", false)]
    [InlineData("I123456789012", false)]
    [InlineData("O123456789012", false)]
    [InlineData("S123456789012", false)]
    [InlineData("A12345678901", false)]
    [InlineData("A1234567890123", false)]
    [InlineData("A1234567890B2", false)]
    [InlineData("1123456789012", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_upn_is_valid_only_in_the_shapes_rule_168_accepts(string? upn, bool valid)
    {
        Assert.Equal(valid, Upn.IsValid(upn));
    }
}
