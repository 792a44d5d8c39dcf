using System.Text.RegularExpressions;
using CareReview.Web.Features.Demo;
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
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/sign-in"));
    }
}
