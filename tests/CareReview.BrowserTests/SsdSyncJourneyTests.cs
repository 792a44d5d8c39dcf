using CareReview.Web.Data.Entities;
using CareReview.Web.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CareReview.BrowserTests;

/// <summary>
/// The IRO manager finds the sync with the case-management system from the DfE return page and reads its rules. The
/// demonstration has no SSD tables to read (Ssd:Sync:From is not set), so two ended runs are put in the database for
/// the page to show its counts, problems and earlier runs; no run is started.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SsdSyncJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task The_IRO_manager_finds_the_sync_page_and_its_rules()
    {
        var runs = await app.QueryDbAsync(async db =>
        {
            var at = app.Today.AddDays(-1).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
            SsdSyncRun Run(int hoursAgo) => new()
            {
                StartedBy = "command line (journey)",
                Source = "the folder /tmp/ssd",
                State = SsdSyncState.Finished,
                StartedAtUtc = at.AddHours(-hoursAgo),
                HeartbeatAtUtc = at.AddHours(-hoursAgo),
                FinishedAtUtc = at.AddHours(-hoursAgo).AddSeconds(4),
                ChildrenRead = 2,
                Added = 1,
                Refused = 1,
                Problems = [new SsdSyncProblem { Table = "ssd_cla_episodes", Row = "E2", Field = "clae_cla_primary_need_code", PersonId = "P2", Message = "'Z9' is not one of the DfE's codes for this field" }],
            };
            List<SsdSyncRun> made = [Run(2), Run(0)];
            db.SsdSyncRuns.AddRange(made);
            await db.SaveChangesAsync();
            return made.Select(r => r.Id).ToList();
        });
        try
        {
            var page = await app.NewPageAsync();
            await Journeys.SignInAsync(page, DemoAccounts.IroManager);
            await page.GotoAsync("/returns");
            await page.GetByTestId("ssd-sync-link").ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("Sync with the case-management system");
            await Expect(page.GetByTestId("not-runnable")).ToContainTextAsync("Ssd:Sync:From is not set");
            await Expect(page.GetByTestId("count-refused")).ToHaveTextAsync("1");
            await Expect(page.GetByTestId("problems")).ToContainTextAsync("clae_cla_primary_need_code");
            await Expect(page.GetByTestId("earlier-runs")).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);

            // A run going (as one started elsewhere would be): the line follows it without a reload, and says when it ends.
            var going = await app.QueryDbAsync(async db =>
            {
                var at = app.Today.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc);
                var run = new SsdSyncRun
                {
                    StartedBy = "command line (journey)",
                    Source = "the folder /tmp/ssd",
                    State = SsdSyncState.Running,
                    StartedAtUtc = at,
                    HeartbeatAtUtc = at,
                    ChildrenRead = 5000,
                    ChildrenDone = 1200,
                };
                db.SsdSyncRuns.Add(run);
                await db.SaveChangesAsync();
                return run.Id;
            });
            runs.Add(going);
            await page.ReloadAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("A sync is running: 1,200 of 5,000 children.");
            await Accessibility.AssertNoViolationsAsync(page);
            await app.QueryDbAsync(db => db.SsdSyncRuns.Where(r => r.Id == going).ExecuteUpdateAsync(s => s.SetProperty(r => r.ChildrenDone, 3400)));
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("A sync is running: 3,400 of 5,000 children.");
            await app.QueryDbAsync(db => db.SsdSyncRuns.Where(r => r.Id == going).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, SsdSyncState.Finished)));
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The run has ended. Refresh the page to see what it did.");

            await page.GetByTestId("rules-link").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Level = 1 })).ToHaveTextAsync("The sync rules");
            await Expect(page.GetByTestId("sources")).ToContainTextAsync("ssd_linked_identifiers");
            await Accessibility.AssertNoViolationsAsync(page);
        }
        finally
        {
            await app.QueryDbAsync(db => db.SsdSyncRuns.Where(r => runs.Contains(r.Id)).ExecuteDeleteAsync());
        }
    }
}
