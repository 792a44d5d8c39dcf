using System.Net;
using CareReview.Domain.Children;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Caseload;

/// <summary>
/// The child's social worker or the IRO manager links brothers and sisters in care, so that they are offered
/// the same IRO; anyone else is answered "Page not found", and every link, unlink and refusal is audited.
/// </summary>
public sealed class LinkingSiblingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_social_worker_links_a_brother_and_unlinks_him_and_both_are_audited()
    {
        var (worker, iro, _) = await StaffAsync("link");
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, worker, givenName: "Lia", familyName: "Link");
        var brother = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, worker, givenName: "Leo", familyName: "Link");
        using var client = await app.SignedInClientAsync(WorkerUser("link"));
        var page = await client.GetPageAsync($"/children/{child.Id}/siblings");
        Assert.Contains("Lia is not linked to any brothers or sisters", page, StringComparison.Ordinal);

        using (var linked = await app.SubmitFormAsync(client, $"/children/{child.Id}/siblings", new Dictionary<string, string>
        {
            ["Input.Version"] = AppFactory.HiddenValueIn(page, "Input.Version"),
            ["Input.LocalId"] = brother.LocalId,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        }

        var groups = await GroupsAsync(child, brother);
        Assert.NotNull(groups[0]);
        Assert.Equal(groups[0], groups[1]);
        Assert.Contains(await AuditAsync(AuditAction.SiblingLinked), e => e.ChildId == child.Id && e.Details == $"sibling:{brother.Id};group:{groups[0]}");
        page = await client.GetPageAsync($"/children/{child.Id}/siblings");
        Assert.Contains("Leo Link", page, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(AuditAction.SiblingsViewed), e => e.ChildId == child.Id && e.Details == "linked:1");

        using (var unlinked = await app.SubmitFormAsync(client, $"/children/{child.Id}/siblings?handler=Unlink", new Dictionary<string, string>
        {
            ["Input.Version"] = AppFactory.HiddenValueIn(page, "Input.Version"),
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, unlinked.StatusCode);
        }

        var after = await GroupsAsync(child, brother);
        Assert.Null(after[0]);
        Assert.Equal(groups[1], after[1]);
        Assert.Contains(await AuditAsync(AuditAction.SiblingUnlinked), e => e.ChildId == child.Id && e.Details == $"group:{groups[0]}");
    }

    [Fact]
    public async Task Linking_into_a_family_brings_the_childs_own_siblings_along()
    {
        var (worker, iro, _) = await StaffAsync("merge");
        var a = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, worker, givenName: "Ada", familyName: "Merge");
        var b = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, worker, givenName: "Ben", familyName: "Merge");
        var c = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, worker, givenName: "Cal", familyName: "Merge");
        using var client = await app.SignedInClientAsync(WorkerUser("merge"));
        await LinkAsync(client, a, b);

        await LinkAsync(client, c, a);

        var groups = await GroupsAsync(a, b, c);
        Assert.NotNull(groups[0]);
        Assert.All(groups, g => Assert.Equal(groups[0], g));
    }

    [Fact]
    public async Task A_child_the_user_does_not_work_with_cannot_be_found_to_link()
    {
        var (worker, iro, _) = await StaffAsync("hidden");
        var otherWorker = await app.AStaffMemberAsync("Ollie Otherworker", StaffRole.SocialWorker);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, worker, givenName: "Hal", familyName: "Hidden");
        var stranger = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, otherWorker, givenName: "Sid", familyName: "Stranger");
        using var client = await app.SignedInClientAsync(WorkerUser("hidden"));
        var page = await client.GetPageAsync($"/children/{child.Id}/siblings");

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/siblings", new Dictionary<string, string>
        {
            ["Input.Version"] = AppFactory.HiddenValueIn(page, "Input.Version"),
            ["Input.LocalId"] = stranger.LocalId,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Pages.AssertFieldError(html, "Input-LocalId", "No child you can see has that reference");
        Assert.DoesNotContain("Sid Stranger", html, StringComparison.Ordinal);
        Assert.All(await GroupsAsync(child, stranger), Assert.Null);
    }

    [Fact]
    public async Task The_iro_manager_sees_a_linked_sibling_and_the_allocation_page_then_offers_the_siblings_iro()
    {
        var (worker, iro, _) = await StaffAsync("manager");
        var otherIro = await app.AStaffMemberAsync("Ozzy Otheriro", StaffRole.Iro);
        await app.AUserAsync("irom-links", Roles.IroManager, await app.AStaffMemberAsync("Mo Links", StaffRole.IroManager));
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), otherIro, worker, givenName: "Mae", familyName: "Manager");
        var sister = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, worker, givenName: "Sue", familyName: "Manager");
        using var client = await app.SignedInClientAsync("irom-links");

        await LinkAsync(client, child, sister);

        var allocation = await client.GetPageAsync($"/children/{child.Id}/allocation");
        Assert.Contains($"<option value=\"{iro.Id}\" selected>", allocation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_social_worker_is_answered_not_found_and_it_is_audited()
    {
        var (worker, iro, _) = await StaffAsync("refused-sw");
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, worker, givenName: "Rae", familyName: "Refused");
        var other = await app.AStaffMemberAsync("Nina Notmine", StaffRole.SocialWorker);
        await app.AUserAsync("sw-not-mine", Roles.SocialWorker, other);
        using var client = await app.SignedInClientAsync("sw-not-mine");

        using var response = await client.GetAsync(new Uri($"/children/{child.Id}/siblings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(AuditAction.AccessRefused), e => e.UserName == "sw-not-mine" && e.Details == $"child:{child.Id}");
    }

    [Theory]
    [InlineData(Roles.TeamManager, StaffRole.TeamManager)]
    [InlineData(Roles.Iro, StaffRole.Iro)]
    public async Task Someone_who_sees_the_child_but_may_not_link_is_answered_not_found_and_it_is_audited(string role, StaffRole staffRole)
    {
        var (worker, iro, team) = await StaffAsync($"refused-{role}");
        var userName = $"siblings-{role}";
        var viewer = staffRole == StaffRole.Iro ? iro : await app.AStaffMemberAsync($"Tam {role}", staffRole, team);
        await app.AUserAsync(userName, role, viewer);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), iro, worker, givenName: "Vic", familyName: "Viewable");
        using var client = await app.SignedInClientAsync(userName);
        await client.GetPageAsync($"/children/{child.Id}");

        using var response = await client.GetAsync(new Uri($"/children/{child.Id}/siblings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(await AuditAsync(AuditAction.AccessRefused), e => e.UserName == userName && e.ChildId == child.Id && e.Details == "page:siblings");
    }

    /// <summary>A social worker in a team, who signs in as <c>sw-siblings-{name}</c>, and an IRO.</summary>
    private async Task<(StaffMember Worker, StaffMember Iro, Team Team)> StaffAsync(string name)
    {
        var team = await app.ATeamAsync($"Team {name} {Guid.NewGuid():N}");
        var worker = await app.AStaffMemberAsync($"Sol {name}", StaffRole.SocialWorker, team);
        await app.AUserAsync(WorkerUser(name), Roles.SocialWorker, worker);
        return (worker, await app.AStaffMemberAsync($"Ivo {name}", StaffRole.Iro), team);
    }

    private static string WorkerUser(string name) => $"sw-siblings-{name}";

    private async Task LinkAsync(HttpClient client, Child child, Child sibling)
    {
        var page = await client.GetPageAsync($"/children/{child.Id}/siblings");
        using var linked = await app.SubmitFormAsync(client, $"/children/{child.Id}/siblings", new Dictionary<string, string>
        {
            ["Input.Version"] = AppFactory.HiddenValueIn(page, "Input.Version"),
            ["Input.LocalId"] = sibling.LocalId,
        });
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
    }

    private Task<List<int?>> GroupsAsync(params Child[] children) =>
        app.QueryDbAsync(async db =>
        {
            var ids = children.Select(c => c.Id).ToList();
            var groups = await db.Children.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.SiblingGroupId);
            return ids.Select(id => groups[id]).ToList();
        });

    private Task<List<AuditEvent>> AuditAsync(AuditAction action) =>
        app.QueryDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).ToListAsync());
}
