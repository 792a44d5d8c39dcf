using System.Collections.Concurrent;
using System.Globalization;
using CareReview.Domain.Deadlines;
using CareReview.Web.Demo;

namespace CareReview.Tests.Data;

/// <summary>
/// The demo council keeps its promises (<see cref="DemoPromises"/>) whatever the day it is made, built in
/// memory in the order the seeder saves it. DemoDataTests checks the same promises on the council the
/// seeder saved, so the two cannot drift apart.
/// It uses no database, so the PostgreSQL run leaves it out (test.sh filters on the trait).
/// </summary>
[Trait("Database", "none")]
public sealed class DemoPromisesTests
{
    /// <summary>Set to 1 to check every day from 2026 to 2028 instead of <see cref="SampleDays"/> (several minutes on 2 cores).</summary>
    public const string EveryDayVariable = "CAREREVIEW_DEMO_EVERY_DAY";

    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public async Task The_demo_council_keeps_every_promise_on_every_day_checked()
    {
        var days = Environment.GetEnvironmentVariable(EveryDayVariable) == "1" ? EveryDay() : SampleDays();
        var broken = new ConcurrentBag<(DateOnly Day, string Promise)>();

        await Parallel.ForEachAsync(days, async (day, _) =>
        {
            foreach (var promise in DemoPromises.Broken(await BuildAsync(day)))
            {
                broken.Add((day, promise));
            }
        });

        Assert.True(broken.IsEmpty, $"Of {days.Count} days from {Format(days[0])} to {Format(days[^1])}:\n{Describe(broken)}");
    }

    [Fact]
    public void The_days_checked_are_every_day_of_2027_and_the_awkward_days_of_2026_and_2028()
    {
        var days = SampleDays();

        Assert.Equal(days.Order(), days);
        Assert.Equal(days.Distinct(), days);
        Assert.All(Enumerable.Range(0, 365).Select(new DateOnly(2027, 1, 1).AddDays), day => Assert.Contains(day, days));
        Assert.Contains(new DateOnly(2026, 1, 31), days);
        Assert.Contains(new DateOnly(2028, 2, 29), days);
        Assert.Contains(new DateOnly(2026, 4, 1), days);
        Assert.Contains(new DateOnly(2028, 12, 25), days);
        Assert.DoesNotContain(new DateOnly(2026, 6, 15), days);
        Assert.Equal(1_096, EveryDay().Count);
    }

    [Fact]
    public async Task A_broken_promise_is_named()
    {
        var day = new DateOnly(2026, 11, 23);
        var demo = (await BuildAsync(day)) with { StaffOfAccounts = new Dictionary<string, int?>() };

        var broken = DemoPromises.Broken(demo);

        Assert.Contains("every demo sign-in has its member of staff", broken);
        Assert.Contains("the demo social worker has a child for the care plan journey", broken);
        Assert.DoesNotContain("a review was held late in this financial year", broken);
    }

    /// <summary>Every day from 1 January 2026 to 31 December 2028.</summary>
    internal static IReadOnlyList<DateOnly> EveryDay() => Days(new DateOnly(2026, 1, 1), new DateOnly(2028, 12, 31)).ToList();

    /// <summary>
    /// Every day of 2027 and, of 2026 and 2028, each month end, 29 February 2028, the first week of the financial
    /// year and Christmas week. Every day of the three years takes several minutes; these run in about a third of that.
    /// </summary>
    internal static IReadOnlyList<DateOnly> SampleDays() =>
    [
        .. EveryDay().Where(day => day.Year == 2027
            || day.AddDays(1).Day == 1
            || (day.Month == 4 && day.Day <= 7)
            || (day.Month == 12 && day.Day >= 24)),
    ];

    private static IEnumerable<DateOnly> Days(DateOnly from, DateOnly to) =>
        Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays);

    /// <summary>The demo for <paramref name="today"/>, each stage given the ids the database would give it before the next is made.</summary>
    internal static async Task<DemoContents> BuildAsync(DateOnly today)
    {
        var build = await DemoIds.BuildAsync(new DemoOptions().Seed, today, Rulebook.National);
        return build.Contents(today, Rulebook.National);
    }

    private static string Describe(IEnumerable<(DateOnly Day, string Promise)> broken) =>
        string.Join("\n", broken.GroupBy(b => b.Promise).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"\"{g.Key}\" is broken on {g.Count()} days: {string.Join(", ", g.Select(b => b.Day).Order().Select(Format))}"));

    private static string Format(DateOnly day) => day.ToString("d MMMM yyyy", s_english);
}
