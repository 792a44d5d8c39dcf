using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Ssd;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Ssd;

/// <summary>
/// The IRO manager's sync page: what it shows with no source set, a run started from it against a folder of SSD CSV
/// files (its counts, its problems on the page and as CSV, the children the case system no longer has), a second run
/// refused while one is going, and the rules page. Each test has its own app: the settings differ, and a run changes
/// every child the app holds. A run goes on in the background, so the database is a file (as deployed), not the
/// shared in-memory one.
/// </summary>
public sealed class SyncPageTests
{
    private const string Manager = "ssd-manager";

    private static readonly DateOnly s_episodeStart = new(2026, 6, 1);

    /// <summary>
    /// An app, its IRO manager's signed-in client and, when there are children, a folder of SSD tables holding them that
    /// Ssd:Sync:From names. Disposing it disposes all three.
    /// </summary>
    private static async Task<Council> StartAsync((string PersonId, string Need)[] children, string? every = null)
    {
        var folder = children.Length == 0 ? null : await TablesForAsync(children);
        var settings = new Dictionary<string, string?>();
        if (folder is not null)
        {
            settings["Ssd:Sync:From"] = folder.FullName;
        }

        if (every is not null)
        {
            settings["Ssd:Sync:Every"] = every;
        }

        var app = await AppFactory.StartAsync(settings, sqliteOnFile: true);
        await app.AUserAsync(Manager, Roles.IroManager, await app.AStaffMemberAsync("Mo Manager", StaffRole.IroManager));
        return new Council(app, await app.SignedInClientAsync(Manager), folder);
    }

    private sealed class Council(AppFactory app, HttpClient client, DirectoryInfo? folder) : IAsyncDisposable
    {
        public AppFactory App => app;
        public HttpClient Client => client;
        public string Folder => folder?.FullName ?? throw new InvalidOperationException("This council has no SSD tables.");

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await app.DisposeAsync();
            folder?.Delete(recursive: true);
        }
    }

    /// <summary>A folder of SSD tables holding one looked-after child for each person id, in care since 1 June 2026.</summary>
    private static async Task<DirectoryInfo> TablesForAsync(params (string PersonId, string Need)[] children)
    {
        var folder = Directory.CreateTempSubdirectory("ssd-page-");
        var store = SsdStore.Parse(folder.FullName);
        var start = SsdStore.Date(s_episodeStart);
        await store.WriteAsync(SsdTables.Person, children.Select(c => Row(SsdTables.Person,
            ("pers_person_id", c.PersonId), ("pers_forename", "Sam"), ("pers_surname", "Synced" + c.PersonId), ("pers_sex", "F"),
            ("pers_dob", "2015-04-01"), ("pers_ethnicity", "WBRI"))));
        await store.WriteAsync(SsdTables.Episodes, children.Select(c => Row(SsdTables.Episodes,
            ("clae_cla_episode_id", "E" + c.PersonId), ("clae_person_id", c.PersonId), ("clae_cla_episode_start_date", start),
            ("clae_cla_episode_start_reason", "S"), ("clae_cla_primary_need_code", c.Need), ("clae_cla_id", "C" + c.PersonId),
            ("clae_cla_placement_id", "PL" + c.PersonId))));
        await store.WriteAsync(SsdTables.LegalStatus, children.Select(c => Row(SsdTables.LegalStatus,
            ("lega_legal_status_id", "L" + c.PersonId), ("lega_person_id", c.PersonId), ("lega_legal_status", "C2"),
            ("lega_legal_status_start_date", start))));
        await store.WriteAsync(SsdTables.Placements, children.Select(c => Row(SsdTables.Placements,
            ("clap_cla_placement_id", "PL" + c.PersonId), ("clap_cla_id", "C" + c.PersonId), ("clap_person_id", c.PersonId),
            ("clap_cla_placement_start_date", start), ("clap_cla_placement_type", "U1"), ("clap_cla_placement_provider", "PR1"))));
        return folder;
    }

    /// <summary>A row in the table's column order, blank where no value is given.</summary>
    private static IReadOnlyList<string?> Row(SsdTable table, params (string Column, string Value)[] values)
    {
        var given = values.ToDictionary(v => v.Column, v => v.Value);
        Assert.All(given.Keys, column => Assert.Contains(table.Columns, c => c.Name == column));
        return [.. table.Columns.Select(c => given.GetValueOrDefault(c.Name))];
    }

    /// <summary>Presses a button on the page: "Run now" with no handler, the dry run with "Check".</summary>
    private static async Task<HttpResponseMessage> PressAsync(HttpClient client, string? handler = null)
    {
        var page = await client.GetPageAsync("/ssd-sync");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AppFactory.AntiforgeryTokenIn(page) });
        return await client.PostAsync(new Uri(handler is null ? "/ssd-sync" : $"/ssd-sync?handler={handler}", UriKind.Relative), form);
    }

    /// <summary>The run, once it has ended; it goes on in the background after the page has answered.</summary>
    private static async Task<SsdSyncRun> EndedRunAsync(AppFactory app)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var run = await app.QueryDbAsync(db => db.SsdSyncRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstOrDefaultAsync());
            if (run is { State: not SsdSyncState.Running })
            {
                return run;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"The run has not ended after a minute: {run?.State.ToString() ?? "no run"}");
            await Task.Delay(100);
        }
    }

    private static Task<List<AuditEvent>> AuditAsync(AppFactory app, AuditAction action) =>
        app.QueryDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The text of the element with the test id: its tags taken out, entities decoded, spaces collapsed.</summary>
    private static string Between(string html, string testId)
    {
        var start = Regex.Match(html, $"<([a-z0-9]+)[^>]*data-testid=\"{Regex.Escape(testId)}\"[^>]*>");
        Assert.True(start.Success, $"The page has no {testId}");
        var end = html.IndexOf($"</{start.Groups[1].Value}>", start.Index + start.Length, StringComparison.Ordinal);
        var text = Regex.Replace(html[(start.Index + start.Length)..end], "<[^>]+>", "");
        return Regex.Replace(WebUtility.HtmlDecode(text), @"\s+", " ").Trim();
    }

    [Fact]
    public async Task Only_the_IRO_manager_may_see_the_sync_pages()
    {
        await using var council = await StartAsync([]);
        var (app, manager) = (council.App, council.Client);
        foreach (var (user, role) in new[]
        {
            ("ssd-iro", Roles.Iro), ("ssd-sw", Roles.SocialWorker), ("ssd-tm", Roles.TeamManager), ("ssd-senior", Roles.SeniorManager),
            ("ssd-admin", Roles.Administrator), ("ssd-researcher", Roles.Researcher),
        })
        {
            await app.AUserAsync(user, role);
            using var client = await app.SignedInClientAsync(user);
            foreach (var url in new[] { "/ssd-sync", "/ssd-sync/rules", "/ssd-sync?handler=Progress", "/ssd-sync?handler=Problems&run=1" })
            {
                Assert.True(await client.StatusOfAsync(url) == HttpStatusCode.NotFound, $"{role} was not refused {url}");
            }

            using var post = new FormUrlEncodedContent(new Dictionary<string, string>());
            using var response = await client.PostAsync(new Uri("/ssd-sync", UriKind.Relative), post);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await manager.StatusOfAsync("/ssd-sync"));
        Assert.Equal(0, await app.QueryDbAsync(db => db.SsdSyncRuns.CountAsync()));
    }

    [Fact]
    public async Task Without_a_source_the_page_says_so_offers_no_run_and_is_audited()
    {
        await using var council = await StartAsync([]);
        var (app, client) = (council.App, council.Client);

        var returns = await client.GetPageAsync("/returns");
        var page = await client.GetPageAsync("/ssd-sync");

        Assert.Contains("href=\"/ssd-sync\"", returns, StringComparison.Ordinal);
        Assert.Equal("Not scheduled", Between(page, "next-run"));
        Assert.Contains("Ssd:Sync:From is not set", Between(page, "not-runnable"), StringComparison.Ordinal);
        Assert.DoesNotContain("Run now", page, StringComparison.Ordinal);
        Assert.DoesNotContain("dry run)", page, StringComparison.Ordinal);
        Assert.Contains("The sync has not run yet", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/ssd-sync/rules\"", page, StringComparison.Ordinal);
        var viewed = Assert.Single(await AuditAsync(app, AuditAction.SsdSyncViewed));
        Assert.Equal(Manager, viewed.UserName);

        using var response = await PressAsync(client);
        var refused = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", refused, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryDbAsync(db => db.SsdSyncRuns.CountAsync()));
    }

    [Fact]
    public async Task The_next_run_follows_the_schedule()
    {
        await using var council = await StartAsync([("P100", "N1")], every: "01:00:00");
        var (app, client) = (council.App, council.Client);

        Assert.Equal("Within 1 hour of the app starting (every 1 hour)", Between(await client.GetPageAsync("/ssd-sync"), "next-run"));

        var started = app.Time.GetUtcNow().UtcDateTime.AddMinutes(-15);
        await app.ExecuteDbAsync(db =>
        {
            db.SsdSyncRuns.Add(new SsdSyncRun
            {
                StartedBy = SsdSyncJob.ScheduledBy,
                Source = "the folder",
                State = SsdSyncState.Finished,
                StartedAtUtc = started,
                HeartbeatAtUtc = started,
                FinishedAtUtc = started,
            });
            return Task.CompletedTask;
        });

        // 09:45 GMT on 23 November 2026, and an hour on.
        Assert.Equal("About 10:45am on 23 November 2026 (every 1 hour)", Between(await client.GetPageAsync("/ssd-sync"), "next-run"));
    }

    [Fact]
    public async Task Run_now_starts_a_run_that_adds_the_child_and_the_page_shows_what_it_did()
    {
        await using var council = await StartAsync([("P200", "N1")]);
        var (app, client) = (council.App, council.Client);
        var before = await client.GetPageAsync("/ssd-sync");
        Assert.Contains("Run now", before, StringComparison.Ordinal);
        Assert.Equal($"the folder {council.Folder}", Between(before, "source"));

        using var response = await PressAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var run = await EndedRunAsync(app);
        var page = await client.GetPageAsync("/ssd-sync");

        Assert.Equal(SsdSyncState.Finished, run.State);
        Assert.False(run.DryRun);
        Assert.Equal(Manager, run.StartedBy);
        Assert.Equal("Finished", Between(page, "state"));
        Assert.Equal("1", Between(page, "count-read"));
        Assert.Equal("1", Between(page, "count-added"));
        Assert.Equal("0", Between(page, "count-refused"));
        Assert.Contains("The last run found no problems", page, StringComparison.Ordinal);
        Assert.Contains($"{Clock.AtTimeOnDayInEngland(run.StartedAtUtc)} by {Manager}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"running\"", page, StringComparison.Ordinal);
        var child = await app.QueryDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.LocalId == "P200"));
        Assert.Equal("SyncedP200", child.FamilyName);
        var ran = Assert.Single(await AuditAsync(app, AuditAction.SsdSyncRan));
        Assert.Equal(Manager, ran.UserName);

        // A second run reads the same tables and changes nothing; the first is then among the earlier runs.
        using var again = await PressAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var second = await EndedRunAsync(app);
        page = await client.GetPageAsync("/ssd-sync");
        Assert.NotEqual(run.Id, second.Id);
        Assert.Equal("0", Between(page, "count-added"));
        Assert.Equal("1", Between(page, "count-unchanged"));
        Assert.Contains("data-testid=\"earlier-runs\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_counts_the_child_it_would_add_and_saves_none()
    {
        await using var council = await StartAsync([("P300", "N1")]);
        var (app, client) = (council.App, council.Client);

        using var response = await PressAsync(client, "Check");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var run = await EndedRunAsync(app);
        var page = await client.GetPageAsync("/ssd-sync");

        Assert.True(run.DryRun);
        Assert.Equal("1", Between(page, "count-added"));
        Assert.StartsWith("Dry run", Between(page, "kind"), StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Children.CountAsync()));
        Assert.Single(await AuditAsync(app, AuditAction.SsdSyncChecked));
    }

    [Fact]
    public async Task A_bad_code_is_listed_with_its_table_row_and_field_on_the_page_and_in_the_CSV()
    {
        await using var council = await StartAsync([("P400", "N1"), ("P401", "Z9")]);
        var (app, client) = (council.App, council.Client);

        using var response = await PressAsync(client);
        var run = await EndedRunAsync(app);
        var page = await client.GetPageAsync("/ssd-sync");

        Assert.Equal("1", Between(page, "count-added"));
        Assert.Equal("1", Between(page, "count-refused"));
        var problems = page[page.IndexOf("data-testid=\"problems\"", StringComparison.Ordinal)..];
        Assert.Contains("<td class=\"govuk-table__cell\">ssd_cla_episodes</td>", problems, StringComparison.Ordinal);
        Assert.Contains(">EP401</td>", problems, StringComparison.Ordinal);
        Assert.Contains(">clae_cla_primary_need_code</td>", problems, StringComparison.Ordinal);
        Assert.Contains(">P401</td>", problems, StringComparison.Ordinal);
        Assert.Contains("&#x27;Z9&#x27; is not one of the DfE", problems, StringComparison.Ordinal);
        Assert.Contains($"href=\"/ssd-sync?handler=Problems&amp;run={run.Id}\"", page, StringComparison.Ordinal);

        using var csv = await client.GetAsync(new Uri($"/ssd-sync?handler=Problems&run={run.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("table,row,field,person_id,problem", lines[0]);
        var line = Assert.Single(lines[1..]);
        Assert.StartsWith("ssd_cla_episodes,EP401,clae_cla_primary_need_code,P401,'Z9' is not one of the DfE", line, StringComparison.Ordinal);
        var exported = Assert.Single(await AuditAsync(app, AuditAction.SsdSyncProblemsExported));
        Assert.Equal($"run:{run.Id};problems:1", exported.Details);
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/ssd-sync?handler=Problems&run={run.Id + 100}"));
    }

    [Fact]
    public async Task A_child_the_case_system_no_longer_has_is_listed_for_the_manager_to_decide()
    {
        await using var council = await StartAsync([("P500", "N1")]);
        var (app, client) = (council.App, council.Client);
        var held = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 3, 2), givenName: "Fay", familyName: "Flagged");
        Assert.Contains("No child is flagged", await client.GetPageAsync("/ssd-sync"), StringComparison.Ordinal);

        using var response = await PressAsync(client);
        await EndedRunAsync(app);
        var page = await client.GetPageAsync("/ssd-sync");

        Assert.Equal("1", Between(page, "count-flagged"));
        var flagged = page[page.IndexOf("data-testid=\"flagged\"", StringComparison.Ordinal)..];
        Assert.Contains($"<a class=\"govuk-link\" href=\"/children/{held.Id}\">Fay Flagged</a>", flagged, StringComparison.Ordinal);
        Assert.Contains($">{held.LocalId}</td>", flagged, StringComparison.Ordinal);
        Assert.Contains(">23 November 2026</td>", flagged, StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryDbAsync(db => db.Children.CountAsync()));
    }

    [Fact]
    public async Task Run_now_while_a_run_is_going_says_so_beside_the_button_and_the_page_shows_its_progress()
    {
        await using var council = await StartAsync([("P600", "N1")]);
        var (app, client) = (council.App, council.Client);
        var now = app.Time.GetUtcNow().UtcDateTime;
        await app.ExecuteDbAsync(db =>
        {
            db.SsdSyncRuns.Add(new SsdSyncRun
            {
                StartedBy = "command line (someone)",
                Source = "the folder",
                State = SsdSyncState.Running,
                StartedAtUtc = now,
                HeartbeatAtUtc = now,
                ChildrenRead = 5000,
                ChildrenDone = 1200,
            });
            return Task.CompletedTask;
        });

        using var response = await PressAsync(client);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", page, StringComparison.Ordinal);
        Assert.StartsWith("Error: A sync is already running: command line (someone) started it at 10am on 23 November 2026.", Between(page, "run-error"),
            StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"run-error\"", page, StringComparison.Ordinal);
        Assert.Equal("A sync is running: 1,200 of 5,000 children.", Between(page, "progress"));
        Assert.Contains("href=\"/ssd-sync\" data-testid=\"refresh\">Refresh</a>", page, StringComparison.Ordinal);
        Assert.Contains("src=\"/js/ssd-sync.mjs\"", page, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryDbAsync(db => db.SsdSyncRuns.CountAsync()));

        var progress = await client.GetPageAsync("/ssd-sync?handler=Progress");
        Assert.Equal("{\"running\":true,\"text\":\"A sync is running: 1,200 of 5,000 children.\"}", progress);
    }

    [Fact]
    public async Task The_rules_page_names_each_table_read_and_is_audited()
    {
        await using var council = await StartAsync([]);
        var (app, client) = (council.App, council.Client);

        var page = await client.GetPageAsync("/ssd-sync/rules");

        Assert.All(SsdTables.Read, table => Assert.Contains($"<code>{table.Name}</code>", page, StringComparison.Ordinal));
        Assert.Contains("never deleted", page, StringComparison.Ordinal);
        Assert.Contains("Former Person ID", page, StringComparison.Ordinal);
        Assert.Contains("regulation 32(2)", page, StringComparison.Ordinal);
        Assert.Contains("A second run with the same input changes nothing", page, StringComparison.Ordinal);
        var viewed = Assert.Single(await AuditAsync(app, AuditAction.SsdSyncViewed));
        Assert.Equal("rules", viewed.Details);
    }
}
