using System.Globalization;
using CareReview.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace CareReview.Tests.Features.Security.Fuzz;

/// <summary>
/// What a refused form must leave as it was: the number of rows in every table of the EF model, and the sum of
/// the version of every record that has one (a child's moves with any change to the child or a part it owns,
/// ADR-0005; an escalation's, a referral's, views' and a card's with theirs), so a change written in place is
/// seen as well as a row added or removed. Read in one statement, so that it costs one round trip a post.
/// <para>
/// Left out, because a refused form writes them by design: <c>AuditEvents</c> (a refusal, a view and an
/// access refused are audited) and <c>AuditChainHead</c> (moved with every audit row, ADR-0023); and
/// <c>DataProtectionKeys</c>, the key ring the app writes when it first needs one, whatever the request (ADR-0021).
/// <c>FormSubmissions</c> is kept in: a refused form must not use up its one-time token, or the corrected form
/// sent from the same page would be turned away as sent twice. The Identity tables are kept in too: signing in,
/// out or failing to does not add or remove rows, and only an accepted form adds a sign-in.
/// </para>
/// </summary>
internal sealed class DatabaseFingerprint
{
    private static readonly HashSet<string> s_writtenByRefusals = new(StringComparer.Ordinal) { "AuditEvents", "AuditChainHead", "DataProtectionKeys" };

    private readonly IReadOnlyList<string> _columns;
    private readonly string _sql;

    private DatabaseFingerprint(IReadOnlyList<string> columns, string sql)
    {
        _columns = columns;
        _sql = sql;
    }

    /// <summary>The tables this fingerprint reads, for the test's message.</summary>
    public IReadOnlyList<string> Columns => _columns;

    public static Task<DatabaseFingerprint> ForAsync(AppFactory app) =>
        app.QueryDbAsync(db =>
        {
            var parts = new List<(string Column, string Sql)>();
            var tables = db.Model.GetEntityTypes()
                .Where(t => t.GetTableName() is { } name && !s_writtenByRefusals.Contains(name) && t.GetViewName() is null)
                .GroupBy(t => t.GetTableName()!)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var table in tables)
            {
                parts.Add((table.Key, $"(SELECT COUNT(*) FROM \"{table.Key}\")"));
                if (table.SelectMany(t => t.GetProperties()).FirstOrDefault(p => p.Name == "Version" && p.IsConcurrencyToken) is { } version)
                {
                    var column = version.GetColumnName(StoreObjectIdentifier.Table(table.Key, table.First().GetSchema()));
                    parts.Add(($"{table.Key}.{column}", $"(SELECT CAST(COALESCE(SUM(\"{column}\"), 0) AS BIGINT) FROM \"{table.Key}\")"));
                }
            }

            return Task.FromResult(new DatabaseFingerprint([.. parts.Select(p => p.Column)], "SELECT " + string.Join(", ", parts.Select(p => p.Sql))));
        });

    /// <summary>The figures now, one for each of <see cref="Columns"/>.</summary>
    public Task<long[]> ReadAsync(AppFactory app) =>
        app.QueryDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = _sql;
                await using var reader = await command.ExecuteReaderAsync();
                await reader.ReadAsync();
                return Enumerable.Range(0, _columns.Count).Select(i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture)).ToArray();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });

    /// <summary>"Children 3 → 4, Children.Version 17 → 18", or empty when nothing moved.</summary>
    public string Differences(long[] before, long[] after) =>
        string.Join(", ", _columns.Select((c, i) => (c, i)).Where(x => before[x.i] != after[x.i]).Select(x => $"{x.c} {before[x.i]} → {after[x.i]}"));
}
