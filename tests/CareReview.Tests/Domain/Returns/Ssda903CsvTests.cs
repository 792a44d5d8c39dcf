using System.Text;
using CareReview.Domain.Returns;

namespace CareReview.Tests.Domain.Returns;

/// <summary>903 CSV text in and out (ssda903.md §1).</summary>
public sealed class Ssda903CsvTests
{
    private static readonly string[] s_reviewColumns = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"];

    [Fact]
    public void Rows_keep_their_physical_line_numbers_across_quoted_line_breaks()
    {
        var text = "CHILD,DOB,REVIEW,REVIEW_CODE\r\n\"A\r\nB\",01/01/2015,02/02/2025,PN1\r\nC,01/01/2015,03/03/2025,PN2\n";

        var file = Ssda903Csv.Read(text, s_reviewColumns);

        Assert.True(file.IsReadable);
        Assert.Equal([2, 4], file.Rows.Select(r => r.Line));
        Assert.Equal("A\r\nB", file.Rows[0]["CHILD"]);
    }

    [Fact]
    public void Values_are_trimmed_and_upper_cased_and_the_header_order_does_not_matter()
    {
        var file = Ssda903Csv.Read("review_code, CHILD,DOB,REVIEW\npn1 , ab12 ,01/01/2015,\n", s_reviewColumns);

        var row = Assert.Single(file.Rows);
        Assert.Equal("PN1", row["REVIEW_CODE"]);
        Assert.Equal("AB12", row["CHILD"]);
        Assert.Equal("", row["REVIEW"]);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes("CHILD,DOB,REVIEW,REVIEW_CODE\r\nA,01/01/2015,,\r\n")];

        var file = Ssda903Csv.Read(bytes, s_reviewColumns);

        Assert.True(file.IsReadable);
        Assert.Equal("A", Assert.Single(file.Rows)["CHILD"]);
    }

    [Fact]
    public void Utf16_is_refused_for_the_whole_file()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("CHILD,DOB,REVIEW,REVIEW_CODE\r\n")).ToArray();

        var file = Ssda903Csv.Read(bytes, s_reviewColumns);

        Assert.Empty(file.Rows);
        Assert.Contains("UTF-16", Assert.Single(file.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nul_bytes_are_refused_for_the_whole_file()
    {
        var bytes = Encoding.Unicode.GetBytes("CHILD,DOB,REVIEW,REVIEW_CODE\r\n");

        var file = Ssda903Csv.Read(bytes, s_reviewColumns);

        Assert.False(file.IsReadable);
        Assert.Contains("NUL", Assert.Single(file.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_header_must_name_exactly_the_columns_and_says_which_are_missing_and_extra()
    {
        var file = Ssda903Csv.Read("CHILD,DOB,REVIEW,NOTES\r\nA,01/01/2015,,x\r\n", s_reviewColumns);

        Assert.Empty(file.Rows);
        Assert.Collection(
            file.Problems,
            p => Assert.Equal("The header is missing the columns REVIEW_CODE.", p.Message),
            p => Assert.Equal("The header has columns the return does not allow: NOTES.", p.Message));
        Assert.All(file.Problems, p => Assert.Equal(1, p.Line));
    }

    [Theory]
    [InlineData("01/02/2025", 2025, 2, 1)]
    [InlineData("1/2/2025", 2025, 2, 1)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    public void Dates_are_read_day_first_with_four_digit_years(string text, int y, int m, int d)
    {
        Assert.Equal(new DateOnly(y, m, d), Ssda903Csv.ParseDate(text));
    }

    [Theory]
    [InlineData("01/01/19")]
    [InlineData("2025-02-01")]
    [InlineData("29/02/2025")]
    [InlineData("13/13/2025")]
    [InlineData("")]
    [InlineData("1/1/2025x")]
    public void Anything_else_is_not_a_date(string text)
    {
        Assert.Null(Ssda903Csv.ParseDate(text));
    }

    [Fact]
    public void Writing_gives_the_column_order_dd_MM_yyyy_dates_crlf_and_a_bom()
    {
        var bytes = Ssda903Csv.Write(s_reviewColumns, [["A1", Ssda903Csv.FormatDate(new DateOnly(2015, 1, 2)), Ssda903Csv.FormatDate(null), "PN1"]]);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("CHILD,DOB,REVIEW,REVIEW_CODE\r\nA1,02/01/2015,,PN1\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public void A_written_value_never_gains_a_spreadsheet_guard_and_reads_back_unchanged()
    {
        var bytes = Ssda903Csv.Write(s_reviewColumns, [["-A,1", "01/01/2015", "", "=PN1"]]);

        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.DoesNotContain("'", text, StringComparison.Ordinal);
        var row = Assert.Single(Ssda903Csv.Read(bytes, s_reviewColumns).Rows);
        Assert.Equal("-A,1", row["CHILD"]);
        Assert.Equal("=PN1", row["REVIEW_CODE"]);
    }
}
