using System.Globalization;
using System.Text;

namespace CareReview.Domain.Returns;

/// <summary>One data line of a 903 file: its physical line number (the header is line 1) and its values by column name.</summary>
public sealed record Ssda903Row(int Line, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>The value of <paramref name="column"/>, or "" when the file has no such column.</summary>
    public string this[string column] => Values.TryGetValue(column, out var value) ? value : "";
}

/// <summary>A problem with a whole file (its encoding or header), which stops every row of it being used.</summary>
public sealed record Ssda903FileProblem(int Line, string Message);

/// <summary>The rows read from one 903 file, and the file-level problems; when there are problems there are no rows.</summary>
public sealed record Ssda903File(IReadOnlyList<Ssda903Row> Rows, IReadOnlyList<Ssda903FileProblem> Problems)
{
    public bool IsReadable => Problems.Count == 0;
}

/// <summary>
/// 903 CSV text in and out (ssda903.md §1): UTF-8 with or without a BOM, a header line that must hold
/// exactly the table's columns in any order, values trimmed and upper-cased, dates dd/MM/yyyy. Strings
/// and bytes only: reading and writing files is the caller's job.
/// </summary>
public static class Ssda903Csv
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Reads a file's bytes, refusing UTF-16 and NUL bytes, which the DfE refuses too.</summary>
    public static Ssda903File Read(ReadOnlySpan<byte> bytes, IReadOnlyList<string> columns)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Refused("The file is saved as UTF-16. Save it as UTF-8 (CSV UTF-8) and try again.");
        }

        if (bytes.Contains((byte)0))
        {
            return Refused("The file contains NUL bytes, so it is not UTF-8 text. Save it as UTF-8 (CSV UTF-8) and try again.");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        return Read(s_utf8.GetString(bytes), columns);
    }

    /// <summary>Reads a file's text. The header must name exactly <paramref name="columns"/>, compared as a set.</summary>
    public static Ssda903File Read(string text, IReadOnlyList<string> columns)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = Records(text).ToList();
        if (records.Count == 0)
        {
            return Refused("The file is empty. Its first line must be the column names.");
        }

        var header = records[0].Fields.Select(f => f.Trim().ToUpperInvariant()).ToList();
        var missing = columns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        var extra = header.Where(h => !columns.Contains(h, StringComparer.Ordinal)).ToList();
        var repeated = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var problems = new List<Ssda903FileProblem>();
        if (missing.Count > 0)
        {
            problems.Add(new(1, $"The header is missing the columns {string.Join(", ", missing)}."));
        }

        if (extra.Count > 0)
        {
            problems.Add(new(1, $"The header has columns the return does not allow: {string.Join(", ", extra.Select(e => e.Length == 0 ? "(blank)" : e))}."));
        }

        if (repeated.Count > 0)
        {
            problems.Add(new(1, $"The header names these columns more than once: {string.Join(", ", repeated)}."));
        }

        if (problems.Count > 0)
        {
            return new([], problems);
        }

        var rows = new List<Ssda903Row>();
        foreach (var (line, fields) in records.Skip(1))
        {
            // A wholly empty line (often the last one) is not a row.
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                values[header[i]] = i < fields.Count ? fields[i].Trim().ToUpperInvariant() : "";
            }

            rows.Add(new(line, values));
        }

        return new(rows, []);
    }

    /// <summary>
    /// The file's bytes: UTF-8 with a BOM (as the app's other CSVs, and which the DfE accepts), CRLF line
    /// ends, the columns in the order given. Unlike the app's register CSVs no cell gains a leading "'":
    /// 903 values never start with = + - @ and the DfE would read the "'" as data.
    /// </summary>
    public static byte[] Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        AppendLine(text, columns);
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"A row has {row.Count} values for {columns.Count} columns.", nameof(rows));
            }

            AppendLine(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>A date as the return writes it: dd/MM/yyyy whatever the server's culture; blank when there is none.</summary>
    public static string FormatDate(DateOnly? date) =>
        date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// Reads d/M/yyyy as well as dd/MM/yyyy, because the DfE's parser (%d/%m/%Y) accepts one-digit days
    /// and months. Two-digit years (01/01/19) are refused, as the DfE refuses them.
    /// </summary>
    public static DateOnly? ParseDate(string? value)
    {
        var parts = (value ?? "").Trim().Split('/');
        if (parts.Length != 3 || parts[0].Length is < 1 or > 2 || parts[1].Length is < 1 or > 2 || parts[2].Length != 4
            || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            return null;
        }

        var day = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var month = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var year = int.Parse(parts[2], CultureInfo.InvariantCulture);
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;
    }

    /// <summary>RFC 4180 records, each with the physical line it starts on; a quoted line break moves the count on.</summary>
    internal static IEnumerable<(int Line, List<string> Fields)> Records(string text)
    {
        var line = 1;
        var position = 0;
        while (position < text.Length)
        {
            var startLine = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            var ended = false;
            while (position < text.Length && !ended)
            {
                var c = text[position++];
                if (quoted)
                {
                    if (c == '"')
                    {
                        if (position < text.Length && text[position] == '"')
                        {
                            field.Append('"');
                            position++;
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n' || (c == '\r' && (position >= text.Length || text[position] != '\n')))
                        {
                            line++;
                        }

                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c is '\r' or '\n')
                {
                    if (c == '\r' && position < text.Length && text[position] == '\n')
                    {
                        position++;
                    }

                    line++;
                    ended = true;
                }
                else
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            yield return (startLine, fields);
        }
    }

    private static Ssda903File Refused(string message) => new([], [new(1, message)]);

    private static void AppendLine(StringBuilder text, IReadOnlyList<string?> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            var value = values[i] ?? "";
            text.Append(value.IndexOfAny([',', '"', '\r', '\n']) >= 0
                ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
                : value);
        }

        text.Append("\r\n");
    }
}
