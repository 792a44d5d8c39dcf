using System.Text.RegularExpressions;
using CareReview.Tests.Support;

namespace CareReview.Tests.Suite;

/// <summary>
/// The suite gives the same result on any day only if no test asks the computer what day it is: every test
/// chooses its own today (a fake clock, or the suite's day from <c>SuiteToday</c>, the one file allowed to).
/// </summary>
public sealed partial class NoTestReadsTheRealClockTests
{
    private static readonly string s_root = Repository.Root;

    /// <summary>The one place that turns "no CAREREVIEW_TODAY" into the real date in England.</summary>
    private static readonly string s_allowed = Path.Combine(s_root, "tests", "Shared", "SuiteToday.cs");

    [GeneratedRegex(@"\b(DateTime|DateTimeOffset)\s*\.\s*(Now|UtcNow|Today)\b|\bTimeProvider\s*\.\s*System\b")]
    private static partial Regex RealClock();

    /// <summary>The lines of <paramref name="source"/> that read the real clock, numbered from 1.</summary>
    private static IEnumerable<int> RealClockLines(string source) =>
        source.Split('\n').Select((line, i) => (line, number: i + 1)).Where(l => RealClock().IsMatch(l.line)).Select(l => l.number);

    [Fact]
    public void Each_way_of_reading_the_real_clock_is_recognised()
    {
        // Written in pieces, so that this file does not itself read as reading the clock.
        const string dateTime = "DateTime", offset = "DateTimeOffset", provider = "TimeProvider";
        var source = string.Join('\n',
            $"var a = {dateTime}.Now;",
            $"var b = {dateTime}.Today;",
            $"var c = {dateTime}.UtcNow;",
            $"var d = {offset}.Now;",
            $"var e = {offset} . UtcNow;",
            $"services.AddSingleton({provider}.System);",
            "var fine = app.Time.GetUtcNow();",
            "var alsoFine = new DateTime(2026, 11, 23);");

        Assert.Equal([1, 2, 3, 4, 5, 6], RealClockLines(source));
    }

    [Fact]
    public void No_test_file_reads_the_real_clock_except_the_suites_day()
    {
        Assert.True(File.Exists(s_allowed), $"{s_allowed} is missing");
        var files = Directory.EnumerateFiles(Path.Combine(s_root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !Repository.IsBuildOutput(f) && f != s_allowed)
            .ToList();
        Assert.NotEmpty(files);

        var offenders = files
            .SelectMany(f => RealClockLines(File.ReadAllText(f)).Select(line => $"{Path.GetRelativePath(s_root, f)}:{line}"))
            .ToList();

        Assert.True(offenders.Count == 0,
            "These lines read the real clock; choose the test's own today (a fake clock or SuiteToday) instead:\n"
            + string.Join('\n', offenders));
    }
}
