using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Auditing;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CareReview.Tests.Features.Audit;

/// <summary>
/// Issue 19.5: each audit row is chained to the one before it by a hash (ADR-0023), however many requests
/// save at once, and a row changed, deleted or added outside the app is reported as the first broken link.
/// Each test that breaks the chain has a database of its own.
/// </summary>
public sealed class AuditChainTests
{
    private static readonly DateTime s_at = AppFactory.StartsAt.UtcDateTime;

    [Fact]
    public async Task Saves_made_at_the_same_time_each_take_the_next_place_in_the_chain()
    {
        await using var app = await AppFactory.StartAsync(sqliteOnFile: true);
        await AuditPages.AManagerAsync(app, "chain-busy-manager");
        using var manager = await app.SignedInClientAsync("chain-busy-manager");

        // Contexts of their own saving one, two or three events at once, some inside a transaction of their own
        // with a change saved first, while the manager's page views save theirs through the app.
        var saves = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 15; i++)
            {
                await app.ExecuteDbAsync(async db =>
                {
                    if (i % 3 == 0)
                    {
                        await using var transaction = await db.Database.BeginTransactionAsync();
                        db.Teams.Add(new Team($"Busy team {worker}-{i}"));
                        await db.SaveChangesAsync();
                        db.AuditEvents.Add(AnEvent($"worker:{worker};save:{i}"));
                        await db.SaveChangesAsync();
                        await transaction.CommitAsync();
                        return;
                    }

                    for (var n = 0; n <= i % 3; n++)
                    {
                        db.AuditEvents.Add(AnEvent($"worker:{worker};save:{i};event:{n}"));
                    }
                });
            }
        }));
        var views = Enumerable.Range(0, 20).Select(_ => Task.Run(() => manager.GetPageAsync("/audit")));
        await Task.WhenAll([.. saves, .. views]);

        var report = await CheckAsync(app);
        var sequences = await app.QueryDbAsync(db => db.AuditEvents.Select(e => e.Sequence).ToListAsync());
        Assert.True(report.Intact, report.Summary);
        Assert.Equal(sequences.Count, report.ChainedRows);
        Assert.True(sequences.Count > 8 * 15 + 20, $"only {sequences.Count} rows");
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long?)n), sequences.Order());
        Assert.Equal($"Audit log intact: {sequences.Count.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} rows.", report.Summary);
    }

    [Fact]
    public async Task A_change_and_its_audit_event_saved_together_are_written_together_and_chained()
    {
        await using var app = await AppFactory.StartAsync();
        await app.ExecuteDbAsync(db =>
        {
            db.Teams.Add(new Team("Saved with its event"));
            db.AuditEvents.Add(AnEvent("team-added"));
            return Task.CompletedTask;
        });

        var events = await app.QueryDbAsync(db => db.AuditEvents.Where(e => e.Details == "team-added").ToListAsync());
        var saved = Assert.Single(events);
        Assert.NotNull(saved.Sequence);
        Assert.Equal(64, saved.Hash?.Length);
        Assert.True(await app.QueryDbAsync(db => db.Teams.AnyAsync(t => t.Name == "Saved with its event")));
        Assert.True((await CheckAsync(app)).Intact);
    }

    [Fact]
    public async Task A_save_that_fails_leaves_the_chain_as_it_was()
    {
        await using var app = await AppFactory.StartAsync();
        await AddEventsAsync(app, 3);

        // The second row of the chain's head breaks its check constraint, after the event has been given its place.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.ExecuteDbAsync(db =>
        {
            db.AuditEvents.Add(AnEvent("never-saved"));
            db.Set<AuditChainHead>().Add(new AuditChainHead { Id = 2 });
            return Task.CompletedTask;
        }));
        await AddEventsAsync(app, 2);

        var report = await CheckAsync(app);
        Assert.True(report.Intact, report.Summary);
        Assert.Equal(5, report.ChainedRows);
        Assert.False(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e => e.Details == "never-saved")));
    }

    [Fact]
    public async Task A_row_whose_details_are_changed_is_the_first_broken_link()
    {
        await using var app = await AppFactory.StartAsync();
        var ids = await AddEventsAsync(app, 6);

        await SqlAsync(app, $"""UPDATE "AuditEvents" SET "Details" = 'child:999' WHERE "Id" = {ids[3]}""");

        var report = await CheckAsync(app);
        Assert.False(report.Intact);
        Assert.Equal(ids[3], report.FirstBreak!.RowId);
        Assert.Equal(4, report.FirstBreak.Sequence);
        Assert.Equal(3, report.ChainedRows);
        Assert.Equal("its contents do not match its hash, so it was changed after it was written", report.FirstBreak.Problem);
        Assert.Equal($"Audit log broken at row {ids[3]} (written 23 November 2026 at 10:00:03 UK time): "
            + "its contents do not match its hash, so it was changed after it was written.", report.Summary);
    }

    [Theory]
    [InlineData("UserName", "'someone-else'")]
    [InlineData("UserId", "'other-id'")]
    [InlineData("Action", "'SignedOut'")]
    [InlineData("ChildId", "42")]
    [InlineData("Sequence", "100")]
    public async Task A_change_to_any_column_breaks_the_chain_at_that_row(string column, string value)
    {
        await using var app = await AppFactory.StartAsync();
        var ids = await AddEventsAsync(app, 4);

        await SqlAsync(app, $"""UPDATE "AuditEvents" SET "{column}" = {value} WHERE "Id" = {ids[1]}""");

        var report = await CheckAsync(app);
        Assert.False(report.Intact, column);
        Assert.Equal(ids[column == "Sequence" ? 2 : 1], report.FirstBreak!.RowId);
    }

    [Fact]
    public async Task A_row_given_another_time_breaks_the_chain_at_that_row()
    {
        await using var app = await AppFactory.StartAsync();
        var ids = await AddEventsAsync(app, 4);

        await app.QueryDbAsync(db => db.AuditEvents.Where(e => e.Id == ids[2]).ExecuteUpdateAsync(set => set.SetProperty(e => e.OccurredAtUtc, s_at.AddHours(-1))));

        Assert.Equal(ids[2], (await CheckAsync(app)).FirstBreak?.RowId);
    }

    [Fact]
    public async Task A_row_changed_and_given_a_new_hash_breaks_the_link_from_the_row_after_it()
    {
        await using var app = await AppFactory.StartAsync();
        var ids = await AddEventsAsync(app, 5);
        var row = await app.QueryDbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.Id == ids[2]));

        var forged = AuditChain.HashOf(row.Sequence!.Value, row.OccurredAtUtc, row.UserId, row.UserName, row.Action.ToString(), row.ChildId,
            "child:999", row.PreviousHash);
        await SqlAsync(app, $"""UPDATE "AuditEvents" SET "Details" = 'child:999', "Hash" = '{forged}' WHERE "Id" = {ids[2]}""");

        var report = await CheckAsync(app);
        Assert.Equal(ids[3], report.FirstBreak?.RowId);
        Assert.StartsWith($"it does not follow the row before it in the chain (row {ids[2]})", report.FirstBreak!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_row_deleted_from_the_middle_is_found_at_the_row_after_it()
    {
        await using var app = await AppFactory.StartAsync();
        var ids = await AddEventsAsync(app, 5);

        await SqlAsync(app, $"""DELETE FROM "AuditEvents" WHERE "Id" = {ids[1]}""");

        var report = await CheckAsync(app);
        Assert.Equal(ids[2], report.FirstBreak?.RowId);
        Assert.Equal("the row before it in the chain (number 2) is missing: it was deleted", report.FirstBreak!.Problem);
    }

    [Fact]
    public async Task Rows_deleted_from_the_end_are_found_at_the_last_row_left()
    {
        await using var app = await AppFactory.StartAsync();
        var ids = await AddEventsAsync(app, 5);

        await SqlAsync(app, $"""DELETE FROM "AuditEvents" WHERE "Id" >= {ids[3]}""");

        var report = await CheckAsync(app);
        Assert.Equal(ids[2], report.FirstBreak?.RowId);
        Assert.Equal("the 2 rows after it, the last in the chain, are missing: they were deleted", report.FirstBreak!.Problem);
    }

    [Fact]
    public async Task A_row_added_outside_the_app_is_found()
    {
        await using var app = await AppFactory.StartAsync();
        await AddEventsAsync(app, 3);

        await SqlAsync(app, """
            INSERT INTO "AuditEvents" ("OccurredAtUtc", "UserId", "UserName", "Action", "ChildId", "Details")
            SELECT "OccurredAtUtc", "UserId", "UserName", 'ChildViewed', 7, NULL FROM "AuditEvents" WHERE "Sequence" = 1
            """);
        var added = await app.QueryDbAsync(db => db.AuditEvents.MaxAsync(e => e.Id));

        var report = await CheckAsync(app);
        Assert.Equal(added, report.FirstBreak?.RowId);
        Assert.Equal("it is not in the chain, so it was added outside the app or its place in the chain was removed", report.FirstBreak!.Problem);
        Assert.Equal(3, report.ChainedRows);
    }

    [Fact]
    public async Task A_row_added_after_the_chains_recorded_end_is_found()
    {
        await using var app = await AppFactory.StartAsync();
        await AddEventsAsync(app, 3);

        await SqlAsync(app, """
            INSERT INTO "AuditEvents" ("OccurredAtUtc", "UserId", "UserName", "Action", "ChildId", "Details", "Sequence", "PreviousHash", "Hash")
            SELECT "OccurredAtUtc", "UserId", "UserName", "Action", "ChildId", "Details", 4, "Hash", "Hash" FROM "AuditEvents" WHERE "Sequence" = 3
            """);
        var added = await app.QueryDbAsync(db => db.AuditEvents.MaxAsync(e => e.Id));

        var report = await CheckAsync(app);
        Assert.Equal(added, report.FirstBreak?.RowId);
        Assert.Equal("it has a place in the chain (number 4) after the chain's recorded end, so it was added outside the app", report.FirstBreak!.Problem);
    }

    [Fact]
    public async Task Without_the_record_of_the_chains_end_nothing_audited_is_saved_and_the_check_says_why()
    {
        await using var app = await AppFactory.StartAsync();
        await AddEventsAsync(app, 2);

        await SqlAsync(app, """DELETE FROM "AuditChainHead" """);

        var report = await CheckAsync(app);
        Assert.Null(report.FirstBreak?.RowId);
        Assert.StartsWith("Audit log broken: the record of where the chain ends (table AuditChainHead) is missing", report.Summary, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => AddEventsAsync(app, 1));
    }

    [Fact]
    public async Task Audit_events_are_not_saved_past_the_chain()
    {
        await using var app = await AppFactory.StartAsync();

        var refused = await app.QueryDbAsync(db =>
        {
            db.AuditEvents.Add(AnEvent("synchronous"));
            return Task.FromResult(Record.Exception(() => db.SaveChanges()));
        });

        Assert.IsType<InvalidOperationException>(refused);
        Assert.Equal(0, await app.QueryDbAsync(db => db.AuditEvents.CountAsync()));
    }

    /// <summary>A council's database from before the chain: its rows are counted when the chain begins, not hashed.</summary>
    [Fact]
    public async Task Rows_written_before_the_chain_began_are_counted_and_a_deleted_one_is_found()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var before = Context(database))
        {
            var migrations = before.Database.GetMigrations().ToList();
            var chain = migrations.FindIndex(m => m.EndsWith("_AuditChain", StringComparison.Ordinal));
            await before.GetService<IMigrator>().MigrateAsync(migrations[chain - 1]);
            for (var i = 0; i < 3; i++)
            {
                var when = s_at.AddMinutes(-i);
                await before.Database.ExecuteSqlAsync($"""
                    INSERT INTO "AuditEvents" ("OccurredAtUtc", "UserId", "UserName", "Action", "ChildId", "Details")
                    VALUES ({when}, 'old-user', 'old.user', 'ChildViewed', {i}, NULL)
                    """);
            }

            await before.Database.MigrateAsync();
        }

        await using (var db = Context(database))
        {
            var report = await AuditChainCheck.RunAsync(db);
            Assert.True(report.Intact, report.Summary);
            Assert.Equal((0, 3), (report.ChainedRows, report.EarlierRows));

            db.AuditEvents.AddRange(AnEvent("after-1"), AnEvent("after-2"));
            await db.SaveChangesAsync();
        }

        await using (var db = Context(database))
        {
            var report = await AuditChainCheck.RunAsync(db);
            Assert.True(report.Intact, report.Summary);
            Assert.Equal((2, 3), (report.ChainedRows, report.EarlierRows));
            Assert.StartsWith("Audit log intact: 2 rows in the chain. The 3 rows written before the chain began on ", report.Summary, StringComparison.Ordinal);
            Assert.EndsWith(" are not covered by it.", report.Summary, StringComparison.Ordinal);

            await db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEvents" WHERE "UserId" = 'old-user' AND "ChildId" = 1""");
            var broken = await AuditChainCheck.RunAsync(db);
            Assert.Equal("Audit log broken: 1 of the 3 rows written before the chain began have been deleted.", broken.Summary);
        }
    }

    internal static AuditEvent AnEvent(string details, DateTime? at = null) => new()
    {
        OccurredAtUtc = at ?? s_at,
        UserId = "chain-test-user",
        UserName = "chain.tester",
        Action = AuditAction.ChildViewed,
        ChildId = 1,
        Details = details,
    };

    /// <summary>Saves events one a second from 10:00:00 on the suite's fixed day, one save each, and returns their ids in order.</summary>
    internal static async Task<List<long>> AddEventsAsync(AppFactory app, int count)
    {
        var ids = new List<long>();
        var already = await app.QueryDbAsync(db => db.AuditEvents.CountAsync());
        for (var i = 0; i < count; i++)
        {
            var audit = AnEvent($"event:{already + i}", s_at.AddSeconds(already + i));
            await app.ExecuteDbAsync(db =>
            {
                db.AuditEvents.Add(audit);
                return Task.CompletedTask;
            });
            ids.Add(audit.Id);
        }

        return ids;
    }

    internal static Task<AuditChainReport> CheckAsync(AppFactory app) => app.QueryDbAsync(db => AuditChainCheck.RunAsync(db));

    internal static Task SqlAsync(AppFactory app, string sql) => app.QueryDbAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private static AppDbContext Context(TestDatabase database) => database.Provider == DatabaseSetup.Sqlite
        ? new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseAppSqlite(database.ConnectionString).Options)
        : new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(database.ConnectionString).Options);
}
