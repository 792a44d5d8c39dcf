using System.IO.Compression;
using System.Net;
using System.Text;
using CareReview.Domain.Children;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Commands;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Returns;

/// <summary>
/// Two children looked after since 7 April 2025 (year 2026), each with a review held in June 2025. Bo's review
/// was recorded with PN0 (under 4) though he was 11: the check must show rule 440 against him with a link.
/// </summary>
public sealed class ReturnApp : IAsyncLifetime
{
    public const string Manager = "return-manager";
    public const string Iro = "return-iro";

    public AppFactory App { get; private set; } = null!;
    public Child Ann { get; private set; } = null!;
    public Child Bo { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppFactory.StartAsync();
        var iro = await App.AStaffMemberAsync("Ria Return", StaffRole.Iro);
        var sw = await App.AStaffMemberAsync("Sol Worker", StaffRole.SocialWorker);
        await App.AUserAsync(Manager, Roles.IroManager, await App.AStaffMemberAsync("Meg Manager", StaffRole.IroManager));
        await App.AUserAsync(Iro, Roles.Iro, iro);
        var since = new DateOnly(2025, 4, 7);
        Ann = await App.AChildLookedAfterSinceAsync(since, iro, sw, new DateOnly(2013, 2, 1), givenName: "Ann", familyName: "Return");
        Bo = await App.AChildLookedAfterSinceAsync(since, iro, sw, new DateOnly(2014, 3, 1), givenName: "Bo", familyName: "Return");
        await App.ReviewsHeldForAsync(Ann, new DateOnly(2025, 5, 1));
        await App.ReviewsHeldForAsync(Bo, new DateOnly(2025, 5, 2));
        var boId = Bo.Id;
        await App.ExecuteDbAsync(db => db.Reviews.Where(r => EF.Property<int>(r, "ChildId") == boId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ParticipationCode, ParticipationCode.PN0)));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>The DfE return page, its download and the export-903 command.</summary>
public sealed class ReturnPageTests(ReturnApp fixture) : IClassFixture<ReturnApp>
{
    private AppFactory App => fixture.App;

    private Task<List<AuditEvent>> AuditAsync(AuditAction action) =>
        App.QueryDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task The_check_shows_a_childs_problem_with_its_rule_line_and_a_link_to_the_child_and_is_audited()
    {
        using var client = await App.SignedInClientAsync(ReturnApp.Manager);

        var body = await client.GetStringAsync(new Uri("/returns?Year=2026", UriKind.Relative));

        Assert.Contains("2 children, 2 episodes and 2 reviews", body, StringComparison.Ordinal);
        var table = body[body.IndexOf($"data-testid=\"problems-{fixture.Bo.LocalId}\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains(">440<", table, StringComparison.Ordinal);
        Assert.Contains("reviews.csv line 3", table, StringComparison.Ordinal);
        Assert.Contains($"href=\"/children/{fixture.Bo.Id}\"", body, StringComparison.Ordinal);
        var annStart = body.IndexOf($"data-testid=\"problems-{fixture.Ann.LocalId}\"", StringComparison.Ordinal);
        var annTable = annStart < 0 ? "" : body[annStart..][..body[annStart..].IndexOf("</table>", StringComparison.Ordinal)];
        Assert.DoesNotContain(">440<", annTable, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(AuditAction.ReturnChecked), e => e.Details!.Contains("episodes:2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_download_holds_the_three_dfe_files_with_the_childrens_rows_and_is_audited()
    {
        using var client = await App.SignedInClientAsync(ReturnApp.Manager);

        using var response = await client.GetAsync(new Uri("/returns?handler=Download&Year=2026", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["episodes.csv", "header.csv", "reviews.csv"], zip.Entries.Select(e => e.Name).Order());
        var reviews = Read(zip, "reviews.csv");
        Assert.Equal("CHILD,DOB,REVIEW,REVIEW_CODE", reviews[0]);
        Assert.Contains($"{fixture.Bo.LocalId},01/03/2014,02/05/2025,PN0", reviews);
        var episodes = Read(zip, "episodes.csv");
        Assert.Contains(episodes, line => line.StartsWith($"{fixture.Ann.LocalId},07/04/2025,S,", StringComparison.Ordinal));
        Assert.Contains(await AuditAsync(AuditAction.ReturnExported), e => e.UserName == ReturnApp.Manager && e.Details!.Contains("reviews:2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_iro_gets_page_not_found()
    {
        using var client = await App.SignedInClientAsync(ReturnApp.Iro);

        using var response = await client.GetAsync(new Uri("/returns?Year=2026", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_command_writes_the_files_to_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("export-903-");
        try
        {
            var exit = await App.RunCommandAsync(services => ExportReturnCommand.RunAsync(services, ["--year", "2026", "--out", folder.FullName]));

            Assert.Equal(0, exit);
            var header = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "header.csv"));
            Assert.Equal("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB", header[0].TrimStart('\uFEFF'));
            Assert.Equal(3, header.Length);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "episodes.csv")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_command_refuses_missing_arguments()
    {
        Assert.Equal(2, await App.RunCommandAsync(services => ExportReturnCommand.RunAsync(services, ["--year", "2026"])));
    }

    // ---- The child's details for the return -------------------------------------------------------

    private async Task<(HttpClient Client, Child Child, string Version)> ChildDetailsFormAsync(Sex sex)
    {
        var child = await App.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), sex: sex);
        var client = await App.SignedInClientAsync(ReturnApp.Manager);
        var page = await client.GetStringAsync(new Uri($"/children/{child.Id}/return-details", UriKind.Relative));
        return (client, child, AppFactory.HiddenValueIn(page, "Input.Version"));
    }

    [Fact]
    public async Task The_childs_details_for_the_return_are_saved_and_audited()
    {
        var (client, child, version) = await ChildDetailsFormAsync(Sex.F);
        using (client)
        {
            using var response = await App.SubmitFormAsync(client, $"/children/{child.Id}/return-details", new Dictionary<string, string>
            {
                ["Input.Version"] = version,
                ["Input.Ethnicity"] = "BAFR",
                ["Input.Upn"] = "b12345678901c",
                ["Input.HasDisability"] = "false",
                ["Input.IsUasc"] = "true",
                ["Input.IsMother"] = "true",
                ["Input.MothersChildBornOn.Day"] = "3",
                ["Input.MothersChildBornOn.Month"] = "3",
                ["Input.MothersChildBornOn.Year"] = "2026",
            });

            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var saved = await App.QueryDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id));
            Assert.Equal(new ChildReturnDetails(Ethnicity.BAFR, "B12345678901C", true, new DateOnly(2026, 3, 3), false, true, null), saved.ReturnDetails);
            Assert.Contains(await AuditAsync(AuditAction.ChildReturnDetailsRecorded), e => e.ChildId == child.Id);
        }
    }

    [Fact]
    public async Task A_bad_upn_is_explained_beside_the_field_and_nothing_is_saved()
    {
        var (client, child, version) = await ChildDetailsFormAsync(Sex.M);
        using (client)
        {
            using var response = await App.SubmitFormAsync(client, $"/children/{child.Id}/return-details", new Dictionary<string, string>
            {
                ["Input.Version"] = version,
                ["Input.Ethnicity"] = "WBRI",
                ["Input.Upn"] = "O12345678901C",
            });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-Upn", "Enter the unique pupil number");
            var saved = await App.QueryDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.Id == child.Id));
            Assert.Null(saved.Ethnicity);
        }
    }

    [Fact]
    public async Task A_boy_is_not_asked_whether_he_is_a_mother()
    {
        var (client, child, _) = await ChildDetailsFormAsync(Sex.M);
        using (client)
        {
            var page = await client.GetStringAsync(new Uri($"/children/{child.Id}/return-details", UriKind.Relative));

            Assert.DoesNotContain("Input.IsMother", page, StringComparison.Ordinal);
            Assert.Contains("Input.Ethnicity", page, StringComparison.Ordinal);
        }
    }

    private static List<string> Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return [.. reader.ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }
}
