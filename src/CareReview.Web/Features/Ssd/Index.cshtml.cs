using CareReview.Web.Output;

namespace CareReview.Web.Features.Ssd;

/// <summary>
/// The IRO manager's view of the sync with the council's case-management system (ADR-0029): the last run and what it
/// found, the next, the problems to put right upstream, the children the case system no longer has, and a button to
/// run it now (or only to see what it would change).
/// </summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time, SsdSyncJob job) : PageModel
{
    public const int ProblemsShown = 200;
    public const int EarlierRunsShown = 10;

    /// <summary>The id of the "Run now" button, which a refusal to start is shown beside.</summary>
    public const string RunField = "run";

    public SsdSyncOptions Options => job.Options;

    /// <summary>Where the tables are read from, or null when <c>Ssd:Sync:From</c> is not set or cannot be read as a place.</summary>
    public SsdStore? Store { get; private set; }

    /// <summary>Why there is nothing to run, in words for the page; null when there is.</summary>
    public string? NotRunnable { get; private set; }

    /// <summary>The run going now, if any.</summary>
    public SsdSyncRun? Running { get; private set; }

    /// <summary>The latest run that has ended, finished or failed.</summary>
    public SsdSyncRun? Last { get; private set; }

    public IReadOnlyList<SsdSyncProblem> Problems { get; private set; } = [];
    public int ProblemCount { get; private set; }

    /// <summary>How many problems each run shown had, by run id.</summary>
    public IReadOnlyDictionary<int, int> ProblemCounts { get; private set; } = new Dictionary<int, int>();
    public IReadOnlyList<SsdSyncRun> Earlier { get; private set; } = [];
    public IReadOnlyList<FlaggedChild> Flagged { get; private set; } = [];
    public string NextRun { get; private set; } = "";
    public DateTime NowUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        audit.Record(AuditAction.SsdSyncViewed, details: $"last-run:{Last?.Id};problems:{ProblemCount};flagged:{Flagged.Count}");
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => await StartAsync(dryRun: false, cancellationToken);

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken) => await StartAsync(dryRun: true, cancellationToken);

    /// <summary>
    /// How far the run going now has got, for the page's script. Not audited: it is polled every 2 seconds and
    /// shows only counts, and opening the page was audited.
    /// </summary>
    public async Task<IActionResult> OnGetProgressAsync(CancellationToken cancellationToken)
    {
        var running = await RunningAsync(cancellationToken);
        return new JsonResult(new { running = running is not null, text = running is null ? "The run has ended. Refresh the page to see what it did." : Progress(running) });
    }

    /// <summary>A run's problems as CSV, for whoever puts the case system's data right.</summary>
    public async Task<IActionResult> OnGetProblemsAsync(int run, CancellationToken cancellationToken)
    {
        var found = await db.SsdSyncRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == run, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var problems = await db.SsdSyncProblems.AsNoTracking().Where(p => p.RunId == run).OrderBy(p => p.Id).ToListAsync(cancellationToken);
        audit.Record(AuditAction.SsdSyncProblemsExported, details: $"run:{run};problems:{problems.Count}");
        await db.SaveChangesAsync(cancellationToken);
        var rows = problems.Select(p => (IReadOnlyList<string?>)[p.Table, p.Row, p.Field, p.PersonId, p.Message]);
        return File(Csv.ToBytes(["table", "row", "field", "person_id", "problem"], rows), "text/csv", $"ssd-sync-problems-run-{found.Id}.csv");
    }

    /// <summary>"A sync is running: 1,200 of 5,000 children".</summary>
    public static string Progress(SsdSyncRun run) =>
        $"A {(run.DryRun ? "dry run" : "sync")} is running: "
        + (run.ChildrenRead == 0
            ? "reading the case system's tables."
            : $"{run.ChildrenDone.ToString("N0", CultureInfo.InvariantCulture)} of {run.ChildrenRead.ToString("N0", CultureInfo.InvariantCulture)} children.");

    /// <summary>A length of time in words: "1 hour", "6 hours 30 minutes", "1 day".</summary>
    public static string InWords(TimeSpan span)
    {
        static string Part(int n, string unit) => n == 0 ? "" : $"{n} {unit}{(n == 1 ? "" : "s")}";
        var words = string.Join(' ', new[] { Part(span.Days, "day"), Part(span.Hours, "hour"), Part(span.Minutes, "minute"), Part(span.Seconds, "second") }
            .Where(p => p.Length > 0));
        return words.Length == 0 ? "0 minutes" : words;
    }

    private async Task<IActionResult> StartAsync(bool dryRun, CancellationToken cancellationToken)
    {
        SetStore();
        if (NotRunnable is null)
        {
            var started = await job.StartAsync(User, dryRun, cancellationToken);
            if (started is not null)
            {
                TempData["Success"] = dryRun ? "The dry run has started. It saves nothing: it shows what a sync would change." : "The sync has started.";
                return RedirectToPage();
            }

            var running = await RunningAsync(cancellationToken);
            ModelState.AddModelError(RunField, running is null
                ? "Another sync was running a moment ago. Try again."
                : $"A sync is already running: {running.StartedBy} started it at {Clock.AtTimeOnDayInEngland(running.StartedAtUtc)}. Wait for it to finish before starting another.");
        }
        else
        {
            ModelState.AddModelError(RunField, NotRunnable);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        SetStore();
        Running = await RunningAsync(cancellationToken);
        var ended = await db.SsdSyncRuns.AsNoTracking().Where(r => r.State != SsdSyncState.Running)
            .OrderByDescending(r => r.StartedAtUtc).ThenByDescending(r => r.Id).Take(EarlierRunsShown + 1).ToListAsync(cancellationToken);
        Last = ended.FirstOrDefault();
        Earlier = [.. ended.Skip(1)];
        var ids = ended.Select(r => r.Id).ToList();
        ProblemCounts = await db.SsdSyncProblems.Where(p => ids.Contains(p.RunId)).GroupBy(p => p.RunId)
            .Select(g => new { Run = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Run, g => g.Count, cancellationToken);
        if (Last is not null)
        {
            ProblemCount = ProblemCounts.GetValueOrDefault(Last.Id);
            Problems = await db.SsdSyncProblems.AsNoTracking().Where(p => p.RunId == Last.Id).OrderBy(p => p.Id).Take(ProblemsShown)
                .ToListAsync(cancellationToken);
        }

        Flagged = await db.ChildrenVisibleTo(User, time).AsNoTracking().Where(c => c.MissingUpstreamSince != null)
            .OrderBy(c => c.MissingUpstreamSince).ThenBy(c => c.LocalId)
            .Select(c => new FlaggedChild(c.Id, c.LocalId, c.GivenName + " " + c.FamilyName, c.MissingUpstreamSince!.Value))
            .ToListAsync(cancellationToken);
        NextRun = await NextRunAsync(cancellationToken);
    }

    private void SetStore()
    {
        if (string.IsNullOrWhiteSpace(Options.From))
        {
            NotRunnable = "Ssd:Sync:From is not set, so there is nothing to sync from. Set it to the folder or postgres:// address of the council's SSD tables.";
            return;
        }

        try
        {
            Store = job.Store;
        }
        catch (UriFormatException)
        {
            NotRunnable = "Ssd:Sync:From is not a folder or a postgres:// address that can be read. Put it right in the settings.";
        }
    }

    private async Task<string> NextRunAsync(CancellationToken cancellationToken)
    {
        if (Options.Every is not { } every || every <= TimeSpan.Zero)
        {
            return "Not scheduled";
        }

        if (Store is null)
        {
            return "Not scheduled, because Ssd:Sync:From is not set";
        }

        var lastScheduled = await db.SsdSyncRuns.AsNoTracking().Where(r => r.StartedBy == SsdSyncJob.ScheduledBy)
            .OrderByDescending(r => r.StartedAtUtc).Select(r => (DateTime?)r.StartedAtUtc).FirstOrDefaultAsync(cancellationToken);
        return lastScheduled is { } last && last + every > NowUtc
            ? $"About {Clock.AtTimeOnDayInEngland(last + every)} (every {InWords(every)})"
            : $"Within {InWords(every)} of the app starting (every {InWords(every)})";
    }

    /// <summary>The run going now; one gone stale counts, until the next run to start records that it stopped.</summary>
    private Task<SsdSyncRun?> RunningAsync(CancellationToken cancellationToken) =>
        db.SsdSyncRuns.AsNoTracking().Where(r => r.State == SsdSyncState.Running).OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A child the case system no longer has, for the manager to decide about.</summary>
    public sealed record FlaggedChild(int Id, string LocalId, string Name, DateOnly MissingSince);
}
