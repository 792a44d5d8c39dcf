using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CareReview.Tests.Features.Security.Fuzz;

/// <summary>One name and value of a posted form. A raw value is sent exactly as written, to send bytes that are not UTF-8.</summary>
internal sealed record Pair(string Name, string Value, bool Raw = false);

/// <summary>A form filled in and spoiled: what it sends, where, and what was done to it, for the message when it fails.</summary>
internal sealed record FuzzedPost(string Url, IReadOnlyList<Pair> Pairs, string Description)
{
    /// <summary>The body as application/x-www-form-urlencoded, with lone surrogates sent as the bytes a careless encoder writes (WTF-8).</summary>
    public ByteArrayContent Content()
    {
        var body = new StringBuilder();
        foreach (var pair in Pairs)
        {
            if (body.Length > 0)
            {
                body.Append('&');
            }

            body.Append(Encode(pair.Name)).Append('=').Append(pair.Raw ? pair.Value : Encode(pair.Value));
        }

        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body.ToString()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private static string Encode(string text)
    {
        var encoded = new StringBuilder(text.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                encoded.Append(c);
                continue;
            }

            int count;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                count = Encoding.UTF8.GetBytes(text.AsSpan(i, 2), bytes);
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                bytes[0] = (byte)(0xE0 | (c >> 12));
                bytes[1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                bytes[2] = (byte)(0x80 | (c & 0x3F));
                count = 3;
            }
            else
            {
                count = Encoding.UTF8.GetBytes(text.AsSpan(i, 1), bytes);
            }

            foreach (var b in bytes[..count])
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}

/// <summary>What the fuzzer knows of the council: today, and the ids of records a form could be pointed at wrongly.</summary>
internal sealed record FuzzKnowledge(DateOnly Today, IReadOnlyList<int> Ids);

/// <summary>
/// Fills in a form as a person plausibly would, then spoils one to three things about it: a bad value, a field left
/// out or sent twice, another record's id, a stale or nonsense version, a choice not offered, bytes that are not
/// text, or the whole post sent to another record. Everything comes from the seeded <see cref="Random"/>, so a run
/// that finds a fault finds it again.
/// </summary>
internal sealed partial class BadInput(Random random, FuzzKnowledge knowledge)
{
    private static readonly string[] s_badNumbers =
    [
        "-1", "0", "-0", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999", "1e309", "NaN", "Infinity",
        "1.5", "1,000", "0x1F", "+5", "--1", "7abc", " 7 ", "١٢٣", "", "4294967296",
    ];

    private static readonly string[][] s_badDates =
    [
        ["31", "2", "2026"], ["0", "0", "0"], ["1", "1", "99999"], ["29", "2", "2027"], ["32", "1", "2026"], ["1", "13", "2026"],
        ["-1", "-1", "-1"], ["1", "1", "1"], ["31", "12", "9999"], ["1", "1", "0001"], ["", "", ""], ["1", "1", ""], ["x", "y", "z"],
        ["2147483648", "1", "2026"], ["1", "1", "1900"], ["1", "1", "2200"], ["1.5", "2", "2026"], ["١", "٢", "٢٠٢٦"], ["1", "1", "26"],
        ["0x1", "1", "2026"], ["1", "1", "-2026"], ["99999999999", "99999999999", "99999999999"], ["1", "1", "10000"], ["30", "2", "2028"],
    ];

    private static readonly string[] s_badChoices =
    [
        "NotAChoice", "999", "-1", "0", "2147483647", "99999999999", "null", "true", "1,2", "Visit,Other", "%", "<b>", "'",
    ];

    private static readonly IReadOnlyList<string> s_raw =
    [
        "%FF%FE%FD", "%C0%AF", "%ED%A0%80", "%ED%B0%80abc", "%", "%zz", "%%", "%E2%82", "%F4%90%80%80", "%00%00",
    ];

    private static readonly string[] s_extraNames =
    [
        "Input", "Input.Version.Day", "Input[0]", "__proto__", "Input.Unknown", "Input.Recommendations.index", "Input.Grounds[99999]",
        "Input.Recommendations[2147483647].Action", "Input..Name", "handler", "id", "reviewId",
    ];

    /// <summary>Strings no form should be given: each is the start of a category in the issue's list.</summary>
    private string BadText() => random.Next(20) switch
    {
        0 => new string('a', 100_000),
        1 => RandomUnicode(100_000),
        2 => "\u0001\u0002\u0007\b\u001b[31m\u007f\u0085",
        3 => "\0",
        4 => "abc\0def",
        5 => random.Next(2) == 0 ? "\uD800" : "x\uDC00y",
        6 => "<script>alert('x')</script>\"><img src=x onerror=alert(1)>",
        7 => "'; DROP TABLE \"Children\"; --",
        8 => "' OR '1'='1",
        9 => "   \t\r\n  ",
        10 => "\u200B\u202E\uFEFF",
        11 => "{0}{1}%s%n%d ${jndi:ldap://x}",
        12 => "../../../../etc/passwd",
        13 => string.Concat(Enumerable.Repeat("👩‍👩‍👧‍👦", 2_000)),
        14 => string.Concat(Enumerable.Repeat("line\n", 20_000)),
        15 => s_badNumbers[random.Next(s_badNumbers.Length)],
        16 => "\uD83D",
        17 => new string('\u00e9', 60_000),
        18 => "null",
        _ => string.Concat(Enumerable.Repeat("'\"\\;<>&", 3_000)),
    };

    private string RandomUnicode(int length)
    {
        var text = new StringBuilder(length);
        while (text.Length < length)
        {
            var codePoint = random.Next(0x20, 0x10FFFF);
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            text.Append(char.ConvertFromUtf32(codePoint));
        }

        return text.ToString();
    }

    /// <summary>The form filled in as a person plausibly would, so that what is spoiled is what gets checked.</summary>
    public List<Pair> Plausible(HtmlForm form)
    {
        var pairs = new List<Pair>();
        foreach (var name in form.Fields.Select(f => f.Name).Distinct())
        {
            var fields = form.Fields.Where(f => f.Name == name).ToList();
            var first = fields[0];
            switch (first.Kind)
            {
                case "file":
                    break;
                case "checkbox":
                    pairs.AddRange(fields.Where(f => f.Checked || random.Next(2) == 0).Select(f => new Pair(name, f.Value)));
                    break;
                case "radio":
                    var chosen = fields.FirstOrDefault(f => f.Checked)?.Value ?? first.Options[random.Next(first.Options.Count)];
                    pairs.Add(new Pair(name, chosen));
                    break;
                case "select":
                    var offered = first.Options.Where(o => o.Length > 0).ToList();
                    pairs.Add(new Pair(name, first.Value.Length > 0 || offered.Count == 0 ? first.Value : offered[random.Next(offered.Count)]));
                    break;
                case "hidden" or "submit":
                    pairs.Add(new Pair(name, first.Value));
                    break;
                default:
                    pairs.Add(new Pair(name, first.Value.Length > 0 ? first.Value : PlausibleText(name)));
                    break;
            }
        }

        if (form.Buttons.Count > 0)
        {
            var (name, value) = form.Buttons[random.Next(form.Buttons.Count)];
            pairs.Add(new Pair(name, value));
        }

        return pairs;
    }

    private string PlausibleText(string name) => name switch
    {
        _ when name.EndsWith(".Day", StringComparison.Ordinal) => Number(knowledge.Today.Day),
        _ when name.EndsWith(".Month", StringComparison.Ordinal) => Number(knowledge.Today.Month),
        _ when name.EndsWith(".Year", StringComparison.Ordinal) => Number(knowledge.Today.Year),
        _ when name.Contains("Password", StringComparison.Ordinal) => "Fuzz-pass-2026!",
        _ when name.Contains("StartsAt", StringComparison.Ordinal) || name.Contains("Time", StringComparison.Ordinal) => "10:30",
        _ when name.Contains("Amount", StringComparison.Ordinal) || name.Contains("Fte", StringComparison.Ordinal) => "3",
        _ when name.Contains("UserName", StringComparison.Ordinal) => $"fuzz{random.Next(100_000)}",
        _ => $"Fuzzed words {random.Next(1_000)}",
    };

    /// <summary>The form filled in, then one to three things spoiled; <paramref name="usedToken"/> is a one-time token this form already spent.</summary>
    public FuzzedPost Spoil(HtmlForm form, string? usedToken)
    {
        var pairs = Plausible(form);
        var url = form.Action;
        var done = new List<string>();
        var names = form.Names;
        var spoils = 1 + random.Next(3);
        for (var i = 0; i < spoils; i++)
        {
            var name = names.Count == 0 ? "Input.Unknown" : names[random.Next(names.Count)];
            var field = form.Fields.FirstOrDefault(f => f.Name == name);
            switch (random.Next(14))
            {
                case 0 or 1 or 2 or 3:
                    done.Add(BadValue(pairs, name, field));
                    break;
                case 4:
                    var dropped = DateGroup(name) is { } group ? group.Parts.ElementAt(random.Next(3)) : name;
                    pairs.RemoveAll(p => p.Name == dropped);
                    done.Add($"{dropped} left out");
                    break;
                case 5:
                    var again = field is { Kind: "select" or "radio" } ? BadChoice(field) : BadText();
                    pairs.Insert(random.Next(pairs.Count + 1), new Pair(name, again));
                    done.Add($"{name} sent twice, again as {Show(again)}");
                    break;
                case 6:
                    var version = form.Value("Input.Version");
                    var bad = BadVersion(version);
                    Set(pairs, "Input.Version", bad);
                    done.Add($"Input.Version {version ?? "(none)"} sent as {Show(bad)}");
                    break;
                case 7:
                    // Short enough that a form of many fields is not megabytes (each alone is sent 100,000 long).
                    var every = BadText() is var text && text.Length > 5_000 ? text[..5_000] : text;
                    foreach (var textField in form.Fields.Where(f => f.Kind is "text" or "textarea").Select(f => f.Name).Distinct())
                    {
                        Set(pairs, textField, every);
                    }

                    done.Add($"every text field {Show(every)}");
                    break;
                case 8:
                    var raw = s_raw[random.Next(s_raw.Count)];
                    pairs.RemoveAll(p => p.Name == name);
                    pairs.Add(new Pair(name, raw, Raw: true));
                    done.Add($"{name} sent as the bytes {raw}");
                    break;
                case 9:
                    // A list's rows named by an explicit index ("Input.Stages.index=6") rather than counted from 0, or a row
                    // sent again under the same number written another way ("Input.Considerations[04]").
                    var rows = names.Select(n => IndexedName().Match(n)).Where(m => m.Success)
                        .SelectMany(m => new[] { $"{m.Groups[1].Value}.index", $"{m.Groups[1].Value}[0{m.Groups[2].Value}]{m.Groups[3].Value}" })
                        .Distinct().ToList();
                    var extra = rows.Count > 0 && random.Next(2) == 0 ? rows[random.Next(rows.Count)] : s_extraNames[random.Next(s_extraNames.Length)];
                    var value = random.Next(2) == 0 ? BadText() : OtherId();
                    pairs.Add(new Pair(extra, value));
                    done.Add($"an extra field {extra} = {Show(value)}");
                    break;
                case 10 when OtherRecord(url) is { } other:
                    url = other;
                    done.Add($"sent to {other} instead");
                    break;
                case 11 when usedToken is not null:
                    Set(pairs, "FormToken", usedToken);
                    done.Add("the one-time token of a form already sent");
                    break;
                case 12:
                    var id = OtherId();
                    var idField = names.FirstOrDefault(n => n.EndsWith("Id", StringComparison.Ordinal)) ?? name;
                    Set(pairs, idField, id);
                    done.Add($"{idField} = {id}");
                    break;
                case 13 when random.Next(4) == 0:
                    // More fields than ASP.NET Core reads (1,024), or a name longer than it reads (2,048).
                    if (random.Next(2) == 0)
                    {
                        pairs.AddRange(Enumerable.Range(0, 1_100).Select(n => new Pair($"Input.Junk{n}", "x")));
                        done.Add("1,100 extra fields");
                    }
                    else
                    {
                        pairs.Add(new Pair("Input." + new string('N', 3_000), "x"));
                        done.Add("a field name of 3,000 characters");
                    }

                    break;
                default:
                    done.Add(BadValue(pairs, name, field));
                    break;
            }
        }

        return new FuzzedPost(url, pairs, string.Join("; ", done));
    }

    private string BadValue(List<Pair> pairs, string name, FormField? field)
    {
        if (DateGroup(name) is { } group)
        {
            var date = s_badDates[random.Next(s_badDates.Length)];
            var parts = group.Parts.ToArray();
            for (var part = 0; part < 3; part++)
            {
                Set(pairs, parts[part], date[part]);
            }

            return $"{group.Name} = {string.Join('/', date)}";
        }

        var value = field switch
        {
            { Kind: "select" or "radio" or "checkbox" } => BadChoice(field),
            _ when name.EndsWith("Id", StringComparison.Ordinal) => OtherId(),
            _ when name.EndsWith("Version", StringComparison.Ordinal) => BadVersion(field?.Value),
            _ when random.Next(4) == 0 => s_badNumbers[random.Next(s_badNumbers.Length)],
            _ => BadText(),
        };
        Set(pairs, name, value);
        return $"{name} = {Show(value)}";
    }

    private string BadChoice(FormField field)
    {
        var options = field.Options.Where(o => o.Length > 0).ToList();
        return random.Next(5) switch
        {
            0 when options.Count > 0 => options[random.Next(options.Count)].ToLowerInvariant() + " ",
            1 when options.Count > 1 => $"{options[0]},{options[1]}",
            2 => OtherId(),
            _ => s_badChoices[random.Next(s_badChoices.Length)],
        };
    }

    private string BadVersion(string? version) =>
        random.Next(6) switch
        {
            0 when long.TryParse(version, CultureInfo.InvariantCulture, out var v) => Number(v - 1),
            1 when long.TryParse(version, CultureInfo.InvariantCulture, out var v) => Number(v + 1),
            2 => "abc",
            3 => "99999999999999999999",
            4 => "",
            _ => "-1",
        };

    private string OtherId() =>
        random.Next(4) == 0 ? s_badNumbers[random.Next(s_badNumbers.Length)] : Number(knowledge.Ids[random.Next(knowledge.Ids.Count)]);

    /// <summary>The same address with its first number (the record's id) changed to another record's.</summary>
    private string? OtherRecord(string url)
    {
        var match = FirstId().Match(url);
        return match.Success ? url[..match.Index] + "/" + OtherId() + url[(match.Index + match.Length)..] : null;
    }

    /// <summary>A date's three boxes ("Input.On.Day", ".Month", ".Year"), when <paramref name="name"/> is one of them.</summary>
    private static (string Name, IEnumerable<string> Parts)? DateGroup(string name)
    {
        foreach (var part in new[] { ".Day", ".Month", ".Year" })
        {
            if (name.EndsWith(part, StringComparison.Ordinal))
            {
                var group = name[..^part.Length];
                return (group, [$"{group}.Day", $"{group}.Month", $"{group}.Year"]);
            }
        }

        return null;
    }

    private static void Set(List<Pair> pairs, string name, string value)
    {
        var at = pairs.FindIndex(p => p.Name == name);
        pairs.RemoveAll(p => p.Name == name);
        pairs.Insert(at < 0 ? pairs.Count : at, new Pair(name, value));
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A value short enough to read in a failure message.</summary>
    public static string Show(string value)
    {
        var escaped = string.Concat(value.Take(40).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));
        return value.Length > 40 ? $"\"{escaped}…\" ({value.Length:N0} characters)" : $"\"{escaped}\"";
    }

    [GeneratedRegex("^(.+?)\\[(\\d+)\\](.*)$")]
    private static partial Regex IndexedName();

    [GeneratedRegex("/\\d+(?=/|$|\\?)")]
    private static partial Regex FirstId();
}
