namespace CareReview.Domain.Returns;

/// <summary>A 903 validation rule: one DfE code, checked against a whole return.</summary>
public interface IReturnRule
{
    /// <summary>The DfE code, which must be in <see cref="ReturnRuleCatalogue"/>.</summary>
    string Code { get; }

    IEnumerable<ReturnProblem> Check(ReturnContext context);
}

/// <summary>
/// What every rule reads: the tables, the year, and the lookups worked out once for all rules
/// (each child's episodes sorted by DECOM, each child's header row).
/// </summary>
public sealed class ReturnContext
{
    public ReturnContext(ReturnTables tables, FinancialYear year, ReturnRuleCatalogue catalogue)
    {
        Tables = tables;
        Year = year;
        Catalogue = catalogue;
        // Unparsable DECOMs sort last so the dated chain is still checked; rule 141 reports them.
        EpisodesByChild = tables.Episodes
            .GroupBy(e => e.Child, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<EpisodeRow>)[.. g.OrderBy(e => e.Decom ?? DateOnly.MaxValue).ThenBy(e => e.Line)],
                StringComparer.Ordinal);
        HeaderByChild = tables.Header
            .GroupBy(h => h.Child, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public ReturnTables Tables { get; }

    public FinancialYear Year { get; }

    public ReturnRuleCatalogue Catalogue { get; }

    /// <summary>Each child's episodes in DECOM order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<EpisodeRow>> EpisodesByChild { get; }

    /// <summary>Each child's header row (the first, if a child is repeated).</summary>
    public IReadOnlyDictionary<string, HeaderRow> HeaderByChild { get; }

    /// <summary>A problem for <paramref name="row"/> with the catalogue's message for <paramref name="code"/>.</summary>
    public ReturnProblem Problem(string code, string table, ReturnRow row, string field) =>
        new(code, table, row.Line, row.Child, field, Catalogue.Message(code));
}

/// <summary>A rule given as its code and its check, for the many rules that are a few lines each.</summary>
public sealed class ReturnRule(string code, Func<ReturnContext, IEnumerable<ReturnProblem>> check) : IReturnRule
{
    public string Code { get; } = code;

    public IEnumerable<ReturnProblem> Check(ReturnContext context) => check(context);
}
