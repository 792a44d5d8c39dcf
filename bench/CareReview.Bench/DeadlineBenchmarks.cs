using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;

namespace CareReview.Bench;

/// <summary>
/// The same measurement under BenchmarkDotNet (<c>--bdn</c>): one operation is all 100,000 children. It runs
/// in process, so that BenchmarkDotNet does not generate and build a project inside this repository's strict
/// build settings, with a short job (1 warm-up, 5 measured iterations) that finishes in a minute or two.
/// </summary>
[MemoryDiagnoser]
public class DeadlineBenchmarks
{
    // Both cases run in this one process, so the population is generated once and shared.
    private static Child[] s_children = [];

    private Child[] _children = [];

    [Params(100_000)]
    public int Children { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        if (s_children.Length != Children)
        {
            s_children = Population.Generate(Children, Population.DefaultSeed, Population.Today, Rulebook.National);
        }

        _children = s_children;
    }

    [Benchmark(Baseline = true, Description = "Compute, 1 thread")]
    public long SingleThread() => DeadlineRun.SingleThread(_children, Population.Today, Rulebook.National);

    [Benchmark(Description = "Compute, Parallel 2 threads")]
    public long TwoThreads() => DeadlineRun.Parallel(_children, Population.Today, Rulebook.National, 2);

    public static IConfig QuickConfig(string artifacts) => DefaultConfig.Instance
        .AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("Quick"))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithArtifactsPath(artifacts);
}
