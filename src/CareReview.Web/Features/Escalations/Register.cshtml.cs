using CareReview.Web.Output;

namespace CareReview.Web.Features.Escalations;

/// <summary>
/// The escalation register: every escalation the user may see (the IRO manager, the whole service; an
/// IRO, their caseload's), open and closed, filtered by state, stage, category, team, age and outcome,
/// with totals and the time each took to resolve, and a CSV export of the same rows.
/// </summary>
[Requires(Permission.RunEscalations)]
public sealed class RegisterModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public FilterModel Filter { get; set; } = new();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Teams { get; private set; } = [];
    public IReadOnlyList<int> FinancialYears { get; private set; } = [];
    public int MaxStage { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        audit.Record(AuditAction.EscalationRegisterViewed, details: $"rows:{Rows.Count}");
        await db.SaveChangesAsync();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        audit.Record(AuditAction.EscalationRegisterExported, details: $"rows:{Rows.Count}");
        await db.SaveChangesAsync();
        return File(Csv.ToBytes(CsvHeader, Rows.Select(CsvRow)), "text/csv", $"escalation-register-{Today:yyyy-MM-dd}.csv");
    }

    public static readonly IReadOnlyList<string> CsvHeader =
    [
        "escalation_id", "child_local_id", "age_band_when_raised", "team", "category", "raised_on", "stage_reached", "skipped_stages",
        "status", "outcome", "closed_on", "working_days_to_close", "formal_working_days", "over_20_working_days",
    ];

    private static IReadOnlyList<string?> CsvRow(Row row) =>
    [
        Csv.Number(row.Id), row.LocalId, row.AgeBand.Describe(), row.Team, row.Category.Describe(), Csv.Date(row.RaisedOn),
        EscalationWords.StageName(row.StageReached), string.Join(' ', row.SkippedStages), row.Status, row.Outcome?.Describe(),
        row.ClosedOn is { } closed ? Csv.Date(closed) : null, row.WorkingDaysToClose is { } days ? Csv.Number(days) : null,
        row.FormalWorkingDays is { } formal ? Csv.Number(formal) : null, row.OverTwentyWorkingDays ? "yes" : "no",
    ];

    public IEnumerable<(string Label, int Count)> CountBy<T>(Func<Row, T> key, IEnumerable<T> order, Func<T, string> label) where T : notnull =>
        order.Select(value => (label(value), Rows.Count(r => EqualityComparer<T>.Default.Equals(key(r), value))));

    /// <summary>The closed rows' working days from raising to closing.</summary>
    public IReadOnlyList<int> DaysToClose => [.. Rows.Where(r => r.WorkingDaysToClose is not null).Select(r => r.WorkingDaysToClose!.Value).Order()];

    public static double? Median(IReadOnlyList<int> sorted) => sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2.0;

    private async Task LoadAsync()
    {
        Today = time.TodayInEngland();
        var calendar = rules.Current;
        var (process, _) = await DrpStageSetting.CurrentAsync(db);
        var children = db.ChildrenVisibleTo(User, time);
        var escalations = await db.Escalations.Include(e => e.Stages)
            .Where(e => children.Any(c => c.Id == e.ChildId))
            .AsSplitQuery()
            .ToListAsync();
        var ids = escalations.Select(e => e.ChildId).Distinct().ToList();
        var about = await children.Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.LocalId, c.DateOfBirth, Name = c.GivenName + " " + c.FamilyName })
            .ToDictionaryAsync(c => c.Id);
        Teams = [.. (await db.Teams.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync()).Select(t => (t.Id, t.Name))];
        var teamNames = Teams.ToDictionary(t => t.Id, t => t.Name);

        var all = escalations.Select(e =>
        {
            var child = about[e.ChildId];
            return new Row(e.Id, e.ChildId, child.Name, child.LocalId, ReportingAgeBands.For(Child.Age(child.DateOfBirth, e.RaisedOn)),
                e.TeamId, e.TeamId is { } team && teamNames.TryGetValue(team, out var name) ? name : "No team", e.Category, e.RaisedOn,
                e.StageReached, e.SkippedStages, e.Status(), e.IsOpen, e.Outcome, e.ClosedOn, e.WorkingDaysToClose(calendar),
                e.FormalWorkingDays(calendar, Today), e.PassesTotalWorkingDays(calendar, Today),
                e.CurrentStage is { } open && open.IsResponseOverdueOn(Today));
        }).ToList();

        FinancialYears = [.. all.Select(r => YearOf(r.RaisedOn)).Append(YearOf(Today)).Distinct().OrderDescending()];
        MaxStage = Math.Max(process.Stages.Count, all.Select(r => r.StageReached).DefaultIfEmpty(0).Max());
        Rows = [.. all.Where(Filter.Matches).OrderByDescending(r => r.IsOpen).ThenByDescending(r => r.RaisedOn).ThenByDescending(r => r.Id)];
    }

    /// <summary>The register names a financial year by the year it starts in: 1 April 2026 to 31 March 2027 is 2026.</summary>
    private static int YearOf(DateOnly date) => FinancialYear.Containing(date).StartingYear;

    public sealed record Row(int Id, int ChildId, string ChildName, string LocalId, ReportingAgeBand AgeBand, int? TeamId, string Team,
        ConcernCategory Category, DateOnly RaisedOn, int StageReached, IReadOnlyList<int> SkippedStages, string Status, bool IsOpen,
        EscalationOutcome? Outcome, DateOnly? ClosedOn, int? WorkingDaysToClose, int? FormalWorkingDays, bool OverTwentyWorkingDays,
        bool ResponseOverdue);

    public sealed class FilterModel
    {
        /// <summary>"open", "closed", or empty for both.</summary>
        public string? State { get; set; }

        public int? Stage { get; set; }
        public ConcernCategory? Category { get; set; }
        public int? TeamId { get; set; }
        public ReportingAgeBand? AgeBand { get; set; }
        public EscalationOutcome? Outcome { get; set; }

        /// <summary>Raised in the financial year starting in April of this year.</summary>
        public int? Year { get; set; }

        public bool Matches(Row row) =>
            (State != "open" || row.IsOpen) && (State != "closed" || !row.IsOpen)
            && (Stage is null || row.StageReached == Stage)
            && (Category is null || row.Category == Category)
            && (TeamId is null || row.TeamId == TeamId)
            && (AgeBand is null || row.AgeBand == AgeBand)
            && (Outcome is null || row.Outcome == Outcome)
            && (Year is null || YearOf(row.RaisedOn) == Year);

        /// <summary>The same filter as a query string, for the CSV link.</summary>
        public string QueryString() => string.Join('&', new (string Key, object? Value)[]
            {
                ("Filter.State", State), ("Filter.Stage", Stage), ("Filter.Category", Category), ("Filter.TeamId", TeamId),
                ("Filter.AgeBand", AgeBand), ("Filter.Outcome", Outcome), ("Filter.Year", Year),
            }
            .Where(p => p.Value is not null && p.Value.ToString() != "")
            .Select(p => $"{p.Key}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}"));
    }
}
