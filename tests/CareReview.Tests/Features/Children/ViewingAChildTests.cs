using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Children;

/// <summary>Who may open a child's record, what it shows, and that every view is audited.</summary>
public sealed class ViewingAChildTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private StaffMember _iro = null!;
    private StaffMember _otherIro = null!;
    private StaffMember _socialWorker = null!;
    private StaffMember _otherSocialWorker = null!;
    private StaffMember _teamManager = null!;
    private StaffMember _otherTeamManager = null!;

    public async Task InitializeAsync()
    {
        var team = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        var otherTeam = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        _iro = await app.AStaffMemberAsync("Iris Reviewer", StaffRole.Iro);
        _otherIro = await app.AStaffMemberAsync("Owen Other", StaffRole.Iro);
        _socialWorker = await app.AStaffMemberAsync("Sam Worker", StaffRole.SocialWorker, team);
        _otherSocialWorker = await app.AStaffMemberAsync("Sara Elsewhere", StaffRole.SocialWorker, otherTeam);
        _teamManager = await app.AStaffMemberAsync("Tess Manager", StaffRole.TeamManager, team);
        _otherTeamManager = await app.AStaffMemberAsync("Tom Manager", StaffRole.TeamManager, otherTeam);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_childs_page_shows_the_next_review_due_and_the_rule_that_produced_it()
    {
        await app.AUserAsync("iro-views", Roles.Iro, _iro);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker, givenName: "Ruby");
        using var client = await app.SignedInClientAsync("iro-views");

        var html = await client.GetPageAsync($"/children/{child.Id}");

        // 20 working days after Monday 2 November 2026 is Monday 30 November 2026.
        Assert.Contains("30 November 2026", html, StringComparison.Ordinal);
        Assert.Contains("First review: within 20 working days of becoming looked after on 2 November 2026 (CPPCR 2010 reg 33(1))", html, StringComparison.Ordinal);
        Assert.Contains("Iris Reviewer", html, StringComparison.Ordinal);
        Assert.Contains("Sam Worker", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_shows_an_overdue_review_in_working_days()
    {
        await app.AUserAsync("iro-sees-overdue", Roles.Iro, _iro);
        // Looked after on 1 September 2026: first review due 29 September, long past on 23 November.
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync("iro-sees-overdue");

        var html = await client.GetPageAsync($"/children/{child.Id}");

        var overdue = app.Calendar.WorkingDaysUntil(app.Today, new DateOnly(2026, 9, 29));
        Assert.Contains("29 September 2026", html, StringComparison.Ordinal);
        Assert.Contains($"Overdue by {-overdue} working days", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sw-not-allocated", Roles.SocialWorker)]
    [InlineData("iro-not-allocated", Roles.Iro)]
    [InlineData("tm-other-team", Roles.TeamManager)]
    public async Task Anyone_not_working_with_the_child_gets_page_not_found(string userName, string role)
    {
        var staff = role switch
        {
            Roles.SocialWorker => _otherSocialWorker,
            Roles.Iro => _otherIro,
            _ => _otherTeamManager,
        };
        await app.AUserAsync(userName, role, staff);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);

        using var response = await client.GetAsync(new Uri($"/children/{child.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.DoesNotContain(child.FamilyName + "</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_looks_exactly_like_a_child_that_does_not_exist()
    {
        await app.AUserAsync("sw-probes", Roles.SocialWorker, _otherSocialWorker);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync("sw-probes");

        using var refused = await client.GetAsync(new Uri($"/children/{child.Id}", UriKind.Relative));
        using var missing = await client.GetAsync(new Uri("/children/987654", UriKind.Relative));

        Assert.Equal(missing.StatusCode, refused.StatusCode);
        // The sign-out form's antiforgery token is fresh on every page; everything else must match.
        Assert.Equal(WithoutTokens(await missing.Content.ReadAsStringAsync()), WithoutTokens(await refused.Content.ReadAsStringAsync()));
    }

    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"(__RequestVerificationToken|FormToken)\"( type=\"hidden\")? value=\"[^\"]*\"", "");

    [Theory]
    [InlineData("sw-allocated", Roles.SocialWorker)]
    [InlineData("tm-same-team", Roles.TeamManager)]
    [InlineData("iro-manager", Roles.IroManager)]
    public async Task The_allocated_social_worker_their_team_manager_and_the_iro_manager_may_see_the_child(string userName, string role)
    {
        var staff = role switch
        {
            Roles.SocialWorker => _socialWorker,
            Roles.TeamManager => _teamManager,
            _ => await app.AStaffMemberAsync("Ida Manager", StaffRole.IroManager),
        };
        await app.AUserAsync(userName, role, staff);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);

        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync($"/children/{child.Id}"));
    }

    [Fact]
    public async Task An_administrator_sees_no_case_records()
    {
        await app.AUserAsync("admin-curious", Roles.Administrator);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync("admin-curious");

        using var response = await client.GetAsync(new Uri($"/children/{child.Id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain(child.GivenName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_view_and_every_refusal_is_written_to_the_audit_log()
    {
        var viewer = await app.AUserAsync("iro-audited", Roles.Iro, _iro);
        var prober = await app.AUserAsync("sw-audited", Roles.SocialWorker, _otherSocialWorker);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var iroClient = await app.SignedInClientAsync("iro-audited");
        using var swClient = await app.SignedInClientAsync("sw-audited");

        await iroClient.GetPageAsync($"/children/{child.Id}");
        await iroClient.GetPageAsync($"/children/{child.Id}");
        await swClient.StatusOfAsync($"/children/{child.Id}");

        var events = await app.QueryDbAsync(db => db.AuditEvents.Where(e => e.UserId == viewer.Id || e.UserId == prober.Id).ToListAsync());
        Assert.Equal(2, events.Count(e => e.Action == AuditAction.ChildViewed && e.ChildId == child.Id && e.UserName == "iro-audited"));
        Assert.Contains(events, e => e.Action == AuditAction.AccessRefused && e.UserName == "sw-audited" && e.Details == $"child:{child.Id}");
        Assert.DoesNotContain(events, e => e.Action == AuditAction.ChildViewed && e.UserName == "sw-audited");

        // Issue 19, finding 4: the refusal carries the child's id, so the audit log's filter for the child shows it.
        Assert.Contains(events, e => e.Action == AuditAction.AccessRefused && e.UserName == "sw-audited" && e.ChildId == child.Id);
    }

    [Fact]
    public async Task The_iro_manager_reads_the_audit_log_and_no_one_else_can()
    {
        await app.AUserAsync("iro-in-log", Roles.Iro, _iro);
        await app.AUserAsync("iro-manager-reads", Roles.IroManager, await app.AStaffMemberAsync("Ian Manager", StaffRole.IroManager));
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var iro = await app.SignedInClientAsync("iro-in-log");
        await iro.GetPageAsync($"/children/{child.Id}");
        using var manager = await app.SignedInClientAsync("iro-manager-reads");

        var log = await manager.GetPageAsync($"/audit?Child={child.Id}");

        Assert.Contains("iro-in-log", log, StringComparison.Ordinal);
        Assert.Contains(nameof(AuditAction.ChildViewed), log, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync("/audit"));
    }
}
