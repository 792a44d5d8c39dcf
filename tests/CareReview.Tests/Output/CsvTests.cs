using System.Text;
using CareReview.Web.Output;

namespace CareReview.Tests.Output;

/// <summary>The CSV writer every download uses: RFC 4180 quoting, and no cell a spreadsheet would run as a formula.</summary>
[Trait("Database", "none")]
public sealed class CsvTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+1+cmd", "'+1+cmd")]
    [InlineData("-1+cmd", "'-1+cmd")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("-3", "-3")]
    [InlineData("+0.5", "+0.5")]
    [InlineData("child:3", "child:3")]
    [InlineData("a \"quoted\" word", "\"a \"\"quoted\"\" word\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void A_cell_is_quoted_when_it_must_be_and_never_starts_a_formula(string? value, string written) =>
        Assert.Equal(written, Csv.Field(value));

    [Fact]
    public async Task Written_a_row_at_a_time_the_file_is_the_same_as_built_in_memory()
    {
        string[] header = ["id", "details"];
        string?[][] rows = [["1", "=cmd"], ["2", null], ["3", "line\r\nbreak"]];
        using var stream = new MemoryStream();

        await Csv.WriteAsync(stream, header, Rows(rows));

        Assert.Equal(Csv.ToBytes(header, rows), stream.ToArray());
        Assert.Equal("id,details\r\n1,'=cmd\r\n2,\r\n3,\"line\r\nbreak\"\r\n", Encoding.UTF8.GetString(stream.ToArray()[3..]));
    }

    private static async IAsyncEnumerable<IReadOnlyList<string?>> Rows(IEnumerable<string?[]> rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
