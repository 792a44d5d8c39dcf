using System.Globalization;
using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Children;

/// <summary>The IRO manager changes a child's IRO; a team manager changes the social worker within their team.</summary>
public sealed class ChangingAllocationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_new_social_worker_is_kept_in_the_history_and_now_sees_the_child()
    {
        var team = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        var iro = await app.AStaffMemberAsync("Ivy Alloc", StaffRole.Iro);
        var first = await app.AStaffMemberAsync("Fred First", StaffRole.SocialWorker, team);
        var second = await app.AStaffMemberAsync("Sadie Second", StaffRole.SocialWorker, team);
        var manager = await app.AStaffMemberAsync("Tina Team", StaffRole.TeamManager, team);
        await app.AUserAsync("tm-reallocates", Roles.TeamManager, manager);
        await app.AUserAsync("sw-second", Roles.SocialWorker, second);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), iro, first);
        using var tm = await app.SignedInClientAsync("tm-reallocates");
        using var sw = await app.SignedInClientAsync("sw-second");
        Assert.Equal(HttpStatusCode.NotFound, await sw.StatusOfAsync($"/children/{child.Id}"));

        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = child.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.SocialWorkerId"] = second.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.From.Day"] = "16",
            ["Input.From.Month"] = "11",
            ["Input.From.Year"] = "2026",
        };
        using var response = await app.SubmitFormAsync(tm, $"/children/{child.Id}/allocation", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.QueryDbAsync(db => db.Children.Include(c => c.Allocations).AsNoTracking().SingleAsync(c => c.Id == child.Id));
        Assert.Equal(second.Id, after.SocialWorkerId);
        Assert.Equal(iro.Id, after.IroId);
        Assert.Contains(after.Allocations, a => a.SocialWorkerName == "Sadie Second" && a.From == new DateOnly(2026, 11, 16));
        var page = await sw.GetPageAsync($"/children/{child.Id}");
        Assert.Contains("Fred First", page, StringComparison.Ordinal);
        Assert.Contains("16 November 2026", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_iro_manager_changes_the_iro()
    {
        var team = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        var iro = await app.AStaffMemberAsync("Ian Before", StaffRole.Iro);
        var newIro = await app.AStaffMemberAsync("Ines After", StaffRole.Iro);
        var worker = await app.AStaffMemberAsync("Wes Worker", StaffRole.SocialWorker, team);
        var manager = await app.AStaffMemberAsync("Tom Team", StaffRole.TeamManager, team);
        await app.AUserAsync("tm-not-iro", Roles.TeamManager, manager);
        await app.AUserAsync("irom-allocates", Roles.IroManager, await app.AStaffMemberAsync("Mia Manager", StaffRole.IroManager));
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), iro, worker);

        Dictionary<string, string> Form(long version) => new()
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.IroId"] = newIro.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.SocialWorkerId"] = worker.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.From.Day"] = "20",
            ["Input.From.Month"] = "11",
            ["Input.From.Year"] = "2026",
        };

        using (var tm = await app.SignedInClientAsync("tm-not-iro"))
        using (var ignored = await app.SubmitFormAsync(tm, $"/children/{child.Id}/allocation", Form(child.Version)))
        {
            Assert.Equal(iro.Id, await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => c.IroId).SingleAsync()));
        }

        var version = await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => c.Version).SingleAsync());
        using var irom = await app.SignedInClientAsync("irom-allocates");
        using var changed = await app.SubmitFormAsync(irom, $"/children/{child.Id}/allocation", Form(version));

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(newIro.Id, await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => c.IroId).SingleAsync()));
    }
}
