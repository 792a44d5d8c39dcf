using System.Globalization;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Voice;

namespace CareReview.Domain.Research;

/// <summary>A child's row of children.csv: derived figures only, never a name, an id of the council's or a date.</summary>
public sealed record ChildRow(
    string Pid,
    string? IroPid,
    Sex Sex,
    int AgeStart,
    int AgeEnd,
    LegalStatus LegalStatusEnd,
    CategoryOfNeed CategoryOfNeed,
    PlacementType PlacementTypeEnd,
    int PlacementsInWindow,
    int DaysLookedAfter,
    bool ShortBreaks,
    int ReviewsHeld,
    int ReviewsLate,
    int IroChanges,
    int RecsMade,
    int RecsDoneOnTime,
    int RecsDoneLate,
    int RecsOpen,
    int Escalations,
    int? EscalationMaxStage,
    bool CafcassReferred);

/// <summary>A held review's row of reviews.csv.</summary>
public sealed record ReviewRow(
    string Pid,
    int ReviewSeq,
    int AgeAtReview,
    int DaysSincePeriodStart,
    string DueRule,
    bool Late,
    int DaysLate,
    ParticipationCode? Participation,
    ParticipationMeans Means,
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
        "One row per child looked after on at least one day of the window",
        [
            Column<ChildRow>(Text("pid", "Pseudonymous child id (valid within this extract only)", Pseudonyms.Length), r => r.Pid),
            Column<ChildRow>(Text("iro_pid", "Pseudonymous id of the IRO allocated at the end of the window (blank: none; valid within this extract only)", Pseudonyms.Length), r => r.IroPid ?? ""),
            Column<ChildRow>(Code("sex", "Sex (SSDA903 SEX)", Enum.GetValues<Sex>(), c => c.Describe()), r => r.Sex.ToString()),
            Column<ChildRow>(Number("age_start", "Age in whole years on the first day looked after in the window", 2), r => Whole(r.AgeStart)),
            Column<ChildRow>(Number("age_end", "Age in whole years on the last day looked after in the window", 2), r => Whole(r.AgeEnd)),
            Column<ChildRow>(Code("legal_status_end", "Legal status on the last day looked after in the window (SSDA903 LS)", Enum.GetValues<LegalStatus>(), c => c.Describe()), r => r.LegalStatusEnd.ToString()),
            Column<ChildRow>(Code("cin", "Category of need on the last day looked after in the window (SSDA903 CIN)", Enum.GetValues<CategoryOfNeed>(), c => c.Describe()), r => r.CategoryOfNeed.ToString()),
            Column<ChildRow>(Code("placement_type_end", "Placement type on the last day looked after in the window (SSDA903 PLACE)", Enum.GetValues<PlacementType>(), c => c.Describe()), r => r.PlacementTypeEnd.ToString()),
            Column<ChildRow>(Number("placements_in_window", "Placements in the window (the first, then each change of placement or new period of care)", 3), r => Whole(r.PlacementsInWindow)),
            Column<ChildRow>(Number("days_looked_after", "Days looked after in the window", 5), r => Whole(r.DaysLookedAfter)),
            Column<ChildRow>(Flag("short_breaks", "Had a short-break episode (legal status V3 or V4) in the window"), r => Flag(r.ShortBreaks)),
            Column<ChildRow>(Number("reviews_held", "Statutory reviews held in the window", 3), r => Whole(r.ReviewsHeld)),
            Column<ChildRow>(Number("reviews_late", "Reviews held in the window after their statutory due date", 3), r => Whole(r.ReviewsLate)),
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
        "One row per statutory review held in the window, of a child in children.csv",
        [
            Column<ReviewRow>(Text("pid", "Pseudonymous child id (as in children.csv)", Pseudonyms.Length), r => r.Pid),
            Column<ReviewRow>(new ExtractVariable("review_seq", "Order of the review among the child's reviews in the window (1 = first)", VariableType.Number, 3, MeasurementLevel.Ordinal, []), r => Whole(r.ReviewSeq)),
            Column<ReviewRow>(Number("age_at_review", "Age in whole years on the day of the review", 2), r => Whole(r.AgeAtReview)),
            Column<ReviewRow>(Number("days_since_period_start", "Days from the first day of the window to the review (0 = the first day)", 5), r => Whole(r.DaysSincePeriodStart)),
            Column<ReviewRow>(DueRule(), r => r.DueRule),
            Column<ReviewRow>(Flag("late", "Held after its statutory due date"), r => Flag(r.Late)),
            Column<ReviewRow>(Number("days_late", "Calendar days after the due date the review was held (0 if on time)", 5), r => Whole(r.DaysLate)),
            Column<ReviewRow>(Code("participation", "How the child took part (SSDA903 REVIEW_CODE; blank: not recorded, as for short breaks)", Enum.GetValues<ParticipationCode>(), c => c.Describe()),
                r => r.Participation?.ToString() ?? ""),
            .. ParticipationMeansWords.Each.Select(means => Column<ReviewRow>(
                Flag($"means_{Snake(means.ToString())}", $"Took part: {means.Describe()}"), r => Flag(r.Means.HasFlag(means)))),
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

    private static ExtractVariable DueRule()
    {
        var labels = RuleCatalogue.National.Rules
            .Where(r => r.Item == StatutoryItem.Review)
            .DistinctBy(r => r.Id)
            .Select(r => new ValueLabel(r.Id, r.Title))
            .ToList();
        return new("due_rule", "The rule that set the review's due date (the Care Review rule catalogue)", VariableType.Text,
            Math.Max(8, labels.Max(l => l.Code.Length)), MeasurementLevel.Nominal, labels);
    }

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
