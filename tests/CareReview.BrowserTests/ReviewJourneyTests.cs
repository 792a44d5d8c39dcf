using CareReview.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ReviewJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_IRO_records_a_review_a_social_worker_completes_a_recommendation_and_the_overdue_one_follows_the_child()
    {
        var today = app.Today;
        var heldOn = DemoPromises.ReviewJourneyHeldOn(today);
        // One of the demo IRO's children, looked after with no review arranged, none held in the last month, and the
        // next not overdue: a review arranged tomorrow for an overdue child would need a reason for the lateness.
        var childId = await app.QueryDbAsync(async db =>
        {
            var iro = await db.Users.Where(u => u.UserName == DemoAccounts.Iro).Select(u => u.StaffMemberId!.Value).SingleAsync();
            var candidates = await db.Children.Where(c => c.IroId == iro).Include(c => c.Episodes).Include(c => c.Reviews).ToListAsync();
            return candidates.Where(c => DemoPromises.FitsReviewJourney(c, iro, today)).OrderBy(c => c.Id).First().Id;
        });
        var socialWorker = await app.QueryDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.SocialWorker)
            .Join(db.StaffMembers, u => u.StaffMemberId, s => s.Id, (u, s) => s.Name).SingleAsync());

        // The IRO arranges the review and records it.
        var iro = await app.NewPageAsync();
        await Journeys.SignInAsync(iro, DemoAccounts.Iro);
        await iro.GotoAsync($"/children/{childId}");
        await iro.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Arrange the next review" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(iro);
        await Journeys.FillDateAsync(iro, "Date of the review", today.AddDays(1));
        await iro.GetByLabel("Where").FillAsync("Foster home");
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save the arrangements" }).ClickAsync();
        await Expect(iro.Locator("main")).ToContainTextAsync("Before the review");
        await Accessibility.AssertNoViolationsAsync(iro);

        await iro.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Record the review" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(iro);
        await Journeys.FillDateAsync(iro, "Date the review was held", heldOn);
        await iro.GetByLabel("PN1 – Attended and spoke for themselves").CheckAsync();
        var stillOpen = iro.Locator("[data-testid=open-recommendation]");
        for (var i = 0; i < await stillOpen.CountAsync(); i++)
        {
            await stillOpen.Nth(i).GetByLabel("Done", new LocatorGetByLabelOptions { Exact = true }).CheckAsync();
        }

        await FillRecommendationAsync(iro, 0, "Arrange a PEP meeting with the designated teacher", "Alex Morgan", "Virtual school head", heldOn.AddDays(14), "PEP minutes to the IRO");
        await FillRecommendationAsync(iro, 1, "Refer to the advocacy service", null, null, today.AddDays(30), "Advocate confirms the first visit");
        await iro.GetByLabel("Who will do it").Nth(1).SelectOptionAsync(new SelectOptionValue { Label = await OptionLabelAsync(iro, socialWorker) });
        await FillRecommendationAsync(iro, 2, "Book a dental check-up", "Sam Carer", "Foster carer", today.AddDays(40), "Carer tells the social worker");
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save the review record" }).ClickAsync();

        await Expect(iro.Locator(".govuk-notification-banner")).ToContainTextAsync("Review recorded");
        await Expect(iro.Locator("[data-testid=recommendations]")).ToContainTextAsync("Refer to the advocacy service");
        await Expect(iro.Locator("[data-testid=letter]")).ToContainTextAsync("Dear ");
        await Accessibility.AssertNoViolationsAsync(iro);

        // The social worker finds it on their work list and records it as done.
        var sw = await app.NewPageAsync();
        await Journeys.SignInAsync(sw, DemoAccounts.SocialWorker);
        await sw.GotoAsync("/work");
        await Accessibility.AssertNoViolationsAsync(sw);
        await sw.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Refer to the advocacy service", Exact = true }).ClickAsync();
        await sw.GetByLabel("What has been done").FillAsync("Referral accepted; first visit booked");
        await sw.GetByLabel("Yes, it is done").CheckAsync();
        await sw.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save" }).ClickAsync();
        await Expect(sw.Locator("[data-testid=status]")).ToContainTextAsync("Done on");
        await Accessibility.AssertNoViolationsAsync(sw);

        // The PEP meeting, due a week ago, is overdue on the IRO's caseload and on the next review's agenda.
        await iro.GotoAsync("/caseload?Show=recommendations-overdue");
        await Expect(iro.Locator($"[data-testid=recommendations-{childId}]")).ToContainTextAsync("1 overdue");
        await iro.GotoAsync($"/children/{childId}");
        await iro.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Arrange the next review" }).ClickAsync();
        await Journeys.FillDateAsync(iro, "Date of the review", today.AddDays(20));
        await iro.GetByLabel("Where").FillAsync("School");
        await iro.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Save the arrangements" }).ClickAsync();
        var agenda = iro.Locator("[data-testid=recommendations]");
        await Expect(agenda).ToContainTextAsync("Arrange a PEP meeting with the designated teacher");
        await Expect(agenda.Locator("tr", new LocatorLocatorOptions { HasText = "PEP meeting" })).ToContainTextAsync("Overdue");
        await Expect(agenda.Locator("tr", new LocatorLocatorOptions { HasText = "advocacy" })).ToContainTextAsync("Done");
    }

    private static async Task FillRecommendationAsync(IPage page, int row, string what, string? name, string? role, DateOnly dueOn, string monitoring)
    {
        var fieldset = page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = $"Recommendation {row + 1}", Exact = true });
        await fieldset.GetByLabel("What will be done").FillAsync(what);
        if (name is not null)
        {
            await fieldset.GetByLabel("Name (if someone else)").FillAsync(name);
            await fieldset.GetByLabel("Their role").FillAsync(role!);
        }

        var date = fieldset.GetByRole(AriaRole.Group, new LocatorGetByRoleOptions { Name = "Date it must be done by" });
        await Journeys.FillDateAsync(date, dueOn);
        await fieldset.GetByLabel("How the IRO will know it has been done").FillAsync(monitoring);
    }

    private static async Task<string> OptionLabelAsync(IPage page, string staffName)
    {
        var options = await page.GetByLabel("Who will do it").First.Locator("option").AllTextContentsAsync();
        return options.First(o => o.StartsWith(staffName, StringComparison.Ordinal));
    }
}
