using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CareReview.Web.Data;

/// <summary>
/// Settings every SQLite connection EF opens gets (the app opens none itself). SQLite keeps them per connection and the connection
/// string cannot carry them, so they are set on each open: a pooled connection then never behaves differently
/// from a new one.
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    /// <summary>
    /// Write-ahead logging, so that readers never wait for a writer nor a writer for readers: only writers queue,
    /// one at a time. In SQLite's default (rollback) mode a commit waits for every reader to finish and readers
    /// wait for the commit, which under concurrent requests turned into waits of the whole command timeout. The
    /// mode is kept in the file, so this only changes a database once; an in-memory database ignores it.
    /// Temporary storage in memory. Inside a transaction each INSERT or UPDATE keeps a statement journal so it
    /// can be undone alone; past 64 KiB SQLite moves that journal to a file in /var/tmp, and from then on every
    /// statement costs about ten write calls. Measured on the SSDA903 import (47,000 rows in one transaction):
    /// 1.0 s of inserts with the file, 0.3 s without it (bench/README.md).
    /// </summary>
    public const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA temp_store = MEMORY;";

    public static readonly SqliteConnectionSettings Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Command(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        // Not the caller's token: a cancellation here would leave the connection open without its settings.
        await using var command = Command(connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        return command;
    }
}
