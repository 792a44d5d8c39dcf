using System.Text;

namespace CareReview.Web.Output;

/// <summary>
/// CSV as RFC 4180 writes it (CRLF, quotes doubled, a field quoted when it holds a comma, quote or line
/// break), for registers and returns that councils open in Excel.
/// </summary>
public static class Csv
{
    /// <summary>The file's bytes: UTF-8 with a byte-order mark, so that Excel reads names with accents correctly.</summary>
    public static byte[] ToBytes(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        Append(text, header);
        foreach (var row in rows)
        {
            Append(text, row);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>
    /// Writes the same file as <see cref="ToBytes"/> to <paramref name="stream"/> a row at a time, for a file
    /// too large to build in memory first.
    /// </summary>
    public static async Task WriteAsync(Stream stream, IReadOnlyList<string> header, IAsyncEnumerable<IReadOnlyList<string?>> rows,
        CancellationToken cancellationToken = default)
    {
        await stream.WriteAsync(Encoding.UTF8.GetPreamble(), cancellationToken);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        var line = new StringBuilder();
        Append(line, header);
        await writer.WriteAsync(line, cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            line.Clear();
            Append(line, row);
            await writer.WriteAsync(line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static void Append(StringBuilder text, IReadOnlyList<string?> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Field(fields[i]));
        }

        text.Append("\r\n");
    }

    /// <summary>A date as the registers and returns write it: ISO 8601, whatever the server's culture.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Field(string? value)
    {
        var field = value ?? "";

        // A cell starting with = + - @ is a formula to a spreadsheet, and one starting with a tab or carriage return
        // can become one when the spreadsheet trims it: written as text, it cannot run.
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !double.TryParse(field, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }

        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
