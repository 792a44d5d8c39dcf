using CareReview.Domain.Children;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Reminders;

/// <summary>
/// The reminder job's rules, run one pass at a time on the fake clock (today is Monday 23 November 2026
/// unless a test moves it): recommendations due within 5 working days or overdue remind their owner, and
/// reviews due within 15 working days (or overdue) remind the child's IRO and social worker. The job is
/// idempotent: running it again, or twice at once, records nothing twice.
/// </summary>
public sealed class RecordingRemindersTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private static readonly DateOnly s_today = new(2026, 11, 23);

    private StaffMember _iro = null!;
    private StaffMember _socialWorker = null!;

    public async Task InitializeAsync()
    {
        // Tests in this class share one app and its clock, which cannot go back: a test that moves the clock
        // starts an app of its own (AppFactory.StartAsync).
        _iro = await app.AStaffMemberAsync("Ivy Reviewer", StaffRole.Iro);
        _socialWorker = await app.AStaffMemberAsync("Sam Worker", StaffRole.SocialWorker);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public async Task An_open_recommendation_due_within_five_working_days_or_overdue_reminds_its_owner()
    {
        var owner = await app.AStaffMemberAsync("Olu Owner", StaffRole.SocialWorker);
        var child = await app.AChildLookedAfterSinceAsync(D(2026, 9, 1), _iro, _socialWorker);
        // Monday 30 November is the fifth working day after today; Tuesday 1 December the sixth.
        var ids = await app.RecommendationsDueAsync(child, D(2026, 9, 21), owner,
            D(2026, 11, 30), D(2026, 12, 1), D(2026, 11, 16), D(2026, 11, 23), D(2026, 11, 25));
        var (fifthDay, sixthDay, overdue, dueToday, completed) = (ids[0], ids[1], ids[2], ids[3], ids[4]);
        await app.CompleteRecommendationAsync(completed);

        var result = await app.RunReminderJobAsync();

        var reminders = await app.RemindersForAsync(owner);
        Assert.Equal(
            new[]
            {
                (fifthDay, ReminderKind.RecommendationDueSoon, D(2026, 11, 30)),
                (overdue, ReminderKind.RecommendationOverdue, D(2026, 11, 16)),
                (dueToday, ReminderKind.RecommendationDueSoon, s_today),
            }.OrderBy(r => r.Item1),
            reminders.Select(r => (r.SubjectId, r.Kind, r.DueOn)).OrderBy(r => r.SubjectId));
        Assert.DoesNotContain(reminders, r => r.SubjectId == sixthDay || r.SubjectId == completed);
        Assert.All(reminders, r =>
        {
            Assert.Equal(child.Id, r.ChildId);
            Assert.Equal(AppFactory.StartsAt.UtcDateTime, r.CreatedAtUtc);
            Assert.Null(r.EmailedAtUtc);
            Assert.Null(r.DismissedAtUtc);
        });
        Assert.True(result.Created >= 3);
        Assert.Equal(0, result.Emailed);
    }

    [Fact]
    public async Task A_recommendation_with_no_owner_on_the_system_reminds_no_one()
    {
        var child = await app.AChildLookedAfterSinceAsync(D(2026, 9, 1), _iro, _socialWorker);
        var ids = await app.RecommendationsDueAsync(child, D(2026, 9, 21), owner: null, D(2026, 11, 16), D(2026, 11, 25));

        await app.RunReminderJobAsync();

        Assert.DoesNotContain(await app.RemindersAboutChildAsync(child), r => ids.Contains(r.SubjectId));
    }

    [Fact]
    public async Task Five_working_days_are_counted_across_the_Christmas_bank_holidays()
    {
        await using var app = await AppFactory.StartAsync();
        var owner = await app.AStaffMemberAsync("Olu Owner", StaffRole.SocialWorker);
        var child = await app.AChildLookedAfterSinceAsync(D(2026, 9, 1));
        var ids = await app.RecommendationsDueAsync(child, D(2026, 10, 5), owner, D(2026, 12, 30), D(2026, 12, 31));

        // Monday 21 December 2026: Christmas Day (Friday 25) and Boxing Day's substitute (Monday 28) are not
        // working days, so the fifth working day is Wednesday 30 December, not Monday 28.
        app.SetToday(D(2026, 12, 21));
        await app.RunReminderJobAsync();
        var reminders = await app.RemindersForAsync(owner);
        Assert.Equal([(ReminderKind.RecommendationDueSoon, ids[0])], reminders.Select(r => (r.Kind, r.SubjectId)));

        // On New Year's Eve the first is overdue (a new reminder) and the second is due today.
        app.SetToday(D(2026, 12, 31));
        await app.RunReminderJobAsync();
        reminders = await app.RemindersForAsync(owner);
        Assert.Equal(
            [(ReminderKind.RecommendationDueSoon, ids[0]), (ReminderKind.RecommendationOverdue, ids[0]), (ReminderKind.RecommendationDueSoon, ids[1])],
            reminders.Select(r => (r.Kind, r.SubjectId)).OrderBy(r => r.SubjectId).ThenBy(r => r.Kind));
    }

    [Fact]
    public async Task A_review_due_within_fifteen_working_days_or_overdue_reminds_the_IRO_and_the_social_worker()
    {
        // First reviews fall due 20 working days after a child becomes looked after. Monday 14 December is
        // the fifteenth working day after today.
        var fifteenthDay = await app.AChildLookedAfterSinceAsync(D(2026, 11, 16), _iro, _socialWorker);
        var sixteenthDay = await app.AChildLookedAfterSinceAsync(D(2026, 11, 17), _iro, _socialWorker);
        var overdue = await app.AChildLookedAfterSinceAsync(D(2026, 10, 1), _iro, _socialWorker);
        var iroOnly = await app.AChildLookedAfterSinceAsync(D(2026, 11, 16), _iro);
        var nobody = await app.AChildLookedAfterSinceAsync(D(2026, 11, 16));
        Assert.Equal(D(2026, 12, 14), fifteenthDay.NextReviewDueOn);
        Assert.Equal(D(2026, 12, 15), sixteenthDay.NextReviewDueOn);
        Assert.Equal(D(2026, 10, 29), overdue.NextReviewDueOn);

        await app.RunReminderJobAsync();

        Assert.Equal(
            new[] { (fifteenthDay.Id, D(2026, 12, 14)), (overdue.Id, D(2026, 10, 29)), (iroOnly.Id, D(2026, 12, 14)) }.Order(),
            (await app.RemindersForAsync(_iro)).Select(r => (r.SubjectId, r.DueOn)).Order());
        Assert.Equal(
            new[] { fifteenthDay.Id, overdue.Id }.Order(),
            (await app.RemindersForAsync(_socialWorker)).Select(r => r.SubjectId).Order());
        Assert.All(await app.RemindersForAsync(_iro), r =>
        {
            Assert.Equal(ReminderKind.ReviewDueSoon, r.Kind);
            Assert.Equal(r.SubjectId, r.ChildId);
        });
        Assert.Empty(await app.RemindersAboutChildAsync(sixteenthDay));
        Assert.Empty(await app.RemindersAboutChildAsync(nobody));
    }

    [Fact]
    public async Task Children_no_longer_looked_after_have_no_review_reminders()
    {
        var child = await app.AChildLookedAfterSinceAsync(D(2026, 10, 1), _iro, _socialWorker);
        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            loaded.CeaseToBeLookedAfter(D(2026, 11, 20), ReasonEpisodeCeased.E11, app.Today, app.Rules);
        });

        await app.RunReminderJobAsync();

        Assert.Empty(await app.RemindersAboutChildAsync(child));
    }

    [Fact]
    public async Task A_review_held_moves_the_due_date_and_the_next_reminder_is_a_new_one()
    {
        await using var app = await AppFactory.StartAsync();
        var iro = await app.AStaffMemberAsync("Ivy Reviewer", StaffRole.Iro);
        var child = await app.AChildLookedAfterSinceAsync(D(2026, 10, 1), iro);
        await app.RunReminderJobAsync();
        await app.ReviewsHeldForAsync(child, D(2026, 11, 20));

        // The next review is due three months later, 20 February 2027: in reach on 1 February 2027.
        app.SetToday(D(2027, 2, 1));
        await app.RunReminderJobAsync();

        Assert.Equal(
            [D(2026, 10, 29), D(2027, 2, 20)],
            (await app.RemindersForAsync(iro)).Select(r => r.DueOn));
    }

    [Fact]
    public async Task Running_the_job_again_records_nothing_new()
    {
        var owner = await app.AStaffMemberAsync("Olu Owner", StaffRole.SocialWorker);
        var reviewDue = await app.AChildLookedAfterSinceAsync(D(2026, 11, 2), _iro, _socialWorker);
        var withRecommendations = await app.AChildLookedAfterSinceAsync(D(2026, 9, 1), _iro, _socialWorker);
        await app.RecommendationsDueAsync(withRecommendations, D(2026, 9, 21), owner, D(2026, 11, 2), D(2026, 11, 27));

        var first = await app.RunReminderJobAsync();
        var count = await app.ReminderCountAsync();
        var second = await app.RunReminderJobAsync();

        Assert.True(first.Created >= 4);
        Assert.Equal(0, second.Created);
        Assert.Equal(first.Due, second.Due);
        Assert.Equal(count, await app.ReminderCountAsync());
        Assert.Equal(2, (await app.RemindersForAsync(owner)).Count);
        Assert.Equal(2, (await app.RemindersAboutChildAsync(reviewDue)).Count);
    }
}
