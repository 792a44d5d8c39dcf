using System.Globalization;
using System.Net;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Deadlines;

/// <summary>
/// Social workers record visits and assessments and every deadline follows; managers see each child's
/// statutory items on the compliance view, filtered, with totals.
/// </summary>
public sealed class RecordingVisitsAndComplianceTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private Team _team = null!;
    private StaffMember _iro = null!;
    private StaffMember _worker = null!;
    private string _suffix = "";

    public async Task InitializeAsync()
    {
        _suffix = Guid.NewGuid().ToString("N")[..8];
        _team = await app.ATeamAsync($"Team {_suffix}");
        _iro = await app.AStaffMemberAsync("Ida Comply", StaffRole.Iro);
        _worker = await app.AStaffMemberAsync("Vic Visitor", StaffRole.SocialWorker, _team);
        await app.AUserAsync($"iro-{_suffix}", Roles.Iro, _iro);
        await app.AUserAsync($"sw-{_suffix}", Roles.SocialWorker, _worker);
        await app.AUserAsync($"tm-{_suffix}", Roles.TeamManager, await app.AStaffMemberAsync("Tara Team", StaffRole.TeamManager, _team));
        await app.AUserAsync($"irom-{_suffix}", Roles.IroManager, await app.AStaffMemberAsync("Mo Manager", StaffRole.IroManager));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> VisitForm(long version, DateOnly on, string seen, string? alone, string? reason = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.On.Day"] = on.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.On.Month"] = on.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.On.Year"] = on.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.ChildSeen"] = seen,
        };
        if (alone is not null)
        {
            form["Input.SeenAlone"] = alone;
        }

        if (reason is not null)
        {
            form["Input.NotSeenAloneReason"] = reason;
        }

        return form;
    }

    /// <summary>The child's row of the compliance table.</summary>
    private static string Row(string page, int childId)
    {
        var start = page.IndexOf($"data-child=\"{childId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The child is not on the compliance view");
        return page[start..page.IndexOf("</tr>", start, StringComparison.Ordinal)];
    }

    private Task<ChildDeadline> VisitDeadlineAsync(int childId) =>
        app.QueryDbAsync(db => db.ChildDeadlines.AsNoTracking().SingleAsync(d => d.ChildId == childId && d.Item == StatutoryItem.Visit));

    [Fact]
    public async Task A_visit_overdue_on_the_compliance_view_is_done_once_recorded()
    {
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-20), _iro, _worker, givenName: $"Overdue{_suffix}");
        Assert.Equal(app.Today.AddDays(-13), (await VisitDeadlineAsync(child.Id)).DueOn);
        using var manager = await app.SignedInClientAsync($"irom-{_suffix}");
        var overdue = await manager.GetPageAsync($"/compliance?Item=Visit&State=Overdue&Team={_team.Id}");
        Assert.Contains($"Overdue{_suffix}", overdue, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Overdue\"", Row(overdue, child.Id), StringComparison.Ordinal);

        using var sw = await app.SignedInClientAsync($"sw-{_suffix}");
        using var response = await app.SubmitFormAsync(sw, $"/children/{child.Id}/record/visit", VisitForm(child.Version, app.Today, "true", "true"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var visit = await VisitDeadlineAsync(child.Id);
        Assert.Equal((app.Today, app.Today.AddDays(42), "V1.2"), (visit.LastDoneOn!.Value, visit.DueOn, visit.RuleId));
        Assert.DoesNotContain($"Overdue{_suffix}", await manager.GetPageAsync($"/compliance?Item=Visit&State=Overdue&Team={_team.Id}"), StringComparison.Ordinal);
        var done = await manager.GetPageAsync($"/compliance?Item=Visit&State=Done&Team={_team.Id}");
        Assert.Contains($"Overdue{_suffix}", done, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(a => a.ChildId == child.Id && a.Action == AuditAction.CareEventRecorded)));
    }

    [Fact]
    public async Task A_child_seen_but_not_alone_needs_a_reason_beside_the_field_and_nothing_is_saved()
    {
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-20), _iro, _worker);
        using var sw = await app.SignedInClientAsync($"sw-{_suffix}");

        using var response = await app.SubmitFormAsync(sw, $"/children/{child.Id}/record/visit", VisitForm(child.Version, app.Today, "true", "false"));

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-NotSeenAloneReason", "Say why the child was not seen alone");
        Assert.Null((await VisitDeadlineAsync(child.Id)).LastDoneOn);
        Assert.Equal(0, await app.QueryDbAsync(db => db.CareEvents.CountAsync(e => e.ChildId == child.Id)));
    }

    [Fact]
    public async Task A_visit_in_the_future_is_refused_beside_the_date()
    {
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-20), _iro, _worker);
        using var sw = await app.SignedInClientAsync($"sw-{_suffix}");

        using var response = await app.SubmitFormAsync(sw, $"/children/{child.Id}/record/visit",
            VisitForm(child.Version, app.Today.AddDays(1), "true", "true"));

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-On", "The date must be today or in the past");
    }

    [Fact]
    public async Task Compliance_totals_count_each_state_and_a_team_manager_sees_only_their_team()
    {
        var ours = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-20), _iro, _worker, givenName: $"Ours{_suffix}");
        var otherTeam = await app.ATeamAsync($"Other {_suffix}");
        var stranger = await app.AStaffMemberAsync("Oli Other", StaffRole.SocialWorker, otherTeam);
        await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-20), _iro, stranger, givenName: $"Theirs{_suffix}");
        using var tm = await app.SignedInClientAsync($"tm-{_suffix}");

        var page = await tm.GetPageAsync("/compliance");

        Assert.Contains($"Ours{_suffix}", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"Theirs{_suffix}", page, StringComparison.Ordinal);
        var visible = await app.QueryDbAsync(db => db.Children.CountAsync(c => c.NextReviewDueOn != null && c.SocialWorker!.TeamId == _team.Id));
        Assert.Contains($"{visible} children.", page, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"govuk-table__row\" data-item=\"Visit\">", page, StringComparison.Ordinal);
        _ = ours;
    }

    [Theory]
    [InlineData("sw")]
    [InlineData("iro")]
    public async Task Compliance_is_for_managers_only(string who)
    {
        using var client = await app.SignedInClientAsync($"{who}-{_suffix}");

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync("/compliance"));
    }

    [Fact]
    public async Task The_childs_page_lists_every_statutory_item_with_its_rule()
    {
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-2), _iro, _worker, dateOfBirth: app.Today.AddYears(-9));
        using var sw = await app.SignedInClientAsync($"sw-{_suffix}");

        var page = await sw.GetPageAsync($"/children/{child.Id}");

        foreach (var item in new[] { "IroAppointed", "CarePlan", "PlacementPlan", "Review", "Visit", "HealthAssessment", "PersonalEducationPlan" })
        {
            Assert.Contains($"data-item=\"{item}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("rule V1.1 v1", page, StringComparison.Ordinal);
    }
}
