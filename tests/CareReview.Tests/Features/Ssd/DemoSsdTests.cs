using System.Globalization;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Tests.Shared;
using CareReview.Tests.Support;
using CareReview.Web.Commands;
using CareReview.Web.Demo;
using CareReview.Web.Features.Ssd;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CareReview.Tests.Features.Ssd;

/// <summary>
/// The demo council as the Standard Safeguarding Dataset (<c>demo-ssd</c>), written by the conventions the SSD
/// reader relies on: the demo's own children, episodes, placements and legal statuses, found again by date.
/// </summary>
[Trait("Database", "none")]
public sealed class DemoSsdTests
{
    private static readonly Lazy<Task<DemoBuild>> s_demo = new(() => DemoIds.BuildAsync(new DemoOptions().Seed, SuiteToday.Date, Rulebook.National));

    private static readonly string s_today = SuiteToday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<(DemoCouncil Council, IReadOnlyDictionary<SsdTable, IReadOnlyList<string?[]>> Tables)> DemoAsync()
    {
        var council = (await s_demo.Value).Council;
        return (council, DemoSsd.Write(council));
    }

    [Fact]
    public async Task Every_table_sync_reads_is_written_with_its_header_and_reads_back_with_every_row()
    {
        var (_, tables) = await DemoAsync();
        var folder = Directory.CreateTempSubdirectory("demo-ssd-");
        try
        {
            // No --seed or --today: the demo's own seed, and today as the app's clock has it.
            Assert.Equal(0, await RunAsync("--out", folder.FullName));

            var store = SsdStore.Parse(folder.FullName);
            foreach (var table in SsdTables.Read)
            {
                var lines = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, table.Name + ".csv"));
                Assert.Equal(string.Join(',', table.Columns.Select(c => c.Name)), lines[0].TrimStart('\uFEFF'));
                var read = await store.ReadAsync(table);
                Assert.True(read.Supplied, $"{table.Name}: {read.Problem}");
                Assert.Equal(tables[table].Count, read.Rows.Count);
            }

            Assert.Empty(tables[SsdTables.LinkedIdentifiers]);
            Assert.All(SsdTables.Read.Where(t => t != SsdTables.LinkedIdentifiers), t => Assert.NotEmpty(tables[t]));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Every_child_of_the_demo_is_one_person_and_every_episode_one_row()
    {
        var (council, tables) = await DemoAsync();

        var people = tables[SsdTables.Person].Select(r => Value(SsdTables.Person, r, "pers_person_id")).ToList();
        Assert.Equal(council.Children.Select(c => c.LocalId).Order(StringComparer.Ordinal), people.Order(StringComparer.Ordinal));
        var first = council.Children[0];
        var row = tables[SsdTables.Person].Single(r => Value(SsdTables.Person, r, "pers_person_id") == first.LocalId);
        Assert.Equal(first.FamilyName, Value(SsdTables.Person, row, "pers_surname"));
        Assert.Equal(first.DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Value(SsdTables.Person, row, "pers_dob"));

        Assert.Equal(council.Children.Sum(c => c.Episodes.Count), tables[SsdTables.Episodes].Count);
        Assert.Equal(tables[SsdTables.Episodes].Count, tables[SsdTables.Episodes].Select(r => r[0]).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Each_episodes_placement_type_and_legal_status_are_found_again_by_its_start_date()
    {
        var (council, tables) = await DemoAsync();
        var placements = ByPerson(tables, SsdTables.Placements, "clap_person_id", "clap_cla_placement_start_date");
        var legalStatuses = ByPerson(tables, SsdTables.LegalStatus, "lega_person_id", "lega_legal_status_start_date");
        var episodeRows = tables[SsdTables.Episodes].ToDictionary(r => (Value(SsdTables.Episodes, r, "clae_person_id"), Value(SsdTables.Episodes, r, "clae_cla_episode_start_date"), Value(SsdTables.Episodes, r, "clae_cla_episode_start_reason")));

        var checkedEpisodes = 0;
        foreach (var child in council.Children)
        {
            foreach (var episode in child.Episodes)
            {
                var placement = LatestOnOrBefore(placements[child.LocalId], SsdTables.Placements, "clap_cla_placement_start_date", episode.StartedOn);
                var legalStatus = LatestOnOrBefore(legalStatuses[child.LocalId], SsdTables.LegalStatus, "lega_legal_status_start_date", episode.StartedOn);
                Assert.Equal(episode.PlacementType.ToString(), Value(SsdTables.Placements, placement, "clap_cla_placement_type"));
                Assert.Equal(episode.LegalStatus.ToString(), Value(SsdTables.LegalStatus, legalStatus, "lega_legal_status"));

                var row = episodeRows[(child.LocalId, Date(episode.StartedOn), episode.ReasonForNewEpisode.ToString())];
                Assert.Equal(Value(SsdTables.Placements, placement, "clap_cla_placement_id"), Value(SsdTables.Episodes, row, "clae_cla_placement_id"));
                checkedEpisodes++;
            }
        }

        Assert.Equal(tables[SsdTables.Episodes].Count, checkedEpisodes);
    }

    [Fact]
    public async Task A_change_of_legal_status_alone_keeps_the_placement_row_and_starts_a_legal_status_row()
    {
        var (council, tables) = await DemoAsync();
        var child = council.Children.FirstOrDefault(c => c.Episodes.Skip(1).Any(e => e.ReasonForNewEpisode == ReasonForNewEpisode.L));
        Assert.NotNull(child);
        var episodes = child.Episodes.OrderBy(e => e.StartedOn).ToList();
        var changed = episodes.FindIndex(1, e => e.ReasonForNewEpisode == ReasonForNewEpisode.L);

        var rows = tables[SsdTables.Episodes].Where(r => Value(SsdTables.Episodes, r, "clae_person_id") == child.LocalId).ToList();
        Assert.Equal(Value(SsdTables.Episodes, rows[changed - 1], "clae_cla_placement_id"), Value(SsdTables.Episodes, rows[changed], "clae_cla_placement_id"));
        var placementId = Value(SsdTables.Episodes, rows[changed], "clae_cla_placement_id");
        Assert.Single(tables[SsdTables.Placements], r => Value(SsdTables.Placements, r, "clap_cla_placement_id") == placementId);
        Assert.Contains(tables[SsdTables.LegalStatus], r => Value(SsdTables.LegalStatus, r, "lega_person_id") == child.LocalId
            && Value(SsdTables.LegalStatus, r, "lega_legal_status_start_date") == Date(episodes[changed].StartedOn)
            && Value(SsdTables.LegalStatus, r, "lega_legal_status") == episodes[changed].LegalStatus.ToString());
    }

    [Fact]
    public async Task The_command_writes_the_same_files_on_a_second_run()
    {
        var first = Directory.CreateTempSubdirectory("demo-ssd-");
        var second = Directory.CreateTempSubdirectory("demo-ssd-");
        try
        {
            Assert.Equal(0, await RunAsync("--out", first.FullName, "--today", s_today));
            Assert.Equal(0, await RunAsync("--today", s_today, "--out", second.FullName, "--seed", new DemoOptions().Seed.ToString(CultureInfo.InvariantCulture)));

            var names = first.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(SsdTables.Read.Count, names.Count);
            Assert.Equal(names, second.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
            foreach (var name in names)
            {
                var once = await File.ReadAllBytesAsync(Path.Combine(first.FullName, name));
                var again = await File.ReadAllBytesAsync(Path.Combine(second.FullName, name));
                Assert.True(once.AsSpan().SequenceEqual(again), name);
            }
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_command_refuses_a_day_it_cannot_read_and_a_missing_folder()
    {
        Assert.Equal(2, await RunAsync("--out", Path.GetTempPath(), "--today", "23/11/2026"));
        Assert.Equal(2, await RunAsync("--today", s_today));
    }

    [Fact]
    public async Task The_app_runs_the_command_without_a_database_and_writes_eleven_files()
    {
        var folder = Directory.CreateTempSubdirectory("demo-ssd-");
        var database = AppProcess.NewDatabaseFile();
        try
        {
            var (exitCode, output) = await AppProcess.RunAsync(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Database__Provider"] = "Sqlite",
                ["ConnectionStrings__App"] = $"Data Source={database}",
                ["Reminders__Enabled"] = "false",
            }, DemoSsdCommand.Name, "--out", folder.FullName, "--today", s_today);

            Assert.True(exitCode == 0, output);
            Assert.Equal(11, folder.GetFiles("ssd_*.csv").Length);
            Assert.Contains($"ssd_person {DemoCouncil.ChildCount}", output, StringComparison.Ordinal);
            Assert.False(File.Exists(database), "demo-ssd made a database");
        }
        finally
        {
            folder.Delete(recursive: true);
            AppProcess.DeleteDatabaseFile(database);
        }
    }

    /// <summary>Runs <c>demo-ssd</c> with the services it asks for: the demo's settings and a clock at the suite's day.</summary>
    internal static async Task<int> RunAsync(params string[] args)
    {
        await using var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(SuiteToday.TenOClock))
            .Configure<DemoOptions>(_ => { })
            .BuildServiceProvider();
        return await DemoSsdCommand.RunAsync(services, args);
    }

    internal static string Value(SsdTable table, string?[] row, string column) =>
        row[table.Columns.ToList().FindIndex(c => c.Name == column)] ?? "";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, List<string?[]>> ByPerson(IReadOnlyDictionary<SsdTable, IReadOnlyList<string?[]>> tables, SsdTable table, string person, string start) =>
        tables[table].GroupBy(r => Value(table, r, person))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => Value(table, r, start), StringComparer.Ordinal).ToList());

    /// <summary>The reader's rule: the latest row starting on or before the date (ISO dates sort as text).</summary>
    private static string?[] LatestOnOrBefore(List<string?[]> rows, SsdTable table, string start, DateOnly date) =>
        rows.Last(r => string.CompareOrdinal(Value(table, r, start), Date(date)) <= 0);
}

/// <summary>The demo written to a PostgreSQL schema by <c>demo-ssd</c> and read back, on the suite's PostgreSQL pass.</summary>
public sealed class DemoSsdPostgresTests
{
    [Fact]
    public async Task The_command_writes_a_postgres_schema_that_reads_back_with_every_row()
    {
        // On the SQLite pass there is no PostgreSQL server: the same check runs on a folder of CSV files.
        await using var database = TestDatabase.PostgresRequested ? await TestDatabase.CreateAsync() : null;
        var folder = database is null ? Directory.CreateTempSubdirectory("demo-ssd-") : null;
        try
        {
            var location = database is null ? folder!.FullName : TestDatabase.PostgresUrl(database.ConnectionString);
            Assert.Equal(0, await DemoSsdTests.RunAsync("--out", location, "--schema", "ssd_demo"));

            var council = (await DemoIds.BuildAsync(new DemoOptions().Seed, SuiteToday.Date, Rulebook.National)).Council;
            var expected = DemoSsd.Write(council);
            var store = SsdStore.Parse(location, "ssd_demo");
            Assert.Equal(database is null ? typeof(SsdCsvFolder) : typeof(SsdPostgresSchema), store.GetType());
            foreach (var table in SsdTables.Read)
            {
                var read = await store.ReadAsync(table);
                Assert.True(read.Supplied, $"{table.Name}: {read.Problem}");
                Assert.Equal(expected[table].Count, read.Rows.Count);
            }

            var person = (await store.ReadAsync(SsdTables.Person)).Rows.Single(r => r["pers_person_id"] == council.Children[0].LocalId);
            Assert.Equal(council.Children[0].DateOfBirth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), person["pers_dob"]);
        }
        finally
        {
            folder?.Delete(recursive: true);
        }
    }
}
