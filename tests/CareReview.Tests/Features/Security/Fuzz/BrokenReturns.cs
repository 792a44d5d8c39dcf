using System.Globalization;
using System.Text;

namespace CareReview.Tests.Features.Security.Fuzz;

/// <summary>A return's files as an old system might have written them wrongly, and what was done to them.</summary>
internal sealed record BrokenReturn(Dictionary<string, byte[]> Files, string Description);

/// <summary>
/// SSDA903 returns spoiled one to three ways, from a seeded <see cref="Random"/>: rows cut short, headers wrong,
/// binary garbage, lines far too long, dates that are not dates, ids given twice, codes not in the DfE's lists,
/// quotes left open, files missing, doubled or in the wrong encoding. Each starts as two children who would load
/// (the same as the import tests' own), with local ids of their own so that no two returns name the same child.
/// </summary>
internal sealed class BrokenReturns(Random random)
{
    private const string HeaderColumns = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB";
    private const string EpisodeColumns = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";
    private const string ReviewColumns = "CHILD,DOB,REVIEW,REVIEW_CODE";

    private static readonly string[] s_badDates =
    [
        "31/02/2025", "00/00/0000", "01/01/99999", "2025-01-12", "1/1/25", "29/02/2025", "01/13/2025", "31/12/9999", "01/01/0001", "",
        "ZZ/ZZ/2015", "12/01/2025 10:00", "١٢/٠١/٢٠٢٥", "-1/-1/-1", "99/99/9999",
    ];

    private static readonly string[] s_badCodes = ["ZZ", "H5", "1", "PN9", "N9", "Z1", "", "c2", "U4 ", "'", "\"", "NULL", "\0"];

    private int _next;

    /// <summary>A new return, broken.</summary>
    public BrokenReturn Next()
    {
        var prefix = $"FZ{++_next:D4}";
        var files = new Dictionary<string, string>
        {
            ["header.csv"] = $"{HeaderColumns}\r\n{prefix}A,F,01/05/2012,WBRI,A12345678901B,0,\r\n{prefix}B,M,14/09/2015,MWBA,UN1,,\r\n",
            ["episodes.csv"] = $"{EpisodeColumns}\r\n{prefix}A,12/01/2025,P,C2,N1,U4,PR1,,,,LS1 4AP,BD7 1DP,XXXXXXX\r\n"
                + $"{prefix}B,06/05/2025,S,V2,N4,U1,PR1,,,,LS6 2QT,HX1 1AA,XXXXXXX\r\n",
            ["reviews.csv"] = $"{ReviewColumns}\r\n{prefix}A,01/05/2012,20/06/2025,PN4\r\n{prefix}B,14/09/2015,30/05/2025,PN2\r\n",
            ["names.csv"] = $"CHILD,GIVEN_NAME,FAMILY_NAME\r\n{prefix}A,Isla,Fuzzed\r\n{prefix}B,Ivan,Fuzzed\r\n",
        };
        var bytes = files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value));
        var done = new List<string>();
        var spoils = 1 + random.Next(3);
        for (var i = 0; i < spoils; i++)
        {
            done.Add(Spoil(bytes, prefix));
        }

        return new BrokenReturn(bytes, string.Join("; ", done));
    }

    private string Spoil(Dictionary<string, byte[]> files, string prefix)
    {
        var names = files.Keys.Order(StringComparer.Ordinal).ToList();
        var name = names[random.Next(names.Count)];
        var lines = Encoding.UTF8.GetString(files[name]).Split("\r\n").ToList();
        string Put(string what)
        {
            files[name] = Encoding.UTF8.GetBytes(string.Join("\r\n", lines));
            return $"{name}: {what}";
        }

        var row = lines.Count > 1 ? 1 + random.Next(Math.Max(1, lines.Count - 2)) : 0;
        switch (random.Next(16))
        {
            case 0:
                var cut = random.Next(Math.Max(1, files[name].Length));
                files[name] = files[name][..cut];
                return $"{name} cut at byte {cut}";
            case 1:
                var columns = lines[0].Split(',').ToList();
                var which = random.Next(columns.Count);
                var how = random.Next(5);
                if (how == 0)
                {
                    columns[which] = columns[which][..^1];
                }
                else if (how == 1)
                {
                    columns.RemoveAt(which);
                }
                else if (how == 2)
                {
                    columns.Add(columns[which]);
                }
                else if (how == 3)
                {
                    columns = [.. columns.Select(c => c.ToLowerInvariant())];
                }
                else
                {
                    columns[which] = $" {columns[which]} ";
                }

                lines[0] = string.Join(',', columns);
                return Put($"header line {lines[0]}");
            case 2:
                var garbage = new byte[random.Next(1, 5_000)];
                random.NextBytes(garbage);
                files[name] = garbage;
                return $"{name} is {garbage.Length} random bytes";
            case 3:
                var fields = lines[row].Split(',');
                fields[random.Next(fields.Length)] = new string('X', random.Next(2) == 0 ? 20_000 : 1_000_000);
                lines[row] = string.Join(',', fields);
                return Put(string.Create(CultureInfo.InvariantCulture, $"line {row + 1} has a field of {fields.Max(f => f.Length):N0} characters"));
            case 4:
                var dated = DateColumns(lines[0]);
                if (dated.Count == 0)
                {
                    goto case 5;
                }

                var cells = lines[row].Split(',');
                var column = dated[random.Next(dated.Count)];
                if (column < cells.Length)
                {
                    cells[column] = s_badDates[random.Next(s_badDates.Length)];
                }

                lines[row] = string.Join(',', cells);
                return Put($"line {row + 1} reads {lines[row]}");
            case 5:
                lines.Insert(row, lines[row]);
                return Put($"line {row + 1} given twice");
            case 6:
                var codes = lines[row].Split(',');
                var at = 1 + random.Next(Math.Max(1, codes.Length - 1));
                if (at < codes.Length)
                {
                    codes[at] = s_badCodes[random.Next(s_badCodes.Length)];
                }

                lines[row] = string.Join(',', codes);
                return Put($"line {row + 1} reads {BadInput.Show(lines[row])}");
            case 7:
                lines[row] = lines[row].Insert(random.Next(lines[row].Length + 1), random.Next(2) == 0 ? "\"" : "\"a\r\nb\"");
                return Put($"a quote left open on line {row + 1}");
            case 8:
                var endings = random.Next(3) switch { 0 => "\r", 1 => "\n", _ => "\r\n\r\n" };
                files[name] = Encoding.UTF8.GetBytes(string.Join(endings, lines));
                return $"{name} lines end {endings.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)}";
            case 9:
                files[name] = random.Next(2) == 0
                    ? [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(string.Join("\r\n", lines))]
                    : [.. files[name].Take(files[name].Length / 2), 0xFF, 0xFE, 0xC0, 0xAF, 0xED, 0xA0, 0x80, .. files[name].Skip(files[name].Length / 2)];
                return $"{name} in UTF-16 or with bytes that are not UTF-8";
            case 10:
                files.Remove(name);
                return $"{name} left out";
            case 11:
                files[random.Next(2) == 0 ? "uasc.csv" : "extra.csv"] = files[name];
                return $"{name} given again under another name";
            case 12:
                lines[row] = lines[row] + new string(',', random.Next(1, 500));
                return Put($"line {row + 1} has extra fields");
            case 13:
                files[name] = random.Next(2) == 0 ? [] : Encoding.UTF8.GetBytes(lines[0]);
                return $"{name} empty or only its header";
            case 14:
                var rows = Enumerable.Range(0, 3_000).Select(n => lines[row].Replace(prefix, $"{prefix}R{n}", StringComparison.Ordinal));
                lines.InsertRange(row, rows);
                return Put("3,000 more rows");
            default:
                var other = lines[row].Split(',');
                other[0] = random.Next(3) switch { 0 => "", 1 => $"{prefix}-{new string('9', 30)}", _ => "<script>" };
                lines[row] = string.Join(',', other);
                return Put($"line {row + 1} names the child {BadInput.Show(other[0])}");
        }
    }

    /// <summary>The places of the columns that hold dates, from the header line.</summary>
    private static List<int> DateColumns(string header) =>
        [.. header.Split(',').Select((c, i) => (c, i)).Where(x => x.c is "DOB" or "MC_DOB" or "DECOM" or "DEC" or "REVIEW").Select(x => x.i)];
}
