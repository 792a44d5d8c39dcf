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

        // A cell starting with = + - @ is a formula to a spreadsheet, and a leading tab or carriage return lets one
        // through after Excel trims it: written as text, it cannot run. A negative number stays a number.
        if (field.Length > 0 && field[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(field, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            field = "'" + field;
        }

        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
