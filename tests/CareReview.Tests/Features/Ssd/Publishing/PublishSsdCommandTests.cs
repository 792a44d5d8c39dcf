using CareReview.Tests.Support;
using CareReview.Web.Commands;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Ssd;
using CareReview.Web.Features.Ssd.Publishing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareReview.Tests.Features.Ssd.Publishing;

/// <summary>
/// <c>publish-ssd</c> on the arranged council: to a folder of CSV files, and, on the suite's PostgreSQL pass, into
/// a schema made only by running docs/ssd/schema.sql; each run audited once with every table's rows.
/// </summary>
public sealed class PublishSsdCommandTests(SsdPublishingApp fixture) : IClassFixture<SsdPublishingApp>
{
    private AppFactory App => fixture.App;

    private Task<List<AuditEvent>> PublishedEventsAsync() =>
        App.QueryDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditAction.SsdPublished).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task To_a_folder_it_writes_a_csv_file_per_table_with_the_rows_and_audits_the_counts()
    {
        var folder = Directory.CreateTempSubdirectory("publish-ssd-");
        try
        {
            var before = (await PublishedEventsAsync()).Count;
            var expected = await fixture.PublishAsync();

            var exit = await App.RunCommandAsync(services => PublishSsdCommand.RunAsync(services, ["--to", folder.FullName]));

            Assert.Equal(0, exit);
            foreach (var table in SsdPublication.Tables)
            {
                var read = await new SsdCsvFolder(folder.FullName).ReadAsync(table);
                Assert.True(read.Supplied, $"{table.Name}: {read.Problem}");
                Assert.Equal(expected.Rows(table).Count, read.Rows.Count);
            }

            var reviews = await File.ReadAllLinesAsync(Path.Combine(folder.FullName, "ssd_cla_reviews.csv"));
            Assert.Equal(string.Join(',', SsdTables.Reviews.Columns.Select(c => c.Name)), reviews[0].TrimStart('\uFEFF'));
            Assert.Contains($"{fixture.Child.LocalId}-R1,{fixture.Child.LocalId}-C1,2026-09-29,2026-09-25,N,PN1", reviews);

            var audit = await PublishedEventsAsync();
            var published = Assert.Single(audit.Skip(before));
            Assert.Equal("command-line", published.UserId);
            Assert.Equal($"to:folder;{expected.Counts}", published.Details);
            Assert.Contains($"ssd_iro_escalations:{expected.Rows(SsdIroTables.Escalations).Count}", published.Details, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task It_refuses_a_missing_destination_and_a_schema_for_a_folder()
    {
        var before = (await PublishedEventsAsync()).Count;

        Assert.Equal(2, await App.RunCommandAsync(services => PublishSsdCommand.RunAsync(services, [])));
        Assert.Equal(2, await App.RunCommandAsync(services => PublishSsdCommand.RunAsync(services, ["--to", Path.GetTempPath(), "--schema", "ssd"])));
        Assert.Equal(2, await App.RunCommandAsync(services => PublishSsdCommand.RunAsync(services, ["--to"])));

        Assert.Equal(before, (await PublishedEventsAsync()).Count);
    }

    /// <summary>
    /// The "done when": the output loads into a fresh PostgreSQL schema with the documented definitions.
    /// The schema is made by docs/ssd/schema.sql alone; publishing must find every table there and make none.
    /// Needs a PostgreSQL server, so it runs on the suite's PostgreSQL pass only (CAREREVIEW_TEST_POSTGRES).
    /// </summary>
    [Fact]
    [Trait("Database", "postgres")]
    public async Task Into_postgresql_it_loads_into_a_schema_made_only_from_schema_sql()
    {
        TestDatabase.RequirePostgres();

        var connectionString = await App.QueryDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var schemaSql = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "docs", "ssd", "schema.sql"));
        await ExecuteAsync(connectionString, schemaSql);
        var made = await TablesAsync(connectionString);
        Assert.Equal(SsdPublication.Tables.Select(t => t.Name).Order(StringComparer.Ordinal), made);
        var expected = await fixture.PublishAsync();
        var before = (await PublishedEventsAsync()).Count;

        var exit = await App.RunCommandAsync(services => PublishSsdCommand.RunAsync(services,
            ["--to", TestDatabase.PostgresUrl(connectionString), "--schema", SsdPublication.DocumentedSchema]));

        Assert.Equal(0, exit);
        Assert.Equal(made, await TablesAsync(connectionString));
        foreach (var table in SsdPublication.Tables)
        {
            Assert.Equal(expected.Rows(table).Count, await CountAsync(connectionString, table));
        }

        Assert.True(expected.Rows(SsdTables.Reviews).Count >= 2);
        var stored = await new SsdPostgresSchema(connectionString, SsdPublication.DocumentedSchema).ReadAsync(SsdTables.Reviews);
        Assert.Contains(stored.Rows, r => r["clar_cla_review_id"] == $"{fixture.Child.LocalId}-R1" && r["clar_cla_review_date"] == "2026-09-25");
        Assert.StartsWith("to:postgres;", Assert.Single((await PublishedEventsAsync()).Skip(before)).Details, StringComparison.Ordinal);
    }


    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema ORDER BY table_name COLLATE \"C\"", connection);
        command.Parameters.AddWithValue("schema", SsdPublication.DocumentedSchema);
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task<int> CountAsync(string connectionString, SsdTable table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{SsdPublication.DocumentedSchema}\".\"{table.Name}\"", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
