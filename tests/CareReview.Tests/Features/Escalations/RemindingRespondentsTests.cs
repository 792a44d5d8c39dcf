using System.Net;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Escalations;

/// <summary>
/// A respondent is reminded of a stage's response from 2 working days before it is due, until they respond.
/// This class moves its app's clock forward, which cannot go back, so every date is worked out from the clock.
/// </summary>
public sealed class RemindingRespondentsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string ReminderText = "Respond to the stage 1 escalation";

    private EscalationCast _cast = null!;

    public async Task InitializeAsync() => _cast = await app.AnEscalationCastAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> RemindersPageAsync(string user)
    {
        using var client = await app.SignedInClientAsync(user);
        return await client.GetPageAsync("/reminders");
    }

    private Task<List<Reminder>> EscalationRemindersAsync(int id) =>
        app.QueryDbAsync(db => db.Set<Reminder>().AsNoTracking()
            .Where(r => r.SubjectId == id && (r.Kind == ReminderKind.EscalationResponseDueSoon || r.Kind == ReminderKind.EscalationResponseOverdue))
            .ToListAsync());

    [Fact]
    public async Task The_respondent_is_reminded_when_the_response_is_due_within_2_working_days_until_they_respond()
    {
        var child = await app.AChildOfAsync(_cast, givenName: "Ruby", familyName: $"Remind{_cast.Suffix}");
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);
        var due = Assert.Single((await app.EscalationAsync(id)).Stages).ResponseDueOn;

        // Five working days ahead is not yet a reminder.
        await app.RunReminderJobAsync();
        Assert.Empty(await EscalationRemindersAsync(id));
        Assert.DoesNotContain(ReminderText, await RemindersPageAsync(_cast.TeamManagerUser), StringComparison.Ordinal);

        // Three working days ahead is not either; two is.
        app.MoveTo(app.Calendar.AddWorkingDays(due, -3));
        await app.RunReminderJobAsync();
        Assert.Empty(await EscalationRemindersAsync(id));

        app.MoveTo(app.Calendar.AddWorkingDays(due, -2));
        await app.RunReminderJobAsync();
        var reminder = Assert.Single(await EscalationRemindersAsync(id));
        Assert.Equal((_cast.TeamManager.Id, ReminderKind.EscalationResponseDueSoon, due, child.Id),
            (reminder.StaffMemberId, reminder.Kind, reminder.DueOn, reminder.ChildId));

        var page = await RemindersPageAsync(_cast.TeamManagerUser);
        Assert.Contains(ReminderText, page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/escalations/{id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"Ruby Remind{_cast.Suffix}", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ReminderText, await RemindersPageAsync(_cast.IroUser), StringComparison.Ordinal);

        // Once they respond, it no longer shows.
        await app.RespondAsync(_cast.TeamManagerUser, id);
        Assert.DoesNotContain(ReminderText, await RemindersPageAsync(_cast.TeamManagerUser), StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/escalations/{id}\"", await RemindersPageAsync(_cast.TeamManagerUser), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_senior_manager_is_reminded_too_and_an_overdue_response_is_flagged()
    {
        var child = await app.AChildOfAsync(_cast, givenName: "Sam", familyName: $"Late{_cast.Suffix}");
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 2, _cast.HeadOfService);
        var due = Assert.Single((await app.EscalationAsync(id)).Stages).ResponseDueOn;

        app.MoveTo(app.Calendar.AddWorkingDays(due, 1));
        await app.RunReminderJobAsync();

        var reminder = Assert.Single(await EscalationRemindersAsync(id));
        Assert.Equal((_cast.HeadOfService.Id, ReminderKind.EscalationResponseOverdue), (reminder.StaffMemberId, reminder.Kind));
        var page = await RemindersPageAsync(_cast.HeadOfServiceUser);
        Assert.Contains("Respond to the stage 2 escalation", page, StringComparison.Ordinal);
        Assert.Contains("1 is overdue.", page, StringComparison.Ordinal);

        // The head of service's link leads to the escalation, which they may open.
        using var hos = await app.SignedInClientAsync(_cast.HeadOfServiceUser);
        Assert.Equal(HttpStatusCode.OK, await hos.StatusOfAsync($"/escalations/{id}"));
    }
}
