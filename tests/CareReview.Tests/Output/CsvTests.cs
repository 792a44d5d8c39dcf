using CareReview.Web.Output;

namespace CareReview.Tests.Output;

/// <summary>
/// Issue 19, finding 7: what a user typed reaches councils' spreadsheets through every CSV export, so a cell that a
/// spreadsheet would run as a formula is written as text.
/// </summary>
public sealed class CsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-1+CMD|X!A0", "'-1+CMD|X!A0")]
    [InlineData("@SUM(A1:A2)", "'@SUM(A1:A2)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    public void A_cell_a_spreadsheet_would_run_is_written_as_text(string typed, string written) =>
        Assert.Equal(written, Csv.Field(typed));

    [Theory]
    [InlineData("-3", "-3")]
    [InlineData("+44", "+44")]
    [InlineData("O'Brien", "O'Brien")]
    [InlineData("Smith, Jo", "\"Smith, Jo\"")]
    public void Numbers_names_and_commas_are_written_as_they_are(string typed, string written) =>
        Assert.Equal(written, Csv.Field(typed));
}
