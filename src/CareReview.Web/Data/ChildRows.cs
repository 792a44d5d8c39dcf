namespace CareReview.Web.Data;

/// <summary>
/// Writes new children with prepared inserts (<see cref="PreparedInsert{T}"/>), for bulk loads (the return import,
/// the SSD sync): a child row, its episodes, reviews, deadlines, allocations and visits and checks. EF's per-row
/// bookkeeping was most of a load's time. Run in the caller's transaction.
/// </summary>
public static class ChildRows
{
    /// <summary>
    /// Inserts each child that is only those rows (its IRO and social worker named by saved ids), and returns the
    /// children with anything more, for the caller to save through EF.
    /// </summary>
    public static async Task<List<Child>> InsertAsync(AppDbContext db, IReadOnlyList<Child> children, CancellationToken cancellationToken = default)
    {
        await using var childRows = await PreparedInsert<Child>.CreateAsync(db, cancellationToken: cancellationToken);
        await using var episodeRows = await PreparedInsert<CareEpisode>.CreateAsync(db, nameof(CareEpisode.ChildId), cancellationToken);
        await using var reviewRows = await PreparedInsert<Review>.CreateAsync(db, nameof(Review.ChildId), cancellationToken);
        await using var deadlineRows = await PreparedInsert<ChildDeadline>.CreateAsync(db, nameof(ChildDeadline.ChildId), cancellationToken);
        await using var allocationRows = await PreparedInsert<Allocation>.CreateAsync(db, nameof(Allocation.ChildId), cancellationToken);
        await using var eventRows = await PreparedInsert<CareEvent>.CreateAsync(db, nameof(CareEvent.ChildId), cancellationToken);
        var byEf = new List<Child>();
        var byRows = new List<Child>();
        foreach (var child in children)
        {
            var staffSaved = child.Iro is not { Id: 0 } && child.SocialWorker is not { Id: 0 };
            var onlyRows = staffSaved
                && childRows.NavigatesOnlyThrough(child, nameof(Child.Episodes), nameof(Child.Reviews), nameof(Child.Deadlines),
                    nameof(Child.Allocations), nameof(Child.CareEvents), nameof(Child.Iro), nameof(Child.SocialWorker))
                && child.Episodes.All(e => episodeRows.NavigatesOnlyThrough(e))
                && child.Reviews.All(r => reviewRows.NavigatesOnlyThrough(r))
                && child.Deadlines.All(d => deadlineRows.NavigatesOnlyThrough(d))
                && child.Allocations.All(a => allocationRows.NavigatesOnlyThrough(a))
                && child.CareEvents.All(e => eventRows.NavigatesOnlyThrough(e));
            (onlyRows ? byRows : byEf).Add(child);
        }

        // Added as a save through EF adds them, so the API's updatedSince finds them.
        var now = db.UtcNow();
        foreach (var child in byRows)
        {
            child.ChangedAtUtc = now;
            await childRows.InsertAsync(child, cancellationToken: cancellationToken);
        }

        // The children's keys, which their other rows need, are set once their rows are sent.
        await childRows.FlushAsync(cancellationToken);
        foreach (var child in byRows)
        {
            await InsertAllAsync(episodeRows, child.Episodes, child.Id, cancellationToken);
            await InsertAllAsync(reviewRows, child.Reviews, child.Id, cancellationToken);
            await InsertAllAsync(deadlineRows, child.Deadlines, child.Id, cancellationToken);
            await InsertAllAsync(allocationRows, child.Allocations, child.Id, cancellationToken);
            await InsertAllAsync(eventRows, child.CareEvents, child.Id, cancellationToken);
        }

        await episodeRows.FlushAsync(cancellationToken);
        await reviewRows.FlushAsync(cancellationToken);
        await deadlineRows.FlushAsync(cancellationToken);
        await allocationRows.FlushAsync(cancellationToken);
        await eventRows.FlushAsync(cancellationToken);
        return byEf;
    }

    /// <summary>
    /// Writes the audit events added to the context since its last save, linked into the audit log's chain after the
    /// children's rows (ADR-0023), with one prepared insert; they leave the context, so its save is left the rest.
    /// </summary>
    public static async Task InsertAuditAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var events = db.ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).ToList();
        await AuditChain.LinkAsync(db, [.. events.Select(e => e.Entity)], cancellationToken);
        await using var auditRows = await PreparedInsert<AuditEvent>.CreateAsync(db, cancellationToken: cancellationToken);
        foreach (var entry in events)
        {
            await auditRows.InsertAsync(entry.Entity, cancellationToken: cancellationToken);
            entry.State = EntityState.Detached;
        }

        await auditRows.FlushAsync(cancellationToken);
    }

    private static async Task InsertAllAsync<T>(PreparedInsert<T> rows, IEnumerable<T> entities, int childId, CancellationToken cancellationToken)
        where T : class
    {
        foreach (var entity in entities)
        {
            await rows.InsertAsync(entity, childId, cancellationToken);
        }
    }
}
