using System.Globalization;
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

    [Fact]
    public void A_row_longer_than_any_return_has_stops_the_file_and_says_where()
    {
        var text = "CHILD,DOB,REVIEW,REVIEW_CODE\r\nA,01/01/2015,,\r\n" + new string('A', Ssda903Csv.MaxRowLength + 1) + "\r\nB,01/01/2015,,\r\n";

        var file = Ssda903Csv.Read(text, s_reviewColumns);

        Assert.Empty(file.Rows);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Equal("The row on line 3 is longer than 10,000 characters, so this is not a return file. Nothing from it was read.", problem.Message);
    }

    [Fact]
    public void A_row_as_long_as_the_limit_is_read()
    {
        var text = "CHILD,DOB,REVIEW,REVIEW_CODE\r\nA,01/01/2015,," + new string('X', Ssda903Csv.MaxRowLength - 14) + "\r\n";

        var file = Ssda903Csv.Read(text, s_reviewColumns);

        Assert.True(file.IsReadable, string.Join(" ", file.Problems));
        Assert.Equal(Ssda903Csv.MaxRowLength - 14, Assert.Single(file.Rows)["REVIEW_CODE"].Length);
    }

    [Fact]
    public void More_rows_than_any_return_has_stop_the_file_and_say_so()
    {
        var text = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\r\n");
        for (var i = 0; i <= Ssda903Csv.MaxRows; i++)
        {
            text.Append("A1,01/01/2015,,\r\n");
        }

        var file = Ssda903Csv.Read(text.ToString(), s_reviewColumns);

        Assert.Empty(file.Rows);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(Ssda903Csv.MaxRows + 2, problem.Line);
        Assert.StartsWith("The file has more than 200,000 rows", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_is_read_as_a_stream_and_one_of_200_mb_is_refused_after_the_rows_a_return_could_have()
    {
        var stream = new GeneratedFile("CHILD,DOB,REVIEW,REVIEW_CODE\r\n", "CR0001,01/01/2015,02/02/2025,PN1\r\n", 200L * 1024 * 1024);

        var file = Ssda903Csv.Read(() => stream.Open(), s_reviewColumns);

        Assert.StartsWith("The file has more than 200,000 rows", Assert.Single(file.Problems).Message, StringComparison.Ordinal);
        Assert.InRange(stream.MostRead, 1, 20L * 1024 * 1024);
    }

    [Fact]
    public void Junk_with_no_line_breaks_is_refused_after_one_row()
    {
        var stream = new GeneratedFile("", "0123456789", 200L * 1024 * 1024);

        var file = Ssda903Csv.Read(() => stream.Open(), s_reviewColumns);

        Assert.Equal("The row on line 1 is longer than 10,000 characters, so this is not a return file. Nothing from it was read.", Assert.Single(file.Problems).Message);
        Assert.InRange(stream.MostRead, 1, 1024 * 1024);
    }

    [Fact]
    public void Windows_1252_is_read_as_such_even_when_its_first_letter_that_is_not_ascii_is_deep_in_the_file()
    {
        var text = new StringBuilder("CHILD,GIVEN_NAME,FAMILY_NAME\r\n");
        for (var i = 0; i < 5_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"CR{i:D5},Ann,Smith\r\n");
        }

        text.Append("CR99999,Zoë,Brontë\r\n");
        var bytes = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(text.ToString());

        var file = Ssda903Csv.Read(bytes, s_nameColumns, asTyped: s_names);

        Assert.Equal(("Zoë", "Brontë"), (file.Rows[^1]["GIVEN_NAME"], file.Rows[^1]["FAMILY_NAME"]));
        Assert.Equal(5_002, file.Rows[^1].Line);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf8_with_or_without_a_byte_order_mark_is_read_as_utf8(bool bom)
    {
        byte[] bytes = [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes("CHILD,GIVEN_NAME,FAMILY_NAME\r\nCR1,Zoë,Ó Súilleabháin\r\n")];

        var row = Assert.Single(Ssda903Csv.Read(bytes, s_nameColumns, asTyped: s_names).Rows);

        Assert.Equal(("CR1", "Zoë", "Ó Súilleabháin"), (row["CHILD"], row["GIVEN_NAME"], row["FAMILY_NAME"]));
    }

    private static readonly string[] s_nameColumns = ["CHILD", "GIVEN_NAME", "FAMILY_NAME"];

    private static readonly HashSet<string> s_names = ["GIVEN_NAME", "FAMILY_NAME"];

    /// <summary>A file of <paramref name="size"/> bytes made as it is read: a header, then one line again and again.</summary>
    private sealed class GeneratedFile(string header, string line, long size)
    {
        private readonly byte[] _header = Encoding.ASCII.GetBytes(header);
        private readonly byte[] _line = Encoding.ASCII.GetBytes(line);
        private readonly long _size = size;

        public long MostRead { get; private set; }

        public Stream Open() => new Reading(this);

        private sealed class Reading(GeneratedFile file) : Stream
        {
            private long _position;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => file._size;

            public override long Position { get => _position; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                var n = 0;
                while (n < count && _position < file._size)
                {
                    buffer[offset + n++] = _position < file._header.Length ? file._header[_position] : file._line[(_position - file._header.Length) % file._line.Length];
                    _position++;
                }

                file.MostRead = Math.Max(file.MostRead, _position);
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
