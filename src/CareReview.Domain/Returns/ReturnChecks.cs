using CareReview.Domain.Children;

namespace CareReview.Domain.Returns;

/// <summary>
/// Runs the 903 rules Care Review knows over a return. One entry point for the check page, the import
/// and the tests: <c>ReturnChecks.Run(tables, new FinancialYear(2026))</c>. Problems come back ordered
/// by table, line and code. Conditions follow data-to-insight's csc-validator-be-903 (issue-7 plan §3).
/// </summary>
public static class ReturnChecks
{
    private const string Header = "Header";
    private const string Episodes = "Episodes";
    private const string Reviews = "Reviews";

    private static readonly HashSet<string> s_continuation = new(["P", "L", "T", "U", "B"], StringComparer.Ordinal);

    /// <summary>Every rule, in code order as the DfE lists them.</summary>
    public static IReadOnlyList<IReturnRule> Rules { get; } =
    [
        // Header
        Code<Sex>("101", Header, "SEX", blankPasses: false),
        DateField("102", Header, "DOB", blankPasses: false),
        Code<Ethnicity>("103", Header, "ETHNIC", blankPasses: false),
        new ReturnRule("168", c => c.Tables.Header.Where(h => !Upn.IsValid(h.Value("UPN"))).Select(h => c.Problem("168", Header, h, "UPN"))),
        new ReturnRule("393", MotherMissing),

        // Episodes: codes and dates
        DateField("141", Episodes, "DECOM", blankPasses: false),
        Code<ReasonForNewEpisode>("143", Episodes, "RNE"),
        Code<LegalStatus>("144", Episodes, "LS"),
        Code<CategoryOfNeed>("145", Episodes, "CIN"),
        Code<PlacementType>("146", Episodes, "PLACE"),
        DateField("147", Episodes, "DEC", blankPasses: true),
        Code<ReasonEpisodeCeased>("149", Episodes, "REC"),
        Code<PlacementProvider>("178", Episodes, "PLACE_PROVIDER"),
        Code<ReasonForPlacementChange>("1009", Episodes, "REASON_PLACE_CHANGE"),

        // Episodes: one episode
        new ReturnRule("148", c => c.Tables.Episodes.Where(e => e.IsBlank("DEC") != e.IsBlank("REC")).Select(e => c.Problem("148", Episodes, e, e.IsBlank("DEC") ? "DEC" : "REC"))),
        new ReturnRule("354", c => c.Tables.Episodes.Where(e => e.Dec > c.Year.End).Select(e => c.Problem("354", Episodes, e, "DEC"))),
        new ReturnRule("355", c => c.Tables.Episodes.Where(e => e.Dec is { } dec && dec == e.Decom).Select(e => c.Problem("355", Episodes, e, "DEC"))),
        new ReturnRule("356", c => c.Tables.Episodes.Where(e => e.Dec is { } dec && dec < e.Decom).Select(e => c.Problem("356", Episodes, e, "DEC"))),

        // Episodes: how they chain
        new ReturnRule("142", c => Chained(c, (prev, _) => prev.IsBlank("DEC") || prev.IsBlank("REC"), "142", "DEC", onPrevious: true)),
        new ReturnRule("357", FirstEpisodeNotStarted),
        new ReturnRule("388", X1WithoutContinuation),
        new ReturnRule("431", c => Chained(c, (prev, e) => e.Rne == "S" && prev.Dec is { } d && e.Decom <= d, "431", "RNE")),
        new ReturnRule("433", c => Chained(c, (prev, e) => s_continuation.Contains(e.Rne) && (prev.Dec is null || e.Decom is null || prev.Dec != e.Decom), "433", "DECOM")),
        new ReturnRule("501", c => Chained(c, (prev, e) => prev.Dec is { } d && e.Decom < d, "501", "DECOM")),

        // Reviews
        DateField("166", Reviews, "REVIEW", blankPasses: false),
        new ReturnRule("167", ParticipationInvalid),
        new ReturnRule("399", ShortBreakDetails),
        new ReturnRule("440", c => c.Tables.Reviews.Where(r => r.Code == "PN0" && r.Review > r.Dob?.AddYears(4)).Select(r => c.Problem("440", Reviews, r, "REVIEW_CODE"))),
        new ReturnRule("441", c => c.Tables.Reviews.Where(r => IsParticipating(r.Code) && r.Review < r.Dob?.AddYears(4)).Select(r => c.Problem("441", Reviews, r, "REVIEW_CODE"))),
        new ReturnRule("INT08", c => c.Tables.Reviews.Where(r => !c.HeaderByChild.ContainsKey(r.Child)).Select(r => c.Problem("INT08", Reviews, r, "CHILD"))),
        new ReturnRule("INT17", c => c.Tables.Reviews
            .Where(r => c.HeaderByChild.TryGetValue(r.Child, out var h) && h.Dob is { } hd && r.Dob is { } rd && hd != rd)
            .Select(r => c.Problem("INT17", Reviews, r, "DOB"))),
    ];

    /// <summary>Checks <paramref name="tables"/> for <paramref name="year"/> with every rule in <see cref="Rules"/>.</summary>
    public static IReadOnlyList<ReturnProblem> Run(ReturnTables tables, FinancialYear year) =>
        Run(tables, year, Rules);

    /// <summary>Checks with the rules given (tests run one rule at a time).</summary>
    public static IReadOnlyList<ReturnProblem> Run(ReturnTables tables, FinancialYear year, IEnumerable<IReturnRule> rules) =>
        [.. Each(tables, year, rules)
            .OrderBy(p => p.Table, StringComparer.Ordinal)
            .ThenBy(p => p.Line)
            .ThenBy(p => p.Code, StringComparer.Ordinal)];

    /// <summary>
    /// Every problem, in no order, each made as it is found: the import counts them without holding them
    /// all, as a file of bad rows has several a row.
    /// </summary>
    public static IEnumerable<ReturnProblem> Each(ReturnTables tables, FinancialYear year, IEnumerable<IReturnRule>? rules = null)
    {
        var context = new ReturnContext(tables, year, ReturnRuleCatalogue.Current);
        return (rules ?? Rules).SelectMany(r => r.Check(context));
    }

    // Code lists are checked by name: Enum.TryParse would also take "1" or "t3" (before upper-casing).
    private static ReturnRule Code<TCode>(string code, string table, string field, bool blankPasses = true)
        where TCode : struct, Enum
    {
        var names = Enum.GetNames<TCode>().ToHashSet(StringComparer.Ordinal);
        return new ReturnRule(code, c => RowsOf(c, table)
            .Where(r => !(r.IsBlank(field) ? blankPasses : names.Contains(r.Value(field))))
            .Select(r => c.Problem(code, table, r, field)));
    }

    private static ReturnRule DateField(string code, string table, string field, bool blankPasses) =>
        new(code, c => RowsOf(c, table)
            .Where(r => !(r.IsBlank(field) ? blankPasses : Ssda903Csv.ParseDate(r.Value(field)) is not null))
            .Select(r => c.Problem(code, table, r, field)));

    private static IEnumerable<ReturnRow> RowsOf(ReturnContext c, string table) => table switch
    {
        Header => c.Tables.Header,
        Episodes => c.Tables.Episodes,
        _ => c.Tables.Reviews,
    };

    // Each pair of a child's consecutive episodes; the problem goes on the later one unless onPrevious.
    private static IEnumerable<ReturnProblem> Chained(
        ReturnContext c, Func<EpisodeRow, EpisodeRow, bool> fails, string code, string field, bool onPrevious = false)
    {
        foreach (var episodes in c.EpisodesByChild.Values)
        {
            for (var i = 1; i < episodes.Count; i++)
            {
                if (fails(episodes[i - 1], episodes[i]))
                {
                    yield return c.Problem(code, Episodes, onPrevious ? episodes[i - 1] : episodes[i], field);
                }
            }
        }
    }

    // A child who started in the year must start with S; one already in care on 1 April may be mid-period.
    private static IEnumerable<ReturnProblem> FirstEpisodeNotStarted(ReturnContext c) =>
        c.EpisodesByChild.Values
            .Select(e => e[0])
            .Where(first => first.Decom >= c.Year.Start && first.Rne != "S")
            .Select(first => c.Problem("357", Episodes, first, "RNE"));

    private static IEnumerable<ReturnProblem> X1WithoutContinuation(ReturnContext c)
    {
        foreach (var episodes in c.EpisodesByChild.Values)
        {
            for (var i = 0; i < episodes.Count; i++)
            {
                var episode = episodes[i];
                var next = i + 1 < episodes.Count ? episodes[i + 1] : null;
                var fails = next is null
                    ? episode.Rec == "X1" && !episode.IsBlank("DEC")
                    : episode.Rec == "X1" ? next.Decom != episode.Dec : !episode.IsBlank("REC") && next.Decom is { } start && start == episode.Dec;
                if (fails)
                {
                    yield return c.Problem("388", Episodes, episode, "REC");
                }
            }
        }
    }

    private static bool IsParticipating(string code) => code is "PN1" or "PN2" or "PN3" or "PN4" or "PN5" or "PN6" or "PN7";

    private static IEnumerable<ReturnProblem> ParticipationInvalid(ReturnContext c) =>
        c.Tables.Reviews
            .Where(r => !((!r.IsBlank("REVIEW") && (r.Code == "PN0" || IsParticipating(r.Code))) || (r.IsBlank("REVIEW") && r.IsBlank("REVIEW_CODE"))))
            .Select(r => c.Problem("167", Reviews, r, "REVIEW_CODE"));

    // The validator fires only when every one of the child's episodes is V3/V4 (rule_399.py "rule adjustment").
    private static IEnumerable<ReturnProblem> ShortBreakDetails(ReturnContext c)
    {
        var shortBreakOnly = c.EpisodesByChild.Where(p => p.Value.All(e => e.IsShortBreak)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var headers = c.Tables.Header
            .Where(h => shortBreakOnly.Contains(h.Child) && !h.IsBlank("MOTHER"))
            .Select(h => c.Problem("399", Header, h, "MOTHER"));
        var reviews = c.Tables.Reviews
            .Where(r => shortBreakOnly.Contains(r.Child) && !(r.IsBlank("REVIEW") && r.IsBlank("REVIEW_CODE")))
            .Select(r => c.Problem("399", Reviews, r, r.IsBlank("REVIEW") ? "REVIEW_CODE" : "REVIEW"));
        return headers.Concat(reviews);
    }

    private static IEnumerable<ReturnProblem> MotherMissing(ReturnContext c) =>
        c.Tables.Header
            .Where(h => h.Value("SEX") == "F" && h.IsBlank("MOTHER")
                && c.EpisodesByChild.TryGetValue(h.Child, out var episodes) && episodes.Any(e => !e.IsShortBreak))
            .Select(h => c.Problem("393", Header, h, "MOTHER"));
}
