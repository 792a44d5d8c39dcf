using CareReview.Web.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CareReview.Tests.Support;

/// <summary>
/// A private database for one <see cref="AppFactory"/>, handed to the app through its ordinary
/// configuration (Database:Provider and ConnectionStrings:App). By default it is a shared-cache
/// in-memory SQLite database kept alive by one open connection. When CAREREVIEW_TEST_POSTGRES holds a
/// connection string to a PostgreSQL server (for example "Host=127.0.0.1;Port=5433;Username=postgres"),
/// it is a newly created PostgreSQL database instead, dropped again at the end, so that the same tests
/// run on the production engine.
/// </summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CAREREVIEW_TEST_POSTGRES";

    /// <summary>The value for Database:Provider.</summary>
    public abstract string Provider { get; }

    /// <summary>The value for ConnectionStrings:App.</summary>
    public abstract string ConnectionString { get; }

    /// <summary>A short name for messages, such as "SQLite (in memory)".</summary>
    public abstract string Description { get; }

    public static bool PostgresRequested => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresVariable));

    /// <summary>A PostgreSQL connection string as the postgres:// URL the SSD commands take.</summary>
    public static string PostgresUrl(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var password = string.IsNullOrEmpty(builder.Password) ? "" : ":" + Uri.EscapeDataString(builder.Password);
        return $"postgres://{Uri.EscapeDataString(builder.Username ?? "postgres")}{password}@{builder.Host}:{builder.Port}/{Uri.EscapeDataString(builder.Database!)}";
    }

    /// <summary>
    /// For a test about PostgreSQL itself (marked <c>[Trait("Database", "postgres")]</c>, which test.sh runs on the
    /// PostgreSQL pass only): fails, rather than passing unseen, when no server was given.
    /// </summary>
    public static void RequirePostgres()
    {
        if (!PostgresRequested)
        {
            throw new InvalidOperationException($"This test needs a PostgreSQL server: set {PostgresVariable}, as test.sh does on its PostgreSQL pass.");
        }
    }

    /// <param name="sqliteOnFile">
    /// On SQLite, a database file as the app is deployed, instead of the shared-cache in-memory database. Tests
    /// that send requests at once need it: a shared cache locks table by table, so readers and writers wait for
    /// each other in ways a file in WAL mode never does, and such a test would measure the test database.
    /// </param>
    public static async Task<TestDatabase> CreateAsync(bool sqliteOnFile = false)
    {
        var postgres = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return await PostgresDatabase.OpenAsync(postgres);
        }

        return sqliteOnFile ? new SqliteFile() : await InMemorySqlite.OpenAsync();
    }

    public abstract ValueTask DisposeAsync();

    private static string UniqueName() => $"carereview_test_{Guid.NewGuid():N}";

    private sealed class InMemorySqlite : TestDatabase
    {
        private readonly SqliteConnection _keepAlive;

        private InMemorySqlite(string connectionString, SqliteConnection keepAlive)
        {
            ConnectionString = connectionString;
            _keepAlive = keepAlive;
        }

        public override string Provider => DatabaseSetup.Sqlite;
        public override string ConnectionString { get; }
        public override string Description => "SQLite (in memory)";

        public static async Task<TestDatabase> OpenAsync()
        {
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = UniqueName(),
                Mode = SqliteOpenMode.Memory,
                Cache = SqliteCacheMode.Shared,
            }.ToString();

            // A shared-cache in-memory database lives as long as one connection to it is open.
            var keepAlive = new SqliteConnection(connectionString);
            await keepAlive.OpenAsync();
            return new InMemorySqlite(connectionString, keepAlive);
        }

        public override async ValueTask DisposeAsync() => await _keepAlive.DisposeAsync();
    }

    private sealed class SqliteFile : TestDatabase
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"{UniqueName()}.db");

        public override string Provider => DatabaseSetup.Sqlite;
        public override string ConnectionString => new SqliteConnectionStringBuilder { DataSource = _path }.ToString();
        public override string Description => "SQLite (file)";

        public override ValueTask DisposeAsync()
        {
            // Pooled connections keep the file open; WAL mode leaves two files beside it.
            using (var pooled = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(pooled);
            }

            AppProcess.DeleteDatabaseFile(_path);

            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresDatabase : TestDatabase
    {
        private readonly string _serverConnectionString;
        private readonly string _name;

        private PostgresDatabase(string serverConnectionString, string name, string connectionString)
        {
            _serverConnectionString = serverConnectionString;
            _name = name;
            ConnectionString = connectionString;
        }

        public override string Provider => DatabaseSetup.Postgres;
        public override string ConnectionString { get; }
        public override string Description => $"PostgreSQL ({_name})";

        public static async Task<TestDatabase> OpenAsync(string server)
        {
            var name = UniqueName();
            var admin = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ToString();
            var app = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
            return new PostgresDatabase(admin, name, app);
        }

        public override async ValueTask DisposeAsync()
        {
            // The app's pooled connections would otherwise keep the database in use.
            await using (var pooled = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await ExecuteAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        }

        private static async Task ExecuteAsync(string connectionString, string sql)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
