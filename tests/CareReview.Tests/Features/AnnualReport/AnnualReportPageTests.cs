using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CareReview.Domain.Children;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Commands;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CareReview.Tests.Features.AnnualReport;

/// <summary>
/// An app with three children looked after since Monday 7 April 2025 and four reviews in the year 2026
/// (1 April 2025 to 31 March 2026). Each child's first review is due 20 working days after 7 April, on
/// 6 May 2025 (5 May is a bank holiday). Amy: held 22 April (on time) and 10 July (due 22 July, on time).
/// Bea: held 30 June (late). Cal: held 1 July (late). Bea's social worker is in the team manager's team; Cal's is not.
/// </summary>
public sealed class AnnualReportApp : IAsyncLifetime
{
    public const string Manager = "annual-manager";
    public const string TeamManager = "annual-tm";
    public const string Iro = "annual-iro";

    public AppFactory App { get; private set; } = null!;
    public Child Amy { get; private set; } = null!;
    public Child Bea { get; private set; } = null!;
    public Child Cal { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppFactory.StartAsync();
        var team = await App.ATeamAsync("Annual team");
        var other = await App.ATeamAsync("Other team");
        var ada = await App.AStaffMemberAsync("Ada Annual", StaffRole.Iro);
        var sw = await App.AStaffMemberAsync("Sue Worker", StaffRole.SocialWorker, team);
        var otherSw = await App.AStaffMemberAsync("Oli Worker", StaffRole.SocialWorker, other);
        await App.AUserAsync(Manager, Roles.IroManager, await App.AStaffMemberAsync("Mo Manager", StaffRole.IroManager));
        await App.AUserAsync(TeamManager, Roles.TeamManager, await App.AStaffMemberAsync("Tam Manager", StaffRole.TeamManager, team));
        await App.AUserAsync(Iro, Roles.Iro, ada);

        var since = new DateOnly(2025, 4, 7);
        Amy = await App.AChildLookedAfterSinceAsync(since, ada, sw, new DateOnly(2014, 1, 1), givenName: "Amy", familyName: "Annual");
        Bea = await App.AChildLookedAfterSinceAsync(since, ada, sw, new DateOnly(2012, 1, 1), givenName: "Bea", familyName: "Annual");
        Cal = await App.AChildLookedAfterSinceAsync(since, ada, otherSw, new DateOnly(2010, 1, 1), givenName: "Cal", familyName: "Annual");
        await App.ReviewsHeldForAsync(Amy, new DateOnly(2025, 4, 22), new DateOnly(2025, 7, 10));
        await App.ReviewsHeldForAsync(Bea, new DateOnly(2025, 6, 30));
        await App.ReviewsHeldForAsync(Cal, new DateOnly(2025, 7, 1));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The IRO annual report over HTTP: the page, its CSV and PDF, the drill-down and who may see what.</summary>
public sealed class AnnualReportPageTests(AnnualReportApp fixture) : IClassFixture<AnnualReportApp>
{
    private const string Range = "from=2025-04-01&to=2026-03-31";
    private AppFactory App => fixture.App;

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string user, string url)
    {
        using var client = await App.SignedInClientAsync(user);
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Text(string html) => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ").Trim();

    private Task<List<AuditEvent>> AuditAsync(AuditAction action, string user) =>
        App.QueryDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action && e.UserName == user).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task The_manager_sees_the_year_with_reviews_held_on_time_and_late_and_it_is_audited()
    {
        var (status, body) = await GetAsync(AnnualReportApp.Manager, "/annual-report?year=2026");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = Text(body);
        Assert.Contains("1 April 2025 to 31 March 2026", text, StringComparison.Ordinal);
        var reviews = Text(Regex.Match(body, "<table[^>]*data-testid=\"reviews\".*?</table>", RegexOptions.Singleline).Value);
        Assert.Contains("held 4 – children behind held – –", reviews, StringComparison.Ordinal);
        Assert.Contains("held on time 2 – children behind held on time 4 50%", reviews, StringComparison.Ordinal);
        Assert.Contains("held late 2 – children behind held late 4 50%", reviews, StringComparison.Ordinal);
        Assert.Contains($"href=\"/annual-report/children?figure=reviews-late&amp;{Range.Replace("&", "&amp;", StringComparison.Ordinal)}\"", body, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", body, StringComparison.Ordinal);
        Assert.Contains("held on time: 2 of 4 (50%); held late: 2 of 4 (50%)", body, StringComparison.Ordinal);

        Assert.Contains(await AuditAsync(AuditAction.AnnualReportViewed, AnnualReportApp.Manager), e => e.Details == "from:2025-04-01;to:2026-03-31");
    }

    [Theory]
    [InlineData(9999, "The end date must be in 2100 or before")] // issue 19, finding 8: a 500 after 6 to 16 s of CPU
    [InlineData(2099, "The start and end dates must be no more than 10 years apart")]
    public async Task An_absurd_end_date_is_answered_at_once_beside_the_field(int endYear, string message)
    {
        var (status, body) = await GetAsync(AnnualReportApp.Manager,
            $"/annual-report?From.Day=1&From.Month=4&From.Year=2025&To.Day=31&To.Month=12&To.Year={endYear}");

        Assert.Equal(HttpStatusCode.OK, status);
        Pages.AssertFieldError(body, "To", message);
    }

    [Fact]
    public async Task Any_range_can_be_chosen()
    {
        var (status, body) = await GetAsync(AnnualReportApp.Manager,
            "/annual-report?From.Day=1&From.Month=7&From.Year=2025&To.Day=31&To.Month=7&To.Year=2025");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("1 July 2025 to 31 July 2025", Text(body), StringComparison.Ordinal);
        var reviews = Text(Regex.Match(body, "<table[^>]*data-testid=\"reviews\".*?</table>", RegexOptions.Singleline).Value);
        Assert.Contains("held late 1 – children behind held late 2 50%", reviews, StringComparison.Ordinal); // Cal's, beside Amy's second
    }

    [Fact]
    public async Task The_CSV_is_long_form_and_its_export_audited()
    {
        using var client = await App.SignedInClientAsync(AnnualReportApp.Manager);
        using var response = await client.GetAsync(new Uri("/annual-report?handler=Csv&year=2026", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("measure,group,value,count,of,share", lines[0]);
        Assert.Contains("reviews,all,held late,2,4,0.500", lines);
        Assert.Contains("children_in_care,all,at the end of the period,3,,", lines);
        Assert.Contains(await AuditAsync(AuditAction.AnnualReportExported, AnnualReportApp.Manager),
            e => e.Details == "from:2025-04-01;to:2026-03-31;format:csv");
    }

    [Fact]
    public async Task The_PDF_reads_back_with_the_figures_and_its_export_is_audited()
    {
        using var client = await App.SignedInClientAsync(AnnualReportApp.Manager);
        using var response = await client.GetAsync(new Uri("/annual-report?handler=Pdf&year=2026", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("IRO annual report", text, StringComparison.Ordinal);
        Assert.Contains("1 April 2025 to 31 March 2026", text, StringComparison.Ordinal);
        Assert.Contains("held late 2 of 4 (50%)", text, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(AuditAction.AnnualReportExported, AnnualReportApp.Manager),
            e => e.Details == "from:2025-04-01;to:2026-03-31;format:pdf");
    }

    [Fact]
    public async Task The_manager_drills_into_reviews_held_late_and_sees_every_child_behind_it()
    {
        var (status, body) = await GetAsync(AnnualReportApp.Manager, $"/annual-report/children?figure=reviews-late&{Range}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/children/{fixture.Bea.Id}\"", body, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{fixture.Cal.Id}\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Amy", body, StringComparison.Ordinal);
        Assert.DoesNotContain("you do not work with", body, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(AuditAction.AnnualReportDrilledInto, AnnualReportApp.Manager),
            e => e.Details == "figure:reviews-late;from:2025-04-01;to:2026-03-31;children:2;shown:2");
    }

    [Fact]
    public async Task A_team_manager_sees_only_their_teams_children_named_and_the_rest_counted()
    {
        var (status, body) = await GetAsync(AnnualReportApp.TeamManager, $"/annual-report/children?figure=reviews-late&{Range}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Bea Annual", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Cal", body, StringComparison.Ordinal);
        Assert.DoesNotContain($"/children/{fixture.Cal.Id}\"", body, StringComparison.Ordinal);
        Assert.Contains("And 1 child you do not work with.", Text(body), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(AuditAction.AnnualReportDrilledInto, AnnualReportApp.TeamManager),
            e => e.Details == "figure:reviews-late;from:2025-04-01;to:2026-03-31;children:2;shown:1");
    }

    [Fact]
    public async Task An_IRO_may_not_open_the_report()
    {
        var (status, _) = await GetAsync(AnnualReportApp.Iro, "/annual-report?year=2026");
        Assert.NotEqual(HttpStatusCode.OK, status);
        var (drill, _) = await GetAsync(AnnualReportApp.Iro, $"/annual-report/children?figure=reviews-late&{Range}");
        Assert.NotEqual(HttpStatusCode.OK, drill);
    }

    [Fact]
    public async Task An_unknown_figure_or_a_bad_range_is_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(AnnualReportApp.Manager, $"/annual-report/children?figure=nonsense&{Range}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(AnnualReportApp.Manager, "/annual-report/children?figure=reviews-late&from=2026-04-01&to=2025-04-01")).Status);
    }

    [Fact]
    public async Task The_command_writes_the_year_as_a_PDF()
    {
        var file = Path.Combine(Path.GetTempPath(), $"annual-report-{Guid.NewGuid():N}.pdf");
        try
        {
            var code = await App.RunCommandAsync(services => AnnualReportCommand.RunAsync(services, ["--year", "2026", "--out", file]));

            Assert.Equal(0, code);
            var text = PdfText(await File.ReadAllBytesAsync(file));
            Assert.Contains("1 April 2025 to 31 March 2026", text, StringComparison.Ordinal);
            Assert.Contains("held late 2 of 4 (50%)", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("--year 2026")]
    [InlineData("--year twenty --out x.pdf")]
    [InlineData("--out x.pdf --colour")]
    public async Task The_command_refuses_bad_arguments(string args) =>
        Assert.Equal(2, await App.RunCommandAsync(services => AnnualReportCommand.RunAsync(services, args.Split(' ', StringSplitOptions.RemoveEmptyEntries))));

    [Fact]
    public async Task A_concern_raised_with_a_theme_keeps_it_and_shows_it()
    {
        using var client = await App.SignedInClientAsync(AnnualReportApp.Manager);
        using var response = await App.SubmitFormAsync(client, $"/children/{fixture.Amy.Id}/escalations/new", new Dictionary<string, string>
        {
            ["Input.Category"] = "DriftAndDelay",
            ["Input.Concern"] = "The plan has drifted",
            ["Input.Needed"] = "A date for the permanence meeting",
            ["Input.NeededBy.Day"] = "1",
            ["Input.NeededBy.Month"] = "12",
            ["Input.NeededBy.Year"] = "2027",
            ["Input.Themes"] = "Delay",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var escalation = await App.QueryDbAsync(db => db.Escalations.AsNoTracking().SingleAsync(e => e.ChildId == fixture.Amy.Id));
        Assert.Equal("Delay", escalation.ThemeCodes);
        var (_, details) = await GetAsync(AnnualReportApp.Manager, response.Headers.Location!.OriginalString);
        Assert.Contains("Delay and drift", details, StringComparison.Ordinal);
    }

    private static string PdfText(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join(' ', pdf.GetPages().Select(p => Regex.Replace(ContentOrderTextExtractor.GetText(p), @"\s+", " ").Trim()));
    }
}
