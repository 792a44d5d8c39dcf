using System.Globalization;
using System.Net;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Caseload;

/// <summary>
/// An IRO must not manage the case, manage its social worker or hold its resources (CPPCR 2010 reg 46): the
/// IRO manager records such conflicts, and allocation refuses a conflicted IRO with a plain message.
/// </summary>
public sealed class ConflictsOfInterestTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_iro_who_holds_resources_for_the_child_is_refused_beside_the_field_nothing_is_saved_and_it_is_audited()
    {
        var (manager, child, worker) = await AChildAsync("resources");
        var budgetHolder = await app.AStaffMemberAsync("Bea Budget", StaffRole.Iro);
        await DeclareAsync(budgetHolder, ConflictKind.HoldsResources, childId: child.Id);
        using var client = await app.SignedInClientAsync(manager);

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/allocation", await FormAsync(child, budgetHolder));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Pages.AssertFieldError(html, "Input-IroId", "Bea Budget cannot be this child's IRO: they hold resources for this child (declared 2 November 2026)");
        var after = await app.QueryDbAsync(db => db.Children.Include(c => c.Allocations).AsNoTracking().SingleAsync(c => c.Id == child.Id));
        Assert.NotEqual(budgetHolder.Id, after.IroId);
        Assert.DoesNotContain(after.Allocations, a => a.IroId == budgetHolder.Id);
        Assert.Contains(await AuditAsync(AuditAction.AllocationConflictRefused), e => e.ChildId == child.Id && e.Details == $"iro:{budgetHolder.Id}");
        Assert.DoesNotContain(await AuditAsync(AuditAction.ChildReallocated), e => e.ChildId == child.Id);
        Assert.Equal(worker.Id, after.SocialWorkerId);
    }

    [Fact]
    public async Task An_iro_who_manages_the_social_workers_team_is_refused()
    {
        var (manager, child, worker) = await AChildAsync("manages");
        var teamLead = await app.AStaffMemberAsync("Lee Linemanager", StaffRole.Iro);
        var team = await app.QueryDbAsync(db => db.Teams.AsNoTracking().SingleAsync(t => t.Id == worker.TeamId));
        await DeclareAsync(teamLead, ConflictKind.ManagesCase, team: team);
        using var client = await app.SignedInClientAsync(manager);

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/allocation", await FormAsync(child, teamLead));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-IroId",
            $"Lee Linemanager cannot be this child's IRO: they manage the cases of {team.Name} (declared 2 November 2026)");
        Assert.NotEqual(teamLead.Id, await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => c.IroId).SingleAsync()));
    }

    [Fact]
    public async Task A_team_manager_cannot_move_the_child_to_a_social_worker_whose_team_the_iro_is_conflicted_with()
    {
        var (_, child, _) = await AChildAsync("tm-move");
        var iroId = await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => c.IroId!.Value).SingleAsync());
        var iro = await app.QueryDbAsync(db => db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == iroId));
        var team = await app.ATeamAsync($"Team tm-move {Guid.NewGuid():N}");
        var newWorker = await app.AStaffMemberAsync("Nico Newteam", StaffRole.SocialWorker, team);
        await app.AUserAsync("tm-conflicted-team", Roles.TeamManager, await app.AStaffMemberAsync("Tara Teamlead", StaffRole.TeamManager, team));
        await app.ExecuteDbAsync(async db =>
        {
            // The team manager sees the child only once the child's social worker is in their team.
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            loaded.Allocate(loaded.Iro, await db.StaffMembers.SingleAsync(s => s.Id == newWorker.Id), new DateOnly(2026, 11, 1), Rulebook.National, new DateOnly(2026, 11, 1));
        });
        var otherWorker = await app.AStaffMemberAsync("Olga Sameteam", StaffRole.SocialWorker, team);
        await DeclareAsync(iro, ConflictKind.ManagesCase, team: team);
        using var client = await app.SignedInClientAsync("tm-conflicted-team");
        var form = await FormAsync(child, iro);
        form.Remove("Input.IroId");
        form["Input.SocialWorkerId"] = otherWorker.Id.ToString(CultureInfo.InvariantCulture);

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/allocation", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode($"{iro.Name} cannot be this child's IRO: they manage the cases of {team.Name}"), html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#Input-IroId\"", html, StringComparison.Ordinal);
        Assert.Equal(newWorker.Id, await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => c.SocialWorkerId!.Value).SingleAsync()));
    }

    [Fact]
    public async Task A_conflict_recorded_as_ended_no_longer_stands_in_the_way()
    {
        var (manager, child, _) = await AChildAsync("ended");
        var former = await app.AStaffMemberAsync("Fern Former", StaffRole.Iro);
        var conflictId = await DeclareAsync(former, ConflictKind.HoldsResources, childId: child.Id);
        using var client = await app.SignedInClientAsync(manager);

        using (var withdrawn = await app.SubmitFormAsync(client, $"/caseload/conflicts?handler=Withdraw&conflictId={conflictId}", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        }

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/allocation", await FormAsync(child, former));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(former.Id, await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => c.IroId).SingleAsync()));
        Assert.Contains(await AuditAsync(AuditAction.StaffConflictWithdrawn), e => e.Details == $"conflict:{conflictId}" && e.ChildId == child.Id);
        var ended = await app.QueryDbAsync(db => db.Set<StaffConflict>().AsNoTracking().SingleAsync(c => c.Id == conflictId));
        Assert.Equal(app.Today, ended.WithdrawnOn);
    }

    [Theory]
    [InlineData(Roles.Iro, StaffRole.Iro)]
    [InlineData(Roles.SocialWorker, StaffRole.SocialWorker)]
    [InlineData(Roles.TeamManager, StaffRole.TeamManager)]
    public async Task The_conflicts_page_is_not_found_for_anyone_but_the_iro_manager_and_the_refusal_is_audited(string role, StaffRole staffRole)
    {
        var userName = $"conflicts-{role}";
        await app.AUserAsync(userName, role, await app.AStaffMemberAsync($"Nosy {role}", staffRole));
        using var client = await app.SignedInClientAsync(userName);

        using var response = await client.GetAsync(new Uri("/caseload/conflicts", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(AuditAction.AccessRefused), e => e.UserName == userName && e.Details == "path:/caseload/conflicts");
    }

    [Fact]
    public async Task The_iro_manager_declares_a_conflict_for_a_child_which_is_listed_audited_and_then_refused_at_allocation()
    {
        var (manager, child, _) = await AChildAsync("declared");
        var panelChair = await app.AStaffMemberAsync("Pat Panelchair", StaffRole.Iro);
        using var client = await app.SignedInClientAsync(manager);
        Assert.Contains("Record a conflict of interest", await client.GetPageAsync("/caseload/conflicts"), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(AuditAction.StaffConflictsViewed), e => e.UserName == manager && e.Details!.StartsWith("rows:", StringComparison.Ordinal));

        using var response = await app.SubmitFormAsync(client, "/caseload/conflicts", new Dictionary<string, string>
        {
            ["Input.StaffMemberId"] = panelChair.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.ChildLocalId"] = $" {child.LocalId} ",
            ["Input.Kind"] = nameof(ConflictKind.HoldsResources),
            ["Input.Reason"] = "Chairs the placement panel that funds this placement",
            ["Input.DeclaredOn.Day"] = "23",
            ["Input.DeclaredOn.Month"] = "11",
            ["Input.DeclaredOn.Year"] = "2026",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await app.QueryDbAsync(db => db.Set<StaffConflict>().AsNoTracking().SingleAsync(c => c.StaffMemberId == panelChair.Id));
        Assert.Equal((child.Id, ConflictKind.HoldsResources, app.Today, "Mara declared"), (saved.ChildId!.Value, saved.Kind, saved.DeclaredOn, saved.RecordedBy));
        Assert.Contains(await AuditAsync(AuditAction.StaffConflictDeclared), e => e.ChildId == child.Id
            && e.Details == $"conflict:{saved.Id};staff:{panelChair.Id};team:;kind:HoldsResources");
        var list = await client.GetPageAsync("/caseload/conflicts");
        Assert.Contains("Pat Panelchair", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{child.Id}\"", list, StringComparison.Ordinal);
        Assert.Contains("Chairs the placement panel that funds this placement", list, StringComparison.Ordinal);

        using var allocation = await app.SubmitFormAsync(client, $"/children/{child.Id}/allocation", await FormAsync(child, panelChair));
        Assert.Equal(HttpStatusCode.OK, allocation.StatusCode);
        Pages.AssertFieldError(await allocation.Content.ReadAsStringAsync(), "Input-IroId",
            "Pat Panelchair cannot be this child's IRO: they hold resources for this child (declared 23 November 2026)");
    }

    [Fact]
    public async Task A_conflict_without_a_known_child_or_a_reason_is_refused_beside_its_fields_and_nothing_is_saved()
    {
        var (manager, _, _) = await AChildAsync("invalid");
        var iro = await app.AStaffMemberAsync("Ida Invalid", StaffRole.Iro);
        using var client = await app.SignedInClientAsync(manager);
        var form = new Dictionary<string, string>
        {
            ["Input.StaffMemberId"] = iro.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.ChildLocalId"] = "NO-SUCH-CHILD",
            ["Input.Kind"] = nameof(ConflictKind.ManagesCase),
            ["Input.DeclaredOn.Day"] = "23",
            ["Input.DeclaredOn.Month"] = "11",
            ["Input.DeclaredOn.Year"] = "2026",
        };

        using var unknown = await app.SubmitFormAsync(client, "/caseload/conflicts", form);
        form.Remove("Input.ChildLocalId");
        using var neither = await app.SubmitFormAsync(client, "/caseload/conflicts", form);

        Pages.AssertFieldError(await unknown.Content.ReadAsStringAsync(), "Input-ChildLocalId", "No child has that reference");
        Pages.AssertFieldError(await neither.Content.ReadAsStringAsync(), "Input-ChildLocalId", "Say which child or which team the conflict is with");
        Assert.False(await app.QueryDbAsync(db => db.Set<StaffConflict>().AnyAsync(c => c.StaffMemberId == iro.Id)));
    }

    /// <summary>A looked-after child with an IRO and a social worker in a team, and an IRO manager to sign in as.</summary>
    [Fact]
    public async Task A_new_child_cannot_be_given_an_iro_who_manages_the_social_workers_team()
    {
        var (manager, _, worker) = await AChildAsync("new-child");
        var teamLead = await app.AStaffMemberAsync("Nell Newcase", StaffRole.Iro);
        var team = await app.QueryDbAsync(db => db.Teams.AsNoTracking().SingleAsync(t => t.Id == worker.TeamId));
        await DeclareAsync(teamLead, ConflictKind.ManagesCase, team: team);
        using var client = await app.SignedInClientAsync(manager);

        using var response = await app.SubmitFormAsync(client, "/children/new", new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Noor",
            ["Input.FamilyName"] = "Conflicted",
            ["Input.Sex"] = "F",
            ["Input.LegalStatus"] = "C2",
            ["Input.PlacementType"] = "U4",
            ["Input.CategoryOfNeed"] = "N1",
            ["Input.SocialWorkerId"] = worker.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.IroId"] = teamLead.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.DateOfBirth.Day"] = "3",
            ["Input.DateOfBirth.Month"] = "4",
            ["Input.DateOfBirth.Year"] = "2015",
            ["Input.StartedOn.Day"] = "16",
            ["Input.StartedOn.Month"] = "11",
            ["Input.StartedOn.Year"] = "2026",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-IroId",
            $"Nell Newcase cannot be this child's IRO: they manage the cases of {team.Name} (declared 2 November 2026)");
        Assert.False(await app.QueryDbAsync(db => db.Children.AnyAsync(c => c.FamilyName == "Conflicted")));
        Assert.Contains(await AuditAsync(AuditAction.AllocationConflictRefused), e => e.ChildId == null && e.Details!.StartsWith($"iro:{teamLead.Id};new-child:", StringComparison.Ordinal));
    }

    private async Task<(string Manager, Child Child, StaffMember Worker)> AChildAsync(string name)
    {
        var team = await app.ATeamAsync($"Team {name} {Guid.NewGuid():N}");
        var iro = await app.AStaffMemberAsync($"Ira {name}", StaffRole.Iro);
        var worker = await app.AStaffMemberAsync($"Sam {name}", StaffRole.SocialWorker, team);
        var manager = $"irom-conflicts-{name}";
        await app.AUserAsync(manager, Roles.IroManager, await app.AStaffMemberAsync($"Mara {name}", StaffRole.IroManager));
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, worker, givenName: "Casey", familyName: name);
        return (manager, child, worker);
    }

    private Task<int> DeclareAsync(StaffMember iro, ConflictKind kind, int? childId = null, Team? team = null) =>
        app.QueryDbAsync(async db =>
        {
            var staff = await db.StaffMembers.SingleAsync(s => s.Id == iro.Id);
            var withTeam = team is null ? null : await db.Teams.SingleAsync(t => t.Id == team.Id);
            var conflict = new StaffConflict(staff, childId, withTeam, kind, "Declared in a supervision", new DateOnly(2026, 11, 2), "Test", app.Today);
            db.Add(conflict);
            await db.SaveChangesAsync();
            return conflict.Id;
        });

    private async Task<Dictionary<string, string>> FormAsync(Child child, StaffMember iro)
    {
        var saved = await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => new { c.Version, c.SocialWorkerId }).SingleAsync());
        return new Dictionary<string, string>
        {
            ["Input.Version"] = saved.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.IroId"] = iro.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.SocialWorkerId"] = saved.SocialWorkerId!.Value.ToString(CultureInfo.InvariantCulture),
            ["Input.From.Day"] = "20",
            ["Input.From.Month"] = "11",
            ["Input.From.Year"] = "2026",
        };
    }

    private Task<List<AuditEvent>> AuditAsync(AuditAction action) =>
        app.QueryDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).ToListAsync());
}
