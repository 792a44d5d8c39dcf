using CareReview.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareReview.Bench;

/// <summary>
/// The return benchmark's databases, each named: SQLite files in the working folder (the default, as the
/// app runs out of the box), or databases on a PostgreSQL server (<c>--postgres CONNECTION</c>, as
/// production runs). Either way <see cref="Empty"/> is built by the app's migrations and every other
/// database starts as a copy of it, made outside the measured time.
/// </summary>
internal sealed class BenchDatabases(string folder, string? postgres) : IAsyncDisposable
{
    public const string Empty = "empty";

    // Databases this run made, dropped at the end, so that a server can run the benchmark again.
    private readonly List<string> _created = [];
    private readonly string _prefix = $"carereview_bench_{Environment.ProcessId}_";

    public string Engine => postgres is null ? "SQLite files" : "PostgreSQL databases";

    public async Task CreateEmptyAsync()
    {
        if (postgres is not null)
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{_prefix}{Empty}\"");
            _created.Add(_prefix + Empty);
        }

        await using (var db = Open(Empty))
        {
            await db.Database.MigrateAsync();
        }

        // Pooled connections keep the SQLite file unfinished and the PostgreSQL template busy; a copy needs neither.
        ReleaseConnections();
    }

    /// <summary>A new database named <paramref name="name"/>, a copy of the migrated empty one.</summary>
    public async Task CopyEmptyAsync(string name)
    {
        ReleaseConnections();
        if (postgres is null)
        {
            File.Copy(PathOf(Empty), PathOf(name));
        }
        else
        {
            await ExecuteOnServerAsync($"CREATE DATABASE \"{_prefix}{name}\" TEMPLATE \"{_prefix}{Empty}\"");
            _created.Add(_prefix + name);
        }
    }

    public AppDbContext Open(string name) => postgres is null
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseAppSqlite(new SqliteConnectionStringBuilder { DataSource = PathOf(name) }.ToString()).Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql(new NpgsqlConnectionStringBuilder(postgres) { Database = _prefix + name }.ToString()).Options);

    public async Task<string> SizeAsync(string name)
    {
        if (postgres is null)
        {
            return Program.Mb(new FileInfo(PathOf(name)).Length);
        }

        await using var db = Open(name);
        return Program.Mb(await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync());
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseConnections();
        foreach (var database in _created)
        {
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
        }
    }

    private string PathOf(string name) => Path.Combine(folder, name + ".db");

    private void ReleaseConnections()
    {
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
