using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Running;
using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;

namespace CareReview.Bench;

/// <summary>
/// dotnet run -c Release --project bench/CareReview.Bench [-- --children N] [--seed S] [--runs R] [--threads T] [--bdn]
/// Without --bdn: a Stopwatch harness that reports time, allocation and the process's peak working set.
/// With --bdn: the same operation under BenchmarkDotNet (a short in-process job).
/// With --return: the SSDA903 return's export, check and import instead (<see cref="ReturnRun"/>).
/// With --api: the API's read throughput, the app run as deployed (<see cref="ApiRun"/>).
/// With --ssd: the SSD sync, first into an empty database and then after changes upstream (<see cref="SsdRun"/>).
/// </summary>
public static class Program
{
    private const long TimeTargetMs = 1000;
    private const long MemoryTargetBytes = 1L << 30;

    public static int Main(string[] args)
    {
        if (args.Contains("--return"))
        {
            return ReturnRun.Run(args);
        }

        if (args.Contains("--api"))
        {
            return ApiRun.Run(args);
        }

        if (args.Contains("--ssd"))
        {
            return SsdRun.Run(args);
        }

        if (args.Contains("--bdn"))
        {
            var artifacts = Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts");
            BenchmarkRunner.Run<DeadlineBenchmarks>(DeadlineBenchmarks.QuickConfig(artifacts));
            return 0;
        }

        var count = Option(args, "--children", 100_000);
        var seed = Option(args, "--seed", Population.DefaultSeed);
        var runs = Option(args, "--runs", 5);
        var threads = Option(args, "--threads", 2);
        var today = Population.Today;
        var rules = Rulebook.National;

#if DEBUG
        Say($"WARNING: a Debug build. Measure with -c Release.");
#endif
        Say($"Care Review deadline benchmark: DeadlineEngine.Compute for every child, deadlines as on {GovukDate.Format(today)}");
        Say($"Machine: {Environment.ProcessorCount} cores (load average {LoadAverage()} at the start), {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}");
        Say($"Runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {GCSettings.LatencyMode}");
        Say($"Memory available to the runtime: {Mb(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes)}");
        Say($"Cores free for this process now: {CoresFree(threads):F2} of {threads} (time a CPU-bound loop on 1 and on {threads} threads)");
        Say($"");

        // Setup, not measured: the rule catalogue, the calendar and the population.
        var setup = Stopwatch.StartNew();
        var children = Population.Generate(count, seed, today, rules);
        setup.Stop();
        var live = GC.GetTotalMemory(forceFullCollection: true);
        var process = Process.GetCurrentProcess();
        Say($"Setup (not measured): {count:N0} children (seed {seed}) generated in {setup.Elapsed.TotalSeconds:F1} s");
        Say($"  {children.Sum(c => c.Episodes.Count):N0} episodes, {children.Sum(c => c.Reviews.Count):N0} reviews, ",
            $"{children.Sum(c => c.CareEvents.Count):N0} visits and other events, {children.Sum(c => c.CarePlans.Count):N0} care plan versions, ",
            $"{children.Sum(c => c.Allocations.Count):N0} allocations");
        Say($"  {children.Count(c => c.CurrentEpisode!.LegalStatus.IsShortBreak()):N0} on short breaks, ",
            $"{children.Count(c => c.CurrentEpisode!.PlacementType == PlacementType.P1):N0} placed with parents (P1), ",
            $"{children.Count(c => c.CurrentEpisode!.PlacementType is PlacementType.U1 or PlacementType.U4):N0} in long-term foster care (U1, U4)");
        Say($"  Live managed heap holding them: {Mb(live)}; process working set: {Mb(process.WorkingSet64)}");
        Say($"");

        var cold = Measure(() => DeadlineRun.SingleThread(children, today, rules));
        Say($"First pass, 1 thread (cold: includes JIT compilation): {cold.Milliseconds:N0} ms ({cold.CpuMilliseconds:N0} ms CPU), {Mb(cold.Allocated)} allocated");

        var single = Enumerable.Range(0, runs).Select(_ => Measure(() => DeadlineRun.SingleThread(children, today, rules))).ToList();
        Report("1 thread", single, count);

        var parallel = Enumerable.Range(0, runs).Select(_ => Measure(() => DeadlineRun.Parallel(children, today, rules, threads))).ToList();
        Report($"Parallel.ForEach, {threads} threads", parallel, count);

        var checksums = single.Concat(parallel).Append(cold).Select(r => r.Checksum).Distinct().Count();
        Say($"Checksums of the schedules agree across every run: {(checksums == 1 ? "yes" : "NO")}");

        Say($"Cores free for this process after the runs: {CoresFree(threads):F2} of {threads}");
        process.Refresh();
        var peak = process.PeakWorkingSet64;
        var best = Math.Min(single.Min(r => r.Milliseconds), parallel.Min(r => r.Milliseconds));
        Say($"");
        Say($"Peak working set of the whole process (population and runs): {Mb(peak)}");
        Say($"Target 1: under 1 s. Median 1 thread {Median(single):N0} ms, median {threads} threads {Median(parallel):N0} ms: ",
            $"{(Math.Min(Median(single), Median(parallel)) < TimeTargetMs ? "met" : "NOT met")} (best run {best:N0} ms)");
        Say($"Target 2: under 1 GB. Peak working set {Mb(peak)}: {(peak < MemoryTargetBytes ? "met" : "NOT met")}");
        Say($"");

        Summarise(children, today, rules);
        return checksums == 1 ? 0 : 1;
    }

    internal sealed record Result(long Milliseconds, long CpuMilliseconds, long GcPauseMilliseconds, long Allocated, int Gen0, int Gen1, int Gen2, long Checksum);

    internal static Result Measure(Func<long> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var pause = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var checksum = run();
        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new Result(clock.ElapsedMilliseconds, (long)cpuUsed.TotalMilliseconds, (long)(GC.GetTotalPauseDuration() - pause).TotalMilliseconds,
            GC.GetTotalAllocatedBytes(precise: true) - allocated,
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2, checksum);
    }

    private static void Report(string name, List<Result> results, int count)
    {
        var median = Median(results);
        var allocated = results.Select(r => r.Allocated).Order().ElementAt(results.Count / 2);
        Say($"{name}, {results.Count} runs: median {median:N0} ms (min {results.Min(r => r.Milliseconds):N0}, max {results.Max(r => r.Milliseconds):N0}), ",
            $"{median * 1000.0 / count:F1} µs a child; process CPU time a run {string.Join(" ", results.Select(r => r.CpuMilliseconds))} ms");
        Say($"  allocated {Mb(allocated)} a run ({allocated / (double)count / 1024:F1} KB a child); ",
            $"GCs a run gen0/gen1/gen2: {string.Join(" ", results.Select(r => FormattableString.Invariant($"{r.Gen0}/{r.Gen1}/{r.Gen2}")))}; ",
            $"GC pauses a run {string.Join(" ", results.Select(r => r.GcPauseMilliseconds))} ms");
    }

    private static long Median(List<Result> results) => results.Select(r => r.Milliseconds).Order().ElementAt(results.Count / 2);

    /// <summary>What the population produced, rule by rule, to show that it exercises the catalogue (not measured).</summary>
    private static void Summarise(Child[] children, DateOnly today, Rulebook rules)
    {
        var byRule = new SortedDictionary<string, (int Count, int Overdue)>(StringComparer.Ordinal);
        var items = 0;
        var recompute = 0;
        foreach (var child in children)
        {
            var schedule = DeadlineEngine.Compute(child, today, rules);
            items += schedule.Items.Count;
            recompute += schedule.RecomputeOn is null ? 0 : 1;
            foreach (var deadline in schedule.Items)
            {
                var (n, overdue) = byRule.GetValueOrDefault(deadline.RuleId);
                byRule[deadline.RuleId] = (n + 1, overdue + (deadline.DoneOn is null && deadline.DueOn < today ? 1 : 0));
            }
        }

        Say($"Deadlines worked out: {items:N0} ({items / (double)children.Length:F1} a child); {recompute:N0} children with a later recompute date");
        Say($"  rule: deadlines (overdue) -- {string.Join(", ", byRule.Select(r => FormattableString.Invariant($"{r.Key}: {r.Value.Count:N0} ({r.Value.Overdue:N0})")))}");
    }

    /// <summary>
    /// How many cores the machine gives this process at the moment: the same CPU-bound, allocation-free loop run
    /// on 1 thread and then on <paramref name="threads"/> at once. On a shared machine the 2-thread figures mean
    /// little unless this is close to 2.
    /// </summary>
    internal static double CoresFree(int threads)
    {
        const int Work = 100_000_000;
        Spin(Work / 10);
        var one = Stopwatch.StartNew();
        Spin(Work);
        one.Stop();
        var many = Stopwatch.StartNew();
        System.Threading.Tasks.Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Spin(Work));
        many.Stop();
        return threads * one.Elapsed.TotalMilliseconds / many.Elapsed.TotalMilliseconds;
    }

    private static double Spin(int n)
    {
        var x = 0.0;
        for (var i = 0; i < n; i++)
        {
            x += Math.Sqrt(i);
        }

        return x;
    }

    /// <summary>Other work on the machine slows every figure; the load average says how busy it was.</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;
    }

    internal static string Mb(long bytes) => FormattableString.Invariant($"{bytes / 1024.0 / 1024.0:N0} MB");

    internal static void Say(params FormattableString[] parts) => Console.WriteLine(string.Concat(parts.Select(FormattableString.Invariant)));
}
