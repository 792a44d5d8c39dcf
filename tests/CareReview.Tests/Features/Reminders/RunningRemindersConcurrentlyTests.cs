using CareReview.Domain.Staff;
using CareReview.Tests.Support;

namespace CareReview.Tests.Features.Reminders;

/// <summary>
/// Two app instances on one database each run the job on the hour. Here two passes run at the same moment,
/// each in its own DI scope (so on its own DbContext and connection), against one fresh database.
/// </summary>
public sealed class RunningRemindersConcurrentlyTests
{
    [Fact]
    public async Task Passes_running_at_the_same_time_record_each_reminder_once_and_do_not_fail()
    {
        await using var app = await AppFactory.StartAsync(sqliteOnFile: true);
        var iro = await app.AStaffMemberAsync("Ivy Reviewer", StaffRole.Iro);
        var socialWorker = await app.AStaffMemberAsync("Sam Worker", StaffRole.SocialWorker);
        const int Pairs = 10;
        for (var i = 0; i < Pairs; i++)
        {
            // A first review due on 30 November 2026 (a reminder each for the IRO and the social worker), and
            // another child with two recommendations due this week.
            await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), iro, socialWorker);
            var reviewed = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), iro, socialWorker);
            await app.RecommendationsDueAsync(reviewed, new DateOnly(2026, 9, 21), socialWorker, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 26));
        }

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(app.RunReminderJobAsync)));

        var expected = Pairs * 4;
        Assert.All(results, r => Assert.Equal(expected, r.Due));
        Assert.Equal(expected, results.Sum(r => r.Created));
        Assert.Equal(expected, await app.ReminderCountAsync());
        Assert.Equal(Pairs * 3, (await app.RemindersForAsync(socialWorker)).Count);
        Assert.Equal(Pairs, (await app.RemindersForAsync(iro)).Count);
        Assert.Equal(0, (await app.RunReminderJobAsync()).Created);
    }
}
