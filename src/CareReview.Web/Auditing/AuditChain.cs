using System.Buffers;
using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareReview.Web.Auditing;

/// <summary>
/// Links audit events into the log's hash chain as they are saved (ADR-0023): each gets the next sequence
/// number, the hash of the row before it, and its own hash over both and its fields, so that a row changed,
/// deleted or added outside the app no longer fits. <see cref="AppDbContext"/> calls this for every save of
/// audit events; anything that writes audit rows another way must call it too.
/// </summary>
public static class AuditChain
{
    // The identifiers are written out, quoted, because both engines read double-quoted names the same way;
    // AuditChainTests run these statements on both.
    private const string TakeHeadSql =
        """UPDATE "AuditChainHead" SET "LastSequence" = "LastSequence" WHERE "Id" = 1 RETURNING "LastSequence", "LastHash" """;

    private const string MoveHeadSql =
        """UPDATE "AuditChainHead" SET "LastSequence" = @sequence, "LastHash" = @hash WHERE "Id" = 1""";

    /// <summary>The first field hashed, so that a later way of hashing can never give an earlier way's hash.</summary>
    private const string Version = "care-review-audit-chain/1";

    /// <summary>
    /// Gives the events, in the order given, the next places in the chain, inside the context's current
    /// transaction, and moves the chain's head on past them. The caller then writes the events in the same
    /// transaction; if it rolls back, so does the head.
    /// </summary>
    public static async Task LinkAsync(AppDbContext db, IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
        {
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Audit events are linked into the chain inside the transaction that writes them.");
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;

        // Updating the head row before reading it is the lock: PostgreSQL makes a second saver wait on the row
        // until the first commits and then gives it the new values; SQLite has already given this transaction
        // the database's one write lock. Either way no two saves read the same end of the chain.
        command.CommandText = TakeHeadSql;
        long sequence;
        string? previous;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException(
                    "The record of where the audit log's chain ends (table AuditChainHead) is missing, so nothing audited can be saved. See ADR-0023.");
            }

            sequence = reader.GetInt64(0);
            previous = reader.IsDBNull(1) ? null : reader.GetString(1);
        }

        foreach (var audit in events)
        {
            // PostgreSQL keeps whole microseconds; the hash is of the time as it will be read back.
            audit.OccurredAtUtc = ToMicroseconds(audit.OccurredAtUtc);
            audit.Sequence = ++sequence;
            audit.PreviousHash = previous;
            audit.Hash = HashOf(audit.Sequence.Value, audit.OccurredAtUtc, audit.UserId, audit.UserName, audit.Action.ToString(),
                audit.ChildId, audit.Details, audit.PreviousHash);
            previous = audit.Hash;
        }

        command.CommandText = MoveHeadSql;
        command.Parameters.Add(Parameter(command, "@sequence", sequence));
        command.Parameters.Add(Parameter(command, "@hash", previous));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// SHA-256, in lower-case hex, of a row's fields and the previous row's hash. The action is its stored
    /// name and the time is UTC to the microsecond. Each field is written as a 0 byte when null, or a 1 byte,
    /// its length in UTF-8 bytes (4 bytes, big-endian) and those bytes, so no two rows' fields run together
    /// into the same bytes. Changing any of this breaks every existing chain: add a new version instead.
    /// </summary>
    public static string HashOf(long sequence, DateTime occurredAtUtc, string userId, string userName, string action, int? childId,
        string? details, string? previousHash)
    {
        var bytes = new ArrayBufferWriter<byte>(256);
        Write(bytes, Version);
        Write(bytes, sequence.ToString(CultureInfo.InvariantCulture));
        Write(bytes, ToMicroseconds(occurredAtUtc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        Write(bytes, userId);
        Write(bytes, userName);
        Write(bytes, action);
        Write(bytes, childId?.ToString(CultureInfo.InvariantCulture));
        Write(bytes, details);
        Write(bytes, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(bytes.WrittenSpan));
    }

    private static void Write(ArrayBufferWriter<byte> bytes, string? field)
    {
        if (field is null)
        {
            bytes.Write([(byte)0]);
            return;
        }

        var length = Encoding.UTF8.GetByteCount(field);
        var span = bytes.GetSpan(5 + length);
        span[0] = 1;
        BinaryPrimitives.WriteInt32BigEndian(span[1..], length);
        Encoding.UTF8.GetBytes(field, span[5..]);
        bytes.Advance(5 + length);
    }

    private static DateTime ToMicroseconds(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);

    private static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }
}
