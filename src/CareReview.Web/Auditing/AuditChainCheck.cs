using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace CareReview.Web.Auditing;

/// <summary>The first place the audit log's chain does not hold: which row (when there is one), when it was written, and what is wrong.</summary>
public sealed record AuditChainBreak(long? RowId, long? Sequence, DateTime? OccurredAtUtc, string Problem);

/// <summary>What <see cref="AuditChainCheck"/> found.</summary>
/// <param name="ChainedRows">The rows checked in the chain (up to the first break, if there is one).</param>
/// <param name="EarlierRows">Rows written before the chain began, which it cannot vouch for.</param>
public sealed record AuditChainReport(long ChainedRows, long EarlierRows, DateTime? StartedAtUtc, AuditChainBreak? FirstBreak)
{
    private static readonly TimeZoneInfo s_uk = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly CultureInfo s_en = CultureInfo.GetCultureInfo("en-GB");

    public bool Intact => FirstBreak is null;

    /// <summary>The one line <c>verify-audit</c> prints and the page leads with.</summary>
    public string Summary => FirstBreak switch
    {
        null when EarlierRows == 0 => $"Audit log intact: {Rows(ChainedRows)}.",
        null => $"Audit log intact: {Rows(ChainedRows)} in the chain. The {Rows(EarlierRows)} written before the chain began"
            + $"{(StartedAtUtc is { } started ? $" on {GovukDate.Format(DateOnly.FromDateTime(UkTime(started)))}" : "")} are not covered by it.",
        { RowId: { } id, OccurredAtUtc: { } when } => $"Audit log broken at row {id} (written {Written(when)} UK time): {FirstBreak.Problem}.",
        { RowId: { } id } => $"Audit log broken at row {id}: {FirstBreak.Problem}.",
        _ => $"Audit log broken: {FirstBreak.Problem}.",
    };

    /// <summary>For the audit event that records the check: ids and counts only.</summary>
    public string Details => FirstBreak is null
        ? $"intact;rows:{ChainedRows};earlier:{EarlierRows}"
        : $"broken;row:{FirstBreak.RowId?.ToString(CultureInfo.InvariantCulture) ?? "none"};rows:{ChainedRows}";

    /// <summary>A time as the audit page shows it: "3 March 2026 at 14:05:09", in UK time.</summary>
    public static string Written(DateTime utc)
    {
        var local = UkTime(utc);
        return $"{GovukDate.Format(DateOnly.FromDateTime(local))} at {local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}";
    }

    private static DateTime UkTime(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), s_uk);

    /// <summary>"1 row", "1,234 rows".</summary>
    public static string Rows(long rows) => rows == 1 ? "1 row" : $"{rows.ToString("N0", s_en)} rows";
}

/// <summary>
/// Walks the audit log's hash chain in order (ADR-0023) and reports the first place it does not hold: a row
/// changed since it was written, a row deleted from the middle or the end, a row added outside the app, or
/// rows from before the chain deleted or added. Read-only; the caller audits the check.
/// </summary>
public static class AuditChainCheck
{
    private const string ChainSql = """
        SELECT "Id", "Sequence", "OccurredAtUtc", "UserId", "UserName", "Action", "ChildId", "Details", "PreviousHash", "Hash"
        FROM "AuditEvents" WHERE "Sequence" IS NOT NULL AND "Sequence" <= @last ORDER BY "Sequence"
        """;

    // In one statement with the head, so that rows saved while the check runs are never mistaken for rows beyond its end.
    private const string BeyondTheEndSql = """
        SELECT "Id", "Sequence", "OccurredAtUtc" FROM "AuditEvents"
        WHERE "Sequence" > (SELECT "LastSequence" FROM "AuditChainHead" WHERE "Id" = 1) ORDER BY "Sequence" LIMIT 1
        """;

    private const string OutsideTheChainSql = """
        SELECT "Id", NULL, "OccurredAtUtc" FROM "AuditEvents" WHERE "Sequence" IS NULL AND "Id" > @startedAfter ORDER BY "Id" LIMIT 1
        """;

    private const string EarlierRowsSql = """SELECT COUNT(*) FROM "AuditEvents" WHERE "Id" <= @startedAfter""";

    public static async Task<AuditChainReport> RunAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditChainHead.OnlyId, cancellationToken);
        if (head is null)
        {
            return new(0, 0, null, new(null, null, null,
                "the record of where the chain ends (table AuditChainHead) is missing, so nothing audited can be saved until it is put back"));
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var (chained, broken) = await WalkAsync(db, head, cancellationToken);
            broken ??= await FirstAsync(db, BeyondTheEndSql, null,
                row => $"it has a place in the chain (number {row.Sequence}) after the chain's recorded end, so it was added outside the app", cancellationToken);
            broken ??= await FirstAsync(db, OutsideTheChainSql, head.StartedAfterId,
                _ => "it is not in the chain, so it was added outside the app or its place in the chain was removed", cancellationToken);
            broken ??= await EarlierRowsAsync(db, head, cancellationToken);
            return new(chained, head.EarlierRows, head.StartedAtUtc, broken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed record ChainRow(long Id, long Sequence, DateTime? OccurredAtUtc, string? PreviousHash, string? Hash, string? ExpectedHash);

    private static async Task<(long Chained, AuditChainBreak? Broken)> WalkAsync(AppDbContext db, AuditChainHead head, CancellationToken cancellationToken)
    {
        await using var command = Command(db, ChainSql, ("@last", head.LastSequence));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var expected = 1L;
        string? previousHash = null;
        ChainRow? previous = null;
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = Read(reader);
            if (row.Sequence > expected)
            {
                return (expected - 1, Break(row, row.Sequence == expected + 1
                    ? $"the row before it in the chain (number {expected}) is missing: it was deleted"
                    : $"the rows before it in the chain (numbers {expected} to {row.Sequence - 1}) are missing: they were deleted"));
            }

            if (row.Sequence < expected)
            {
                return (expected - 1, Break(row, $"it claims a place in the chain (number {row.Sequence}) that another row holds"));
            }

            if (row.ExpectedHash is null || row.ExpectedHash != row.Hash)
            {
                return (expected - 1, Break(row, row.ExpectedHash is null
                    ? "its time cannot be read, so it was changed after it was written"
                    : "its contents do not match its hash, so it was changed after it was written"));
            }

            if (row.PreviousHash != previousHash)
            {
                return (expected - 1, Break(row, previous is null
                    ? "it is first in the chain but names a row before it, so its place was changed"
                    : $"it does not follow the row before it in the chain (row {previous.Id}): that row was changed and its hash written again, or this row's link was changed"));
            }

            previousHash = row.Hash;
            previous = row;
            expected++;
        }

        var chained = expected - 1;
        if (chained < head.LastSequence)
        {
            var gone = head.LastSequence - chained;
            return (chained, (previous, gone) switch
            {
                (null, 1) => new(null, null, null, "the chain's only row is missing: it was deleted"),
                (null, _) => new(null, null, null, $"all {gone} rows of the chain are missing: they were deleted"),
                (_, 1) => Break(previous, "the row after it, the last in the chain, is missing: it was deleted"),
                _ => Break(previous, $"the {gone} rows after it, the last in the chain, are missing: they were deleted"),
            });
        }

        if (previousHash != head.LastHash)
        {
            return (chained, previous is null
                ? new(null, null, null, "the chain is empty but its recorded end names a row, so rows were deleted")
                : Break(previous, "it is last in the chain but is not the row the chain's recorded end names, so it was replaced or the record of the end was changed"));
        }

        return (chained, null);
    }

    private static ChainRow Read(DbDataReader reader)
    {
        var id = reader.GetInt64(0);
        var sequence = reader.GetInt64(1);
        var previousHash = reader.IsDBNull(8) ? null : reader.GetString(8);
        var hash = reader.IsDBNull(9) ? null : reader.GetString(9);
        try
        {
            var occurredAtUtc = reader.GetDateTime(2);
            var expectedHash = AuditChain.HashOf(sequence, occurredAtUtc, reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7), previousHash);
            return new(id, sequence, occurredAtUtc, previousHash, hash, expectedHash);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            // Only a row changed outside the app (SQLite keeps times as text) cannot be read back.
            return new(id, sequence, null, previousHash, hash, null);
        }
    }

    private static AuditChainBreak Break(ChainRow row, string problem) => new(row.Id, row.Sequence, row.OccurredAtUtc, problem);

    private static async Task<AuditChainBreak?> FirstAsync(AppDbContext db, string sql, long? startedAfter, Func<AuditChainBreak, string> problem,
        CancellationToken cancellationToken)
    {
        await using var command = startedAfter is { } after ? Command(db, sql, ("@startedAfter", after)) : Command(db, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        DateTime? when = null;
        try
        {
            when = reader.GetDateTime(2);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException)
        {
            // A time changed outside the app to something that is not a time: the row is still named.
        }

        var found = new AuditChainBreak(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), when, "");
        return found with { Problem = problem(found) };
    }

    private static async Task<AuditChainBreak?> EarlierRowsAsync(AppDbContext db, AuditChainHead head, CancellationToken cancellationToken)
    {
        await using var command = Command(db, EarlierRowsSql, ("@startedAfter", head.StartedAfterId));
        var now = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return now == head.EarlierRows
            ? null
            : new(null, null, null, now < head.EarlierRows
                ? $"{head.EarlierRows - now} of the {head.EarlierRows} rows written before the chain began have been deleted"
                : $"{now - head.EarlierRows} rows have been added among those written before the chain began");
    }

    private static DbCommand Command(AppDbContext db, string sql, params (string Name, long Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
