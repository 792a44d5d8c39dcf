using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

/// <summary>
/// Signing in with the council's account (ADR-0031), through a real OpenID Connect provider the suite starts
/// (<see cref="CouncilSignIn"/>): the authorization code flow with PKCE, the provider's own login page, the way back
/// past the SameSite=Strict sign-in cookie and the content security policy, and signing out of the provider too.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CouncilSignInJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task An_iro_signs_in_with_the_council_lands_on_their_home_page_and_signs_out_of_the_council_too()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/sign-in");
        await Expect(page.GetByRole(AriaRole.Button).First).ToHaveTextAsync($"Sign in with {CouncilSignIn.CouncilName}");
        await Accessibility.AssertNoViolationsAsync(page);

        await Journeys.SignInWithCouncilAsync(page, CouncilSignIn.Iro);

        await Expect(page).ToHaveURLAsync(new Regex("/caseload$"));
        var menu = page.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Menu" });
        await Expect(menu.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "My caseload" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Sign-ins" })).ToHaveCountAsync(0);

        await menu.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Yes, sign me out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in$"));

        // Signed out of the provider too: the council's button asks for the password again.
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Sign in with {CouncilSignIn.CouncilName}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Sign in to the test council" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Someone_whose_groups_give_no_role_is_told_they_have_no_access()
    {
        var page = await app.NewPageAsync();

        await Journeys.SignInWithCouncilAsync(page, CouncilSignIn.Outsider);

        await Expect(page).ToHaveURLAsync(new Regex("/sign-in/no-access$"));
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("You do not have access to Care Review");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/sign-in"));
    }

    [Fact]
    public async Task A_new_iro_waits_until_the_iro_manager_signed_in_with_the_council_approves_them()
    {
        var newcomer = await app.NewPageAsync();
        await Journeys.SignInWithCouncilAsync(newcomer, CouncilSignIn.Newcomer);
        await Expect(newcomer).ToHaveURLAsync(new Regex("/sign-in/waiting$"));
        await Expect(newcomer.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Your sign-in is waiting for approval");
        await Accessibility.AssertNoViolationsAsync(newcomer);

        var manager = await app.NewPageAsync();
        await Journeys.SignInWithCouncilAsync(manager, CouncilSignIn.IroManager);
        await Expect(manager).ToHaveURLAsync(new Regex("/caseload$"));
        await manager.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Menu" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "Sign-ins" }).ClickAsync();
        var waiting = manager.GetByTestId("waiting");
        await Expect(waiting).ToContainTextAsync(CouncilSignIn.Newcomer.Email);
        await Expect(waiting).ToContainTextAsync("Independent reviewing officer");
        await Accessibility.AssertNoViolationsAsync(manager);

        await waiting.GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = $"Approve {CouncilSignIn.Newcomer.Name}" }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(manager);
        await manager.GetByLabel("Their staff record").SelectOptionAsync(new SelectOptionValue { Value = "new" });
        await manager.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{CouncilSignIn.Newcomer.Name} is approved");
        await Expect(manager.GetByTestId("none-waiting")).ToBeVisibleAsync();

        // Still signed in at the provider, the newcomer goes straight through this time.
        await Journeys.SignInWithCouncilAsync(newcomer, CouncilSignIn.Newcomer, providerAsksToSignIn: false);
        await Expect(newcomer).ToHaveURLAsync(new Regex("/caseload$"));
        await Expect(newcomer.GetByRole(AriaRole.Navigation, new PageGetByRoleOptions { Name = "Menu" })
            .GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { Name = "My caseload" })).ToBeVisibleAsync();
        await Expect(newcomer.GetByText($"Signed in as {CouncilSignIn.Newcomer.Name}")).ToBeVisibleAsync();
    }
}
