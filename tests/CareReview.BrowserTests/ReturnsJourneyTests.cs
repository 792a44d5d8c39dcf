using System.IO.Compression;
using CareReview.Web.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

/// <summary>
/// The IRO manager checks the DfE return, downloads it, and checks those same files on the import page:
/// every child is already in Care Review and unchanged, so loading them would add nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReturnsJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_IRO_manager_downloads_the_return_and_checks_it_on_the_import_page()
    {
        var page = await app.NewPageAsync();
        await Journeys.SignInAsync(page, DemoAccounts.IroManager);
        await page.GotoAsync("/returns");
        await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("DfE looked-after return (SSDA903)");
        await Expect(page.GetByTestId("no-problems")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-return").ClickAsync());
        var folder = Directory.CreateTempSubdirectory("returns-journey-");
        try
        {
            await ZipFile.ExtractToDirectoryAsync((await download.PathAsync())!, folder.FullName);
            var children = (await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "header.csv"))).Length - 1;
            Assert.True(children > 100, $"{children} children in the downloaded return");

            await page.GetByTestId("annex-a-link").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToContainTextAsync("Annex A");
            await Accessibility.AssertNoViolationsAsync(page);

            await page.GotoAsync("/returns");
            await page.GetByTestId("import-link").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Load children from a DfE return");
            await Accessibility.AssertNoViolationsAsync(page);

            await page.GetByLabel("This year's return files").SetInputFilesAsync(
                new[] { "header.csv", "episodes.csv", "reviews.csv" }.Select(name => Path.Combine(folder.FullName, name)));
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Check only" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = "What loading these files would do" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("added")).ToHaveTextAsync("0");
            await Expect(page.GetByTestId("unchanged")).ToHaveTextAsync(children.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Expect(page.GetByTestId("problem-count")).ToHaveTextAsync("0");
            await Accessibility.AssertNoViolationsAsync(page);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
