using System.Security.Claims;
using CareReview.Web.Demo;
using CareReview.Web.Features.Deadlines;

namespace CareReview.Web.Features.Ssd;

/// <summary>SSD sync settings (section "Ssd:Sync").</summary>
public sealed class SsdSyncOptions
{
    public const string Section = "Ssd:Sync";

    /// <summary>How often the scheduled run starts, such as "01:00:00"; none (the default) means only by hand.</summary>
    public TimeSpan? Every { get; set; }

    /// <summary>Where the council's SSD tables are: a folder, or a postgres:// URL.</summary>
    public string? From { get; set; }

    /// <summary>The PostgreSQL schema holding the tables; "public" when not given.</summary>
    public string? Schema { get; set; }
}

/// <summary>
/// Keeps children in step with the council's case-management system through its SSD tables (ADR-0029). The case
/// system owns who the child is, their episodes (legal status and placement), the allocated social worker, visits
/// and health checks; Care Review owns everything else. A run is idempotent (a child whose rows have not changed
/// is not touched), incremental (only what changed is written, each change audited with before and after),
/// safe (a child missing upstream is flagged, never deleted; a merge upstream is followed) and atomic per child
/// (a child with any problem is reported and skipped whole). One run at a time across every instance.
/// </summary>
public sealed class SsdSync(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rulebook, ILogger<SsdSync> logger)
{
    /// <summary>A run that has written no heartbeat for this long stopped without finishing (a crash, a restart).</summary>
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(10);

    /// <summary>The problems kept for a run; past this the page says how many more there were.</summary>
    public const int MaxProblemsKept = 10_000;

    private const int Chunk = 100;

    /// <summary>New children are written with prepared inserts, so a larger batch costs no more to track.</summary>
    private const int AddChunk = 500;

    /// <summary>
    /// Records the start of a run, or returns null when another is running (in this instance or another): the
    /// database allows one row Running at a time. A run gone stale is marked failed first.
    /// </summary>
    public async Task<SsdSyncRun?> BeginAsync(string startedBy, SsdStore store, bool dryRun, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var staleBefore = now - Stale;
        await db.SsdSyncRuns.Where(r => r.State == SsdSyncState.Running && r.HeartbeatAtUtc < staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, SsdSyncState.Failed)
                .SetProperty(r => r.Failure, "The run stopped without finishing (the app stopped or lost its database).")
                .SetProperty(r => r.FinishedAtUtc, now), cancellationToken);
        var run = new SsdSyncRun
        {
            StartedBy = Cut(startedBy, 200),
            Source = Cut(store.Description, 500),
            DryRun = dryRun,
            State = SsdSyncState.Running,
            StartedAtUtc = now,
            HeartbeatAtUtc = now,
        };
        db.SsdSyncRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }

        db.ChangeTracker.Clear();
        return run;
    }

    /// <summary>Runs a run <see cref="BeginAsync"/> began, to the end; a failure is recorded on the run, not thrown.</summary>
    public async Task<SsdSyncRun> RunAsync(SsdSyncRun run, SsdStore store, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        try
        {
            if (await DemoDatabase.IsDemonstrationAsync(db))
            {
                return await FailAsync(run, DemoDatabase.NoSync, user);
            }

            var tables = new Dictionary<string, SsdTableRead>(StringComparer.Ordinal);
            foreach (var table in SsdTables.Read)
            {
                tables[table.Name] = await store.ReadAsync(table, cancellationToken);
            }

            var unusable = tables.Values.Where(t => t.Problem is not null || (t.Missing && Needed(t.Table)))
                .Select(t => $"{t.Table.Name}: {t.Problem ?? "not found"}").ToList();
            if (unusable.Count > 0)
            {
                return await FailAsync(run, $"Nothing was changed, because these tables could not be read. {string.Join(" ", unusable)}", user);
            }

            await SyncAsync(run, tables, user, cancellationToken);
            run.State = SsdSyncState.Finished;
            run.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
            await SaveRunAsync(run, user, cancellationToken);
            return run;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "SSD sync run {Run} failed", run.Id);
            db.ChangeTracker.Clear();
            return await FailAsync(run, $"The run stopped part-way ({e.GetType().Name}). Children saved before it stopped stay saved; run it again.", user);
        }
    }

    /// <summary>Without these four, no episode can be read, and every child would look missing.</summary>
    private static bool Needed(SsdTable table) =>
        table == SsdTables.Person || table == SsdTables.Episodes || table == SsdTables.LegalStatus || table == SsdTables.Placements;

    private async Task SyncAsync(SsdSyncRun run, Dictionary<string, SsdTableRead> tables, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var today = time.TodayInEngland();
        var rules = rulebook.Rules;
        var council = SsdChildren.Read(tables, today);
        var problems = council.Problems.ToList();
        run.ChildrenRead = council.AllPersonIds.Count;

        var held = await db.Children.AsNoTracking()
            .Select(c => new HeldChild(c.Id, c.LocalId, c.CaseSystemFingerprint, c.MissingUpstreamSince, c.Episodes.Any(e => e.EndedOn == null)))
            .ToDictionaryAsync(c => c.LocalId, StringComparer.Ordinal, cancellationToken);

        var upstream = council.Children.ToDictionary(c => c.PersonId, StringComparer.Ordinal);
        var mergedAway = new HashSet<string>(StringComparer.Ordinal);
        foreach (var child in council.Children.Where(c => c.FormerPersonIds.Count > 0))
        {
            foreach (var former in child.FormerPersonIds.Where(f => held.ContainsKey(f) && !upstream.ContainsKey(f) && !council.AllPersonIds.Contains(f)))
            {
                if (held.ContainsKey(child.PersonId))
                {
                    problems.Add(new(SsdTables.LinkedIdentifiers.Name, former, "link_identifier_value", child.PersonId,
                        $"The case system merged {former} into {child.PersonId}, and Care Review holds both. Merge them in Care Review by hand; neither was changed."));
                    mergedAway.Add(former);
                    upstream.Remove(child.PersonId);
                    continue;
                }

                await MergeAsync(held[former], child.PersonId, run, user, cancellationToken);
                held[child.PersonId] = held[former] with { LocalId = child.PersonId };
                held.Remove(former);
                mergedAway.Add(former);
                run.Merged++;
            }
        }

        var added = upstream.Values.Where(c => !held.ContainsKey(c.PersonId)).ToList();
        var changed = upstream.Values.Where(c => held.TryGetValue(c.PersonId, out var h) && (h.Fingerprint != c.Fingerprint || h.MissingSince is not null)).ToList();
        run.Unchanged = upstream.Count - added.Count - changed.Count;

        // Children unchanged upstream are done already, so the progress shown counts towards every child read.
        await ProgressAsync(run, run.ChildrenRead - added.Count - changed.Count, cancellationToken);
        var staff = new SsdStaff(db, audit, user, run.Id, run.DryRun);
        await staff.PrepareAsync([.. added.SelectMany(c => new[] { (c.SocialWorker, false), (c.Iro, true) }), .. changed.Select(c => (c.SocialWorker, false))], problems, cancellationToken);

        foreach (var chunk in added.Chunk(AddChunk))
        {
            await AddAsync(chunk, staff, run, problems, user, today, rules, cancellationToken);
            await ProgressAsync(run, chunk.Length, cancellationToken);
        }

        foreach (var chunk in changed.Chunk(Chunk))
        {
            await ChangeAsync(chunk, staff, run, problems, user, today, rules, cancellationToken);
            await ProgressAsync(run, chunk.Length, cancellationToken);
        }

        // Only children the case system could be expected to hold: those in care now, or synced before.
        var missing = held.Values.Where(h => !council.AllPersonIds.Contains(h.LocalId) && !mergedAway.Contains(h.LocalId)
            && h.MissingSince is null && (h.LookedAfter || h.Fingerprint is not null)).Select(h => h.Id).ToList();
        foreach (var chunk in missing.Chunk(Chunk))
        {
            var children = await db.Children.Where(c => chunk.Contains(c.Id)).ToListAsync(cancellationToken);
            foreach (var child in children.Where(c => c.MissFromCaseSystem(today)))
            {
                audit.Record(user, AuditAction.SsdChildMissing, child.Id, $"run:{run.Id};person:{child.LocalId}");
                run.Flagged++;
            }

            await SaveOrForgetAsync(run, cancellationToken);
        }

        run.Refused = council.RefusedPersonIds.Count + problems.Skip(council.Problems.Count).Select(p => p.PersonId).OfType<string>().Distinct().Count();
        run.Problems = [.. problems.Take(MaxProblemsKept).Select(p => new SsdSyncProblem
        {
            Table = p.Table,
            Row = Cut(p.Row, 100),
            Field = p.Field,
            PersonId = p.PersonId is null ? null : Cut(p.PersonId, 48),
            Message = Cut(p.Message, SsdSyncProblem.MaxMessageLength),
        })];
    }

    private async Task MergeAsync(HeldChild former, string survivor, SsdSyncRun run, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var child = await db.Children.SingleAsync(c => c.Id == former.Id, cancellationToken);
        child.FollowMerge(survivor);
        audit.Record(user, AuditAction.SsdChildMerged, child.Id, $"run:{run.Id};from:{former.LocalId};to:{survivor}");
        await SaveOrForgetAsync(run, cancellationToken);
    }

    private async Task AddAsync(SsdChild[] chunk, SsdStaff staff, SsdSyncRun run, List<SsdProblem> problems, ClaimsPrincipal user,
        DateOnly today, Rulebook rules, CancellationToken cancellationToken)
    {
        var made = new List<Child>();
        foreach (var upstream in chunk)
        {
            try
            {
                var child = Child.FromCaseSystem(upstream.PersonId, upstream.Record, upstream.Reviews, upstream.Fingerprint, today, rules);
                var iro = staff.Find(upstream.Iro, StaffRole.Iro);
                var socialWorker = staff.Find(upstream.SocialWorker, StaffRole.SocialWorker);
                if (iro is not null || socialWorker is not null)
                {
                    var from = new[] { upstream.Iro?.From, upstream.SocialWorker?.From }.Max();
                    child.Allocate(iro, socialWorker, today, rules, from);
                }

                made.Add(child);
            }
            catch (DomainRuleException e)
            {
                problems.Add(Refusal(upstream.PersonId, e));
            }
        }

        if (run.DryRun)
        {
            run.Added += made.Count;
            run.WouldChange.AddRange(made.Select(c => $"{c.LocalId}: added, with {c.Episodes.Count} episodes and {c.Reviews.Count} reviews held"));
            return;
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var byEf = await ChildRows.InsertAsync(db, made, cancellationToken);
            db.Children.AddRange(byEf);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var child in made)
            {
                audit.Record(user, AuditAction.SsdChildAdded, child.Id, $"run:{run.Id};person:{child.LocalId};episodes:{child.Episodes.Count};reviews:{child.Reviews.Count}");
            }

            await ChildRows.InsertAuditAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        run.Added += made.Count;
    }

    private async Task ChangeAsync(SsdChild[] chunk, SsdStaff staff, SsdSyncRun run, List<SsdProblem> problems, ClaimsPrincipal user,
        DateOnly today, Rulebook rules, CancellationToken cancellationToken)
    {
        var ids = chunk.Select(c => c.PersonId).ToList();
        var children = await db.Children.Where(c => ids.Contains(c.LocalId)).WithDeadlineFacts()
            .ToDictionaryAsync(c => c.LocalId, StringComparer.Ordinal, cancellationToken);
        var (changed, unchanged) = (0, 0);
        var refused = new List<string>();
        foreach (var upstream in chunk)
        {
            var child = children[upstream.PersonId];
            try
            {
                var changes = child.FollowCaseSystem(upstream.Record, upstream.Fingerprint, today, rules).ToList();
                // A worker the run could not match (a problem listed for ssd_professionals) leaves the allocation as it is.
                var socialWorker = staff.Find(upstream.SocialWorker, StaffRole.SocialWorker);
                var known = upstream.SocialWorker is null || socialWorker is not null;
                if (known && (socialWorker?.Id != child.SocialWorkerId || socialWorker is { Id: 0 }))
                {
                    changes.Add(new("social-worker", child.SocialWorkerId?.ToString(CultureInfo.InvariantCulture), socialWorker?.Id.ToString(CultureInfo.InvariantCulture)));
                    var latest = child.Allocations.Max(a => a.From);
                    var from = new[] { upstream.SocialWorker?.From ?? today, latest }.Max();
                    child.Allocate(child.Iro, socialWorker, today, rules, from);
                }

                if (changes.Count == 0)
                {
                    unchanged++;
                    continue;
                }

                changed++;
                var described = string.Join(';', changes.Select(c => $"{c.Field}:{c.Before}>{c.After}"));
                audit.Record(user, AuditAction.SsdChildChanged, child.Id, Cut($"run:{run.Id};{described}", 2000));
                if (run.DryRun)
                {
                    run.WouldChange.Add($"{child.LocalId}: {described.Replace(";", "; ", StringComparison.Ordinal)}");
                }
            }
            catch (DomainRuleException e)
            {
                problems.Add(Refusal(upstream.PersonId, e));
                refused.Add(upstream.PersonId);
            }
        }

        if (refused.Count > 0)
        {
            // A refusal can come after part of the child changed (the social worker, after the episodes), so the
            // chunk starts again from the database without the children refused: none of theirs is written.
            db.ChangeTracker.Clear();
            await ChangeAsync([.. chunk.Where(c => !refused.Contains(c.PersonId))], staff, run, problems, user, today, rules, cancellationToken);
            return;
        }

        if (!run.DryRun)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (chunk.Length > 1)
            {
                // Someone saved one of these children while the sync worked on them: each is tried again alone,
                // so only the one they changed waits for the next run.
                db.ChangeTracker.Clear();
                foreach (var one in chunk)
                {
                    await ChangeAsync([one], staff, run, problems, user, today, rules, cancellationToken);
                }

                return;
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                problems.Add(new(SsdTables.Person.Name, chunk[0].PersonId, "", chunk[0].PersonId,
                    "Someone changed the child's record in Care Review while the sync was working on it. Nothing of theirs was lost; the next run tries again."));
                return;
            }
        }

        db.ChangeTracker.Clear();
        run.Changed += changed;
        run.Unchanged += unchanged;
    }

    private async Task SaveOrForgetAsync(SsdSyncRun run, CancellationToken cancellationToken)
    {
        if (!run.DryRun)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    private static SsdProblem Refusal(string personId, DomainRuleException e)
    {
        var field = e.Field switch
        {
            "DECOM" => "clae_cla_episode_start_date",
            "DEC" => "clae_cla_episode_ceased_date",
            "REC" => "clae_cla_episode_ceased_reason",
            "RNE" => "clae_cla_episode_start_reason",
            "Provider" => "clap_cla_placement_provider",
            "Urn" => "clap_cla_placement_urn",
            "PlacementPostcode" => "clap_cla_placement_postcode",
            "Upn" => "pers_upn",
            { } named when named.Contains('_', StringComparison.Ordinal) => named,
            _ => "",
        };
        var table = field.Split('_')[0] switch
        {
            "pers" => SsdTables.Person.Name,
            "clap" => SsdTables.Placements.Name,
            "clav" => SsdTables.Visits.Name,
            "clah" => SsdTables.Health.Name,
            _ => SsdTables.Episodes.Name,
        };
        return new SsdProblem(table, personId, field, personId, e.Message);
    }

    private async Task ProgressAsync(SsdSyncRun run, int done, CancellationToken cancellationToken)
    {
        run.ChildrenDone += done;
        var now = time.GetUtcNow().UtcDateTime;
        await db.SsdSyncRuns.Where(r => r.Id == run.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ChildrenDone, run.ChildrenDone).SetProperty(r => r.ChildrenRead, run.ChildrenRead)
                .SetProperty(r => r.HeartbeatAtUtc, now), cancellationToken);
    }

    private async Task<SsdSyncRun> FailAsync(SsdSyncRun run, string why, ClaimsPrincipal user)
    {
        run.State = SsdSyncState.Failed;
        run.Failure = Cut(why, 1000);
        run.FinishedAtUtc = time.GetUtcNow().UtcDateTime;
        await SaveRunAsync(run, user, CancellationToken.None);
        return run;
    }

    /// <summary>Writes the run's outcome and problems, with its audit event, in one save.</summary>
    private async Task SaveRunAsync(SsdSyncRun run, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var saved = await db.SsdSyncRuns.SingleAsync(r => r.Id == run.Id, cancellationToken);
        saved.State = run.State;
        saved.Failure = run.Failure;
        saved.FinishedAtUtc = run.FinishedAtUtc;
        saved.HeartbeatAtUtc = run.FinishedAtUtc ?? saved.HeartbeatAtUtc;
        saved.ChildrenRead = run.ChildrenRead;
        saved.ChildrenDone = run.ChildrenDone;
        saved.Added = run.Added;
        saved.Changed = run.Changed;
        saved.Unchanged = run.Unchanged;
        saved.Flagged = run.Flagged;
        saved.Refused = run.Refused;
        saved.Merged = run.Merged;
        foreach (var problem in run.Problems)
        {
            problem.RunId = run.Id;
            db.SsdSyncProblems.Add(problem);
        }

        audit.Record(user, run.DryRun ? AuditAction.SsdSyncChecked : AuditAction.SsdSyncRan, null,
            $"run:{run.Id};state:{run.State};read:{run.ChildrenRead};added:{run.Added};changed:{run.Changed};unchanged:{run.Unchanged};flagged:{run.Flagged};refused:{run.Refused};merged:{run.Merged}");
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static string Cut(string value, int length) => value.Length > length ? value[..length] : value;

    private sealed record HeldChild(int Id, string LocalId, string? Fingerprint, DateOnly? MissingSince, bool LookedAfter);
}
