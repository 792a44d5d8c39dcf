using System.Globalization;
using System.Net;
using CareReview.Domain.Children;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Caseload;

/// <summary>
/// Brothers and sisters in care are offered the same IRO; the IRO manager may choose another only with a
/// reason, which is kept in the allocation history (statutory-rules.md §6.2).
/// </summary>
public sealed class AllocatingSiblingsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ReasonMessage = "Enter why this child should not have {0}, the IRO of their brothers and sisters in care";

    [Fact]
    public async Task The_allocation_page_offers_the_iro_of_a_looked_after_brother_or_sister()
    {
        var (manager, siblingsIro, _, child, _) = await SiblingsAsync("offer");
        using var client = await app.SignedInClientAsync(manager);

        var html = await client.GetPageAsync($"/children/{child.Id}/allocation");

        Assert.Contains("data-testid=\"siblings-iro\"", html, StringComparison.Ordinal);
        Assert.Contains($"<strong>{siblingsIro.Name}</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{siblingsIro.Id}\" selected>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sibling_who_has_left_care_is_not_offered()
    {
        var (manager, _, childsIro, child, sibling) = await SiblingsAsync("left");
        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == sibling.Id);
            loaded.CeaseToBeLookedAfter(new DateOnly(2026, 10, 15), ReasonEpisodeCeased.E4A, app.Today, app.Rules);
        });
        using var client = await app.SignedInClientAsync(manager);

        var html = await client.GetPageAsync($"/children/{child.Id}/allocation");

        Assert.DoesNotContain("data-testid=\"siblings-iro\"", html, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{childsIro.Id}\" selected>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_iro_without_a_reason_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var (manager, siblingsIro, childsIro, child, _) = await SiblingsAsync("no-reason");
        var other = await app.AStaffMemberAsync("Otto Other", StaffRole.Iro);
        using var client = await app.SignedInClientAsync(manager);

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/allocation", await FormAsync(child, other));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Pages.AssertFieldError(html, "Input-SiblingIroReason", string.Format(CultureInfo.InvariantCulture, ReasonMessage, siblingsIro.Name));
        var after = await app.QueryDbAsync(db => db.Children.Include(c => c.Allocations).AsNoTracking().SingleAsync(c => c.Id == child.Id));
        Assert.Equal(childsIro.Id, after.IroId);
        Assert.Single(after.Allocations);
        Assert.DoesNotContain(await AuditAsync(AuditAction.ChildReallocated), e => e.ChildId == child.Id);
    }

    [Fact]
    public async Task Another_iro_with_a_reason_is_saved_and_the_reason_is_kept_in_the_history()
    {
        var (manager, _, _, child, _) = await SiblingsAsync("reason");
        var other = await app.AStaffMemberAsync("Rhea Reasoned", StaffRole.Iro);
        using var client = await app.SignedInClientAsync(manager);
        var form = await FormAsync(child, other);
        form["Input.SiblingIroReason"] = "  Placed 200 miles away; the IRO for that area can attend in person.  ";

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/allocation", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.QueryDbAsync(db => db.Children.Include(c => c.Allocations).AsNoTracking().SingleAsync(c => c.Id == child.Id));
        Assert.Equal(other.Id, after.IroId);
        var latest = Assert.Single(after.Allocations, a => a.IroId == other.Id);
        Assert.Equal("Placed 200 miles away; the IRO for that area can attend in person.", latest.SiblingIroReason);
        Assert.Equal(new DateOnly(2026, 11, 20), latest.From);
        Assert.Contains(await AuditAsync(AuditAction.ChildReallocated), e => e.ChildId == child.Id && e.Details == $"iro:{other.Id};sw:{child.SocialWorkerId}");
        var page = await client.GetPageAsync($"/children/{child.Id}");
        Assert.Contains("Placed 200 miles away", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_siblings_iro_needs_no_reason()
    {
        var (manager, siblingsIro, _, child, _) = await SiblingsAsync("same");
        using var client = await app.SignedInClientAsync(manager);

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/allocation", await FormAsync(child, siblingsIro));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.QueryDbAsync(db => db.Children.Include(c => c.Allocations).AsNoTracking().SingleAsync(c => c.Id == child.Id));
        Assert.Equal(siblingsIro.Id, after.IroId);
        Assert.All(after.Allocations, a => Assert.Null(a.SiblingIroReason));
    }

    [Fact]
    public async Task Changing_only_the_social_worker_needs_no_reason_though_the_iro_differs_from_the_siblings()
    {
        var (manager, _, childsIro, child, _) = await SiblingsAsync("sw-only");
        var newWorker = await app.AStaffMemberAsync("Nell Newworker", StaffRole.SocialWorker);
        using var client = await app.SignedInClientAsync(manager);
        var form = await FormAsync(child, childsIro);
        form["Input.SocialWorkerId"] = newWorker.Id.ToString(CultureInfo.InvariantCulture);

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/allocation", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.QueryDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id));
        Assert.Equal((childsIro.Id, newWorker.Id), (after.IroId!.Value, after.SocialWorkerId!.Value));
    }

    /// <summary>
    /// A child with one IRO and a looked-after brother with another, linked as siblings, and an IRO manager
    /// who signs in as the returned user name.
    /// </summary>
    private async Task<(string Manager, StaffMember SiblingsIro, StaffMember ChildsIro, Child Child, Child Sibling)> SiblingsAsync(string name)
    {
        var siblingsIro = await app.AStaffMemberAsync($"Sibyl {name}", StaffRole.Iro);
        var childsIro = await app.AStaffMemberAsync($"Chad {name}", StaffRole.Iro);
        var worker = await app.AStaffMemberAsync($"Will {name}", StaffRole.SocialWorker);
        var manager = $"irom-siblings-{name}";
        await app.AUserAsync(manager, Roles.IroManager, await app.AStaffMemberAsync($"Mara {name}", StaffRole.IroManager));
        var sibling = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), siblingsIro, worker, givenName: "Brother", familyName: name);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), childsIro, worker, givenName: "Sister", familyName: name);
        await LinkAsync(child, sibling);
        return (manager, siblingsIro, childsIro, child, sibling);
    }

    private Task LinkAsync(params Child[] children) =>
        app.ExecuteDbAsync(async db =>
        {
            var group = new SiblingGroup();
            var ids = children.Select(c => c.Id).ToList();
            foreach (var child in await db.Children.Where(c => ids.Contains(c.Id)).ToListAsync())
            {
                child.JoinSiblingGroup(group);
            }
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
