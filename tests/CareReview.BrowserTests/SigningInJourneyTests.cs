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
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The user name or password is not right");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task Two_minutes_before_an_idle_sign_in_ends_a_warning_offers_to_stay_signed_in()
    {
        var page = await app.NewPageAsync();
        await page.Clock.InstallAsync();
        await Journeys.SignInAsync(page, DemoAccounts.Iro);
        var warning = page.GetByRole(AriaRole.Dialog, new PageGetByRoleOptions { Name = "You are about to be signed out" });
        await Expect(warning).ToBeHiddenAsync();

        // The browser's clock only: the app's session is renewed by the button's request, as it would be.
        await page.Clock.FastForwardAsync("28:30");
        await Expect(warning).ToBeVisibleAsync();
        await Expect(warning).ToContainTextAsync("we will sign you out in 2 minutes");
        await Accessibility.AssertNoViolationsAsync(page);

        var renewed = page.WaitForResponseAsync(r => r.Url.EndsWith("/sign-in/stay", StringComparison.Ordinal) && r.Status == 204);
        await warning.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Stay signed in" }).ClickAsync();
        await renewed;
        await Expect(warning).ToBeHiddenAsync();

        // Left alone for the whole idle time after that, the page goes to the sign-in page, which says why.
        await page.Clock.FastForwardAsync("30:00");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in\\?signedOut=true"));
        await Expect(page.GetByText("You have been signed out")).ToBeVisibleAsync();
    }
}
