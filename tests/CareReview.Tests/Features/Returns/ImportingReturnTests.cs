using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Returns;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Tests.Data;
using CareReview.Tests.Shared;
using CareReview.Tests.Support;
using CareReview.Web;
using CareReview.Web.Authorization;
using CareReview.Web.Commands;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CareReview.Tests.Features.Returns;

/// <summary>An empty council, as on the day it moves to Care Review, and its IRO manager.</summary>
public sealed class EmptyCouncilApp : IAsyncLifetime
{
    public const string Manager = "import-manager";
    public const string Iro = "import-iro";

    public AppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await AppFactory.StartAsync();
        await App.AUserAsync(Manager, Roles.IroManager, await App.AStaffMemberAsync("Ida Import", StaffRole.IroManager));
        await App.AUserAsync(Iro, Roles.Iro, await App.AStaffMemberAsync("Ivo Import", StaffRole.Iro));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>
/// Loading a council's children from its old system's return files, on the page and with import-903.
/// Each test uses its own child ids, so that the tests do not depend on each other's order.
/// </summary>
public sealed class ImportingReturnTests(EmptyCouncilApp fixture) : IClassFixture<EmptyCouncilApp>
{
    private AppFactory App => fixture.App;

    private const string HeaderColumns = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n";
    private const string EpisodeColumns = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n";
    private const string ReviewColumns = "CHILD,DOB,REVIEW,REVIEW_CODE\r\n";

    /// <summary>Two children with the prefix: the first already looked after before the files begin, the second new in care in May 2025.</summary>
    private static Dictionary<string, string> TwoChildren(string prefix, string secondPlacement = "U1") => new()
    {
        ["header.csv"] = HeaderColumns + $"{prefix}1,F,01/05/2012,WBRI,A12345678901B,0,\r\n{prefix}2,M,14/09/2015,MWBA,UN1,,\r\n",
        ["episodes.csv"] = EpisodeColumns
            + $"{prefix}1,12/01/2025,P,C2,N1,U4,PR1,,,,LS1 4AP,BD7 1DP,XXXXXXX\r\n"
            + $"{prefix}2,06/05/2025,S,V2,N4,{secondPlacement},PR1,,,,LS6 2QT,HX1 1AA,XXXXXXX\r\n",
        ["reviews.csv"] = ReviewColumns + $"{prefix}1,01/05/2012,20/06/2025,PN4\r\n{prefix}2,14/09/2015,30/05/2025,PN2\r\n",
        ["names.csv"] = $"CHILD,GIVEN_NAME,FAMILY_NAME\r\n{prefix}1,Isla,Imported\r\n{prefix}2,Ivan,Imported\r\n",
    };

    private static async Task<DirectoryInfo> FolderWithAsync(Dictionary<string, string> files)
    {
        var folder = Directory.CreateTempSubdirectory("import-903-");
        foreach (var (name, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, name), text);
        }

        return folder;
    }

    private Task<List<string>> LocalIdsAsync(string prefix) =>
        App.QueryDbAsync(db => db.Children.AsNoTracking().Where(c => c.LocalId.StartsWith(prefix)).Select(c => c.LocalId).OrderBy(c => c).ToListAsync());

    private Task<List<AuditEvent>> AuditAsync(AuditAction action) =>
        App.QueryDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    private Task<(int Children, int Episodes, int Reviews)> CountsAsync() =>
        App.QueryDbAsync(async db => (await db.Children.CountAsync(), await db.CareEpisodes.CountAsync(), await db.Reviews.CountAsync()));

    private Task<int> ImportAsync(DirectoryInfo folder, params string[] options) =>
        App.RunCommandAsync(services => ImportReturnCommand.RunAsync(services, [folder.FullName, .. options]));

    // ---- The command line -------------------------------------------------------------------------

    [Fact]
    public async Task The_command_loads_clean_files_and_loading_them_again_changes_nothing()
    {
        var folder = await FolderWithAsync(TwoChildren("CLA"));
        try
        {
            Assert.Equal(0, await ImportAsync(folder));
            var children = await App.QueryDbAsync(db => db.Children.AsNoTracking().Where(c => c.LocalId.StartsWith("CLA"))
                .Include(c => c.Episodes).Include(c => c.Reviews).OrderBy(c => c.LocalId).ToListAsync());
            Assert.Equal(["Isla Imported", "Ivan Imported"], children.Select(c => $"{c.GivenName} {c.FamilyName}"));
            Assert.Equal(new DateOnly(2025, 1, 12), children[0].HistoryStartsOn);
            Assert.Null(children[1].HistoryStartsOn);
            Assert.Equal([1, 1], children.Select(c => c.Reviews.Count));
            var before = await CountsAsync();

            Assert.Equal(0, await ImportAsync(folder));

            var after = await CountsAsync();
            Assert.Equal(before, after);
            Assert.Contains(await AuditAsync(AuditAction.ReturnImported), e => e.Details == "year:2026;added:0;unchanged:2;skipped:0;problems:0;loaded:1");
            Assert.Equal(2, (await AuditAsync(AuditAction.ChildImported)).Count(e => children.Any(c => c.Id == e.ChildId)));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task One_bad_row_stops_everything_loading_unless_only_the_clean_children_are_asked_for()
    {
        var folder = await FolderWithAsync(TwoChildren("CLB", secondPlacement: "H5"));
        try
        {
            Assert.Equal(1, await ImportAsync(folder));
            Assert.Empty(await LocalIdsAsync("CLB"));
            Assert.Contains(await AuditAsync(AuditAction.ReturnImportRefused), e => e.Details!.Contains("added:0", StringComparison.Ordinal));

            Assert.Equal(0, await ImportAsync(folder, "--clean-only"));
            Assert.Equal(["CLB1"], await LocalIdsAsync("CLB"));
            Assert.Contains(await AuditAsync(AuditAction.ReturnImported), e => e.Details!.Contains("added:1;unchanged:0;skipped:1", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_child_already_held_with_different_details_is_never_overwritten()
    {
        var folder = await FolderWithAsync(TwoChildren("CLC"));
        try
        {
            Assert.Equal(0, await ImportAsync(folder));
            var changed = TwoChildren("CLC");
            changed["header.csv"] = changed["header.csv"].Replace("CLC2,M,14/09/2015,MWBA", "CLC2,M,14/09/2015,WBRI", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "header.csv"), changed["header.csv"]);

            Assert.Equal(1, await ImportAsync(folder));

            var ethnicity = await App.QueryDbAsync(db => db.Children.AsNoTracking().Where(c => c.LocalId == "CLC2").Select(c => c.Ethnicity).SingleAsync());
            Assert.Equal(CareReview.Domain.Children.Ethnicity.MWBA, ethnicity);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_imported_child_is_stored_exactly_as_a_save_through_ef_would_store_them()
    {
        var imported = await FolderWithAsync(TwoChildren("FST"));
        var saved = await FolderWithAsync(TwoChildren("EFS"));
        try
        {
            Assert.Equal(0, await ImportAsync(imported));
            var files = ImportReturnCommand.Read(saved.FullName);
            await App.RunCommandAsync(async services =>
            {
                var today = services.GetRequiredService<TimeProvider>().TodayInEngland();
                await App.ExecuteDbAsync(db =>
                {
                    db.Children.AddRange(ReturnImport.Plan(files, null, null, today, App.Rules).Children);
                    return Task.CompletedTask;
                });
                return 0;
            });

            foreach (var n in new[] { "1", "2" })
            {
                var fast = await StoredRowsAsync("FST" + n);
                var ef = await StoredRowsAsync("EFS" + n);
                Assert.Contains(fast, r => r.StartsWith(nameof(ChildDeadline), StringComparison.Ordinal));
                Assert.Equal(ef, fast);
            }
        }
        finally
        {
            imported.Delete(recursive: true);
            saved.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The child's rows as the database holds them, each column's value and the type it is read back as, less
    /// the keys: what differs between a child imported and the same child saved through EF.
    /// </summary>
    private Task<List<string>> StoredRowsAsync(string localId) => App.QueryDbAsync(async db =>
    {
        var id = await db.Children.Where(c => c.LocalId == localId).Select(c => c.Id).SingleAsync();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var rows = new List<string>();
        foreach (var (type, owner) in new[] { (typeof(Child), "Id"), (typeof(CareEpisode), "ChildId"), (typeof(Review), "ChildId"), (typeof(ChildDeadline), "ChildId") })
        {
            var entityType = db.Model.FindEntityType(type)!;
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema())} WHERE {sql.DelimitIdentifier(owner)} = {id} ORDER BY {sql.DelimitIdentifier("Id")}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(type.Name + ": " + string.Join("; ", Enumerable.Range(0, reader.FieldCount)
                    .Where(i => reader.GetName(i) is not ("Id" or "ChildId" or "LocalId"))
                    .Select(i => $"{reader.GetName(i)}={reader.GetFieldType(i).Name}:{reader.GetValue(i)}")));
            }
        }

        return rows;
    });

    [Fact]
    public async Task The_command_refuses_a_folder_that_is_not_there()
    {
        Assert.Equal(2, await App.RunCommandAsync(services => ImportReturnCommand.RunAsync(services, ["/no/such/folder"])));
        Assert.Equal(2, await App.RunCommandAsync(services => ImportReturnCommand.RunAsync(services, [])));
    }

    // ---- The page ---------------------------------------------------------------------------------

    private Task<HttpResponseMessage> PostFilesAsync(HttpClient client, string handler, Dictionary<string, string> files,
        IDictionary<string, string>? fields = null) =>
        PostFilesAsync(client, handler, files.ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value)), fields);

    private async Task<HttpResponseMessage> PostFilesAsync(HttpClient client, string handler, Dictionary<string, byte[]> files,
        IDictionary<string, string>? fields = null)
    {
        var page = await client.GetStringAsync(new Uri("/returns/import", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(AppFactory.AntiforgeryTokenIn(page)), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            form.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, "Input.Current", name);
        }

        return await client.PostAsync(new Uri($"/returns/import{handler}", UriKind.Relative), form);
    }

    [Fact]
    public async Task The_iro_manager_loads_clean_files_on_the_page_and_the_child_shows_where_their_history_starts()
    {
        using var client = await App.SignedInClientAsync(EmptyCouncilApp.Manager);

        using var response = await PostFilesAsync(client, "", TwoChildren("PGA"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"loaded\"", body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"added\">2<", body, StringComparison.Ordinal);
        Assert.Equal(["PGA1", "PGA2"], await LocalIdsAsync("PGA"));
        var isla = await App.QueryDbAsync(db => db.Children.AsNoTracking().SingleAsync(c => c.LocalId == "PGA1"));
        var childPage = await client.GetStringAsync(new Uri($"/children/{isla.Id}", UriKind.Relative));
        Assert.Contains("data-testid=\"history-not-loaded\"", childPage, StringComparison.Ordinal);
        Assert.Contains("already looked after on 12 January 2025", childPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_is_shown_with_its_file_line_and_field_and_nothing_is_loaded()
    {
        using var client = await App.SignedInClientAsync(EmptyCouncilApp.Manager);

        using var response = await PostFilesAsync(client, "", TwoChildren("PGB", secondPlacement: "H5"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Nothing was loaded", body, StringComparison.Ordinal);
        var table = body[body.IndexOf("data-testid=\"problems\"", StringComparison.Ordinal)..];
        Assert.Contains("episodes.csv line 3", table, StringComparison.Ordinal);
        Assert.Contains(">PLACE<", table, StringComparison.Ordinal);
        Assert.Contains(">PGB2<", table, StringComparison.Ordinal);
        Assert.Contains("(DfE rule 146)", table, StringComparison.Ordinal);
        Assert.Empty(await LocalIdsAsync("PGB"));
    }

    [Fact]
    public async Task Checking_only_saves_nothing_and_the_problems_download_as_csv()
    {
        using var client = await App.SignedInClientAsync(EmptyCouncilApp.Manager);

        using var check = await PostFilesAsync(client, "?handler=Check", TwoChildren("PGC", secondPlacement: "H5"),
            new Dictionary<string, string> { ["Input.CleanOnly"] = "true" });
        using var csv = await PostFilesAsync(client, "?handler=Problems", TwoChildren("PGC", secondPlacement: "H5"));

        var body = await check.Content.ReadAsStringAsync();
        Assert.Contains("What loading these files would do", body, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"added\">1<", body, StringComparison.Ordinal);
        Assert.Empty(await LocalIdsAsync("PGC"));
        Assert.Contains(await AuditAsync(AuditAction.ReturnImportChecked), e => e.UserName == EmptyCouncilApp.Manager);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file,line,field,child,problem,rule", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("episodes.csv,3,PLACE,PGC2,", StringComparison.Ordinal) && l.EndsWith(",146", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Past_a_thousand_problems_the_first_are_listed_by_file_and_line_and_the_rest_are_counted()
    {
        using var client = await App.SignedInClientAsync(EmptyCouncilApp.Manager);
        var files = TwoChildren("PGD");
        files["header.csv"] += string.Concat(Enumerable.Range(10, 1_500).Select(i => $"PGD{i:D4},M,14/09/2015,XXXX,UN1,,\r\n"));

        using var check = await PostFilesAsync(client, "?handler=Check", files);
        using var csv = await PostFilesAsync(client, "?handler=Problems", files);

        var body = await check.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"problem-count\">1500<", body, StringComparison.Ordinal);
        Assert.Contains("The first 1,000 of 1,500 are listed, by file and line, and 500 more are not.", body, StringComparison.Ordinal);
        Assert.Equal(1_000, body.Split("<tr class=\"govuk-table__row\">").Length - 2);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1_002, lines.Length);
        Assert.StartsWith("header.csv,4,ETHNIC,PGD0010,", lines[1], StringComparison.Ordinal);
        Assert.Contains("and 500 more problems, not listed", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_is_read_where_it_was_buffered_and_a_names_file_in_windows_1252_loads_as_typed()
    {
        using var client = await App.SignedInClientAsync(EmptyCouncilApp.Manager);
        var files = TwoChildren("PGE").ToDictionary(f => f.Key, f => Encoding.UTF8.GetBytes(f.Value));

        // Over 64 KB, so ASP.NET Core buffers it to a temporary file; its first letter that is not ASCII is
        // past the first read, so it is read again as Windows-1252.
        var names = new StringBuilder("CHILD,GIVEN_NAME,FAMILY_NAME\r\n");
        for (var i = 0; i < 5_000; i++)
        {
            names.Append(CultureInfo.InvariantCulture, $"OTHER{i},Ann,Smith\r\n");
        }

        names.Append("PGE1,Zoë,McDonald\r\nPGE2,Seán,O'Brien\r\n");
        files["names.csv"] = CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes(names.ToString());

        using var response = await PostFilesAsync(client, "", files);

        Assert.Contains("data-testid=\"loaded\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var loaded = await App.QueryDbAsync(db => db.Children.AsNoTracking().Where(c => c.LocalId.StartsWith("PGE"))
            .OrderBy(c => c.LocalId).Select(c => c.GivenName + " " + c.FamilyName).ToListAsync());
        Assert.Equal(["Zoë McDonald", "Seán O'Brien"], loaded);
    }

    [Fact]
    public async Task Choosing_no_files_or_a_file_that_is_not_csv_is_explained_beside_the_field()
    {
        using var client = await App.SignedInClientAsync(EmptyCouncilApp.Manager);

        using var none = await PostFilesAsync(client, "", new Dictionary<string, string>());
        using var notCsv = await PostFilesAsync(client, "", new Dictionary<string, string> { ["return.xlsx"] = "not a csv" });

        Pages.AssertFieldError(await none.Content.ReadAsStringAsync(), "Input-Current", "Choose this year's header.csv, episodes.csv and reviews.csv");
        Pages.AssertFieldError(await notCsv.Content.ReadAsStringAsync(), "Input-Current", "return.xlsx is not a CSV file");
    }

    [Fact]
    public async Task The_page_is_for_the_iro_manager_only_and_viewing_it_is_audited()
    {
        using var manager = await App.SignedInClientAsync(EmptyCouncilApp.Manager);
        using var iro = await App.SignedInClientAsync(EmptyCouncilApp.Iro);

        using var page = await manager.GetAsync(new Uri("/returns/import", UriKind.Relative));
        using var refused = await iro.GetAsync(new Uri("/returns/import", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains(await AuditAsync(AuditAction.ReturnImportViewed), e => e.UserName == EmptyCouncilApp.Manager);
    }
}

/// <summary>The demo council, and an empty council to load its return into.</summary>
public sealed class RoundTripApps : IAsyncLifetime
{
    public DemoApp Source { get; } = new();
    public AppFactory Target { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Source.InitializeAsync();

        // The same day as the demo council, so that nothing in its return lies in the empty council's future.
        Target = await AppFactory.StartAsync(startsAt: SuiteToday.TenOClock);
    }

    public async Task DisposeAsync()
    {
        await Target.DisposeAsync();
        await Source.DisposeAsync();
    }
}

/// <summary>The demo council's return exported from one database, loaded into another, and exported again, byte for byte.</summary>
public sealed class ReturnRoundTripTests(RoundTripApps apps) : IClassFixture<RoundTripApps>
{
    private static async Task<DirectoryInfo> ExportAsync(AppFactory app, int year)
    {
        var folder = Directory.CreateTempSubdirectory($"round-trip-{year}-");
        Assert.Equal(0, await app.RunCommandAsync(services => ExportReturnCommand.RunAsync(services, ["--year", $"{year}", "--out", folder.FullName])));
        return folder;
    }

    [Fact]
    public async Task Export_then_import_into_an_empty_council_then_export_again_gives_the_same_files()
    {
        var folders = new List<DirectoryInfo>();
        try
        {
            // The last whole collection year before the demo council's today, and the one before it.
            var year = FinancialYear.Containing(apps.Source.Today).Previous.EndingYear;
            var current = await ExportAsync(apps.Source, year);
            var previous = await ExportAsync(apps.Source, year - 1);
            folders.AddRange([current, previous]);

            Assert.Equal(0, await apps.Target.RunCommandAsync(services =>
                ImportReturnCommand.RunAsync(services, [current.FullName, "--previous", previous.FullName])));

            foreach (var (before, exported) in new[] { (current, year), (previous, year - 1) })
            {
                var after = await ExportAsync(apps.Target, exported);
                folders.Add(after);
                foreach (var name in new[] { "header.csv", "episodes.csv", "reviews.csv" })
                {
                    var expected = await File.ReadAllBytesAsync(Path.Combine(before.FullName, name));
                    var actual = await File.ReadAllBytesAsync(Path.Combine(after.FullName, name));
                    Assert.True(expected.AsSpan().SequenceEqual(actual),
                        $"{name} for {exported} differs after the round trip");
                }
            }

            var header = await File.ReadAllLinesAsync(Path.Combine(current.FullName, "header.csv"));
            var loaded = await apps.Target.QueryDbAsync(db => db.Children.CountAsync());
            Assert.True(header.Length > 200, $"{header.Length - 1} children in the {year} return");
            Assert.True(loaded >= header.Length - 1, $"{loaded} children loaded");
        }
        finally
        {
            folders.ForEach(f => f.Delete(recursive: true));
        }
    }
}
