using System.Diagnostics;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Security.Claims;
using CareReview.Domain;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Returns;
using CareReview.Web.Auditing;
using CareReview.Web.Commands;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Demo;
using CareReview.Web.Features.Returns;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using static CareReview.Bench.Program;

namespace CareReview.Bench;

/// <summary>
/// dotnet run -c Release --project bench/CareReview.Bench -- --return [--children N] [--runs R] [--seed S] [--postgres CONNECTION]
/// The SSDA903 return for a council of N children (5,000 unless told), through the app's own code and a
/// SQLite file built by its migrations (or a PostgreSQL database, with --postgres): export (what export-903 does), check (the app's checks over the
/// exported files) and import (what import-903 does) into an empty database. The target is under 2 s each.
/// </summary>
internal static class ReturnRun
{
    private const long TimeTargetMs = 2000;

    private static readonly ClaimsPrincipal s_user = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "bench"), new Claim(ClaimTypes.Name, "bench")], "bench"));

    public static int Run(string[] args)
    {
        var work = Directory.CreateTempSubdirectory("carereview-bench-");
        try
        {
            // A console app has no synchronisation context, so waiting here cannot deadlock.
            return RunAsync(args, work.FullName).GetAwaiter().GetResult();
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private sealed record Step(Result Result, long PeakWorkingSet, string Rows);

    private static async Task<int> RunAsync(string[] args, string work)
    {
        var count = Option(args, "--children", 5000);
        var seed = Option(args, "--seed", Population.DefaultSeed);
        var runs = Option(args, "--runs", 5);
        var today = Population.Today;
        var rules = Rulebook.National;
        var year = FinancialYear.Containing(today);
        var postgres = args.SkipWhile(a => a != "--postgres").Skip(1).FirstOrDefault();
        if (args.Contains("--postgres") && (postgres is null || postgres.StartsWith("--", StringComparison.Ordinal)))
        {
            Say($"--postgres needs a connection string, for example \"Host=127.0.0.1;Port=5433;Username=postgres\".");
            return 2;
        }

        await using var databases = new BenchDatabases(work, postgres);

#if DEBUG
        Say($"WARNING: a Debug build. Measure with -c Release.");
#endif
        Say($"Care Review SSDA903 return benchmark: export, check and import the return for {year.Label} ({year.EndingYear}), as on {GovukDate.Format(today)}");
        Say($"Machine: {Environment.ProcessorCount} cores (load average {LoadAverage()} at the start), {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
        Say($"Runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {GCSettings.LatencyMode}");
        Say($"Cores free for this process now: {CoresFree(2):F2} of 2 (time a CPU-bound loop on 1 and on 2 threads)");
        Say($"Working folder: {work}; databases: {databases.Engine}");
        Say($"");

        // Setup, not measured: the population, its return details, and the council's database.
        var setup = Stopwatch.StartNew();
        var children = Population.Generate(count, seed, today, rules);

        // Its own Random, so the deadline benchmark's children stay exactly as they were.
        var details = new Random(seed);
        foreach (var child in children)
        {
            DemoReturnDetails.Fill(child, details, today);
        }

        var duplicates = children.GroupBy(c => c.LocalId, StringComparer.Ordinal).Count(g => g.Count() > 1);
        if (duplicates > 0)
        {
            Say($"{duplicates} local ids are shared between children: the import would refuse them.");
            return 1;
        }

        await databases.CreateEmptyAsync();
        const string councilDb = "council";
        await databases.CopyEmptyAsync(councilDb);
        await using (var db = databases.Open(councilDb))
        {
            // As the import does: detecting changes child by child over thousands of graphs is quadratic.
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Children.AddRange(children);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        setup.Stop();
        var setupPeak = Process.GetCurrentProcess().PeakWorkingSet64;
        Say($"Setup (not measured, {setup.Elapsed.TotalSeconds:F1} s): {count:N0} children (seed {seed}) generated, their return details filled in ",
            $"(DemoReturnDetails.Fill) and saved to {databases.Engine} built by the app's migrations ({await databases.SizeAsync(councilDb)})");
        Say($"  {children.Sum(c => c.Episodes.Count):N0} episodes, {children.Sum(c => c.Reviews.Count):N0} reviews, ",
            $"{children.Sum(c => c.CareEvents.Count):N0} visits and other events, {children.Sum(c => c.CarePlans.Count):N0} care plan versions");
        Say($"");

        var exportDir = Path.Combine(work, "export");
        ReturnFiles files = null!;
        var export = Steps(runs, () =>
        {
            files = ExportAsync(databases, councilDb, year, exportDir).GetAwaiter().GetResult();
            return (files.Header.Count, Rows(files.Header.Count, files.Episodes.Count, files.Reviews.Count));
        });
        Report("export", export);

        IReadOnlyList<ReturnProblem> problems = [];
        var check = Steps(runs, () =>
        {
            (var rows, problems) = Check(exportDir, year);
            return (problems.Count, $"{rows:N0} rows read, {problems.Count:N0} problems");
        });
        Report("check", check);
        if (problems.Count > 0)
        {
            Say($"  problems by rule: {string.Join(", ", problems.GroupBy(p => p.Code).OrderByDescending(g => g.Count()).Select(g => FormattableString.Invariant($"{g.Key} {g.Count():N0}")))}");
        }

        var importRun = 0;
        var imported = new List<(ImportOutcome Outcome, string Database)>();
        var import = Steps(runs, () =>
        {
            // Each run gets a fresh copy of the empty database, so that every run adds every child.
            var target = $"import{importRun++}";
            databases.CopyEmptyAsync(target).GetAwaiter().GetResult();
            var outcome = ImportAsync(exportDir, databases, target, year, today, rules).GetAwaiter().GetResult();
            imported.Add((outcome, target));
            return (outcome.Added.Count, $"{outcome.Added.Count:N0} children added");
        }, after: () =>
        {
            var (outcome, target) = imported[^1];
            return (Outcome: outcome, Written: CountAsync(databases, target).GetAwaiter().GetResult());
        });
        Report("import", import.Select(s => s.Step).ToList());

        // The import's planning (reading, every check, building the children) alone, to show how its time splits from the save.
        var current = ImportReturnCommand.Read(exportDir);
        var plans = Enumerable.Range(0, runs).Select(_ => Measure(() => ReturnImport.Plan(current, null, year, today, rules).Children.Count)).ToList();
        var planMedian = plans.Select(r => r.Milliseconds).Order().ElementAt(plans.Count / 2);
        Say($"  of which ReturnImport.Plan alone: median {planMedian:N0} ms, CPU {string.Join(" ", plans.Select(r => r.CpuMilliseconds))} ms, ",
            $"allocated {Mb(plans.Select(r => r.Allocated).Order().ElementAt(plans.Count / 2))} a run");

        var failures = 0;
        foreach (var ((outcome, written), run) in import.Select((s, i) => (s.After, i)))
        {
            if (!outcome.Loaded || outcome.Added.Count != files.Header.Count || outcome.Problems.Count > 0
                || written != (files.Header.Count, files.Episodes.Count, files.Reviews.Count))
            {
                failures++;
                Say($"  import run {run}: NOT everything loaded: loaded {outcome.Loaded}, {outcome.Added.Count:N0} added of {files.Header.Count:N0}, ",
                    $"{outcome.Problems.Count:N0} problems; database holds {Rows(written.Children, written.Episodes, written.Reviews)}");
            }
        }

        var firstOutcome = import[0].After.Outcome;
        if (firstOutcome.Problems.Count > 0)
        {
            Say($"  import problems by rule: {string.Join(", ", firstOutcome.Problems.Listed.GroupBy(p => p.RuleCode ?? p.Message).OrderByDescending(g => g.Count()).Take(20).Select(g => FormattableString.Invariant($"{g.Key} {g.Count():N0}")))}");
        }

        var (_, lastDb) = imported[^1];
        var again = await ExportAsync(databases, lastDb, year, Path.Combine(work, "again"));
        var same = again.Files.Zip(files.Files).Where(p => !p.First.Content.AsSpan().SequenceEqual(p.Second.Content)).Select(p => p.First.Name).ToList();
        Say($"Verified (not measured): every import run loaded all {files.Header.Count:N0} children with their episodes and reviews: {(failures == 0 ? "yes" : "NO")}; ",
            $"the imported database exports the same three files: {(same.Count == 0 ? "yes" : "NO, " + string.Join(", ", same) + " differ")}");
        Say($"Cores free for this process after the runs: {CoresFree(2):F2} of 2; load average {LoadAverage()}");
        Say($"");

        Say($"| {count:N0} children, {year.EndingYear} return | first (cold) | median of {runs} (min–max) | CPU, median | allocated, median | peak working set | rows | under 2 s |");
        Say($"| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, steps) in new[] { ("export", export), ("check", check), ("import", import.Select(s => s.Step).ToList()) })
        {
            var measured = steps.Skip(1).ToList();
            var median = MedianOf(measured, s => s.Result.Milliseconds);
            Say($"| {name} | {steps[0].Result.Milliseconds:N0} ms | **{median:N0} ms** ({measured.Min(s => s.Result.Milliseconds):N0}–{measured.Max(s => s.Result.Milliseconds):N0}) | ",
                $"{MedianOf(measured, s => s.Result.CpuMilliseconds):N0} ms | {Mb(MedianOf(measured, s => s.Result.Allocated))} | {Mb(measured.Max(s => s.PeakWorkingSet))} | {steps[^1].Rows} | ",
                $"{(median < TimeTargetMs ? "met" : "NOT met")} |");
        }

        Say($"");
        // Each step set the kernel's peak back, so the process's peak is the largest of the setup's and the steps'.
        var processPeak = export.Concat(check).Concat(import.Select(s => s.Step)).Max(s => s.PeakWorkingSet);
        Say($"Peak working set of the whole process (population, database setup and every run): {Mb(Math.Max(setupPeak, processPeak))} ",
            $"(setup {Mb(setupPeak)}, runs {Mb(processPeak)})");
        return failures == 0 && same.Count == 0 ? 0 : 1;
    }

    /// <summary>What export-903 and the Returns page's download do: load the year's children, build the files, write them, audit it.</summary>
    private static async Task<ReturnFiles> ExportAsync(BenchDatabases databases, string database, FinancialYear year, string folder)
    {
        await using var db = databases.Open(database);
        var files = await ReturnData.LoadAsync(db, year);
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in files.Files)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, name), content);
        }

        Audit(db).Record(s_user, AuditAction.ReturnExported, details: ReturnData.Counts(files));
        await db.SaveChangesAsync();
        return files;
    }

    /// <summary>The app's checks over the files on disk, read as the import reads them.</summary>
    private static (int Rows, IReadOnlyList<ReturnProblem> Problems) Check(string folder, FinancialYear year)
    {
        var set = ImportReturnCommand.Read(folder);
        var tables = ReturnTables.FromFiles(
            Ssda903Csv.Read(set[ReturnFileSet.HeaderFile]!, ReturnColumns.Header),
            Ssda903Csv.Read(set[ReturnFileSet.EpisodesFile]!, ReturnColumns.Episodes),
            Ssda903Csv.Read(set[ReturnFileSet.ReviewsFile]!, ReturnColumns.Reviews));
        return (tables.Header.Count + tables.Episodes.Count + tables.Reviews.Count, ReturnChecks.Run(tables, year));
    }

    /// <summary>What import-903 does: read the folder, plan the import (with every check) and save the children.</summary>
    private static async Task<ImportOutcome> ImportAsync(string folder, BenchDatabases databases, string database, FinancialYear year, DateOnly today, Rulebook rules)
    {
        var current = ImportReturnCommand.Read(folder);
        await using var db = databases.Open(database);
        return await ReturnImporter.ImportAsync(db, Audit(db), s_user, current, previous: null, year, cleanOnly: false, today, rules);
    }

    private static async Task<(int Children, int Episodes, int Reviews)> CountAsync(BenchDatabases databases, string database)
    {
        await using var db = databases.Open(database);
        return (await db.Children.CountAsync(), await db.CareEpisodes.CountAsync(), await db.Reviews.CountAsync());
    }

    // Outside a request there is no HttpContext: the user is passed to Record instead, as import-903 does.
    private static AuditLog Audit(AppDbContext db) => new(db, new HttpContextAccessor(), TimeProvider.System);

    private static List<Step> Steps(int runs, Func<(long Checksum, string Rows)> run) =>
        [.. Steps(runs, run, after: () => 0).Select(s => s.Step)];

    /// <summary>A cold first pass, then <paramref name="runs"/> measured ones; <paramref name="after"/> runs after each, unmeasured.</summary>
    private static List<(Step Step, T After)> Steps<T>(int runs, Func<(long Checksum, string Rows)> run, Func<T> after)
    {
        var steps = new List<(Step, T)>();
        for (var i = 0; i <= runs; i++)
        {
            var rows = "";
            var peakReset = ResetPeakWorkingSet();
            var result = Measure(() =>
            {
                var (checksum, written) = run();
                rows = written;
                return checksum;
            });
            var peak = peakReset ? Process.GetCurrentProcess().PeakWorkingSet64 : 0;
            steps.Add((new Step(result, peak, rows), after()));
        }

        return steps;
    }

    private static void Report(string name, List<Step> steps)
    {
        var cold = steps[0];
        var measured = steps.Skip(1).ToList();
        Say($"{name}: first pass (cold: includes JIT compilation) {cold.Result.Milliseconds:N0} ms ({cold.Result.CpuMilliseconds:N0} ms CPU), {Mb(cold.Result.Allocated)} allocated; {cold.Rows}");
        Say($"  {measured.Count} runs: median {MedianOf(measured, s => s.Result.Milliseconds):N0} ms (min {measured.Min(s => s.Result.Milliseconds):N0}, ",
            $"max {measured.Max(s => s.Result.Milliseconds):N0}); process CPU time a run {string.Join(" ", measured.Select(s => s.Result.CpuMilliseconds))} ms; ",
            $"allocated {Mb(MedianOf(measured, s => s.Result.Allocated))} a run; GCs a run gen0/gen1/gen2: ",
            $"{string.Join(" ", measured.Select(s => FormattableString.Invariant($"{s.Result.Gen0}/{s.Result.Gen1}/{s.Result.Gen2}")))}; ",
            $"peak working set {Mb(measured.Max(s => s.PeakWorkingSet))}; load average {LoadAverage()}");
    }

    private static long MedianOf(List<Step> steps, Func<Step, long> value) => steps.Select(value).Order().ElementAt(steps.Count / 2);

    private static string Rows(int children, int episodes, int reviews) => FormattableString.Invariant($"{children:N0} children, {episodes:N0} episodes, {reviews:N0} reviews");

    /// <summary>
    /// Linux keeps the process's peak resident set (VmHWM) from its start; writing 5 to clear_refs sets it back
    /// to the current size, so that each step's peak is its own and not the population setup's.
    /// </summary>
    private static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
