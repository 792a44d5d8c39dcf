using System.Globalization;
using System.Text.RegularExpressions;
using CareReview.Domain;
using CareReview.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

/// <summary>The IRO manager opens the annual report for a year, drills into the reviews held late and downloads the PDF.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AnnualReportJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_IRO_manager_opens_the_year_drills_into_reviews_held_late_and_downloads_the_PDF()
    {
        // The financial year we are in, by the year it ends in; counted here from the reviews, not by the report.
        var today = app.Today;
        var financialYear = FinancialYear.Containing(today);
        var (year, from, to) = (financialYear.EndingYear, financialYear.Start, financialYear.End);
        var late = (await app.QueryDbAsync(db => db.Reviews.Where(r => r.HeldOn != null && r.HeldOn >= from && r.HeldOn <= to).ToListAsync()))
            .Where(r => DemoPromises.HeldLateThisYear(r, today)).Select(r => r.ChildId).ToList();
        Assert.NotEmpty(late);

        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, DemoAccounts.IroManager);
        await page.GotoAsync("/annual-report");
        await page.GetByLabel("Financial year").SelectOptionAsync(year.ToString(CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Show the report" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("IRO annual report");
        await Expect(page.GetByTestId("period")).ToHaveTextAsync($"{GovukDate.Format(from)} to {GovukDate.Format(to)}");
        await Expect(page.GetByRole(AriaRole.Img, new PageGetByRoleOptions { Name = "Reviews held on time and late" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        var lateLink = page.GetByTestId("reviews").GetByRole(AriaRole.Link, new LocatorGetByRoleOptions { NameRegex = new Regex("children behind held late$") });
        await Expect(lateLink).ToContainTextAsync(late.Count.ToString("N0", CultureInfo.GetCultureInfo("en-GB")));
        await lateLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/annual-report/children\\?figure=reviews-late"));
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync("held late");
        var children = late.Distinct().Count();
        await Expect(page.GetByTestId("count")).ToContainTextAsync($"{children} {(children == 1 ? "child" : "children")} behind this figure");
        await Expect(page.GetByTestId("children").Locator("tbody tr")).ToHaveCountAsync(children);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Back to the annual report" }).ClickAsync();
        await Expect(page.GetByTestId("period")).ToHaveTextAsync($"{GovukDate.Format(from)} to {GovukDate.Format(to)}");
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Download the report as a PDF" }).ClickAsync());
        Assert.Equal($"iro-annual-report-{from:yyyy-MM-dd}-to-{to:yyyy-MM-dd}.pdf", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(bytes.AsSpan().StartsWith("%PDF"u8), "The download is a PDF");
    }
}
