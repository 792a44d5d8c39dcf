using System.Net;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Escalations;
using Microsoft.EntityFrameworkCore;

using static CareReview.Tests.Features.Escalations.EscalationSteps;

namespace CareReview.Tests.Features.Escalations;

/// <summary>
/// An administrator sets the council's formal dispute-resolution stages. The stages are global to the
/// database, so these tests have an app (and database) of their own and no other class sees the change.
/// </summary>
public sealed class SettingTheDisputeResolutionStagesTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string StaleMessage = "Someone else changed the stages while you were working on them";

    private EscalationCast _cast = null!;
    private string _admin = null!;

    public async Task InitializeAsync()
    {
        _cast = await app.AnEscalationCastAsync();
        _admin = $"admin-{_cast.Suffix}";
        await app.AUserAsync(_admin, Roles.Administrator);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> StagesForm(string revision, params (string Respondent, string Days)[] rows)
    {
        var form = new Dictionary<string, string> { ["Input.Revision"] = revision };
        for (var i = 0; i < StagesModel.Rows; i++)
        {
            var (respondent, days) = i < rows.Length ? rows[i] : ("", "");
            form[$"Input.Stages[{i}].Respondent"] = respondent;
            form[$"Input.Stages[{i}].ResponseWorkingDays"] = days;
        }

        return form;
    }

    private Task<int> SettingRowsAsync() => app.QueryDbAsync(db => db.Set<DrpStageSetting>().CountAsync());

    private async Task<string> RevisionShownAsync(HttpClient client) =>
        AppFactory.HiddenValueIn(await client.GetPageAsync("/escalations/stages"), "Input.Revision");

    [Fact]
    public async Task Stages_an_administrator_saves_are_used_for_the_next_escalation()
    {
        using var admin = await app.SignedInClientAsync(_admin);
        var revision = await RevisionShownAsync(admin);

        using var saved = await app.SubmitFormAsync(admin, "/escalations/stages",
            StagesForm(revision, ("Team manager", "10"), ("Head of service", "5"), ("Director", "5")));

        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var (process, current) = await app.QueryDbAsync(DrpStageSetting.CurrentAsync);
        Assert.Equal(int.Parse(revision, System.Globalization.CultureInfo.InvariantCulture) + 1, current);
        Assert.Equal([("Team manager", 10), ("Head of service", 5), ("Director", 5)], process.Stages.Select(s => (s.Respondent, s.ResponseWorkingDays)));
        Assert.Contains(await app.AuditAsync(AuditAction.DrpStagesChanged, _admin), e => e.Details == $"revision:{current};stages:3;days:20");

        // A new escalation's stage 1 now gives the team manager 10 working days.
        var child = await app.AChildOfAsync(_cast);
        var id = await app.RaiseAsync(_cast.IroUser, child.Id);
        await app.StartFormalAsync(_cast.IroUser, id, 1, _cast.TeamManager);
        var stage = Assert.Single((await app.EscalationAsync(id)).Stages);
        Assert.Equal((10, "Team manager"), (stage.ResponseWorkingDays, stage.Level));
        Assert.Equal(app.Calendar.AddWorkingDays(app.Today, 10), stage.ResponseDueOn);

        // And the process has three stages: there is no stage 4 to escalate to.
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        var decide = await iro.GetPageAsync($"/escalations/{id}/decide");
        Assert.Contains("Stage 3: Director", decide, StringComparison.Ordinal);
        Assert.DoesNotContain("Stage 4:", decide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_with_a_problem_say_so_beside_their_fields_and_nothing_is_saved()
    {
        using var admin = await app.SignedInClientAsync(_admin);
        var before = await SettingRowsAsync();
        var revision = await RevisionShownAsync(admin);

        // Stage 1 has days and no one to respond; stage 2 has 0 days; stage 3 is left empty between stages 2 and 4.
        using var response = await app.SubmitFormAsync(admin, "/escalations/stages",
            StagesForm(revision, ("", "5"), ("Head of service", "0"), ("", ""), ("Director", "5")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Pages.AssertFieldError(page, "Input-Stages-0-Respondent", "Enter who responds at stage 1, for example head of service");
        Pages.AssertFieldError(page, "Input-Stages-1-ResponseWorkingDays", "The time to respond at stage 2 must be from 1 to 20 working days");
        Pages.AssertFieldError(page, "Input-Stages-2-Respondent", "Enter who responds at stage 3, for example head of service");
        Pages.AssertFieldError(page, "Input-Stages-2-ResponseWorkingDays", "The time to respond at stage 3 must be from 1 to 20 working days");
        Assert.DoesNotContain("id=\"Input-Stages-3-Respondent-error\"", page, StringComparison.Ordinal);
        Assert.Equal(before, await SettingRowsAsync());
    }

    [Fact]
    public async Task More_than_twenty_working_days_for_one_stage_is_refused()
    {
        using var admin = await app.SignedInClientAsync(_admin);
        var before = await SettingRowsAsync();

        using var response = await app.SubmitFormAsync(admin, "/escalations/stages",
            StagesForm(await RevisionShownAsync(admin), ("Team manager", "21")));

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-Stages-0-ResponseWorkingDays",
            "The time to respond at stage 1 must be from 1 to 20 working days");
        Assert.Equal(before, await SettingRowsAsync());
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_refused()
    {
        using var first = await app.SignedInClientAsync(_admin);
        var otherAdmin = $"admin2-{_cast.Suffix}";
        await app.AUserAsync(otherAdmin, Roles.Administrator);
        using var second = await app.SignedInClientAsync(otherAdmin);

        // Both open the page on the same revision; the other administrator saves first.
        var seen = await RevisionShownAsync(first);
        Assert.Equal(seen, await RevisionShownAsync(second));
        using (var saved = await app.SubmitFormAsync(second, "/escalations/stages", StagesForm(seen, ("Team manager", "5"), ("Director", "5"))))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var rows = await SettingRowsAsync();
        var (_, revision) = await app.QueryDbAsync(DrpStageSetting.CurrentAsync);

        using var stale = await app.SubmitFormAsync(first, "/escalations/stages", StagesForm(seen, ("Team manager", "8")));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await stale.Content.ReadAsStringAsync();
        Assert.Contains(StaleMessage, page, StringComparison.Ordinal);
        Assert.Equal(rows, await SettingRowsAsync());
        var (process, after) = await app.QueryDbAsync(DrpStageSetting.CurrentAsync);
        Assert.Equal(revision, after);
        Assert.Equal(["Team manager", "Director"], process.Stages.Select(s => s.Respondent));

        // The form now carries the saved revision, so a second try can succeed.
        Assert.Equal(Number(revision), AppFactory.HiddenValueIn(page, "Input.Revision"));
    }

    [Theory]
    [InlineData("irom")]
    [InlineData("iro")]
    [InlineData("tm")]
    [InlineData("hos")]
    public async Task Only_administrators_set_the_stages(string who)
    {
        var userName = $"{who}-{_cast.Suffix}";
        using var client = await app.SignedInClientAsync(userName);

        // A page the role does not allow answers "Page not found", and the refusal is audited.
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync("/escalations/stages"));
        Assert.Contains(await app.AuditAsync(AuditAction.AccessRefused, userName), e => e.Details == "path:/escalations/stages");
    }
}
