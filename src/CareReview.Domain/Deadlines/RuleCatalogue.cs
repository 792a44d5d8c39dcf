using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareReview.Domain.Deadlines;

/// <summary>A council's change to a grade B or C rule: its own period, with the number of the change.</summary>
public sealed record CouncilRuleSetting(string RuleId, RulePeriod Period, int Change);

/// <summary>
/// Every statutory rule Care Review knows, read from <c>rules.json</c> (statutory-rules.md §10.1: a
/// change in the law is a change to the data), with the council's own settings for grade B and C rules.
/// </summary>
public sealed class RuleCatalogue
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public string Version { get; }

    /// <summary>
    /// The date from which the catalogue holds the law. Rules in force from this date are also used for
    /// events before it: the regulations that came before CPPCR 2010 are not held.
    /// </summary>
    public DateOnly Baseline { get; }

    public IReadOnlyList<StatutoryRule> Rules { get; }

    private readonly Dictionary<(StatutoryItem, bool), StatutoryRule[]> _engineRules;

    private RuleCatalogue(string version, DateOnly baseline, IReadOnlyList<StatutoryRule> rules)
    {
        var duplicate = rules.GroupBy(r => (r.Id, r.NationalVersion)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Rule {duplicate.Key.Id} version {duplicate.Key.NationalVersion} is listed twice");
        }

        Version = version;
        Baseline = baseline;
        Rules = rules;
        // The engine asks for these for every child and item, so they are worked out once.
        _engineRules = rules.Where(r => r.ComputedBy == ComputedBy.Engine)
            .GroupBy(r => (r.Item, r.IsFirst)).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>The national catalogue shipped with this release.</summary>
    public static RuleCatalogue National { get; } = Load();

    private static RuleCatalogue Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CareReview.Domain.Deadlines.rules.json")
            ?? throw new InvalidOperationException("The rule catalogue is missing from the build");
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, s_json)
            ?? throw new InvalidOperationException("The rule catalogue is empty");
        return new RuleCatalogue(file.Version, file.Baseline, file.Rules);
    }

    /// <summary>The catalogue with the council's settings in place of the national periods they change.</summary>
    public RuleCatalogue WithCouncilSettings(IEnumerable<CouncilRuleSetting> settings)
    {
        var latest = settings.GroupBy(s => s.RuleId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Change)!);
        foreach (var id in latest.Keys)
        {
            var rule = Rules.FirstOrDefault(r => r.Id == id)
                ?? throw new DomainRuleException($"There is no rule {id} in the catalogue", "RuleId");
            if (!rule.IsConfigurable)
            {
                throw new DomainRuleException($"Rule {id} is grade {rule.Grade} or not computed, so a council cannot change it", "RuleId");
            }
        }

        var rules = Rules.Select(r => latest.TryGetValue(r.Id, out var setting)
            ? r with { Period = setting.Period, CouncilChange = setting.Change, NationalPeriod = r.NationalPeriod ?? r.Period }
            : r).ToList();
        return new RuleCatalogue(Version, Baseline, rules);
    }

    /// <summary>Checks a period a council wants for a rule, before it is saved.</summary>
    public static void CheckCouncilPeriod(StatutoryRule rule, RulePeriod period)
    {
        if (!rule.IsConfigurable)
        {
            throw new DomainRuleException($"Rule {rule.Id} is grade {rule.Grade}, so the council cannot change it", "Amount");
        }

        if (period.Amount is < 1 or > 400)
        {
            throw new DomainRuleException("Enter a period between 1 and 400", "Amount");
        }

        if (period.Unit == PeriodUnit.SchoolTerms && period.Amount > 6)
        {
            throw new DomainRuleException("Enter no more than 6 school terms", "Amount");
        }
    }

    /// <summary>The version of a rule in force on a date, or null if none was.</summary>
    public StatutoryRule? InForce(string id, DateOnly on) =>
        Rules.Where(r => r.Id == id && IsInForce(r, on)).MaxBy(r => r.EffectiveFrom);

    /// <summary>The rule as it stands today, for pages and explanations.</summary>
    public StatutoryRule Current(string id) =>
        Rules.Where(r => r.Id == id).MaxBy(r => r.EffectiveFrom) ?? throw new InvalidOperationException($"There is no rule {id}");

    /// <summary>
    /// The rules the engine uses for one item, "first" or "previous", in the catalogue's order, whether or
    /// not in force on a given day (see <see cref="IsInForce"/>).
    /// </summary>
    public IReadOnlyList<StatutoryRule> EngineRules(StatutoryItem item, bool first) =>
        _engineRules.TryGetValue((item, first), out var rules) ? rules : [];

    public bool IsInForce(StatutoryRule rule, DateOnly on) =>
        (rule.EffectiveFrom <= on || rule.EffectiveFrom == Baseline) && (rule.EffectiveTo is null || on <= rule.EffectiveTo);

    private sealed record CatalogueFile(string Version, DateOnly Baseline, List<StatutoryRule> Rules);
}
