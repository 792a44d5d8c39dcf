using CareReview.Domain.Children;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Commands;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Demo;
using CareReview.Web.Features.Deadlines;
using CareReview.Web.Features.Ssd;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Ssd;

/// <summary>
/// Children kept in step with the council's case-management system through its SSD tables (issue 20, ADR-0029):
/// each test starts its own council, so runs and counts are the test's own.
/// </summary>
public sealed class SyncingWithTheCaseSystemTests
{
    [Fact]
    public async Task A_child_new_to_care_review_arrives_with_episodes_a_social_worker_and_the_review_clock_the_domain_gives()
    {
        await using var app = await AppFactory.StartAsync();
        var since = app.Today.AddDays(-10);
        using var ssd = new SsdTablesBuilder().LookedAfter("P100", since, placement: PlacementType.K2)
            .SocialWorker("P100", "W1", "Wendy Worker", since).Visit("P100", since.AddDays(3));

        var run = await app.SyncSsdAsync(await ssd.WriteAsync());

        Assert.Equal((SsdSyncState.Finished, 1, 1, 0, 0), (run.State, run.ChildrenRead, run.Added, run.Changed, run.Refused));
        var child = await LoadAsync(app, "P100");
        Assert.Equal(("Sam", "Synced", Sex.F, Ethnicity.WBRI), (child.GivenName, child.FamilyName, child.Sex, child.Ethnicity));
        var episode = Assert.Single(child.Episodes);
        Assert.Equal((since, LegalStatus.C2, PlacementType.K2), (episode.StartedOn, episode.LegalStatus, episode.PlacementType));
        Assert.Equal("Wendy Worker", child.SocialWorker!.Name);
        Assert.Equal("W1", child.SocialWorker.CaseSystemId);
        Assert.Equal(StaffRole.SocialWorker, child.SocialWorker.Role);
        var visit = Assert.Single(child.CareEvents);
        Assert.Equal((CareEventKind.Visit, since.AddDays(3), true, Child.CaseSystem), (visit.Kind, visit.On, visit.ChildSeen, visit.RecordedBy));

        var same = await app.AChildLookedAfterSinceAsync(since, placementType: PlacementType.K2);
        Assert.Equal(same.NextReviewDueOn, child.NextReviewDueOn);
        Assert.NotNull(child.NextReviewDueOn);
        Assert.Equal(1, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.SsdChildAdded && e.ChildId == child.Id)));
    }

    [Fact]
    public async Task A_second_run_with_the_same_tables_changes_nothing()
    {
        await using var app = await AppFactory.StartAsync();
        var since = app.Today.AddDays(-40);
        using var ssd = new SsdTablesBuilder().LookedAfter("P200", since).SocialWorker("P200", "W2", "Wes Worker", since)
            .LookedAfter("P201", since.AddDays(-400)).Episode("P201", since, ReasonForNewEpisode.P, LegalStatus.C2, PlacementType.K2)
            .ReviewHeld("P201", since.AddDays(-380)).HealthAssessment("P201", since.AddDays(-390));
        var folder = await ssd.WriteAsync();
        await app.SyncSsdAsync(folder);
        var before = await app.QueryDbAsync(db => db.Children.OrderBy(c => c.LocalId).Select(c => new { c.LocalId, c.Version, c.NextReviewDueOn }).ToListAsync());
        var events = await app.QueryDbAsync(db => db.AuditEvents.CountAsync(e => e.ChildId != null));

        var again = await app.SyncSsdAsync(folder);

        Assert.Equal((SsdSyncState.Finished, 0, 0, 2), (again.State, again.Added, again.Changed, again.Unchanged));
        var after = await app.QueryDbAsync(db => db.Children.OrderBy(c => c.LocalId).Select(c => new { c.LocalId, c.Version, c.NextReviewDueOn }).ToListAsync());
        Assert.Equal(before, after);
        Assert.Equal(events, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(e => e.ChildId != null)));
    }

    [Fact]
    public async Task A_move_upstream_shows_on_the_child_after_one_sync_flagged_for_the_next_review_and_audited_with_before_and_after()
    {
        await using var app = await AppFactory.StartAsync();
        var since = app.Today.AddDays(-60);
        using var ssd = new SsdTablesBuilder().LookedAfter("P300", since, placement: PlacementType.U4);
        await app.SyncSsdAsync(await ssd.WriteAsync());
        var moved = app.Today.AddDays(-2);
        ssd.Episode("P300", moved, ReasonForNewEpisode.P, LegalStatus.C2, PlacementType.K2);
        var dryRun = await app.SyncSsdAsync(await ssd.WriteAsync(), dryRun: true);
        Assert.Equal($"P300: episodes:1 last {since:yyyy-MM-dd} C2 U4>2 last {moved:yyyy-MM-dd} C2 K2", Assert.Single(dryRun.WouldChange));
        Assert.Single((await LoadAsync(app, "P300")).Episodes);

        var run = await app.SyncSsdAsync(ssd.Folder);

        Assert.Equal((1, 0), (run.Changed, run.Added));
        var child = await LoadAsync(app, "P300");
        Assert.Equal(2, child.Episodes.Count);
        Assert.Equal((PlacementType.K2, moved), (child.CurrentEpisode!.PlacementType, child.CurrentEpisode.StartedOn));
        Assert.Equal((PlacementType.U4, ReasonEpisodeCeased.X1, ReasonForPlacementChange.CARPL),
            (child.Episodes[0].PlacementType, child.Episodes[0].ReasonEnded, child.Episodes[0].ReasonForPlacementChange));
        Assert.Equal(app.Today, child.CaseSystemChangeOn);
        Assert.Contains("The placement changed from U4 to K2", child.CaseSystemChange, StringComparison.Ordinal);
        var audited = await app.QueryDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditAction.SsdChildChanged && e.ChildId == child.Id));
        Assert.Contains($"episodes:1 last {since:yyyy-MM-dd} C2 U4>2 last {moved:yyyy-MM-dd} C2 K2", audited.Details, StringComparison.Ordinal);

        var iro = await app.AStaffMemberAsync("Iris Review", StaffRole.Iro);
        await app.AUserAsync("ssd-iro", CareReview.Web.Authorization.Roles.Iro, iro);
        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().Include(c => c.SocialWorker).SingleAsync(c => c.Id == child.Id);
            loaded.Allocate(await db.StaffMembers.SingleAsync(s => s.Id == iro.Id), null, app.Today, app.Rules);
        });
        using var client = await app.SignedInClientAsync("ssd-iro");
        var page = await client.GetStringAsync($"/children/{child.Id}");
        Assert.Contains("The placement changed from U4 to K2", page, StringComparison.Ordinal);
        Assert.Contains("reg 32(2)", page, StringComparison.Ordinal);

        await app.ReviewsHeldForAsync(child, app.Today);
        Assert.Null((await LoadAsync(app, "P300")).CaseSystemChangeOn);
    }

    [Fact]
    public async Task A_new_period_of_care_after_a_break_starts_the_review_clock_the_same_run()
    {
        await using var app = await AppFactory.StartAsync();
        var first = app.Today.AddDays(-300);
        using var ssd = new SsdTablesBuilder().LookedAfter("P400", first).Ceased("P400", first.AddDays(100));
        await app.SyncSsdAsync(await ssd.WriteAsync());
        Assert.Null((await LoadAsync(app, "P400")).NextReviewDueOn);

        var again = app.Today.AddDays(-1);
        ssd.Episode("P400", again, ReasonForNewEpisode.S, LegalStatus.C1, PlacementType.U4);
        await app.SyncSsdAsync(await ssd.WriteAsync());

        var child = await LoadAsync(app, "P400");
        var fresh = await app.AChildLookedAfterSinceAsync(again, legalStatus: LegalStatus.C1);
        Assert.Equal(fresh.NextReviewDueOn, child.NextReviewDueOn);
        Assert.True(child.NextReviewDueOn > again);
        Assert.Contains("became looked after", child.CaseSystemChange, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_of_social_worker_upstream_is_a_new_allocation_and_a_known_worker_is_matched_not_added()
    {
        await using var app = await AppFactory.StartAsync();
        var since = app.Today.AddDays(-90);
        var team = await app.ATeamAsync("South Team");
        var known = await app.AStaffMemberAsync("Kim Known", StaffRole.SocialWorker, team);
        using var ssd = new SsdTablesBuilder().LookedAfter("P500", since).SocialWorker("P500", "W5", "Wanda First", since);
        await app.SyncSsdAsync(await ssd.WriteAsync());
        ssd.SocialWorker("P500", "W6", "Kim Known", app.Today.AddDays(-3));

        var run = await app.SyncSsdAsync(await ssd.WriteAsync());

        Assert.Equal(1, run.Changed);
        var child = await LoadAsync(app, "P500");
        Assert.Equal(known.Id, child.SocialWorkerId);
        Assert.Equal(["Wanda First", "Kim Known"], child.Allocations.OrderBy(a => a.Id).Select(a => a.SocialWorkerName));
        Assert.Equal("W6", await app.QueryDbAsync(db => db.StaffMembers.Where(s => s.Id == known.Id).Select(s => s.CaseSystemId).SingleAsync()));
        Assert.Equal(1, await app.QueryDbAsync(db => db.StaffMembers.CountAsync(s => s.Name == "Kim Known")));
    }

    [Fact]
    public async Task A_worker_the_sync_cannot_match_is_listed_and_leaves_the_childs_social_worker_as_it_was()
    {
        await using var app = await AppFactory.StartAsync();
        var since = app.Today.AddDays(-90);
        var iro = await app.AStaffMemberAsync("Ida Other-Role", StaffRole.Iro);
        await app.ExecuteDbAsync(async db => (await db.StaffMembers.SingleAsync(s => s.Id == iro.Id)).LinkToCaseSystem("W17"));
        using var ssd = new SsdTablesBuilder().LookedAfter("P1600", since).SocialWorker("P1600", "W16", "Sid Social", since);
        await app.SyncSsdAsync(await ssd.WriteAsync());
        ssd.SocialWorker("P1600", "W17", "Ida Other-Role", app.Today.AddDays(-1));

        var run = await app.SyncSsdAsync(await ssd.WriteAsync());

        var problem = Assert.Single(await app.QueryDbAsync(db => db.SsdSyncProblems.Where(p => p.RunId == run.Id).ToListAsync()));
        Assert.Equal(("ssd_professionals", "W17", "prof_professional_id"), (problem.Table, problem.Row, problem.Field));
        Assert.Equal("Sid Social", (await LoadAsync(app, "P1600")).SocialWorker!.Name);
    }

    [Fact]
    public async Task A_person_merged_upstream_keeps_their_record_under_the_surviving_id()
    {
        await using var app = await AppFactory.StartAsync();
        var since = app.Today.AddDays(-90);
        using var before = new SsdTablesBuilder().LookedAfter("P600", since);
        await app.SyncSsdAsync(await before.WriteAsync());
        var id = (await LoadAsync(app, "P600")).Id;
        using var after = new SsdTablesBuilder().LookedAfter("P601", since).MergedFrom("P601", "P600");

        var run = await app.SyncSsdAsync(await after.WriteAsync());

        Assert.Equal((1, 0, 0), (run.Merged, run.Added, run.Flagged));
        var child = await LoadAsync(app, "P601");
        Assert.Equal(id, child.Id);
        Assert.Null(child.MissingUpstreamSince);
        Assert.False(await app.QueryDbAsync(db => db.Children.AnyAsync(c => c.LocalId == "P600")));
        Assert.Equal(1, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.SsdChildMerged && e.ChildId == id)));
    }

    [Fact]
    public async Task A_child_with_a_bad_row_is_refused_whole_and_named_by_table_row_and_field_while_the_others_load()
    {
        await using var app = await AppFactory.StartAsync();
        var since = app.Today.AddDays(-30);
        using var ssd = new SsdTablesBuilder().LookedAfter("P700", since).LookedAfter("P701", since)
            .Set(SsdTables.Placements, "clap_cla_placement_type", "Z9", "P701");

        var run = await app.SyncSsdAsync(await ssd.WriteAsync());

        Assert.Equal((1, 1), (run.Added, run.Refused));
        var problem = Assert.Single(await app.QueryDbAsync(db => db.SsdSyncProblems.Where(p => p.RunId == run.Id).ToListAsync()));
        Assert.Equal(("ssd_cla_placement", "clap_cla_placement_type", "P701"), (problem.Table, problem.Field, problem.PersonId));
        Assert.StartsWith("P", problem.Row, StringComparison.Ordinal);
        Assert.Contains("'Z9'", problem.Message, StringComparison.Ordinal);
        Assert.False(await app.QueryDbAsync(db => db.Children.AnyAsync(c => c.LocalId == "P701")));
        Assert.True(await app.QueryDbAsync(db => db.Children.AnyAsync(c => c.LocalId == "P700")));
    }

    [Fact]
    public async Task A_change_that_contradicts_care_reviews_own_records_is_refused_and_changes_nothing_of_the_child()
    {
        await using var app = await AppFactory.StartAsync();
        var since = app.Today.AddDays(-60);
        using var ssd = new SsdTablesBuilder().LookedAfter("P800", since, surname: "Before");
        await app.SyncSsdAsync(await ssd.WriteAsync());
        var child = await app.ReviewsHeldForAsync(await LoadAsync(app, "P800"), app.Today.AddDays(-5));
        var version = (await LoadAsync(app, "P800")).Version;
        using var contradicting = new SsdTablesBuilder().LookedAfter("P800", app.Today.AddDays(-3), surname: "After");

        var run = await app.SyncSsdAsync(await contradicting.WriteAsync());

        Assert.Equal((0, 1), (run.Changed, run.Refused));
        var problem = Assert.Single(await app.QueryDbAsync(db => db.SsdSyncProblems.Where(p => p.RunId == run.Id).ToListAsync()));
        Assert.Contains("Care Review holds a review on", problem.Message, StringComparison.Ordinal);
        var after = await LoadAsync(app, "P800");
        Assert.Equal(("Before", since, version), (after.FamilyName, after.Episodes[0].StartedOn, after.Version));
    }

    [Fact]
    public async Task A_child_missing_upstream_is_flagged_for_a_manager_never_deleted_and_unflagged_when_back()
    {
        await using var app = await AppFactory.StartAsync();
        var since = app.Today.AddDays(-30);
        using var ssd = new SsdTablesBuilder().LookedAfter("P900", since).LookedAfter("P901", since);
        await app.SyncSsdAsync(await ssd.WriteAsync());
        ssd.Without("P901");

        var run = await app.SyncSsdAsync(await ssd.WriteAsync());

        Assert.Equal(1, run.Flagged);
        Assert.Equal(app.Today, (await LoadAsync(app, "P901")).MissingUpstreamSince);
        Assert.Equal(0, (await app.SyncSsdAsync(await ssd.WriteAsync())).Flagged);

        using var back = new SsdTablesBuilder().LookedAfter("P900", since).LookedAfter("P901", since);
        await app.SyncSsdAsync(await back.WriteAsync());
        Assert.Null((await LoadAsync(app, "P901")).MissingUpstreamSince);
    }

    [Fact]
    public async Task A_dry_run_says_what_would_change_and_saves_no_child()
    {
        await using var app = await AppFactory.StartAsync();
        using var ssd = new SsdTablesBuilder().LookedAfter("P1000", app.Today.AddDays(-30)).SocialWorker("P1000", "W10", "Dora Dry", app.Today.AddDays(-30));

        var run = await app.SyncSsdAsync(await ssd.WriteAsync(), dryRun: true);

        Assert.Equal((SsdSyncState.Finished, 1), (run.State, run.Added));
        Assert.Equal("P1000: added, with 1 episodes and 0 reviews held", Assert.Single(run.WouldChange));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Children.CountAsync()));
        Assert.Equal(0, await app.QueryDbAsync(db => db.StaffMembers.CountAsync(s => s.Name == "Dora Dry")));
        Assert.Equal(1, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == AuditAction.SsdSyncChecked)));
    }

    [Fact]
    public async Task Tables_that_cannot_be_read_change_nothing_and_say_which()
    {
        await using var app = await AppFactory.StartAsync();
        using var ssd = new SsdTablesBuilder().LookedAfter("P1100", app.Today.AddDays(-30));
        var folder = await ssd.WriteAsync();
        File.Delete(Path.Combine(folder, "ssd_legal_status.csv"));

        var run = await app.SyncSsdAsync(folder);

        Assert.Equal(SsdSyncState.Failed, run.State);
        Assert.Contains("ssd_legal_status: not found", run.Failure, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Children.CountAsync()));
    }

    [Fact]
    public async Task Only_one_run_at_a_time_and_a_run_left_running_by_a_stopped_app_is_ended_after_ten_minutes()
    {
        await using var app = await AppFactory.StartAsync();
        using var ssd = new SsdTablesBuilder();
        var store = SsdStore.Parse(await ssd.WriteAsync());
        await app.ExecuteDbAsync(db =>
        {
            db.SsdSyncRuns.Add(new SsdSyncRun
            {
                StartedBy = "another instance",
                Source = "x",
                State = SsdSyncState.Running,
                StartedAtUtc = app.Time.GetUtcNow().UtcDateTime,
                HeartbeatAtUtc = app.Time.GetUtcNow().UtcDateTime,
            });
            return Task.CompletedTask;
        });

        Assert.Null(await app.QueryDbAsync(db => new SsdSync(db, null!, app.Time, null!, null!).BeginAsync("me", store, dryRun: false)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SyncSsdAsync(ssd.Folder));

        app.Time.Advance(SsdSync.Stale + TimeSpan.FromMinutes(1));
        var run = await app.SyncSsdAsync(ssd.Folder);
        Assert.Equal(SsdSyncState.Finished, run.State);
        Assert.Equal(SsdSyncState.Failed, await app.QueryDbAsync(db => db.SsdSyncRuns.Where(r => r.StartedBy == "another instance").Select(r => r.State).SingleAsync()));
    }

    [Fact]
    public async Task A_demonstration_database_takes_no_children_from_a_case_system()
    {
        await using var app = await AppFactory.StartAsync();
        await app.ExecuteDbAsync(async db => (await db.Installations.SingleAsync()).IsDemonstration = true);
        using var ssd = new SsdTablesBuilder().LookedAfter("P1200", app.Today.AddDays(-30));

        var run = await app.SyncSsdAsync(await ssd.WriteAsync());

        Assert.Equal((SsdSyncState.Failed, DemoDatabase.NoSync), (run.State, run.Failure));
        Assert.False(await app.QueryDbAsync(db => db.Children.AnyAsync(c => c.LocalId == "P1200")));
    }

    [Fact]
    public async Task The_sync_ssd_command_syncs_a_folder_says_what_it_did_and_exits_by_outcome()
    {
        await using var app = await AppFactory.StartAsync();
        using var ssd = new SsdTablesBuilder().LookedAfter("P1500", app.Today.AddDays(-20)).LookedAfter("P1501", app.Today.AddDays(-20))
            .Set(SsdTables.Episodes, "clae_cla_primary_need_code", "N9", "P1501");
        var folder = await ssd.WriteAsync();

        Assert.Equal(2, await app.RunCommandAsync(services => SyncSsdCommand.RunAsync(services, [])));
        Assert.Equal(2, await app.RunCommandAsync(services => SyncSsdCommand.RunAsync(services, [Path.Combine(folder, "no-such-folder")])));
        Assert.Equal(1, await app.RunCommandAsync(services => SyncSsdCommand.RunAsync(services, ["--dry-run", folder])));
        Assert.False(await app.QueryDbAsync(db => db.Children.AnyAsync()));
        Assert.Equal(1, await app.RunCommandAsync(services => SyncSsdCommand.RunAsync(services, [folder])));
        Assert.True(await app.QueryDbAsync(db => db.Children.AnyAsync(c => c.LocalId == "P1500")));

        ssd.Set(SsdTables.Episodes, "clae_cla_primary_need_code", "N1", "P1501");
        await ssd.WriteAsync();
        Assert.Equal(0, await app.RunCommandAsync(services => SyncSsdCommand.RunAsync(services, [folder])));
        Assert.Equal(2, await app.QueryDbAsync(db => db.Children.CountAsync()));
    }

    [Fact]
    public async Task The_scheduled_run_uses_the_same_sync_when_its_time_comes_and_is_off_by_default()
    {
        using var ssd = new SsdTablesBuilder().LookedAfter("P1400", DateOnly.FromDateTime(AppFactory.StartsAt.UtcDateTime).AddDays(-20));
        await ssd.WriteAsync();
        await using var off = await AppFactory.StartAsync(new Dictionary<string, string?> { ["Ssd:Sync:From"] = ssd.Folder });
        await using var app = await AppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["Ssd:Sync:From"] = ssd.Folder,
            ["Ssd:Sync:Every"] = "01:00:00",
        }, sqliteOnFile: true);
        Assert.False(await app.QueryDbAsync(db => db.SsdSyncRuns.AnyAsync()));

        off.Time.Advance(TimeSpan.FromHours(2));
        app.Time.Advance(TimeSpan.FromHours(1));

        var run = await WaitForAsync(app, async db => await db.SsdSyncRuns.SingleOrDefaultAsync(r => r.State == SsdSyncState.Finished));
        Assert.Equal((SsdSyncJob.ScheduledBy, 1), (run.StartedBy, run.Added));
        Assert.True(await app.QueryDbAsync(db => db.Children.AnyAsync(c => c.LocalId == "P1400")));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(await off.QueryDbAsync(db => db.SsdSyncRuns.AnyAsync()));
    }

    private static async Task<T> WaitForAsync<T>(AppFactory app, Func<AppDbContext, Task<T?>> query)
    {
        for (var tries = 0; tries < 300; tries++)
        {
            if (await app.QueryDbAsync(query) is { } found)
            {
                return found;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("Nothing came within 30 seconds.");
    }

    /// <summary>The council's SSD in a PostgreSQL schema, read over a postgres:// URL; on the suite's PostgreSQL pass only.</summary>
    [Fact]
    [Trait("Database", "postgres")]
    public async Task The_tables_can_be_read_from_a_postgresql_schema()
    {
        TestDatabase.RequirePostgres();
        await using var app = await AppFactory.StartAsync();
        var since = app.Today.AddDays(-20);
        using var ssd = new SsdTablesBuilder().LookedAfter("P1300", since, placement: PlacementType.K2).SocialWorker("P1300", "W13", "Pat Postgres", since)
            .Visit("P1300", since.AddDays(2));
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(await app.QueryDbAsync(db => Task.FromResult(db.Database.GetConnectionString()!)));
        var url = TestDatabase.PostgresUrl(builder.ConnectionString);
        await ssd.WriteAsync(SsdStore.Parse(url, "council_ssd"));

        var run = await app.SyncSsdAsync(url, schema: "council_ssd");

        Assert.Equal((SsdSyncState.Finished, 1, 0), (run.State, run.Added, run.Refused));
        Assert.StartsWith("PostgreSQL ", run.Source, StringComparison.Ordinal);
        Assert.DoesNotContain(builder.Password ?? "no password", run.Source, StringComparison.Ordinal);
        var child = await LoadAsync(app, "P1300");
        Assert.Equal((PlacementType.K2, "Pat Postgres", 1), (child.CurrentEpisode!.PlacementType, child.SocialWorker!.Name, child.CareEvents.Count));
    }

    private static Task<Child> LoadAsync(AppFactory app, string localId) =>
        app.QueryDbAsync(db => db.Children.WithDeadlineFacts().Include(c => c.SocialWorker).AsNoTracking().SingleAsync(c => c.LocalId == localId));
}
