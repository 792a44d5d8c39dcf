using System.Collections;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace CareReview.Domain.Returns;

/// <summary>
/// One data line of a 903 file: its physical line number (the header is line 1), its values by column name,
/// and how many fields the line had, which differs from the header's count when the line is short or long.
/// </summary>
public sealed record Ssda903Row(int Line, IReadOnlyDictionary<string, string> Values, int Fields)
{
    /// <summary>The value of <paramref name="column"/>, or "" when the file has no such column.</summary>
    public string this[string column] => Values.TryGetValue(column, out var value) ? value : "";
}

/// <summary>A problem with a whole file (its encoding, header or size), which stops every row of it being used.</summary>
public sealed record Ssda903FileProblem(int Line, string Message);

/// <summary>The rows read from one 903 file, and the file-level problems; when there are problems there are no rows.</summary>
public sealed record Ssda903File(IReadOnlyList<Ssda903Row> Rows, IReadOnlyList<Ssda903FileProblem> Problems)
{
    public bool IsReadable => Problems.Count == 0;

    /// <summary>True when reading stopped because the file had more rows than it was allowed.</summary>
    public bool TooManyRows { get; init; }
}

/// <summary>
/// A row's values, in the file's column order, with the column names shared by every row of the file:
/// a dictionary a row made a 100,000-row file cost several times its size in memory.
/// </summary>
public sealed class Ssda903Values(FrozenDictionary<string, int> columns, string[] values) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => values[columns[key]];

    public IEnumerable<string> Keys => columns.Keys;

    public IEnumerable<string> Values => values;

    public int Count => values.Length;

    public bool ContainsKey(string key) => columns.ContainsKey(key);

    public bool TryGetValue(string key, out string value)
    {
        if (columns.TryGetValue(key, out var index))
        {
            value = values[index];
            return true;
        }

        value = "";
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        columns.Select(c => KeyValuePair.Create(c.Key, values[c.Value])).GetEnumerator();

    /// <summary>The same values under other names for the same columns (such as lower-case ones), sharing the row's array.</summary>
    public Ssda903Values Renamed(FrozenDictionary<string, int> renamed) => new(renamed, values);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// 903 CSV text in and out (ssda903.md §1): UTF-8 with or without a BOM (or, failing that, Windows-1252, as
/// Excel saves "CSV (Comma delimited)"), a header line that must hold exactly the table's columns in any
/// order, values trimmed and upper-cased, dates dd/MM/yyyy. A file is read as a stream, so what it costs in
/// memory is its rows, never its size, and a file that cannot be a return is refused early: a row over
/// <see cref="MaxRowLength"/> characters, or more than <see cref="MaxRows"/> rows. Bytes and text only:
/// finding and opening files is the caller's job.
/// </summary>
public static class Ssda903Csv
{
    /// <summary>The longest row read. A 903 row is under 200 characters; this is room for any real one, and stops one enormous line.</summary>
    public const int MaxRowLength = 10_000;

    /// <summary>
    /// The most data rows read from one file: about twice the rows of the largest council's whole return
    /// (some 100,000), so any real return fits and a file of junk stops here.
    /// </summary>
    public const int MaxRows = 200_000;

    // Strings for this many distinct values are shared between rows (codes, dates, postcodes, child ids
    // repeat); past it a file of junk would only grow the pool, so values are then made afresh.
    private const int MaxPooled = 100_000;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Built into .NET, not registered globally: only the import reads Windows-1252.
    private static readonly Encoding s_windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)
        ?? throw new InvalidOperationException("Windows-1252 is missing from .NET's code pages.");

    /// <summary>
    /// Reads a file that <paramref name="open"/> opens, as often as it needs to (twice, or three times for a
    /// file that is not UTF-8), refusing UTF-16 and NUL bytes, which the DfE refuses too, and a file of more
    /// than <paramref name="maxRows"/> rows. Values are upper-cased except in the columns <paramref name="asTyped"/>.
    /// </summary>
    public static Ssda903File Read(Func<Stream> open, IReadOnlyList<string> columns, IReadOnlySet<string>? asTyped = null, int maxRows = MaxRows)
    {
        int bom;
        using (var start = open())
        {
            Span<byte> first = stackalloc byte[3];
            var read = start.ReadAtLeast(first, first.Length, throwOnEndOfStream: false);
            first = first[..read];
            if (first.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || first.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            {
                return Refused(1, "The file is saved as UTF-16. Save it as UTF-8 (CSV UTF-8) and try again.");
            }

            bom = first.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        }

        // UTF-8 is tried first and checked as it is read, so a file whose first byte that is not ASCII is
        // deep inside it is judged on that byte; a byte sequence UTF-8 does not allow means the file was
        // saved in Windows' own encoding, and it is read again as that.
        try
        {
            return Read(open, bom, s_utf8, columns, asTyped, maxRows);
        }
        catch (DecoderFallbackException)
        {
            return Read(open, bom, s_windows1252, columns, asTyped, maxRows);
        }
    }

    /// <summary>Reads a file's bytes.</summary>
    public static Ssda903File Read(byte[] bytes, IReadOnlyList<string> columns, IReadOnlySet<string>? asTyped = null) =>
        Read(() => new MemoryStream(bytes, writable: false), columns, asTyped);

    /// <summary>Reads a file's text. The header must name exactly <paramref name="columns"/>, compared as a set.</summary>
    public static Ssda903File Read(string text, IReadOnlyList<string> columns, IReadOnlySet<string>? asTyped = null)
    {
        using var reader = new StringReader(text);
        return Read(reader, columns, asTyped, MaxRows);
    }

    private static Ssda903File Read(Func<Stream> open, int bom, Encoding encoding, IReadOnlyList<string> columns, IReadOnlySet<string>? asTyped, int maxRows)
    {
        using var stream = open();
        stream.ReadExactly(new byte[bom]);
        using var reader = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        return Read(reader, columns, asTyped, maxRows);
    }

    private static Ssda903File Read(TextReader text, IReadOnlyList<string> columns, IReadOnlySet<string>? asTyped, int maxRows)
    {
        var records = new RecordReader(text);
        if (!records.Next())
        {
            return records.Problem is { } unreadable ? Refused(unreadable.Line, unreadable.Message) : Refused(1, "The file is empty. Its first line must be the column names.");
        }

        var header = Enumerable.Range(0, records.FieldCount).Select(i => records.Field(i).Trim().ToString().ToUpperInvariant()).ToList();
        var missing = columns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        var extra = header.Where(h => !columns.Contains(h, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        var repeated = header.GroupBy(h => h, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var problems = new List<Ssda903FileProblem>();
        if (missing.Count > 0)
        {
            problems.Add(new(1, $"The header is missing the columns {string.Join(", ", missing)}."));
        }

        if (extra.Count > 0)
        {
            problems.Add(new(1, $"The header has columns the return does not allow: {string.Join(", ", extra.Take(20).Select(Shown))}"
                + (extra.Count > 20 ? $" and {extra.Count - 20} more." : ".")));
        }

        if (repeated.Count > 0)
        {
            problems.Add(new(1, $"The header names these columns more than once: {string.Join(", ", repeated.Take(20).Select(Shown))}."));
        }

        if (problems.Count > 0)
        {
            return new([], problems);
        }

        var index = header.Select((name, i) => (name, i)).ToFrozenDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        var keepCase = header.Select(h => asTyped?.Contains(h) == true).ToArray();
        var pool = new HashSet<string>(StringComparer.Ordinal);
        var scratch = new char[MaxRowLength];
        var rows = new List<Ssda903Row>();
        while (records.Next())
        {
            // A wholly empty line (often the last one) is not a row.
            if (records.FieldCount == 1 && records.Field(0).IsWhiteSpace())
            {
                continue;
            }

            if (rows.Count == maxRows)
            {
                return Refused(records.Line,
                    $"The file has more than {maxRows.ToString("N0", CultureInfo.InvariantCulture)} rows, far more than any council's return, so this is not a return file. Nothing from it was read.")
                    with
                { TooManyRows = true };
            }

            var values = new string[header.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = i < records.FieldCount ? Value(records.Field(i).Trim(), keepCase[i], pool, scratch) : "";
            }

            rows.Add(new(records.Line, new Ssda903Values(index, values), records.FieldCount));
        }

        return records.Problem is { } problem ? Refused(problem.Line, problem.Message) : new(rows, []);
    }

    /// <summary>
    /// A column name from the file as a problem shows it. The header of a file that is not a return can hold
    /// anything, and the problem goes to a terminal, a page and a CSV: control and formatting characters are
    /// shown as "?", and a long name is cut short.
    /// </summary>
    private static string Shown(string name)
    {
        if (name.Length == 0)
        {
            return "(blank)";
        }

        var shown = name.Length > 30 ? name[..30] + "…" : name;
        return string.Create(shown.Length, shown, (chars, from) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                var c = from[i];
                chars[i] = char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format ? '?' : c;
            }
        });
    }

    private static string Value(ReadOnlySpan<char> value, bool keepCase, HashSet<string> pool, char[] scratch)
    {
        if (value.IsEmpty)
        {
            return "";
        }

        if (!keepCase)
        {
            var upper = scratch.AsSpan(0, value.Length);
            value.ToUpperInvariant(upper);
            value = upper;
        }

        if (pool.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        var made = value.ToString();
        if (pool.Count < MaxPooled)
        {
            pool.Add(made);
        }

        return made;
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
        var records = new RecordReader(new StringReader(text));
        while (records.Next())
        {
            yield return (records.Line, [.. Enumerable.Range(0, records.FieldCount).Select(i => records.Field(i).ToString())]);
        }

        if (records.Problem is { } problem)
        {
            throw new FormatException($"Line {problem.Line}: {problem.Message}");
        }
    }

    private static Ssda903File Refused(int line, string message) => new([], [new(line, message)]);

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

    /// <summary>
    /// Reads RFC 4180 records one at a time into one buffer of <see cref="MaxRowLength"/> characters, so
    /// a record costs nothing once the next is read. It stops, with <see cref="Problem"/> set, at a record
    /// too long or a NUL character.
    /// </summary>
    private sealed class RecordReader(TextReader text)
    {
        private readonly char[] _buffer = new char[16 * 1024];
        private readonly char[] _record = new char[MaxRowLength];
        private readonly List<int> _fieldEnds = [];
        private int _position;
        private int _length;
        private int _nextLine = 1;
        private bool _started;

        /// <summary>The physical line the current record starts on.</summary>
        public int Line { get; private set; }

        public int FieldCount => _fieldEnds.Count;

        /// <summary>Why reading stopped early, if it did.</summary>
        public Ssda903FileProblem? Problem { get; private set; }

        public ReadOnlySpan<char> Field(int i)
        {
            var start = i == 0 ? 0 : _fieldEnds[i - 1];
            return _record.AsSpan(start, _fieldEnds[i] - start);
        }

        /// <summary>Reads the next record: false at the end of the file, or when a problem stops it.</summary>
        public bool Next()
        {
            if (Problem is not null)
            {
                return false;
            }

            _fieldEnds.Clear();
            Line = _nextLine;
            var used = 0;
            var consumed = 0;
            var quoted = false;
            int c;
            while ((c = Read()) >= 0)
            {
                if (!_started)
                {
                    // A byte-order mark the decoder left in (text given as a string) is not part of the header.
                    _started = true;
                    if (c == '\uFEFF')
                    {
                        continue;
                    }
                }

                if (c == '\0')
                {
                    Problem = new(_nextLine, "The file contains NUL bytes, so it is not UTF-8 text. Save it as UTF-8 (CSV UTF-8) and try again.");
                    return false;
                }

                if (!quoted && c is '\r' or '\n')
                {
                    if (c == '\r' && Peek() == '\n')
                    {
                        Read();
                    }

                    _nextLine++;
                    _fieldEnds.Add(used);
                    return true;
                }

                if (++consumed > MaxRowLength)
                {
                    Problem = new(Line, $"The row on line {Line} is longer than {MaxRowLength.ToString("N0", CultureInfo.InvariantCulture)} characters, so this is not a return file. Nothing from it was read.");
                    return false;
                }

                if (quoted)
                {
                    if (c == '"')
                    {
                        if (Peek() == '"')
                        {
                            Read();
                            consumed++;
                            _record[used++] = '"';
                        }
                        else
                        {
                            quoted = false;
                        }
                    }
                    else
                    {
                        if (c == '\n' || (c == '\r' && Peek() != '\n'))
                        {
                            _nextLine++;
                        }

                        _record[used++] = (char)c;
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    _fieldEnds.Add(used);
                }
                else
                {
                    _record[used++] = (char)c;
                }
            }

            if (consumed == 0)
            {
                return false;
            }

            _fieldEnds.Add(used);
            return true;
        }

        private int Peek() => Fill() ? _buffer[_position] : -1;

        private int Read() => Fill() ? _buffer[_position++] : -1;

        private bool Fill()
        {
            if (_position < _length)
            {
                return true;
            }

            _length = text.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            return _length > 0;
        }
    }
}
