using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Reminders;

/// <summary>The reminders page: each person sees only their own, most urgent first, until dealt with or dismissed.</summary>
public sealed class SeeingMyRemindersTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private StaffMember _iro = null!;
    private StaffMember _otherIro = null!;
    private StaffMember _socialWorker = null!;
    private string _iroUser = null!;
    private string _otherIroUser = null!;
    private string _swUser = null!;

    public async Task InitializeAsync()
    {
        app.Time.SetUtcNow(AppFactory.StartsAt);
        _iro = await app.AStaffMemberAsync("Ivy Reviewer", StaffRole.Iro);
        _otherIro = await app.AStaffMemberAsync("Otto Reviewer", StaffRole.Iro);
        _socialWorker = await app.AStaffMemberAsync("Sam Worker", StaffRole.SocialWorker);
        (_iroUser, _otherIroUser, _swUser) = ($"iro-{Guid.NewGuid():N}", $"iro2-{Guid.NewGuid():N}", $"sw-{Guid.NewGuid():N}");
        await app.AUserAsync(_iroUser, Roles.Iro, _iro);
        await app.AUserAsync(_otherIroUser, Roles.Iro, _otherIro);
        await app.AUserAsync(_swUser, Roles.SocialWorker, _socialWorker);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_person_sees_their_own_reminders_most_urgent_first_and_no_one_elses()
    {
        var mine = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker, givenName: "Mina", familyName: "Mine");
        var theirs = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _otherIro, givenName: "Theo", familyName: "Theirs");
        var reviewed = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), _iro, _socialWorker, givenName: "Rory", familyName: "Reviewed");
        var ids = await app.RecommendationsDueAsync(reviewed, new DateOnly(2026, 9, 21), _socialWorker, new DateOnly(2026, 11, 18));
        await app.RunReminderJobAsync();

        using var iro = await app.SignedInClientAsync(_iroUser);
        var page = await iro.GetPageAsync("/reminders");
        Assert.Contains("You have 1 reminder.", page, StringComparison.Ordinal);
        Assert.Contains("Mina Mine", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{mine.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains("30 November 2026", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Theo Theirs", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/recommendations/{ids[0]}", page, StringComparison.Ordinal);

        using var other = await app.SignedInClientAsync(_otherIroUser);
        var otherPage = await other.GetPageAsync("/reminders");
        Assert.Contains("Theo Theirs", otherPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Mina Mine", otherPage, StringComparison.Ordinal);

        // The social worker has the overdue recommendation, first and standing out, then the review.
        using var sw = await app.SignedInClientAsync(_swUser);
        var swPage = await sw.GetPageAsync("/reminders");
        Assert.Contains("You have 2 reminders.", swPage, StringComparison.Ordinal);
        Assert.Contains("1 is overdue.", swPage, StringComparison.Ordinal);
        Assert.Contains("govuk-tag govuk-tag--red\">Overdue by 3 working days", swPage, StringComparison.Ordinal);
        var recommendationAt = swPage.IndexOf($"href=\"/recommendations/{ids[0]}\"", StringComparison.Ordinal);
        var reviewAt = swPage.IndexOf($"href=\"/children/{mine.Id}\"", StringComparison.Ordinal);
        Assert.True(recommendationAt >= 0 && reviewAt > recommendationAt, "The overdue recommendation comes before the review due later");
        Assert.DoesNotContain($"/children/{theirs.Id}\"", swPage, StringComparison.Ordinal);

        var viewed = await app.QueryDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditAction.RemindersViewed).ToListAsync());
        Assert.Contains(viewed, e => e.UserName == _iroUser && e.Details == "rows:1");
    }

    [Fact]
    public async Task Someone_with_no_staff_record_has_no_reminders()
    {
        var admin = $"admin-{Guid.NewGuid():N}";
        await app.AUserAsync(admin, Roles.Administrator);
        using var client = await app.SignedInClientAsync(admin);

        Assert.Contains("You have no reminders.", await client.GetPageAsync("/reminders"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reminder_goes_once_the_recommendation_is_done()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), _iro, _socialWorker);
        var ids = await app.RecommendationsDueAsync(child, new DateOnly(2026, 9, 21), _socialWorker, new DateOnly(2026, 11, 25));
        await app.RunReminderJobAsync();
        using var sw = await app.SignedInClientAsync(_swUser);
        Assert.Contains($"/recommendations/{ids[0]}\"", await sw.GetPageAsync("/reminders"), StringComparison.Ordinal);

        await app.CompleteRecommendationAsync(ids[0]);

        Assert.DoesNotContain($"/recommendations/{ids[0]}\"", await sw.GetPageAsync("/reminders"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_can_dismiss_their_own_reminder_but_not_someone_elses()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker, givenName: "Dana", familyName: "Dismissed");
        await app.RunReminderJobAsync();
        var reminder = (await app.RemindersForAsync(_iro)).Single(r => r.SubjectId == child.Id);

        using var other = await app.SignedInClientAsync(_otherIroUser);
        using (var refused = await PostDismissAsync(other, reminder.Id))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using var iro = await app.SignedInClientAsync(_iroUser);
        Assert.Contains("Dana Dismissed", await iro.GetPageAsync("/reminders"), StringComparison.Ordinal);
        using (var dismissed = await PostDismissAsync(iro, reminder.Id))
        {
            Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        }

        var after = await iro.GetPageAsync("/reminders");
        Assert.Contains("Reminder dismissed", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Dana Dismissed", after, StringComparison.Ordinal);
        Assert.NotNull((await app.RemindersForAsync(_iro)).Single(r => r.Id == reminder.Id).DismissedAtUtc);
        Assert.Null((await app.RemindersForAsync(_socialWorker)).Single(r => r.SubjectId == child.Id).DismissedAtUtc);

        // Running the job again does not bring it back.
        await app.RunReminderJobAsync();
        Assert.DoesNotContain("Dana Dismissed", await iro.GetPageAsync("/reminders"), StringComparison.Ordinal);
        var audited = await app.QueryDbAsync(db => db.AuditEvents.Where(e => e.Action == AuditAction.ReminderDismissed && e.ChildId == child.Id).ToListAsync());
        Assert.Equal(_iroUser, Assert.Single(audited).UserName);
    }

    /// <summary>
    /// POSTs the Dismiss handler for any reminder id, as a crafted request would, with the antiforgery token
    /// from the client's own reminders page (its layout's sign-out form has one even when the list is empty).
    /// </summary>
    private static async Task<HttpResponseMessage> PostDismissAsync(HttpClient client, int reminderId)
    {
        var page = await client.GetPageAsync("/reminders");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AppFactory.AntiforgeryTokenIn(page),
        });
        return await client.PostAsync(new Uri($"/reminders?handler=Dismiss&id={reminderId}", UriKind.Relative), content);
    }
}
