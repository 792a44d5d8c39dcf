using System.Net;
using System.Text;
using CareReview.Domain.Children;
using CareReview.Domain.Returns;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Commands;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using CareReview.Web.Features.Returns;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Returns;

/// <summary>
/// Today is 23 November 2026, so the default window is 24 May to 23 November 2026. Ann (in care since January,
/// reviewed in February) and Cy (left in July) are in it; Bo, on short breaks only, and Di, who left in April, are not.
/// </summary>
public sealed class AnnexAApp : IAsyncLifetime
{
    public const string Manager = "annex-a-manager";
    public const string Iro = "annex-a-iro";
    public const string SocialWorker = "annex-a-social-worker";

    public AppFactory App { get; private set; } = null!;
    public Child Ann { get; private set; } = null!;
    public Child Bo { get; private set; } = null!;
    public Child Cy { get; private set; } = null!;
    public Child Di { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppFactory.StartAsync();
        var team = await App.ATeamAsync("Team North");
        var iro = await App.AStaffMemberAsync("Ria Annex", StaffRole.Iro);
        var sw = await App.AStaffMemberAsync("Sol Annex", StaffRole.SocialWorker, team);
        await App.AUserAsync(Manager, Roles.IroManager, await App.AStaffMemberAsync("Meg Annex", StaffRole.IroManager));
        await App.AUserAsync(Iro, Roles.Iro, iro);
        await App.AUserAsync(SocialWorker, Roles.SocialWorker, sw);
        Ann = await App.AChildLookedAfterSinceAsync(new DateOnly(2026, 1, 5), iro, sw, new DateOnly(2013, 2, 1), givenName: "Ann", familyName: "Annex");
        await App.ReviewsHeldForAsync(Ann, new DateOnly(2026, 2, 2));
        Bo = await App.AChildLookedAfterSinceAsync(new DateOnly(2026, 3, 2), iro, sw, new DateOnly(2014, 3, 1), LegalStatus.V3, givenName: "Bo", familyName: "Annex");
        Cy = await App.AChildLookedAfterSinceAsync(new DateOnly(2025, 9, 1), iro, sw, new DateOnly(2011, 7, 9), givenName: "Cy", familyName: "Annex");
        Di = await App.AChildLookedAfterSinceAsync(new DateOnly(2025, 9, 1), iro, sw, new DateOnly(2011, 7, 9), givenName: "Di", familyName: "Annex");
        await CeaseAsync(Cy, new DateOnly(2026, 7, 20), ReasonEpisodeCeased.E13);
        await CeaseAsync(Di, new DateOnly(2026, 4, 20), ReasonEpisodeCeased.E4A);
    }

    private Task CeaseAsync(Child child, DateOnly on, ReasonEpisodeCeased reason) =>
        App.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            loaded.CeaseToBeLookedAfter(on, reason, App.Today, App.Rules);
        });

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The Annex A page, its CSV and Excel downloads, and the annex-a command.</summary>
public sealed class AnnexAPageTests(AnnexAApp fixture) : IClassFixture<AnnexAApp>
{
    private const string Window = "From.Day=24&From.Month=5&From.Year=2026&To.Day=23&To.Month=11&To.Year=2026";

    private AppFactory App => fixture.App;

    private Task<List<AuditEvent>> AuditAsync(AuditAction action) =>
        App.QueryDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task The_iro_manager_sees_the_count_for_the_six_months_to_today_and_the_view_is_audited()
    {
        using var client = await App.SignedInClientAsync(AnnexAApp.Manager);

        var body = await client.GetPageAsync("/returns/annex-a");

        Assert.Contains("2 children are in the list for 24 May 2026 to 23 November 2026", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/returns/annex-a?handler=Csv&amp;From.Day=24&amp;From.Month=5&amp;From.Year=2026&amp;To.Day=23", body.Replace("Csv&From", "Csv&amp;From", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("href=\"/returns/annex-a?handler=Xlsx", body, StringComparison.Ordinal);
        Assert.Contains("id=\"From-Day\" name=\"From.Day\" type=\"text\" inputmode=\"numeric\" value=\"24\"", body, StringComparison.Ordinal);
        Assert.Contains("Care Review does not record missing episodes", body, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(AuditAction.AnnexAViewed),
            e => e.UserName == AnnexAApp.Manager && e.Details == "from:2026-05-24;to:2026-11-23;children:2");
    }

    [Fact]
    public async Task The_returns_page_links_to_annex_a()
    {
        using var client = await App.SignedInClientAsync(AnnexAApp.Manager);

        var body = await client.GetPageAsync("/returns?Year=2026");

        Assert.Contains("href=\"/returns/annex-a\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_the_template_headings_and_a_row_for_each_child_in_the_window_and_is_audited()
    {
        using var client = await App.SignedInClientAsync(AnnexAApp.Manager);

        using var response = await client.GetAsync(new Uri($"/returns/annex-a?handler=Csv&{Window}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("annex-a-list-8-2026-05-24-to-2026-11-23.csv", response.Content.Headers.ContentDisposition?.FileName);
        var lines = CsvLines(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(string.Join(",", AnnexAList8.Columns), lines[0]);
        Assert.Equal(3, lines.Count);
        var ann = lines.Single(l => l.StartsWith(fixture.Ann.LocalId + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal("01/02/2013", ann[3]);
        Assert.Equal("02/02/2026", ann[12]);
        Assert.Equal(["Team North", "Sol Annex"], ann[^2..]);
        var cy = lines.Single(l => l.StartsWith(fixture.Cy.LocalId + ",", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["20/07/2026", "E13"], cy[19..21]);
        Assert.DoesNotContain(lines, l => l.StartsWith(fixture.Bo.LocalId + ",", StringComparison.Ordinal));
        Assert.Contains(await AuditAsync(AuditAction.AnnexAExported),
            e => e.UserName == AnnexAApp.Manager && e.Details == "from:2026-05-24;to:2026-11-23;children:2;format:csv");
    }

    [Fact]
    public async Task The_workbook_opens_and_reads_back_the_same_cells_as_the_csv_with_a_bold_frozen_header()
    {
        using var client = await App.SignedInClientAsync(AnnexAApp.Manager);
        var csv = CsvLines(await client.GetByteArrayAsync(new Uri($"/returns/annex-a?handler=Csv&{Window}", UriKind.Relative)))
            .Select(l => l.Split(',')).ToList();

        using var response = await client.GetAsync(new Uri($"/returns/annex-a?handler=Xlsx&{Window}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(AnnexAOutput.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Cell>().ToList();
        Assert.All(cells, c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
        Assert.DoesNotContain(sheet.Descendants<CellFormula>(), _ => true);
        var grid = new List<string[]>();
        foreach (var row in sheet.Descendants<Row>())
        {
            var values = new string[AnnexAList8.Columns.Count];
            Array.Fill(values, "");
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference!.Value!.TrimEnd("0123456789".ToCharArray());
                values[Enumerable.Range(0, values.Length).Single(i => AnnexAOutput.ColumnName(i) == column)] = cell.InlineString!.InnerText;
            }

            grid.Add(values);
        }

        Assert.Equal(csv, grid);
        var bold = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cells[0].StyleIndex!.Value);
        Assert.NotNull(workbook.WorkbookStylesPart.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)bold.FontId!.Value).Bold);
        Assert.Equal(PaneStateValues.Frozen, sheet.Descendants<Pane>().Single().State!.Value);
        Assert.Contains(await AuditAsync(AuditAction.AnnexAExported), e => e.Details!.EndsWith("format:xlsx", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(AnnexAApp.Iro, "")]
    [InlineData(AnnexAApp.Iro, "?handler=Csv")]
    [InlineData(AnnexAApp.SocialWorker, "")]
    [InlineData(AnnexAApp.SocialWorker, "?handler=Xlsx")]
    public async Task Anyone_but_the_iro_manager_gets_page_not_found(string user, string query)
    {
        using var client = await App.SignedInClientAsync(user);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/returns/annex-a{query}"));
        Assert.DoesNotContain(await AuditAsync(AuditAction.AnnexAExported), e => e.UserName == user);
    }

    [Fact]
    public async Task An_end_before_the_start_is_explained_beside_the_end_date_and_nothing_is_downloaded()
    {
        using var client = await App.SignedInClientAsync(AnnexAApp.Manager);

        using var response = await client.GetAsync(new Uri(
            "/returns/annex-a?handler=Csv&From.Day=1&From.Month=6&From.Year=2026&To.Day=31&To.Month=5&To.Year=2026", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "To", "The end date must be the same as or after the start date");
        Assert.DoesNotContain(await AuditAsync(AuditAction.AnnexAExported), e => e.Details!.StartsWith("from:2026-06-01;to:2026-05-31", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_date_that_is_not_a_date_is_explained_beside_it()
    {
        using var client = await App.SignedInClientAsync(AnnexAApp.Manager);

        var body = await client.GetPageAsync("/returns/annex-a?From.Day=31&From.Month=2&From.Year=2026&To.Day=1&To.Month=6&To.Year=2026");

        Pages.AssertFieldError(body, "From", "The start date must be a real date");
        Assert.DoesNotContain("data-testid=\"annex-a-count\"", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task The_command_writes_the_list_in_the_format_of_the_files_extension(string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"annex-a-{Guid.NewGuid():N}.{extension}");
        try
        {
            var exit = await App.RunCommandAsync(services => AnnexACommand.RunAsync(services, ["--from", "2026-05-24", "--to", "2026-11-23", "--out", file]));

            Assert.Equal(0, exit);
            var bytes = await File.ReadAllBytesAsync(file);
            if (extension == "csv")
            {
                Assert.Equal(3, CsvLines(bytes).Count);
            }
            else
            {
                using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
                Assert.Equal(3, document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Count());
            }

            Assert.Contains(await AuditAsync(AuditAction.AnnexAExported), e => e.UserId == "command-line" && e.Details!.EndsWith($"format:{extension}", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("--from", "2026-05-24", "--to", "2026-11-23", "--out", "list.pdf")]
    [InlineData("--from", "2026-11-24", "--to", "2026-11-23", "--out", "list.csv")]
    [InlineData("--from", "24/05/2026", "--to", "2026-11-23", "--out", "list.csv")]
    [InlineData("--from", "2026-05-24", "--out", "list.csv", "", "")]
    public async Task The_command_refuses_a_bad_window_or_file(string a, string b, string c, string d, string e, string f)
    {
        string[] args = [.. new[] { a, b, c, d, e, f }.Where(s => s.Length > 0)];

        Assert.Equal(2, await App.RunCommandAsync(services => AnnexACommand.RunAsync(services, args)));
    }

    private static List<string> CsvLines(byte[] bytes) =>
        [.. Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
}
