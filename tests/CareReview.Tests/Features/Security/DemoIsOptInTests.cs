using System.Globalization;
using System.Net;
using CareReview.Domain.Returns;
using CareReview.Tests.Shared;
using CareReview.Tests.Support;
using CareReview.Web;
using CareReview.Web.Authorization;
using CareReview.Web.Demo;
using CareReview.Web.Features.Returns;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Security;

/// <summary>
/// Issue 19, finding 5: every new SQLite database was once filled with the demo council, its manager sign-ins'
/// password printed on the sign-in page, and nothing stopped a council loading real children into it. Demo mode is
/// now asked for, a database is marked for the mode it was made in, and a demonstration's database says so on every
/// page and takes no council's return (ADR-0025).
/// </summary>
public sealed class DemoIsOptInTests
{
    /// <summary>The app as a council runs it, on SQLite; Development so the production-only settings are not needed.</summary>
    private static Dictionary<string, string> Settings(string databaseFile, bool? demo)
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__App"] = $"Data Source={databaseFile}",
            ["Reminders__Enabled"] = "false",
        };
        if (demo is { } on)
        {
            settings["Demo__Enabled"] = on ? "true" : "false";
            if (on)
            {
                settings["Clock__Today"] = SuiteToday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return settings;
    }

    [Fact]
    [Trait("Database", "own-sqlite")]
    public async Task A_new_database_is_a_councils_with_no_sign_ins_and_will_not_become_a_demonstration()
    {
        var database = AppProcess.NewDatabaseFile();
        var output = Directory.CreateTempSubdirectory("carereview-export-");
        try
        {
            // No Demo setting at all: what `dotnet run` does on a new database.
            var (exitCode, said) = await AppProcess.RunAsync(Settings(database, demo: null), "export-903", "--year", "2026", "--out", output.FullName);
            Assert.True(exitCode == 0, said);

            Assert.Equal(0L, await ScalarAsync(database, "SELECT COUNT(*) FROM AspNetUsers"));
            Assert.Equal(0L, await ScalarAsync(database, "SELECT COUNT(*) FROM Children"));
            Assert.Equal(0L, await ScalarAsync(database, "SELECT IsDemonstration FROM Installations"));

            var (refused, why) = await AppProcess.RunAsync(Settings(database, demo: true), "export-903", "--year", "2026", "--out", output.FullName);
            Assert.Equal(1, refused);
            Assert.Contains(DemoDatabase.ForACouncil, why, StringComparison.Ordinal);
            Assert.Equal(0L, await ScalarAsync(database, "SELECT COUNT(*) FROM AspNetUsers"));
        }
        finally
        {
            AppProcess.DeleteDatabaseFile(database);
            output.Delete(recursive: true);
        }
    }

    [Fact]
    [Trait("Database", "own-sqlite")]
    public async Task A_demonstrations_database_starts_only_in_demo_mode_and_loads_no_return()
    {
        var database = AppProcess.NewDatabaseFile();
        var files = Directory.CreateTempSubdirectory("carereview-return-");
        try
        {
            var (exitCode, said) = await AppProcess.RunAsync(Settings(database, demo: true), "export-903", "--year", "2026", "--out", files.FullName);
            Assert.True(exitCode == 0, said);
            Assert.Equal(1L, await ScalarAsync(database, "SELECT IsDemonstration FROM Installations"));
            var children = await ScalarAsync(database, "SELECT COUNT(*) FROM Children");
            Assert.True(children > 0);

            var (refused, why) = await AppProcess.RunAsync(Settings(database, demo: false), "export-903", "--year", "2026", "--out", files.FullName);
            Assert.Equal(1, refused);
            Assert.Contains(DemoDatabase.ForADemonstration, why, StringComparison.Ordinal);

            // The demonstration's own return, loaded back into it: refused before a row is read.
            var (notLoaded, reason) = await AppProcess.RunAsync(Settings(database, demo: true), "import-903", files.FullName);
            Assert.Equal(2, notLoaded);
            Assert.Contains(DemoDatabase.NoImport, reason, StringComparison.Ordinal);
            Assert.Equal(children, await ScalarAsync(database, "SELECT COUNT(*) FROM Children"));
        }
        finally
        {
            AppProcess.DeleteDatabaseFile(database);
            files.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_database_from_before_the_mark_is_a_demonstration_only_if_the_demo_seeder_made_it()
    {
        await using var app = await AppFactory.StartAsync();

        // The mark is made at the first start after the release; a database that already had the demo's sign-ins
        // is taken for a demonstration, any other for a council's.
        // Without its mark, as a database from before the release is.
        Task<string?> StartWithoutTheMarkAsync() => app.QueryDbAsync(async db =>
        {
            db.Installations.RemoveRange(db.Installations);
            await db.SaveChangesAsync();
            return await DemoDatabase.RefusalAsync(db, demoMode: false, DateTime.UnixEpoch);
        });

        var councils = await StartWithoutTheMarkAsync();
        Assert.Null(councils);
        Assert.False(await app.QueryDbAsync(DemoDatabase.IsDemonstrationAsync));

        await app.AUserAsync(DemoAccounts.IroManager, Roles.IroManager);
        var demonstrations = await StartWithoutTheMarkAsync();
        Assert.Equal(DemoDatabase.ForADemonstration, demonstrations);
        Assert.True(await app.QueryDbAsync(DemoDatabase.IsDemonstrationAsync));
    }

    private static async Task<long> ScalarAsync(string databaseFile, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

/// <summary>A demonstration on the test clock rather than a chosen day, so its banner has no day to name.</summary>
public sealed class DemonstrationOnTheTestClock() : AppFactory(new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });

public sealed class DemonstrationPagesTests(DemonstrationOnTheTestClock app) : IClassFixture<DemonstrationOnTheTestClock>
{
    [Fact]
    public async Task Every_page_of_a_demonstration_says_so_even_without_a_chosen_day()
    {
        using var anonymous = app.AnonymousClient();
        using var staff = await app.SignedInClientAsync(DemoAccounts.Iro, DemoOptions.Password);
        using var child = await app.SignedInClientAsync(DemoAccounts.Child, DemoOptions.Password);

        foreach (var (client, path) in new[] { (anonymous, "/sign-in"), (staff, "/caseload"), (child, "/me") })
        {
            var page = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.Contains("data-testid=\"demonstration-day\"", page, StringComparison.Ordinal);
            Assert.Contains(DemonstrationClock.MadeUp, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_import_page_of_a_demonstration_checks_files_but_loads_none()
    {
        using var manager = await app.SignedInClientAsync(DemoAccounts.IroManager, DemoOptions.Password);
        var page = await manager.GetStringAsync(new Uri("/returns/import", UriKind.Relative));
        var children = await app.QueryDbAsync(db => db.Children.CountAsync());

        using var form = new MultipartFormDataContent
        {
            { new StringContent(AppFactory.AntiforgeryTokenIn(page)), "__RequestVerificationToken" },
            { new ByteArrayContent("CHILD,SEX,DOB\r\nDEMO1,1,01/01/2015\r\n"u8.ToArray()), "Input.Current", "header.csv" },
        };
        using var loading = await manager.PostAsync(new Uri("/returns/import", UriKind.Relative), form);

        Assert.Contains("data-testid=\"demonstration-no-import\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"check\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"load\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, loading.StatusCode);
        Assert.Contains(DemoDatabase.NoImport, WebUtility.HtmlDecode(await loading.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(children, await app.QueryDbAsync(db => db.Children.CountAsync()));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.QueryDbAsync(db =>
            ReturnImporter.ImportAsync(db, null!, null, new ReturnFileSet(new Dictionary<string, byte[]>()), null, null, false, app.Today, app.Rules)));
        Assert.Equal(DemoDatabase.NoImport, refused.Message);
    }
}
