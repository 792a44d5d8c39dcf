namespace CareReview.Domain.Returns;

/// <summary>The 903 tables and their columns in the DfE's order (ssda903.md §1). Read and write with these lists.</summary>
public static class ReturnColumns
{
    public static IReadOnlyList<string> Header { get; } = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"];

    public static IReadOnlyList<string> Episodes { get; } =
        ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"];

    public static IReadOnlyList<string> Reviews { get; } = ["CHILD", "DOB", "REVIEW", "REVIEW_CODE"];

    public static IReadOnlyList<string> Missing { get; } = ["CHILD", "DOB", "MISSING", "MIS_START", "MIS_END"];

    public static IReadOnlyList<string> Uasc { get; } = ["CHILD", "SEX", "DOB", "DUC"];
}

/// <summary>
/// One row of a 903 table: the line it came from (for the in-app check, its position in the would-be
/// export, header = line 1) and the raw upper-cased text of every column, so a rule can report a value
/// that does not parse. Typed values are null when blank or unparsable.
/// </summary>
public abstract record ReturnRow(int Line, IReadOnlyDictionary<string, string> Raw)
{
    public string Child => Value("CHILD");

    /// <summary>The raw text of <paramref name="column"/>, "" when blank.</summary>
    public string Value(string column) => Raw.TryGetValue(column, out var value) ? value : "";

    public bool IsBlank(string column) => Value(column).Length == 0;

    protected DateOnly? Date(string column) => Ssda903Csv.ParseDate(Value(column));
}

/// <summary>A header.csv row: one per child.</summary>
public sealed record HeaderRow(int Line, IReadOnlyDictionary<string, string> Raw) : ReturnRow(Line, Raw)
{
    public DateOnly? Dob => Date("DOB");
}

/// <summary>An episodes.csv row.</summary>
public sealed record EpisodeRow(int Line, IReadOnlyDictionary<string, string> Raw) : ReturnRow(Line, Raw)
{
    public DateOnly? Decom { get; } = Ssda903Csv.ParseDate(Raw.GetValueOrDefault("DECOM"));

    public DateOnly? Dec { get; } = Ssda903Csv.ParseDate(Raw.GetValueOrDefault("DEC"));

    public string Rne => Value("RNE");

    public string Ls => Value("LS");

    public string Rec => Value("REC");

    public bool IsShortBreak => Ls is "V3" or "V4";
}

/// <summary>A reviews.csv row.</summary>
public sealed record ReviewRow(int Line, IReadOnlyDictionary<string, string> Raw) : ReturnRow(Line, Raw)
{
    public DateOnly? Dob => Date("DOB");

    public DateOnly? Review => Date("REVIEW");

    public string Code => Value("REVIEW_CODE");
}

/// <summary>
/// The tables of one year's return, as rows. Build it from files with <see cref="FromFiles"/> (import), or
/// from rows made with <see cref="Row"/> (the in-app check, from the database).
/// Last year's tables are optional and used only by the cross-year rules.
/// </summary>
public sealed record ReturnTables(
    IReadOnlyList<HeaderRow> Header,
    IReadOnlyList<EpisodeRow> Episodes,
    IReadOnlyList<ReviewRow> Reviews)
{
    public IReadOnlyList<HeaderRow> HeaderLast { get; init; } = [];

    public IReadOnlyList<EpisodeRow> EpisodesLast { get; init; } = [];

    /// <summary>Raw values for a row, keyed by column, from values given in the column order of <paramref name="columns"/>.</summary>
    public static IReadOnlyDictionary<string, string> Row(IReadOnlyList<string> columns, params string?[] values)
    {
        if (values.Length != columns.Count)
        {
            throw new ArgumentException($"{values.Length} values for {columns.Count} columns.", nameof(values));
        }

        return columns.Select((c, i) => (c, v: (values[i] ?? "").Trim().ToUpperInvariant()))
            .ToDictionary(p => p.c, p => p.v, StringComparer.Ordinal);
    }

    /// <summary>Tables from files already read by <see cref="Ssda903Csv"/>. Unreadable files give no rows.</summary>
    public static ReturnTables FromFiles(Ssda903File header, Ssda903File episodes, Ssda903File reviews) =>
        new(
            [.. header.Rows.Select(r => new HeaderRow(r.Line, r.Values))],
            [.. episodes.Rows.Select(r => new EpisodeRow(r.Line, r.Values))],
            [.. reviews.Rows.Select(r => new ReviewRow(r.Line, r.Values))]);
}
