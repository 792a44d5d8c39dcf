using System.Globalization;
using CareReview.Domain.Staff;

namespace CareReview.Tests.Domain;

/// <summary>
/// The IRO Handbook's 50 to 70 looked-after children for a full-time IRO, pro-rated by FTE
/// (statutory-rules.md §6.3).
/// </summary>
public sealed class IroCaseloadTests
{
    // decimal cannot appear in an attribute, so FTEs are written as strings.
    private static decimal Fte(string fte) => decimal.Parse(fte, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("1", 50, 70)]
    [InlineData("0.8", 40, 56)]
    [InlineData("0.6", 30, 42)]
    [InlineData("0.5", 25, 35)]
    [InlineData("0.75", 38, 52)] // 37.5 to 52.5: only whole caseloads inside the range count
    [InlineData("0.1", 5, 7)]
    public void The_range_is_fifty_to_seventy_children_pro_rated_by_FTE(string fte, int lower, int upper)
    {
        var caseload = new IroCaseload(0, Fte(fte));

        Assert.Equal(lower, caseload.Lower);
        Assert.Equal(upper, caseload.Upper);
    }

    [Theory]
    [InlineData("1", 0, CaseloadBand.Below)]
    [InlineData("1", 49, CaseloadBand.Below)]
    [InlineData("1", 50, CaseloadBand.Within)]
    [InlineData("1", 70, CaseloadBand.Within)]
    [InlineData("1", 71, CaseloadBand.Above)]
    [InlineData("0.8", 39, CaseloadBand.Below)]
    [InlineData("0.8", 40, CaseloadBand.Within)]
    [InlineData("0.8", 56, CaseloadBand.Within)]
    [InlineData("0.8", 57, CaseloadBand.Above)]
    [InlineData("0.75", 37, CaseloadBand.Below)]  // 49.3 per FTE
    [InlineData("0.75", 38, CaseloadBand.Within)] // 50.7 per FTE
    [InlineData("0.75", 52, CaseloadBand.Within)] // 69.3 per FTE
    [InlineData("0.75", 53, CaseloadBand.Above)]  // 70.7 per FTE
    public void A_caseload_is_below_within_or_above_the_range_with_its_edges_inside(string fte, int children, CaseloadBand expected)
    {
        Assert.Equal(expected, new IroCaseload(children, Fte(fte)).Band);
    }
}
