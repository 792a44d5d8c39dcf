using CareReview.Domain;
using CareReview.Domain.Returns;

namespace CareReview.Tests.Domain.Returns;

/// <summary>Small builders for 903 rows; line numbers follow the order rows are given in, from line 2.</summary>
internal static class ReturnFixtures
{
    public static readonly FinancialYear Year2026 = new(2026);

    public static HeaderRow Header(string child, string sex = "M", string dob = "01/01/2015", string mother = "", int line = 2) =>
        new(line, ReturnTables.Row(ReturnColumns.Header, child, sex, dob, "WBRI", "A123456789012", mother, ""));

    public static EpisodeRow Episode(
        string child, string decom, string dec = "", string rec = "", string rne = "S", string ls = "C2", string place = "U4", int line = 2) =>
        new(line, ReturnTables.Row(ReturnColumns.Episodes, child, decom, rne, ls, "N1", place, "PR1", dec, rec, "", "", "", ""));

    public static ReviewRow Review(string child, string review, string code, string dob = "01/01/2015", int line = 2) =>
        new(line, ReturnTables.Row(ReturnColumns.Reviews, child, dob, review, code));

    public static ReturnTables Tables(
        IEnumerable<HeaderRow>? header = null, IEnumerable<EpisodeRow>? episodes = null, IEnumerable<ReviewRow>? reviews = null) =>
        new([.. header ?? []], [.. episodes ?? []], [.. reviews ?? []]);

    /// <summary>The problems one rule finds.</summary>
    public static IReadOnlyList<ReturnProblem> Check(string code, ReturnTables tables) =>
        ReturnChecks.Run(tables, Year2026, ReturnChecks.Rules.Where(r => r.Code == code));

    /// <summary>Episodes of one child from "DECOM|DEC|REC|RNE" strings, on lines 2, 3, …</summary>
    public static EpisodeRow[] Chain(string child, params string[] episodes) =>
        [.. episodes.Select((e, i) =>
        {
            var p = e.Split('|');
            return Episode(child, p[0], p[1], p[2], p[3], line: i + 2);
        })];
}
