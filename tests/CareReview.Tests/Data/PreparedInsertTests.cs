using CareReview.Tests.Support;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Data;

/// <summary>
/// The import's bulk writer on whichever database the suite runs on: rows are written a batch at a time,
/// each generated key lands on its own row, and a row never flushed is never written (on both engines alike,
/// so a caller that forgets to flush fails here on SQLite as it would lose rows on PostgreSQL).
/// </summary>
public sealed class PreparedInsertTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Rows_are_written_a_batch_at_a_time_and_each_generated_key_is_its_own_rows()
    {
        var marker = $"prepared-{Guid.NewGuid():N}";
        var rows = Enumerable.Range(0, (2 * PreparedInsert<AuditEvent>.BatchSize) + 1).Select(i => Event($"{marker}-{i}")).ToList();

        var (beforeFlush, lastKeyBeforeFlush) = await app.QueryDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var insert = await PreparedInsert<AuditEvent>.CreateAsync(db);
            foreach (var row in rows)
            {
                await insert.InsertAsync(row);
            }

            var written = await db.AuditEvents.CountAsync(e => e.Details!.StartsWith(marker));
            var lastKey = rows[^1].Id;
            await insert.FlushAsync();
            await transaction.CommitAsync();
            return (written, lastKey);
        });

        Assert.Equal(2 * PreparedInsert<AuditEvent>.BatchSize, beforeFlush);
        Assert.Equal(0, lastKeyBeforeFlush);
        var stored = await app.QueryDbAsync(db => db.AuditEvents.Where(e => e.Details!.StartsWith(marker)).ToDictionaryAsync(e => e.Id, e => e.Details));
        Assert.Equal(rows.Count, stored.Count);
        Assert.All(rows, row => Assert.Equal(row.Details, stored[row.Id]));
    }

    [Fact]
    public async Task Rows_never_flushed_are_never_written()
    {
        var marker = $"unflushed-{Guid.NewGuid():N}";

        await app.QueryDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using (var insert = await PreparedInsert<AuditEvent>.CreateAsync(db))
            {
                await insert.InsertAsync(Event(marker));
            }

            await transaction.CommitAsync();
            return 0;
        });

        Assert.Equal(0, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(e => e.Details == marker)));
    }

    private static AuditEvent Event(string details) => new()
    {
        OccurredAtUtc = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc),
        UserId = "test",
        UserName = "test",
        Action = AuditAction.ReturnImported,
        Details = details,
    };
}
