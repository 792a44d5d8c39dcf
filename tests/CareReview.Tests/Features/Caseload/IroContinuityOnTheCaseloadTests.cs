using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Caseload;

/// <summary>
/// Changes of IRO (IroContinuity) on the caseload: per child in the current period of care, and per IRO the
/// number of their children with two or more; and the IRO manager's way to the conflicts page.
/// </summary>
public sealed class IroContinuityOnTheCaseloadTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_iro_sees_each_childs_changes_of_iro_and_the_manager_sees_how_many_of_each_iros_children_had_two_or_more()
    {
        var me = await app.AStaffMemberAsync("Cora Continuity", StaffRole.Iro);
        var other = await app.AStaffMemberAsync("Olly Interim", StaffRole.Iro);
        var worker = await app.AStaffMemberAsync("Wyn Worker", StaffRole.SocialWorker);
        await app.AUserAsync("iro-continuity", Roles.Iro, me);
        await app.AUserAsync("irom-continuity", Roles.IroManager, await app.AStaffMemberAsync("Max Continuity", StaffRole.IroManager));
        var steady = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), me, worker, givenName: "Steady", familyName: "Same");
        var moved = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), me, worker, givenName: "Moved", familyName: "Twice");
        var once = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 5, 1), other, worker, givenName: "Moved", familyName: "Once");

        // Away to the interim IRO and back is two changes; a change of social worker alone is none.
        await ReallocateAsync(moved, (other, new DateOnly(2026, 6, 1)), (me, new DateOnly(2026, 7, 1)));
        await ReallocateAsync(once, (me, new DateOnly(2026, 8, 1)));
        await app.ExecuteDbAsync(async db =>
        {
            var child = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == steady.Id);
            var newWorker = new StaffMember("Nia Newworker", StaffRole.SocialWorker);
            db.StaffMembers.Add(newWorker);
            child.Allocate(child.Iro, newWorker, new DateOnly(2026, 9, 1), Rulebook.National, new DateOnly(2026, 9, 1));
        });
        using var iro = await app.SignedInClientAsync("iro-continuity");
        using var manager = await app.SignedInClientAsync("irom-continuity");

        var mine = await iro.GetPageAsync("/caseload");
        var all = await manager.GetPageAsync("/caseload");

        Assert.Contains("Changes of IRO</th>", mine, StringComparison.Ordinal);
        Assert.Equal("0", CellText(mine, $"iro-changes-{steady.Id}"));
        Assert.Equal("2", CellText(mine, $"iro-changes-{moved.Id}"));
        Assert.Equal("1", CellText(mine, $"iro-changes-{once.Id}"));
        Assert.Equal("1", CellText(all, $"many-iro-changes-{me.Id}"));
        Assert.Equal("0", CellText(all, $"many-iro-changes-{other.Id}"));
    }

    [Fact]
    public async Task The_iro_manager_has_the_conflicts_page_in_the_navigation_and_an_iro_does_not()
    {
        await app.AUserAsync("irom-nav", Roles.IroManager, await app.AStaffMemberAsync("Nat Nav", StaffRole.IroManager));
        await app.AUserAsync("iro-nav", Roles.Iro, await app.AStaffMemberAsync("Ned Nav", StaffRole.Iro));
        using var manager = await app.SignedInClientAsync("irom-nav");
        using var iro = await app.SignedInClientAsync("iro-nav");

        var managersPage = await manager.GetPageAsync("/caseload/conflicts");
        var irosPage = await iro.GetPageAsync("/caseload");

        Assert.Contains("<li class=\"govuk-service-navigation__item govuk-service-navigation__item--active\"><a class=\"govuk-service-navigation__link\" href=\"/caseload/conflicts\">Conflicts of interest</a></li>",
            managersPage, StringComparison.Ordinal);
        Assert.Contains("<li class=\"govuk-service-navigation__item \"><a class=\"govuk-service-navigation__link\" href=\"/caseload\">Children</a></li>",
            managersPage, StringComparison.Ordinal);
        Assert.DoesNotContain("/caseload/conflicts", irosPage, StringComparison.Ordinal);
    }

    private Task ReallocateAsync(Child child, params (StaffMember Iro, DateOnly From)[] changes) =>
        app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().Include(c => c.SocialWorker).SingleAsync(c => c.Id == child.Id);
            foreach (var (iro, from) in changes)
            {
                loaded.Allocate(await db.StaffMembers.SingleAsync(s => s.Id == iro.Id), loaded.SocialWorker, from, Rulebook.National, from);
            }
        });

    private static string CellText(string html, string testId)
    {
        var at = html.IndexOf($"data-testid=\"{testId}\">", StringComparison.Ordinal);
        Assert.True(at >= 0, $"No cell {testId}");
        var start = html.IndexOf('>', at) + 1;
        return html[start..html.IndexOf('<', start)].Trim();
    }
}
