using System.Text.RegularExpressions;
using CareReview.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SigningInJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_sign_in_page_is_accessible_and_lists_the_demo_accounts()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/sign-in");

        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Sign in to Care Review");
        await Expect(page.GetByText(DemoAccounts.Iro, new PageGetByTextOptions { Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_wrong_password_shows_an_accessible_error()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User name", new PageGetByLabelOptions { Exact = true }).FillAsync(DemoAccounts.TeamManager);
        await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync("Not-the-password-1");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The user name or password is not right");
        await Accessibility.AssertNoViolationsAsync(page);
    }
}
