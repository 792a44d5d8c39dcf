using System.Text;
using System.Text.RegularExpressions;
using CareReview.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

/// <summary>The IRO manager checks the audit log has not been changed and downloads a month of it (ADR-0023).</summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_IRO_manager_checks_the_log_is_intact_and_downloads_a_month_of_it()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, DemoAccounts.IroManager);
        await page.GotoAsync("/audit");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Audit log");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "check the audit log has not been changed" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/audit/chain$"));
        await Expect(page.GetByTestId("chain-intact")).ToContainTextAsync(new Regex(@"Audit log intact: [\d,]+ rows"));
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/audit");
        await Journeys.FillDateAsync(page, "From", app.Today);
        await Journeys.FillDateAsync(page, "To", app.Today.AddDays(-1));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Download as CSV" }).ClickAsync();
        await Expect(page.Locator("#To-error")).ToContainTextAsync("The end date must be the same as or after the start date");
        await Accessibility.AssertNoViolationsAsync(page);

        await Journeys.FillDateAsync(page, "From", app.Today.AddMonths(-1));
        await Journeys.FillDateAsync(page, "To", app.Today);
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Download as CSV" }).ClickAsync());
        Assert.Equal($"audit-log-{app.Today.AddMonths(-1):yyyy-MM-dd}-to-{app.Today:yyyy-MM-dd}.csv", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync((await download.PathAsync())!, Encoding.UTF8);
        Assert.StartsWith("id,occurred_at_utc,user_id,user_name,action,child_id,details,sequence,previous_hash,hash\r\n", text, StringComparison.Ordinal);
        Assert.Contains(",SignedIn,", text, StringComparison.Ordinal);
    }
}
