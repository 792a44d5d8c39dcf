using System.Net;
using CareReview.Domain.Escalations;
using CareReview.Tests.Features.Reminders;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using CareReview.Web.Records;
using Microsoft.EntityFrameworkCore;

using static CareReview.Tests.Features.Escalations.EscalationSteps;

namespace CareReview.Tests.Features.Escalations;

/// <summary>
/// An IRO challenges the council about a child's case (IRO Handbook chapter 6): a concern, informal
/// resolution, then the formal stages, each put to a named respondent who answers, until the IRO is
/// satisfied. This class moves its app's clock forward, which cannot go back, so every date is worked out
/// from the clock as it stands.
/// </summary>
public sealed class ChallengingACaseTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private EscalationCast _cast = null!;

    public async Task InitializeAsync() => _cast = await app.AnEscalationCastAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_concern_goes_from_informal_resolution_through_two_formal_stages_to_resolution()
    {
        var child = await app.AChildOfAsync(_cast, givenName: "Ruby", familyName: $"Flow{_cast.Suffix}");
        var recommendation = (await app.RecommendationsDueAsync(child, app.Today.AddDays(-7), _cast.SocialWorker, app.Today.AddDays(10)))[0];
        var reviewId = await app.QueryDbAsync(db => db.Recommendations.Where(r => r.Id == recommendation).Select(r => r.ReviewId).SingleAsync());
        var raisedOn = app.Today;

        // The IRO raises the concern, linked to the review and the recommendation it is about.
        var id = await app.RaiseAsync(_cast.IroUser, child.Id, "DriftAndDelay", more: form =>
        {
            form["Input.ReviewId"] = Number(reviewId);
            form["Input.RecommendationIds[0]"] = Number(recommendation);
        });

        var raised = await app.EscalationAsync(id);
        Assert.Equal((child.Id, _cast.Team.Id, _cast.Iro.Id, "Ida Challenger"), (raised.ChildId, raised.TeamId, raised.RaisedByStaffId, raised.RaisedBy));
        Assert.Equal((ConcernCategory.DriftAndDelay, raisedOn, raisedOn.AddDays(14)), (raised.Category, raised.RaisedOn, raised.NeededBy));
        Assert.Equal("The plan for permanence has drifted for four months", raised.Concern);
        Assert.Equal("A permanence planning meeting", raised.Needed);
        Assert.Equal(reviewId, raised.ReviewId);
        Assert.Equal([recommendation], raised.Recommendations.Select(r => r.RecommendationId));
        Assert.Equal(EscalationState.Informal, raised.State);
        var raisedEvent = Assert.Single(await app.AuditOfEscalationAsync(AuditAction.EscalationRaised, id));
        Assert.Equal((child.Id, _cast.IroUser, $"escalation:{id};category:DriftAndDelay"), (raisedEvent.ChildId, raisedEvent.UserName, raisedEvent.Details));

        // Informal resolution first, recorded on the child's file.
        app.NextWorkingDay();
        await app.DiscussAsync(_cast.IroUser, id);
        var discussed = await app.EscalationAsync(id);
        var discussion = Assert.Single(discussed.Discussions);
        Assert.Equal((app.Today, "Tara Team, team manager"), (discussion.On, discussion.With));
        Assert.Single(await app.AuditOfEscalationAsync(AuditAction.InformalDiscussionRecorded, id));

        // It does not work: the IRO starts the formal process at stage 1, put to the team manager.
        app.NextWorkingDay();
        var formalOn = app.Today;
        await app.DecideAsync(_cast.IroUser, id, "escalate", 1, _cast.TeamManager.Id);
        var stage1 = Assert.Single((await app.EscalationAsync(id)).Stages);
        Assert.Equal((1, "Team manager", _cast.TeamManager.Id, formalOn, 5), (stage1.Number, stage1.Level, stage1.RespondentStaffId, stage1.OpenedOn, stage1.ResponseWorkingDays));
        Assert.Equal(app.Calendar.AddWorkingDays(formalOn, 5), stage1.ResponseDueOn);
        Assert.Equal($"escalation:{id};stage:1;respondent:{_cast.TeamManager.Id}",
            Assert.Single(await app.AuditOfEscalationAsync(AuditAction.FormalEscalationStarted, id)).Details);

        // The team manager sees it waiting on them, and responds.
        app.NextWorkingDay();
        using (var tm = await app.SignedInClientAsync(_cast.TeamManagerUser))
        {
            var toAnswer = await tm.GetPageAsync("/escalations/to-answer");
            Assert.Contains("data-testid=\"waiting\"", toAnswer, StringComparison.Ordinal);
            var row = RowFor(toAnswer, id);
            Assert.NotNull(row);
            Assert.Contains("Stage 1: Team manager", row, StringComparison.Ordinal);
            Assert.Contains("Respond to this escalation", await tm.GetPageAsync($"/escalations/{id}"), StringComparison.Ordinal);
        }

        await app.RespondAsync(_cast.TeamManagerUser, id, "We will hold the meeting next month");
        var answered = (await app.EscalationAsync(id)).Stages.Single();
        Assert.Equal(("We will hold the meeting next month", app.Today), (answered.Response, answered.RespondedOn));
        Assert.Equal(EscalationState.AwaitingDecision, (await app.EscalationAsync(id)).State);
        Assert.Single(await app.AuditOfEscalationAsync(AuditAction.EscalationResponded, id), e => e.UserName == _cast.TeamManagerUser);

        // Next month is too late: the IRO takes it to stage 2, the head of service.
        app.NextWorkingDay();
        var stage2On = app.Today;
        await app.DecideAsync(_cast.IroUser, id, "escalate", 2, _cast.HeadOfService.Id, "A month is too long for Ruby");
        var escalated = await app.EscalationAsync(id);
        Assert.Equal(StageDecision.Escalated, escalated.Stages.Single(s => s.Number == 1).Decision);
        var stage2 = escalated.Stages.Single(s => s.Number == 2);
        Assert.Equal(("Head of service", _cast.HeadOfService.Id, "Hana Head, Head of service"), (stage2.Level, stage2.RespondentStaffId, stage2.RespondentName));
        Assert.Equal(app.Calendar.AddWorkingDays(stage2On, 5), stage2.ResponseDueOn);
        Assert.Single(await app.AuditOfEscalationAsync(AuditAction.EscalationEscalated, id));

        // The head of service sees it and responds.
        app.NextWorkingDay();
        using (var hos = await app.SignedInClientAsync(_cast.HeadOfServiceUser))
        {
            Assert.NotNull(RowFor(await hos.GetPageAsync("/escalations/to-answer"), id));
        }

        await app.RespondAsync(_cast.HeadOfServiceUser, id, "The meeting is moved to this week");

        // The IRO is satisfied and resolves it.
        app.NextWorkingDay();
        await app.DecideAsync(_cast.IroUser, id, "resolve", note: "The meeting is booked for Thursday");
        var resolved = await app.EscalationAsync(id);
        Assert.Equal((EscalationOutcome.ResolvedFormally, app.Today, EscalationState.Closed), (resolved.Outcome, resolved.ClosedOn, resolved.State));
        Assert.Equal(StageDecision.Resolved, resolved.Stages.Single(s => s.Number == 2).Decision);
        Assert.Single(await app.AuditOfEscalationAsync(AuditAction.EscalationResolved, id));

        // The register shows it closed, with the working days it took.
        var days = app.Calendar.WorkingDaysUntil(raisedOn, app.Today);
        Assert.Equal(6, days);
        using var manager = await app.SignedInClientAsync(_cast.IroManagerUser);
        var register = await manager.GetPageAsync("/escalations?Filter.State=closed");
        var registerRow = RowFor(RegisterTable(register), id);
        Assert.NotNull(registerRow);
        Assert.True(registerRow.Contains("Resolved at stage 2", StringComparison.Ordinal), $"The IRO manager's register row: {registerRow}");
        Assert.Contains($"govuk-table__cell--numeric\">{days}</td>", registerRow, StringComparison.Ordinal);

        // The child's page lists it with where it stands.
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        var childPage = await iro.GetPageAsync($"/children/{child.Id}");
        Assert.Contains("data-testid=\"escalations\"", childPage, StringComparison.Ordinal);
        var childRow = RowFor(childPage, id);
        Assert.NotNull(childRow);
        Assert.True(childRow.Contains("Resolved at stage 2", StringComparison.Ordinal), $"The row on the child's page: {childRow}");
        Assert.Contains("Drift and delay", childRow, StringComparison.Ordinal);

        // Its page tells the whole history.
        var details = await iro.GetPageAsync($"/escalations/{id}");
        Assert.Contains("data-testid=\"stage-1\"", details, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"stage-2\"", details, StringComparison.Ordinal);
        Assert.Contains("We will hold the meeting next month", details, StringComparison.Ordinal);
        Assert.Contains("The meeting is moved to this week", details, StringComparison.Ordinal);
        Assert.Contains($"{days} working days after it was raised", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalating_from_stage_1_straight_to_stage_3_skips_stage_2()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);

        await app.DecideAsync(_cast.IroUser, id, "escalate", 3, _cast.AssistantDirector.Id, "The child is at risk: straight to the assistant director");

        var escalation = await app.EscalationAsync(id);
        Assert.Equal([1, 3], escalation.Stages.OrderBy(s => s.Number).Select(s => s.Number));
        Assert.Equal(StageDecision.Skipped, escalation.Stages.Single(s => s.Number == 1).Decision);
        Assert.Equal("Assistant director", escalation.Stages.Single(s => s.Number == 3).Level);
        Assert.Equal([2], escalation.SkippedStages);
        Assert.Equal(3, escalation.StageReached);

        foreach (var user in new[] { _cast.IroUser, _cast.IroManagerUser })
        {
            using var client = await app.SignedInClientAsync(user);
            var row = RowFor(RegisterTable(await client.GetPageAsync("/escalations")), id);
            Assert.True(row?.Contains("skipped stage 2", StringComparison.Ordinal) == true, $"{user}'s register row: {row}");
            Assert.Contains("Stage 3: waiting for a response", row, StringComparison.Ordinal);
            Assert.Contains("Skipped: stage 2.", await client.GetPageAsync($"/escalations/{id}"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_formal_process_is_flagged_once_it_passes_twenty_working_days_and_not_before()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);
        var started = app.Today;

        async Task<(string Details, string RegisterRow)> PagesAsync()
        {
            using var iro = await app.SignedInClientAsync(_cast.IroUser);
            var details = await iro.GetPageAsync($"/escalations/{id}");
            var row = RowFor(RegisterTable(await iro.GetPageAsync("/escalations")), id);
            Assert.NotNull(row);
            return (details, row);
        }

        var (fresh, freshRow) = await PagesAsync();
        Assert.DoesNotContain("data-testid=\"twenty-day-warning\"", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("Over 20 working days", freshRow, StringComparison.Ordinal);

        // On the 20th working day the process has taken exactly what the Handbook allows.
        app.MoveTo(app.Calendar.AddWorkingDays(started, 20));
        var (onTheDay, onTheDayRow) = await PagesAsync();
        Assert.DoesNotContain("data-testid=\"twenty-day-warning\"", onTheDay, StringComparison.Ordinal);
        Assert.DoesNotContain("Over 20 working days", onTheDayRow, StringComparison.Ordinal);
        Assert.Contains("Response overdue", onTheDayRow, StringComparison.Ordinal);

        // One working day more is past it.
        app.MoveTo(app.Calendar.AddWorkingDays(started, 21));
        var (late, lateRow) = await PagesAsync();
        Assert.Contains("data-testid=\"twenty-day-warning\"", late, StringComparison.Ordinal);
        Assert.Contains("Over 20 working days", lateRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escalation_at_stage_2_is_shown_waiting_at_stage_2_wherever_it_is_listed()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);
        await app.RespondAsync(_cast.TeamManagerUser, id);
        await app.DecideAsync(_cast.IroUser, id, "escalate", 2, _cast.HeadOfService.Id, "Not soon enough");
        const string waiting = "Stage 2: waiting for a response";

        foreach (var user in new[] { _cast.IroManagerUser, _cast.IroUser })
        {
            using var client = await app.SignedInClientAsync(user);
            var register = RegisterTable(await client.GetPageAsync("/escalations"));
            Assert.True(RowFor(register, id)?.Contains(waiting, StringComparison.Ordinal) == true, $"{user}'s register row: {RowFor(register, id)}");
            Assert.Contains(id, RegisterIds(await client.GetPageAsync("/escalations?Filter.Stage=2")));
            var childRow = RowFor(await client.GetPageAsync($"/children/{child.Id}"), id);
            Assert.True(childRow?.Contains(waiting, StringComparison.Ordinal) == true, $"{user}'s row on the child's page: {childRow}");
            Assert.Contains($"data-testid=\"escalation-status\">{waiting}</strong>", await client.GetPageAsync($"/escalations/{id}"), StringComparison.Ordinal);
        }

        using var manager = await app.SignedInClientAsync(_cast.IroManagerUser);
        var csv = await manager.GetStringAsync(new Uri("/escalations?handler=Csv&Filter.State=open", UriKind.Relative));
        var line = csv.Split("\r\n").Single(l => l.StartsWith($"{id},", StringComparison.Ordinal));
        Assert.Contains($",Stage 2,,{waiting},", line, StringComparison.Ordinal);

        using var hos = await app.SignedInClientAsync(_cast.HeadOfServiceUser);
        Assert.Equal(HttpStatusCode.OK, await hos.StatusOfAsync($"/escalations/{id}/respond"));
        Assert.Contains($"data-testid=\"escalation-status\">{waiting}</strong>", await hos.GetPageAsync($"/escalations/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_of_two_decisions_made_on_the_same_version_is_refused_and_not_saved()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.DiscussAsync(_cast.IroUser, id);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        using var manager = await app.SignedInClientAsync(_cast.IroManagerUser);

        // Both open the decision form on the same version.
        var iroForm = await iro.GetPageAsync($"/escalations/{id}/decide");
        var managerForm = await manager.GetPageAsync($"/escalations/{id}/decide");
        var iroVersion = long.Parse(AppFactory.HiddenValueIn(iroForm, "Input.Version"), System.Globalization.CultureInfo.InvariantCulture);
        var managerVersion = long.Parse(AppFactory.HiddenValueIn(managerForm, "Input.Version"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(iroVersion, managerVersion);

        // The IRO starts the formal process first; the manager's withdrawal, made on what they saw, loses.
        using (var first = await app.SubmitFormAsync(iro, $"/escalations/{id}/decide", DecisionForm(iroVersion, "escalate", 1, _cast.TeamManager.Id)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await app.SubmitFormAsync(manager, $"/escalations/{id}/decide",
            DecisionForm(managerVersion, "withdraw", note: "No longer needed"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await second.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(RecordChanges.ConcurrencyMessage), page, StringComparison.Ordinal);
        Assert.Contains("Someone else changed this while you were working on it", page, StringComparison.Ordinal);
        var saved = await app.EscalationAsync(id);
        Assert.Null(saved.Outcome);
        Assert.Equal(EscalationState.AwaitingResponse, saved.State);
        Assert.Null(Assert.Single(saved.Stages).Decision);
        Assert.Empty(await app.AuditOfEscalationAsync(AuditAction.EscalationWithdrawn, id));

        // The form now carries the saved version, so a second try can succeed.
        Assert.Equal(Number(saved.Version), AppFactory.HiddenValueIn(page, "Input.Version"));
    }

    [Fact]
    public async Task A_concern_resolved_informally_closes_without_a_formal_stage()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id, "NoAllocatedSocialWorker");
        await app.DiscussAsync(_cast.IroUser, id);

        await app.DecideAsync(_cast.IroUser, id, "resolve", note: "A social worker is allocated from Monday");

        var escalation = await app.EscalationAsync(id);
        Assert.Equal((EscalationOutcome.ResolvedInformally, 0), (escalation.Outcome, escalation.Stages.Count));
        Assert.Equal("A social worker is allocated from Monday", escalation.ClosingNote);
        Assert.Single(await app.AuditOfEscalationAsync(AuditAction.EscalationResolvedInformally, id));

        // A closed escalation takes no more decisions.
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync($"/escalations/{id}/decide"));
    }

    [Fact]
    public async Task An_escalation_can_be_withdrawn_at_a_formal_stage_with_a_reason()
    {
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);

        await app.DecideAsync(_cast.IroManagerUser, id, "withdraw", note: "The child has returned home and is no longer looked after");

        var escalation = await app.EscalationAsync(id);
        Assert.Equal(EscalationOutcome.Withdrawn, escalation.Outcome);
        Assert.Equal(StageDecision.Closed, Assert.Single(escalation.Stages).Decision);
        Assert.Single(await app.AuditOfEscalationAsync(AuditAction.EscalationWithdrawn, id), e => e.UserName == _cast.IroManagerUser);

        // The team manager asked at stage 1 no longer has it waiting.
        using var tm = await app.SignedInClientAsync(_cast.TeamManagerUser);
        var toAnswer = await tm.GetPageAsync("/escalations/to-answer");
        var row = RowFor(toAnswer, id);
        Assert.NotNull(row);
        var answeredAt = toAnswer.IndexOf("data-testid=\"answered\"", StringComparison.Ordinal);
        Assert.True(answeredAt >= 0 && answeredAt < toAnswer.IndexOf($"href=\"/escalations/{id}\"", StringComparison.Ordinal),
            "The withdrawn escalation is listed under answered or moved on");
        Assert.DoesNotContain("data-testid=\"waiting\"", toAnswer, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await tm.StatusOfAsync($"/escalations/{id}/respond"));
    }
}
