using CareReview.Tests.Support;
using CareReview.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareReview.Tests.Data;

/// <summary>
/// The app's SQLite connections keep temporary storage in memory; with SQLite's default, a long transaction's
/// statement journal goes to a file and a bulk import runs several times slower (bench/README.md).
/// </summary>
public sealed class SqliteConnectionSettingsTests
{
    [Fact]
    public async Task Every_connection_the_app_opens_keeps_temporary_storage_in_memory()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseSetup.Sqlite,
            ["ConnectionStrings:App"] = $"Data Source=file:settings-{Guid.NewGuid():N}?mode=memory&cache=shared",
        }).Build();
        var services = new ServiceCollection();
        services.AddAppDatabase(config);
        await using var provider = services.BuildServiceProvider();

        // Opened twice each way: the second open of a pooled connection must not lose the setting either.
        foreach (var _ in new[] { 1, 2 })
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Equal(MemoryTempStore, await db.Database.SqlQueryRaw<long>(TempStore).SingleAsync());
            Assert.Equal(MemoryTempStore, db.Database.SqlQueryRaw<long>(TempStore).AsEnumerable().Single());
        }
    }

    [Fact]
    public async Task A_context_built_outside_the_app_with_UseAppSqlite_gets_the_same_setting()
    {
        await using var db = new SqliteAppDbContext(
            new DbContextOptionsBuilder<SqliteAppDbContext>().UseAppSqlite("Data Source=:memory:").Options);

        Assert.Equal(MemoryTempStore, await db.Database.SqlQueryRaw<long>(TempStore).SingleAsync());
    }

    [Fact]
    public async Task Without_the_setting_SQLite_would_use_its_default()
    {
        await using var db = new SqliteAppDbContext(
            new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.NotEqual(MemoryTempStore, await db.Database.SqlQueryRaw<long>(TempStore).SingleAsync());
    }

    [Fact]
    public async Task A_database_file_is_written_ahead_so_readers_and_writers_do_not_wait_for_each_other()
    {
        var path = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.db");
        try
        {
            await using (var db = new SqliteAppDbContext(
                new DbContextOptionsBuilder<SqliteAppDbContext>().UseAppSqlite($"Data Source={path};Pooling=False").Options))
            {
                Assert.Equal("wal", await db.Database.SqlQueryRaw<string>(JournalMode).SingleAsync());
            }

            // Kept in the file: a connection without the app's settings finds it too.
            await using var plain = new SqliteAppDbContext(
                new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={path};Pooling=False").Options);
            Assert.Equal("wal", await plain.Database.SqlQueryRaw<string>(JournalMode).SingleAsync());
        }
        finally
        {
            AppProcess.DeleteDatabaseFile(path);
        }
    }

    private const string JournalMode = "SELECT journal_mode AS \"Value\" FROM pragma_journal_mode()";

    private const string TempStore = "SELECT temp_store AS \"Value\" FROM pragma_temp_store()";

    /// <summary>PRAGMA temp_store's value for MEMORY.</summary>
    private const long MemoryTempStore = 2;
}
