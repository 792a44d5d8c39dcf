using System.Globalization;
using CareReview.Domain.Children;
using CareReview.Domain.Voice;

namespace CareReview.Domain.Research;

/// <summary>
/// A child's row of children.csv: derived figures only, never a name, an id of the council's or a date. The
/// quasi-identifiers are codes of the coding <see cref="KAnonymity"/> chose (<see cref="ResearchQuasiIdentifiers"/>).
/// </summary>
public sealed record ChildRow(
    string Pid,
    string? IroPid,
    string Sex,
    string AgeBand,
    string LegalStatus,
    string CategoryOfNeed,
    string Placement,
    string Period,
    string Placements,
    string ReviewsHeld,
    string ReviewsLate,
    string TookPart,
    int IroChanges,
    int RecsMade,
    int RecsDoneOnTime,
    int RecsDoneLate,
    int RecsOpen,
    int Escalations,
    int? EscalationMaxStage,
    bool CafcassReferred);

/// <summary>
/// A held review's row of reviews.csv, with the child's sex and age band that day but not the child's pid;
/// <paramref name="Means"/> is null when withheld.
/// </summary>
public sealed record ReviewRow(
    string Sex,
    string AgeBand,
    string Quarter,
    string Participation,
    string Late,
    ParticipationMeans? Means,
    bool SeenAloneBefore,
    ReviewRating? Rating);

/// <summary>One published cell of tables.csv (the totals included).</summary>
public sealed record TableRow(string Table, string Row, string Column, string Count);

/// <summary>
/// The one list of the extract's files and variables. The CSV headers, codebook.csv and extract.sps are all
/// written from it, so they cannot disagree; labels for codes come from <see cref="CodeDescriptions"/> and the
/// rule catalogue.
/// </summary>
public static class ResearchVariables
{
    // Before the files: static fields are set in the order they are written.
    private static readonly IReadOnlyList<ValueLabel> s_yesNo = [new("0", "No"), new("1", "Yes")];

    public static readonly ExtractFile<ChildRow> Children = new("children.csv", "children",
        "One row per child looked after on at least one day of the window, but for any left out to keep the extract anonymous",
        [
            Column<ChildRow>(Text("pid", "Pseudonymous child id (valid within this extract only)", Pseudonyms.Length), r => r.Pid),
            Column<ChildRow>(Text("iro_pid", "Pseudonymous id of the IRO allocated at the end of the window (blank: none; valid within this extract only)", Pseudonyms.Length), r => r.IroPid ?? ""),
            Column<ChildRow>(Coded(ResearchQuasiIdentifiers.Sex, "Sex (SSDA903 SEX)"), r => r.Sex),
            Column<ChildRow>(Coded(ResearchQuasiIdentifiers.AgeBand, "Age band on the last day looked after in the window", MeasurementLevel.Ordinal), r => r.AgeBand),
            Column<ChildRow>(Coded(ResearchQuasiIdentifiers.LegalStatus, "Legal status on the last day looked after in the window (SSDA903 LS, or its group)"), r => r.LegalStatus),
            Column<ChildRow>(Coded(ResearchQuasiIdentifiers.CategoryOfNeed, "Category of need on the last day looked after in the window (SSDA903 CIN, or its group)"), r => r.CategoryOfNeed),
            Column<ChildRow>(Coded(ResearchQuasiIdentifiers.Placement, "Placement type on the last day looked after in the window (SSDA903 PLACE, or its group)"), r => r.Placement),
            Column<ChildRow>(Coded(ResearchQuasiIdentifiers.Period, "Looked after for the whole window, or started or ceased during it"), r => r.Period),
            Column<ChildRow>(Coded(ResearchQuasiIdentifiers.Placements, "Placements in the window (the first, then each change of placement or new period of care)", MeasurementLevel.Ordinal), r => r.Placements),
            Column<ChildRow>(Coded(ResearchQuasiIdentifiers.ReviewsHeld, "Statutory reviews held in the window", MeasurementLevel.Ordinal), r => r.ReviewsHeld),
            Column<ChildRow>(Coded(ResearchQuasiIdentifiers.ReviewsLate, "Reviews held in the window after their statutory due date", MeasurementLevel.Ordinal), r => r.ReviewsLate),
            Column<ChildRow>(Coded(ResearchQuasiIdentifiers.TookPart, "How the child took part in the reviews held in the window (SSDA903 REVIEW_CODE over the reviews)"), r => r.TookPart),
            Column<ChildRow>(Number("iro_changes", "Changes from one IRO to another in the window", 3), r => Whole(r.IroChanges)),
            Column<ChildRow>(Number("recs_made", "Recommendations made at reviews in the window", 3), r => Whole(r.RecsMade)),
            Column<ChildRow>(Number("recs_done_on_time", "Of recs_made, done by their due date", 3), r => Whole(r.RecsDoneOnTime)),
            Column<ChildRow>(Number("recs_done_late", "Of recs_made, done after their due date", 3), r => Whole(r.RecsDoneLate)),
            Column<ChildRow>(Number("recs_open", "Of recs_made, still open when the extract was made", 3), r => Whole(r.RecsOpen)),
            Column<ChildRow>(Number("escalations", "Escalations (IRO dispute resolution) raised in the window", 3), r => Whole(r.Escalations)),
            Column<ChildRow>(new ExtractVariable("escalation_max_stage", "Highest formal stage reached by an escalation raised in the window (blank: no escalation)",
                VariableType.Number, 1, MeasurementLevel.Ordinal, [new ValueLabel("0", "Informal stage only")]), r => r.EscalationMaxStage is { } stage ? Whole(stage) : ""),
            Column<ChildRow>(Flag("cafcass_referred", "Referred to Cafcass by the IRO in the window"), r => Flag(r.CafcassReferred)),
        ]);

    public static readonly ExtractFile<ReviewRow> Reviews = new("reviews.csv", "reviews",
        "One row per statutory review held in the window, but for any left out to keep the extract anonymous; it does not say whose",
        [
            Column<ReviewRow>(Coded(ResearchQuasiIdentifiers.Sex, "The child's sex (SSDA903 SEX)"), r => r.Sex),
            Column<ReviewRow>(Coded(ResearchQuasiIdentifiers.AgeBand, "The child's age band on the day of the review", MeasurementLevel.Ordinal), r => r.AgeBand),
            Column<ReviewRow>(Coded(ResearchQuasiIdentifiers.Quarter, "Calendar quarter the review was held in (2025-Q2: April to June 2025)", MeasurementLevel.Ordinal, width: 7), r => r.Quarter),
            Column<ReviewRow>(Coded(ResearchQuasiIdentifiers.Participation, "How the child took part (SSDA903 REVIEW_CODE, or its group; blank: not recorded, as for short breaks)"), r => r.Participation),
            Column<ReviewRow>(Coded(ResearchQuasiIdentifiers.Late, "Held after its statutory due date"), r => r.Late),
            .. ParticipationMeansWords.Each.Select(means => Column<ReviewRow>(
                new ExtractVariable($"means_{Snake(means.ToString())}", $"Took part: {means.Describe()} (* withheld with the participation code)",
                    VariableType.Text, 1, MeasurementLevel.Nominal, [.. s_yesNo, ResearchQuasiIdentifiers.WithheldLabel]),
                r => r.Means is { } m ? Flag(m.HasFlag(means)) : ResearchQuasiIdentifiers.Withheld)),
            Column<ReviewRow>(Flag("seen_alone_before", "The IRO saw the child alone before the review"), r => Flag(r.SeenAloneBefore)),
            Column<ReviewRow>(Code("rating", "The child's Rate My Review card (blank: no card returned)", ReviewRatingWords.All, c => c.Describe()), r => r.Rating?.ToString() ?? ""),
        ]);

    public static readonly ExtractFile<TableRow> Tables = new("tables.csv", "tables",
        "Aggregate counts, with counts of 1 to 4 and the cells that would reveal them written as c",
        [
            Column<TableRow>(new ExtractVariable("table", "Which table", VariableType.Text, 30, MeasurementLevel.Nominal,
                [.. ResearchExtract.TableTitles.Select(t => new ValueLabel(t.Name, t.Title))]), r => r.Table),
            Column<TableRow>(new ExtractVariable("row", "Row of the table (Total: all rows)", VariableType.Text, 30, MeasurementLevel.Nominal, []), r => r.Row),
            Column<TableRow>(new ExtractVariable("column", "Column of the table (Total: all columns)", VariableType.Text, 30, MeasurementLevel.Nominal, []), r => r.Column),
            Column<TableRow>(new ExtractVariable("count", "Count (c: suppressed, 1 to 4 or a cell that would reveal one)", VariableType.Text, 5, MeasurementLevel.Nominal,
                [new ValueLabel(Suppression.Suppressed, "Suppressed")]), r => r.Count),
        ]);

    public static readonly IReadOnlyList<IExtractFile> Files = [Children, Reviews, Tables];

    private static ExtractColumn<T> Column<T>(ExtractVariable variable, Func<T, string> value) => new(variable, value);

    private static ExtractVariable Text(string name, string label, int width) =>
        new(name, label, VariableType.Text, width, MeasurementLevel.Nominal, []);

    private static ExtractVariable Number(string name, string label, int width) =>
        new(name, label, VariableType.Number, width, MeasurementLevel.Scale, []);

    private static ExtractVariable Flag(string name, string label) =>
        new(name, label, VariableType.Number, 1, MeasurementLevel.Nominal, s_yesNo);

    private static ExtractVariable Code<TCode>(string name, string label, IReadOnlyList<TCode> codes, Func<TCode, string> describe)
        where TCode : struct, Enum
    {
        var labels = codes.Select(c => new ValueLabel(c.ToString(), describe(c))).ToList();
        return new(name, label, VariableType.Text, labels.Max(l => l.Code.Length), MeasurementLevel.Nominal, labels);
    }

    /// <summary>
    /// A quasi-identifier's column: text, since a generalised value is a band or group and a withheld one is
    /// "*"; every code of every level is labelled, so the codebook reads whichever level was used.
    /// </summary>
    private static ExtractVariable Coded(Coding coding, string label, MeasurementLevel level = MeasurementLevel.Nominal, int width = 0)
    {
        var codes = coding.AllCodes;
        return new(coding.Column, label, VariableType.Text, Math.Max(width, codes.Max(c => c.Code.Length)), level, codes);
    }

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
