using System.Text.RegularExpressions;
using CareReview.Domain;
using CareReview.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class CaseloadJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_IRO_signs_in_to_their_caseload_and_opens_a_child_to_see_when_the_next_review_is_due()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await Accessibility.AssertNoViolationsAsync(page);

        await Journeys.SignInAsync(page, DemoAccounts.Iro);

        await Expect(page).ToHaveURLAsync(new Regex("/caseload$"));
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("My caseload");
        await Expect(page.Locator("header [data-testid=demonstration-day]")).ToHaveTextAsync(
            new Regex($@"^\s*Demonstration:\s+today is {Regex.Escape(GovukDate.Format(app.Today))}\s*$"));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.Locator("table tbody tr").First.Locator("a[href*='/children/']").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/children/\d+$", RegexOptions.IgnoreCase));
        var main = page.Locator("main");
        await Expect(main).ToContainTextAsync("Next review due");
        await Expect(main).ToContainTextAsync(Journeys.GovukDate());
        await Expect(main).ToContainTextAsync("CPPCR 2010 reg");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_social_worker_asking_for_a_child_not_allocated_to_them_is_told_the_page_is_not_found()
    {
        var someoneElsesChild = await app.QueryDbAsync(async db =>
        {
            var staffId = await db.Users.Where(u => u.UserName == DemoAccounts.SocialWorker).Select(u => u.StaffMemberId).SingleAsync();
            return await db.Children.Where(c => c.SocialWorkerId != staffId).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        });
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, DemoAccounts.SocialWorker);

        var response = await page.GotoAsync($"/children/{someoneElsesChild}");

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Page not found");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
