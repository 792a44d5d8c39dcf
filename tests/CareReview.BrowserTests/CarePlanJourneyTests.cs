using CareReview.Domain.Deadlines;
using CareReview.Web.Demo;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CarePlanJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task A_social_worker_changes_the_plan_the_IRO_sees_it_flagged_and_an_overdue_visit_is_done_on_the_compliance_view()
    {
        var today = app.Today;

        // One of the demo social worker's children with a care plan, no plan change awaiting review, and a
        // visit overdue (a promise the demo keeps on any day); made one of the demo IRO's children too, as a
        // manager would reallocate it.
        var child = await app.QueryDbAsync(async db =>
        {
            var swId = await db.Users.Where(u => u.UserName == DemoAccounts.SocialWorker).Select(u => u.StaffMemberId!.Value).SingleAsync();
            var iroId = await db.Users.Where(u => u.UserName == DemoAccounts.Iro).Select(u => u.StaffMemberId).SingleAsync();
            var iroStaff = await db.StaffMembers.SingleAsync(s => s.Id == iroId);
            var candidates = await db.Children.WithDeadlineFacts().Include(c => c.SocialWorker).Where(c => c.SocialWorkerId == swId).ToListAsync();
            var chosen = candidates.Where(c => DemoPromises.FitsCarePlanJourney(c, swId, today))
                .OrderBy(c => c.IroId == iroId ? 0 : 1).ThenBy(c => c.Id)
                .First();
            if (chosen.IroId != iroId)
            {
                chosen.Allocate(iroStaff, chosen.SocialWorker, today, Rulebook.National, today);
                chosen.RecalculateDeadlines(today, Rulebook.National);
                await db.SaveChangesAsync();
            }

            return new { chosen.Id, chosen.GivenName, Name = chosen.FullName };
        });

        // The social worker changes contact in the care plan: a significant change.
        var sw = await app.NewPageAsync();
        await Journeys.SignInAsync(sw, DemoAccounts.SocialWorker);
        await sw.GotoAsync($"/children/{child.Id}");
        await Accessibility.AssertNoViolationsAsync(sw);
        await sw.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = $"View the care plan for {child.Name}" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(sw);
        await sw.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Change the care plan" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(sw);
        await sw.GetByLabel("Contact with family and friends").FillAsync("Supervised contact with Mum at the family centre, once a fortnight.");
        await sw.GetByLabel("What changed and why (optional)").FillAsync("Contact reduced after the last two sessions");
        await sw.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save a new version" }).ClickAsync();
        await Expect(sw.Locator(".govuk-notification-banner")).ToContainTextAsync("a review should consider it");
        await Expect(sw.Locator("[data-testid=plan-change-flag]")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(sw);

        // The IRO sees the change flagged on the caseload, and compares the two versions.
        var iro = await app.NewPageAsync();
        await Journeys.SignInAsync(iro, DemoAccounts.Iro);
        await iro.GotoAsync("/caseload?Show=plan-change");
        await Expect(iro.Locator($"[data-testid=plan-change-{child.Id}]")).ToContainTextAsync("needs review");
        await Accessibility.AssertNoViolationsAsync(iro);
        await iro.GotoAsync($"/children/{child.Id}/care-plan");
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Compare side by side" }).ClickAsync();
        await Expect(iro.Locator("[data-section=Contact]")).ToContainTextAsync("Changed");
        await Accessibility.AssertNoViolationsAsync(iro);

        // The compliance view shows the visit overdue; once the social worker records it, it is done.
        var manager = await app.NewPageAsync();
        await Journeys.SignInAsync(manager, DemoAccounts.IroManager);
        await manager.GotoAsync("/compliance?Item=Visit&State=Overdue");
        var row = manager.Locator($"[data-child='{child.Id}'] td[data-item=Visit]");
        await Expect(row).ToContainTextAsync("Overdue");
        await Accessibility.AssertNoViolationsAsync(manager);

        await sw.GotoAsync($"/children/{child.Id}");
        await sw.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Record a visit" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(sw);
        await sw.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = $"Did you see {child.GivenName}?", Exact = true }).GetByLabel("Yes").CheckAsync();
        await sw.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = $"Did you see {child.GivenName} alone?", Exact = true }).GetByLabel("Yes").CheckAsync();
        await sw.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save" }).ClickAsync();
        await Expect(sw.Locator(".govuk-notification-banner")).ToContainTextAsync("Social worker visit on");

        await manager.GotoAsync("/compliance?Item=Visit&State=Overdue");
        await Expect(manager.Locator($"[data-child='{child.Id}']")).ToHaveCountAsync(0);
        await manager.GotoAsync("/compliance?Item=Visit&State=Done");
        await Expect(manager.Locator($"[data-child='{child.Id}'] td[data-item=Visit]")).ToContainTextAsync("Done");
        await Accessibility.AssertNoViolationsAsync(manager);
    }
}
