using CareReview.Domain.Returns;

namespace CareReview.Web.Features.Returns;

/// <summary>
/// The DfE looked-after return for a collection year: checked in the app before it is sent, each problem
/// shown against its child with a link to put it right, and downloaded as the DfE's CSV files.
/// </summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public FinancialYear Collection { get; private set; } = null!;

    public IReadOnlyList<FinancialYear> Years { get; private set; } = [];

    public ReturnFiles Files { get; private set; } = null!;

    public IReadOnlyList<ReturnProblem> Problems { get; private set; } = [];

    /// <summary>The child's record for each local id with a problem, for the link to put it right.</summary>
    public IReadOnlyDictionary<string, (int Id, string Name)> ChildrenByLocalId { get; private set; } = new Dictionary<string, (int, string)>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Problems = ReturnChecks.Run(Files.Tables, Collection);
        var localIds = Problems.Select(p => p.ChildLocalId).Distinct().ToList();
        ChildrenByLocalId = (await db.Children.AsNoTracking().Where(c => localIds.Contains(c.LocalId))
                .Select(c => new { c.LocalId, c.Id, c.GivenName, c.FamilyName }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.LocalId, c => (c.Id, $"{c.GivenName} {c.FamilyName}"));
        _placementEpisodes = await PlacementEpisodesAsync(cancellationToken);
        audit.Record(AuditAction.ReturnChecked, details: $"{ReturnData.Counts(Files)};problems:{Problems.Count}");
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        audit.Record(AuditAction.ReturnExported, details: ReturnData.Counts(Files));
        await db.SaveChangesAsync(cancellationToken);
        return File(ReturnData.Zip(Files), "application/zip", $"ssda903-{Collection.EndingYear}.zip");
    }

    /// <summary>
    /// Where to put a problem right: the child's details for a header problem, the episode's placement
    /// details for a problem with one of them, and otherwise the child's record.
    /// </summary>
    public string PutItRightHref(ReturnProblem problem, int childId) => PutItRightHref(problem, childId, _placementEpisodes);

    public static string PutItRightHref(ReturnProblem problem, int childId, IReadOnlyDictionary<int, int> placementEpisodes) => problem.Table switch
    {
        "Header" => $"/children/{childId}/return-details",
        "Episodes" when s_placementFields.Contains(problem.Field) && placementEpisodes.TryGetValue(problem.Line, out var episodeId)
            => $"/children/{childId}/episodes/{episodeId}/placement",
        _ => $"/children/{childId}",
    };

    private static readonly HashSet<string> s_placementFields = new(["PLACE_PROVIDER", "HOME_POST", "PL_POST", "URN"], StringComparer.Ordinal);

    private IReadOnlyDictionary<int, int> _placementEpisodes = new Dictionary<int, int>();

    private async Task<IReadOnlyDictionary<int, int>> PlacementEpisodesAsync(CancellationToken cancellationToken)
    {
        var localIds = PlacementRows(Problems, Files.Tables).Select(r => r.Child).Distinct().ToList();
        if (localIds.Count == 0)
        {
            return new Dictionary<int, int>();
        }

        var children = await db.Children.AsNoTracking().Where(c => localIds.Contains(c.LocalId)).Include(c => c.Episodes).ToListAsync(cancellationToken);
        return PlacementEpisodes(Problems, Files.Tables, children);
    }

    /// <summary>The episode behind each episodes.csv line with a placement problem, by line; a line that matches no single episode is left out.</summary>
    public static IReadOnlyDictionary<int, int> PlacementEpisodes(IReadOnlyList<ReturnProblem> problems, ReturnTables tables, IEnumerable<Child> children)
    {
        var byLocalId = children.ToDictionary(c => c.LocalId, StringComparer.Ordinal);
        var found = new Dictionary<int, int>();
        foreach (var row in PlacementRows(problems, tables))
        {
            if (!byLocalId.TryGetValue(row.Child, out var child))
            {
                continue;
            }

            // A row is its episode's start, reason, legal status and placement: no two episodes of one child share all four.
            var matches = child.Episodes.Where(e => Ssda903Csv.FormatDate(e.StartedOn) == row.Value("DECOM")
                && e.ReasonForNewEpisode.ToString() == row.Rne && e.LegalStatus.ToString() == row.Ls && e.PlacementType.ToString() == row.Value("PLACE")).ToList();
            if (matches.Count == 1)
            {
                found[row.Line] = matches[0].Id;
            }
        }

        return found;
    }

    private static List<EpisodeRow> PlacementRows(IReadOnlyList<ReturnProblem> problems, ReturnTables tables)
    {
        var lines = problems.Where(p => p.Table == "Episodes" && s_placementFields.Contains(p.Field)).Select(p => p.Line).ToHashSet();
        return [.. tables.Episodes.Where(r => lines.Contains(r.Line))];
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Years = FinancialYear.Recent(time.TodayInEngland());
        Year ??= Years[0].Previous.EndingYear;
        if (Years.All(y => y.EndingYear != Year))
        {
            return false;
        }

        Collection = new FinancialYear(Year.Value);
        Files = await ReturnData.LoadAsync(db, Collection, cancellationToken);
        return true;
    }
}
