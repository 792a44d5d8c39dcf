using System.Diagnostics;
using System.Runtime;
using System.Security.Claims;
using CareReview.Domain;
using CareReview.Domain.Deadlines;
using CareReview.Web.Auditing;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Demo;
using CareReview.Web.Features.Ssd;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using static CareReview.Bench.Program;

namespace CareReview.Bench;

/// <summary>
/// dotnet run -c Release --project bench/CareReview.Bench -- --ssd [--children N] [--changed C] [--runs R] [--postgres CONNECTION]
/// The SSD sync (issue 20) for a council of N children (5,000 unless told), written as SSD tables by the demo's
/// writer: the first sync into an empty database (target under 10 s), then a second sync after C children (200)
/// changed upstream (target under 2 s), through the app's own code and a SQLite file (or PostgreSQL) built by its
/// migrations. The tables are CSV files, or, with --postgres, a schema on the same server.
/// </summary>
internal static class SsdRun
{
    private static readonly ClaimsPrincipal s_user = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Name, "bench")], "bench"));

    public static int Run(string[] args)
    {
        var work = Directory.CreateTempSubdirectory("carereview-ssd-bench-");
        try
        {
            return RunAsync(args, work.FullName).GetAwaiter().GetResult();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<int> RunAsync(string[] args, string work)
    {
        var count = Option(args, "--children", 5000);
        var changedCount = Option(args, "--changed", 200);
        var runs = Option(args, "--runs", 3);
        var seed = Option(args, "--seed", Population.DefaultSeed);
        var today = Population.Today;
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        await using var databases = new BenchDatabases(work, postgres);
#if DEBUG
        Say($"WARNING: a Debug build. Measure with -c Release.");
#endif
        Say($"Care Review SSD sync benchmark: {count:N0} children as on {GovukDate.Format(today)}; databases: {databases.Engine}");
        Say($"Runtime: {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC; ",
            $"load average {LoadAverage()} at the start; cores free {CoresFree(2):F2} of 2");

        var setup = Stopwatch.StartNew();
        var (children, staff) = Population.Generate(count, seed, today, Rulebook.National, new DemoIds());
        var tables = DemoSsd.Write(staff, children).ToDictionary(t => t.Key, t => t.Value.Select(r => (string?[])r.Clone()).ToList());
        var (changed, changes) = Change(tables, changedCount, today);
        await databases.CreateEmptyAsync();
        setup.Stop();
        Say($"Setup (not measured, {setup.Elapsed.TotalSeconds:F1} s): {tables[SsdTables.Person].Count:N0} people, {tables[SsdTables.Episodes].Count:N0} episodes, ",
            $"{tables[SsdTables.Visits].Count:N0} visits, {tables[SsdTables.Reviews].Count:N0} reviews, {tables[SsdTables.Involvements].Count:N0} involvements");

        // The reading alone: every table from the files (or schema) into children, with their fingerprints.
        var readStore = await WriteAsync(tables, changedFrom: null, work, postgres, -1);
        var reading = Measure(() =>
        {
            var read = SsdTables.Read.ToDictionary(t => t.Name, t => readStore.ReadAsync(t).GetAwaiter().GetResult());
            return SsdChildren.Read(read, today).Children.Count;
        });
        Say($"Reading the tables into children alone: {reading.Milliseconds:N0} ms, {Mb(reading.Allocated)} allocated");

        var first = new List<Result>();
        var second = new List<Result>();
        var third = new List<Result>();
        var failures = 0;
        for (var run = 0; run <= runs; run++)
        {
            var name = $"council{run}";
            await databases.CopyEmptyAsync(name);
            var store = await WriteAsync(tables, changedFrom: null, work, postgres, run);
            var changedStore = await WriteAsync(tables, changed, work, postgres, run);
            SsdSyncRun? a = null, b = null, c = null;
            var r1 = Measure(() => (a = SyncAsync(databases, name, store, today).GetAwaiter().GetResult()).Added);
            var r2 = Measure(() => (b = SyncAsync(databases, name, changedStore, today).GetAwaiter().GetResult()).Changed);
            var r3 = Measure(() => (c = SyncAsync(databases, name, changedStore, today).GetAwaiter().GetResult()).Unchanged);
            var ok = a!.State == SsdSyncState.Finished && a.Added == count && a.Refused == 0 && b!.Changed == changes && b.Added == 0 && c!.Changed == 0 && c.Unchanged == count;
            failures += ok ? 0 : 1;
            Say($"  run {run}{(run == 0 ? " (cold)" : "")}: first {r1.Milliseconds:N0} ms ({a.Added:N0} added, {a.Refused} refused); ",
                $"second {r2.Milliseconds:N0} ms ({b!.Changed:N0} changed); third {r3.Milliseconds:N0} ms ({c!.Unchanged:N0} unchanged){(ok ? "" : " — NOT as expected")}");
            if (run > 0)
            {
                first.Add(r1);
                second.Add(r2);
                third.Add(r3);
            }
        }

        Say($"");
        Say($"| {count:N0} children, {databases.Engine} | median of {runs} (min–max) | CPU, median | allocated, median | target |");
        Say($"| --- | --- | --- | --- | --- |");
        Row("first sync, empty database", first, 10_000);
        Row($"second sync, {changes:N0} changed", second, 2_000);
        Row("third sync, nothing changed", third, 2_000);
        Say($"Every run added every child, found exactly the changed ones, then nothing: {(failures == 0 ? "yes" : "NO")}");
        Say($"Peak working set of the process: {Mb(Process.GetCurrentProcess().PeakWorkingSet64)}");
        return failures == 0 ? 0 : 1;
    }

    private static void Row(string name, List<Result> results, long targetMs)
    {
        var median = results.Select(r => r.Milliseconds).Order().ElementAt(results.Count / 2);
        Say($"| {name} | **{median:N0} ms** ({results.Min(r => r.Milliseconds):N0}–{results.Max(r => r.Milliseconds):N0}) | ",
            $"{results.Select(r => r.CpuMilliseconds).Order().ElementAt(results.Count / 2):N0} ms | {Mb(results.Select(r => r.Allocated).Order().ElementAt(results.Count / 2))} | ",
            $"under {targetMs / 1000} s: {(median < targetMs ? "met" : "NOT met")} |");
    }

    /// <summary>
    /// Moves <paramref name="count"/> looked-after children to a new placement yesterday, as a case system records a
    /// move: the episode ends (X1), the placement ends with a reason, and a new episode and placement begin.
    /// </summary>
    private static (Dictionary<SsdTable, List<string?[]>> Tables, int Count) Change(Dictionary<SsdTable, List<string?[]>> tables, int count, DateOnly today)
    {
        var on = SsdStore.Date(today.AddDays(-1));
        var episodes = SsdTables.Episodes;
        int Col(SsdTable t, string c) => t.Columns.ToList().FindIndex(x => x.Name == c);
        var open = tables[episodes].Where(r => r[Col(episodes, "clae_cla_episode_ceased_date")] is null
            && string.CompareOrdinal(r[Col(episodes, "clae_cla_episode_start_date")], on) < 0).Take(count).ToList();
        var changed = tables.ToDictionary(t => t.Key, t => t.Value.Select(r => (string?[])r.Clone()).ToList());
        var placements = SsdTables.Placements;
        foreach (var row in open)
        {
            var episode = changed[episodes].Single(r => r[0] == row[0]);
            episode[Col(episodes, "clae_cla_episode_ceased_date")] = on;
            episode[Col(episodes, "clae_cla_episode_ceased_reason")] = "X1";
            var placementId = episode[Col(episodes, "clae_cla_placement_id")];
            var placement = changed[placements].Single(r => r[0] == placementId);
            placement[Col(placements, "clap_cla_placement_end_date")] = on;
            placement[Col(placements, "clap_cla_placement_change_reason")] = "CARPL";
            var next = (string?[])placement.Clone();
            next[0] = placementId + "-moved";
            next[Col(placements, "clap_cla_placement_start_date")] = on;
            next[Col(placements, "clap_cla_placement_end_date")] = null;
            next[Col(placements, "clap_cla_placement_change_reason")] = null;
            next[Col(placements, "clap_cla_placement_type")] = placement[Col(placements, "clap_cla_placement_type")] == "K2" ? "U4" : "K2";
            next[Col(placements, "clap_cla_placement_urn")] = next[Col(placements, "clap_cla_placement_type")] == "K2" ? "SC123456" : null;
            next[Col(placements, "clap_cla_placement_provider")] = "PR1";
            changed[placements].Add(next);
            var moved = (string?[])episode.Clone();
            moved[0] = episode[0] + "-moved";
            moved[Col(episodes, "clae_cla_episode_start_date")] = on;
            moved[Col(episodes, "clae_cla_episode_start_reason")] = "P";
            moved[Col(episodes, "clae_cla_episode_ceased_date")] = null;
            moved[Col(episodes, "clae_cla_episode_ceased_reason")] = null;
            moved[Col(episodes, "clae_cla_placement_id")] = next[0];
            changed[episodes].Add(moved);
        }

        return (changed, open.Count);
    }

    private static async Task<SsdStore> WriteAsync(Dictionary<SsdTable, List<string?[]>> tables, Dictionary<SsdTable, List<string?[]>>? changedFrom,
        string work, string? postgres, int run)
    {
        var name = $"ssd{run}{(changedFrom is null ? "" : "changed")}";
        var store = postgres is null ? SsdStore.Parse(Path.Combine(work, name)) : new SsdPostgresSchema(postgres, name);
        foreach (var (table, rows) in changedFrom ?? tables)
        {
            await store.WriteAsync(table, rows);
        }

        return store;
    }

    private static async Task<SsdSyncRun> SyncAsync(BenchDatabases databases, string name, SsdStore store, DateOnly today)
    {
        await using var db = databases.Open(name);
        var time = new FixedTime(today);
        var rules = new RulebookSource();
        await rules.LoadAsync(db);
        var sync = new SsdSync(db, new AuditLog(db, new HttpContextAccessor(), time), time, rules, NullLogger<SsdSync>.Instance);
        var run = await sync.BeginAsync("bench", store, dryRun: false) ?? throw new InvalidOperationException("A run is going.");
        return await sync.RunAsync(run, store, s_user);
    }

    private sealed class FixedTime(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
    }
}
