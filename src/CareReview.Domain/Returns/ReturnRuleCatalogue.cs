using System.Reflection;
using System.Text;

namespace CareReview.Domain.Returns;

/// <summary>One DfE validation rule of the 2025–26 return: its code, the tables and fields it reads, and its message.</summary>
public sealed record ReturnRuleDefinition(
    string Code, IReadOnlyList<string> Tables, IReadOnlyList<string> Fields, string DefinedIn, string Message);

/// <summary>
/// The DfE's 2025–26 list of 903 validation rules (shared/data/ssda903-validation-rules-2025-26.csv, built into
/// the assembly). It gives messages, not conditions: the conditions are the rule classes. Use
/// <see cref="Current"/>; <see cref="Message"/> throws for a code the DfE does not have, so a rule cannot
/// invent one.
/// </summary>
public sealed class ReturnRuleCatalogue
{
    private const string ResourceName = "CareReview.Domain.Returns.ssda903-validation-rules-2025-26.csv";

    // The DfE's file spells a few names differently from everywhere else; these are read as the usual names.
    private static readonly Dictionary<string, string> s_tableSpellings = new(StringComparer.Ordinal)
    {
        ["HEader_last"] = "Header_last",
        ["OC2s"] = "OC2",
        ["MIssing"] = "Missing",
    };

    private static readonly Dictionary<string, string> s_fieldSpellings = new(StringComparer.Ordinal)
    {
        ["NB_ADOPTER"] = "NB_ADOPTR",
    };

    private static readonly Lazy<ReturnRuleCatalogue> s_current = new(Load);

    private readonly Dictionary<string, ReturnRuleDefinition> _byCode;

    private ReturnRuleCatalogue(IReadOnlyList<ReturnRuleDefinition> rules)
    {
        Rules = rules;
        _byCode = rules.ToDictionary(r => r.Code, StringComparer.Ordinal);
    }

    /// <summary>The 2025–26 catalogue.</summary>
    public static ReturnRuleCatalogue Current => s_current.Value;

    /// <summary>Every rule, in the file's order.</summary>
    public IReadOnlyList<ReturnRuleDefinition> Rules { get; }

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public ReturnRuleDefinition this[string code] =>
        _byCode.TryGetValue(code, out var rule) ? rule : throw new KeyNotFoundException($"903 rule {code} is not in the 2025–26 catalogue.");

    /// <summary>The DfE's message for <paramref name="code"/>, trimmed.</summary>
    public string Message(string code) => this[code].Message;

    private static ReturnRuleCatalogue Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The 903 rule catalogue is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var rules = Ssda903Csv.Records(reader.ReadToEnd())
            .Skip(1)
            .Where(r => r.Fields.Count == 5)
            .Select(r => new ReturnRuleDefinition(
                r.Fields[0].Trim(),
                Split(r.Fields[1], s_tableSpellings),
                Split(r.Fields[2], s_fieldSpellings),
                r.Fields[3].Trim(),
                r.Fields[4].Trim()))
            .ToList();
        return new ReturnRuleCatalogue(rules);
    }

    private static string[] Split(string list, Dictionary<string, string> spellings) =>
        [.. list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => spellings.GetValueOrDefault(n, n))
            .Distinct(StringComparer.Ordinal)];
}
