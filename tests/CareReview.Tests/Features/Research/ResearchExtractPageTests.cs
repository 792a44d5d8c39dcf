using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CareReview.Domain.Children;
using CareReview.Domain.Research;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Research;

/// <summary>
/// An app with twenty children alike but for their names (three of them distinctive), each with two reviews; a
/// twenty-first who would stand out, with no review in the window and another legal status and placement; and a
/// researcher, an IRO manager and a social worker.
/// </summary>
public sealed class ResearchApp : IAsyncLifetime
{
    public const string Researcher = "research-researcher";
    public const string Manager = "research-manager";
    public const string SocialWorker = "research-sw";

    /// <summary>The window the tests download: 1 March to 20 November 2026 (the clock is 23 November 2026).</summary>
    public const string Window = "From.Day=1&From.Month=3&From.Year=2026&To.Day=20&To.Month=11&To.Year=2026";

    public AppFactory App { get; private set; } = null!;

    public IReadOnlyList<Child> Children { get; private set; } = [];

    public async Task InitializeAsync()
    {
        App = await AppFactory.StartAsync();
        var iro = await App.AStaffMemberAsync("Quentin Iro", StaffRole.Iro);
        var sw = await App.AStaffMemberAsync("Wilhelmina Worker", StaffRole.SocialWorker);
        await App.AUserAsync(Researcher, Roles.Researcher);
        await App.AUserAsync(Manager, Roles.IroManager, await App.AStaffMemberAsync("Maud Manager", StaffRole.IroManager));
        await App.AUserAsync(SocialWorker, Roles.SocialWorker, sw);
        var children = new List<Child>();
        var names = new[] { ("Zebedee", "Quarrington"), ("Ottoline", "Featherstonehaugh"), ("Barnaby", "Wimpole") }
            .Concat(Enumerable.Range(0, 17).Select(_ => ("Alex", "Tester")));
        foreach (var (given, family) in names)
        {
            var child = await App.AChildLookedAfterSinceAsync(new DateOnly(2026, 3, 2), iro, sw, new DateOnly(2014, 2, 3), givenName: given, familyName: family);
            children.Add(await App.ReviewsHeldForAsync(child, new DateOnly(2026, 3, 27), new DateOnly(2026, 6, 19)));
        }

        children.Add(await App.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), iro, sw, new DateOnly(2009, 8, 9), LegalStatus.J1, PlacementType.K2,
            givenName: "Peregrine", familyName: "Oddbody"));
        Children = children;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class ResearchExtractPageTests(ResearchApp fixture) : IClassFixture<ResearchApp>
{
    private AppFactory App => fixture.App;

    private async Task<Dictionary<string, string>> DownloadAsync(string user)
    {
        using var client = await App.SignedInClientAsync(user);
        using var response = await client.GetAsync(new Uri($"/research?handler=Download&{ResearchApp.Window}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var files = new Dictionary<string, string>();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            files[entry.Name] = await reader.ReadToEndAsync();
        }

        return files;
    }

    private static List<string[]> Rows(string csv) =>
        [.. csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];

    [Fact]
    public async Task The_zip_holds_every_file_and_the_headers_come_from_the_variable_list()
    {
        var files = await DownloadAsync(ResearchApp.Researcher);
        Assert.Equal(["README.txt", "children.csv", "codebook.csv", "extract.sps", "reviews.csv", "tables.csv"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ResearchVariables.Children.Header, Rows(files["children.csv"])[0]);
        Assert.Equal(ResearchVariables.Reviews.Header, Rows(files["reviews.csv"])[0]);
        Assert.Equal(ResearchVariables.Tables.Header, Rows(files["tables.csv"])[0]);
        Assert.Equal(21, Rows(files["children.csv"]).Count);
        Assert.Equal(41, Rows(files["reviews.csv"]).Count);
    }

    [Fact]
    public async Task The_readme_and_the_page_say_how_many_rows_were_generalised_and_left_out()
    {
        var files = await DownloadAsync(ResearchApp.Researcher);
        var readme = files["README.txt"];
        Assert.Contains("k-anonymity, k = 5.", readme, StringComparison.Ordinal);
        Assert.Contains("children.csv: 20 rows, 0 with a value coarser than its finest coding, 1 left out;", readme, StringComparison.Ordinal);
        Assert.Contains("reviews.csv: 40 rows, 0 with a value coarser than its finest coding, 0 left out;", readme, StringComparison.Ordinal);
        Assert.Contains("age_band      6 bands", readme, StringComparison.Ordinal);

        using var client = await App.SignedInClientAsync(ResearchApp.Researcher);
        var page = await client.GetStringAsync(new Uri($"/research?{ResearchApp.Window}", UriKind.Relative));
        Assert.Contains("<td class=\"govuk-table__cell\" id=\"research-children-suppressed\">1 row, which would still have stood out</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"govuk-table__cell\" id=\"research-reviews-suppressed\">None</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td class=\"govuk-table__cell\" id=\"research-reviews-generalised\">No row has a value coarser than its finest coding</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_column_holds_a_name_a_local_id_or_a_date()
    {
        var files = await DownloadAsync(ResearchApp.Researcher);
        var cells = new[] { "children.csv", "reviews.csv", "tables.csv" }.SelectMany(f => Rows(files[f]).Skip(1).SelectMany(r => r)).ToList();
        Assert.NotEmpty(cells);
        foreach (var child in fixture.Children)
        {
            foreach (var secret in new[] { child.GivenName, child.FamilyName, child.LocalId, "Quentin", "Wilhelmina" })
            {
                Assert.DoesNotContain(cells, c => c.Contains(secret, StringComparison.OrdinalIgnoreCase));
                Assert.DoesNotContain(secret, files["README.txt"], StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.DoesNotContain(cells, c => Regex.IsMatch(c, @"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}"));

        // A year appears only in a review's quarter.
        var quarter = ResearchVariables.Reviews.Header.ToList().IndexOf("quarter");
        Assert.All(Rows(files["reviews.csv"]).Skip(1), r => Assert.Matches(@"^(20\d\d-Q[1-4]|\*)$", r[quarter]));
        Assert.DoesNotContain(cells.Except(Rows(files["reviews.csv"]).Skip(1).Select(r => r[quarter])), c => Regex.IsMatch(c, "20[0-9]{2}"));
    }

    [Fact]
    public async Task Pids_are_unique_and_different_in_the_next_extract_and_reviews_carry_none()
    {
        var first = await DownloadAsync(ResearchApp.Researcher);
        var second = await DownloadAsync(ResearchApp.Manager);
        var pids = Rows(first["children.csv"]).Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(20, pids.Distinct().Count());
        Assert.Equal(pids.Order(StringComparer.Ordinal), pids);
        Assert.Empty(pids.Intersect(Rows(second["children.csv"]).Skip(1).Select(r => r[0])));
        Assert.Empty(Rows(first["children.csv"]).Skip(1).Select(r => r[1]).Intersect(Rows(second["children.csv"]).Skip(1).Select(r => r[1])));
        Assert.Single(Rows(first["children.csv"]).Skip(1).Select(r => r[1]).Distinct());
        Assert.DoesNotContain("pid", ResearchVariables.Reviews.Header);
        Assert.DoesNotContain(Rows(first["reviews.csv"]).Skip(1).SelectMany(r => r), c => pids.Contains(c));
    }

    [Fact]
    public async Task No_count_of_1_to_4_is_published_in_the_tables()
    {
        var files = await DownloadAsync(ResearchApp.Researcher);
        var counts = Rows(files["tables.csv"]).Skip(1).Select(r => r[3]).ToList();
        Assert.NotEmpty(counts);
        Assert.DoesNotContain(counts, c => c is "1" or "2" or "3" or "4");
    }

    [Fact]
    public async Task The_export_is_audited_with_the_window_and_row_counts()
    {
        await DownloadAsync(ResearchApp.Researcher);
        var details = await App.QueryDbAsync(db => db.AuditEvents.Where(a => a.Action == AuditAction.ResearchExtractExported && a.UserName == ResearchApp.Researcher)
            .Select(a => a.Details).ToListAsync());
        Assert.Contains(details, d => d!.StartsWith("from:2026-03-01;to:2026-11-20;children:20;reviews:40;", StringComparison.Ordinal)
            && d.EndsWith(";k:5;children_generalised:0;children_suppressed:1;reviews_generalised:0;reviews_suppressed:0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_page_offers_last_financial_year_and_puts_problems_beside_the_fields()
    {
        using var client = await App.SignedInClientAsync(ResearchApp.Researcher);
        var page = await client.GetStringAsync(new Uri("/research", UriKind.Relative));
        Assert.Contains("value=\"2025\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"31\"", page, StringComparison.Ordinal);
        using var refused = await client.GetAsync(new Uri("/research?handler=Download&From.Day=1&From.Month=5&From.Year=2026&To.Day=1&To.Month=4&To.Year=2026", UriKind.Relative));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("The end date must be the same as or after the start date", html, StringComparison.Ordinal);
        Assert.Contains("id=\"To-error\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_researcher_signs_in_to_the_extract_and_is_refused_every_other_page()
    {
        using var client = App.AnonymousClient();
        using var signIn = await App.SubmitFormAsync(client, "/sign-in", new Dictionary<string, string>
        {
            ["Input.UserName"] = ResearchApp.Researcher,
            ["Input.Password"] = AppFactory.Password,
        });
        Assert.Equal("/research", signIn.Headers.Location?.OriginalString);
        foreach (var path in new[] { $"/children/{fixture.Children[0].Id}", "/caseload", "/work", "/participation", "/audit", "/escalations", "/compliance", "/rules", "/reminders", "/" })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_social_worker_is_refused_the_extract()
    {
        using var client = await App.SignedInClientAsync(ResearchApp.SocialWorker);
        using var page = await client.GetAsync(new Uri("/research", UriKind.Relative));
        using var download = await client.GetAsync(new Uri($"/research?handler=Download&{ResearchApp.Window}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task Pspp_loads_the_extract_with_its_labels()
    {
        var files = await DownloadAsync(ResearchApp.Researcher);
        var folder = Directory.CreateTempSubdirectory("research-extract-");
        try
        {
            foreach (var (name, text) in files)
            {
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, name), text, new UTF8Encoding(true));
            }

            await File.AppendAllTextAsync(Path.Combine(folder.FullName, "extract.sps"), "DISPLAY DICTIONARY.\nLIST.\n");
            var run = new ProcessStartInfo("/usr/bin/pspp", ["-O", "format=txt", "-o", "out.txt", "extract.sps"])
            {
                WorkingDirectory = folder.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var pspp = Process.Start(run)!;
            var output = await pspp.StandardOutput.ReadToEndAsync() + await pspp.StandardError.ReadToEndAsync();
            await pspp.WaitForExitAsync();
            var listing = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "out.txt"));
            Assert.True(pspp.ExitCode == 0 && !listing.Contains("error", StringComparison.OrdinalIgnoreCase) && !listing.Contains("warning", StringComparison.OrdinalIgnoreCase),
                output + listing);
            Assert.Contains("Pseudonymous", listing, StringComparison.Ordinal);
            Assert.Contains("Female", listing, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
