using System.Globalization;
using System.Text.RegularExpressions;
using CareReview.Tests.Shared;
using CareReview.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

/// <summary>Steps that many journeys share.</summary>
public static partial class Journeys
{
    /// <summary>A date as GOV.UK writes it: 5 January 2027.</summary>
    [GeneratedRegex(@"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")]
    public static partial Regex GovukDate();

    /// <summary>Signs in through the sign-in page as a person would, by the fields' labels.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = DemoOptions.Password)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByLabel("User name", new PageGetByLabelOptions { Exact = true }).FillAsync(userName);
        await page.GetByLabel("Password", new PageGetByLabelOptions { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/sign-in"));
    }

    /// <summary>
    /// Signs in with the council's button, through the test provider's own login page when the browser is not signed in
    /// there already. Where they land is for the test to say.
    /// </summary>
    public static async Task SignInWithCouncilAsync(IPage page, OidcUser person, bool providerAsksToSignIn = true)
    {
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = $"Sign in with {CouncilSignIn.CouncilName}" }).ClickAsync();
        if (providerAsksToSignIn)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "Sign in to the test council" })).ToBeVisibleAsync();
            await page.GetByLabel("Email address").FillAsync(person.Email);
            await page.GetByLabel("Password").FillAsync(person.Password);
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in", Exact = true }).ClickAsync();
        }
    }

    /// <summary>Fills a GOV.UK date input, found by its fieldset's legend.</summary>
    public static Task FillDateAsync(IPage page, string legend, DateOnly date) =>
        FillDateAsync(page.GetByRole(AriaRole.Group, new PageGetByRoleOptions { Name = legend }), date);

    /// <summary>Fills the day, month and year of a GOV.UK date input inside a fieldset.</summary>
    public static async Task FillDateAsync(ILocator group, DateOnly date)
    {
        await group.GetByLabel("Day").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await group.GetByLabel("Year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
