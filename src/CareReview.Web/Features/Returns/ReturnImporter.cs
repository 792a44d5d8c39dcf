using System.Security.Claims;
using CareReview.Domain.Returns;
using CareReview.Web.Demo;

namespace CareReview.Web.Features.Returns;

/// <summary>
/// What an import did: nothing at all unless <see cref="Loaded"/>. <see cref="Added"/> names the children
/// it added, or, for a check, the children it would add.
/// </summary>
public sealed record ImportOutcome(
    FinancialYear Year,
    ImportProblems Problems,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Unchanged,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> Ignored,
    bool Loaded)
{
    public string Counts =>
        $"year:{Year.EndingYear};added:{Added.Count};unchanged:{Unchanged.Count};skipped:{Skipped.Count};problems:{Problems.Count};loaded:{(Loaded ? 1 : 0)}";

    /// <summary>The first <paramref name="shown"/> of <paramref name="ids"/>, and how many more: files of bad rows can leave out thousands of children.</summary>
    public static string FirstOf(IReadOnlyList<string> ids, int shown = 100) =>
        string.Join(", ", ids.Take(shown)) + (ids.Count > shown ? $" and {ids.Count - shown} more" : "");
}

/// <summary>
/// Loads a council's children from its old system's returns (the page and <c>import-903</c> share it).
/// A child already in Care Review is left alone: if the files say the same about them it is counted
/// unchanged, so importing the same files twice changes nothing; if they differ it is a problem, because
/// the app's record is the one people have worked on since.
/// </summary>
public static class ReturnImporter
{
    /// <summary>Measured (bench --return): 50 to 100 children a save is fastest; 5,000 in one save takes nearly twice as long.</summary>
    private const int SaveChunk = 100;

    public static async Task<ImportOutcome> ImportAsync(AppDbContext db, AuditLog audit, ClaimsPrincipal? user,
        ReturnFileSet current, ReturnFileSet? previous, FinancialYear? year, bool cleanOnly, DateOnly today, Rulebook rules,
        CancellationToken cancellationToken = default) =>
        await RunAsync(db, audit, user, current, previous, year, cleanOnly, load: true, today, rules, cancellationToken);

    /// <summary>Everything an import does except saving the children: the problems, and who would be added.</summary>
    public static async Task<ImportOutcome> CheckAsync(AppDbContext db, AuditLog audit, ClaimsPrincipal? user,
        ReturnFileSet current, ReturnFileSet? previous, FinancialYear? year, bool cleanOnly, DateOnly today, Rulebook rules,
        CancellationToken cancellationToken = default) =>
        await RunAsync(db, audit, user, current, previous, year, cleanOnly, load: false, today, rules, cancellationToken);

    private static async Task<ImportOutcome> RunAsync(AppDbContext db, AuditLog audit, ClaimsPrincipal? user,
        ReturnFileSet current, ReturnFileSet? previous, FinancialYear? year, bool cleanOnly, bool load, DateOnly today, Rulebook rules,
        CancellationToken cancellationToken)
    {
        if (load && await DemoDatabase.IsDemonstrationAsync(db))
        {
            throw new InvalidOperationException(DemoDatabase.NoImport);
        }

        var plan = ReturnImport.Plan(current, previous, year, today, rules);
        var problems = plan.Problems.Copy();

        // Every local id held, compared here: a query naming thousands of ids took 0.1 s even on an empty database.
        var inFiles = plan.Children.Select(c => c.LocalId).ToHashSet(StringComparer.Ordinal);
        var held = (await db.Children.Select(c => c.LocalId).ToListAsync(cancellationToken)).Where(inFiles.Contains).ToList();
        var existing = held.Count == 0 ? new Dictionary<string, Child>(StringComparer.Ordinal) : await db.Children.AsNoTracking()
            .Where(c => held.Contains(c.LocalId))
            .Include(c => c.Episodes)
            .Include(c => c.Reviews)
            .AsSplitQuery()
            .ToDictionaryAsync(c => c.LocalId, StringComparer.Ordinal, cancellationToken);
        var years = previous is null ? [plan.Year] : new[] { plan.Year, plan.Year.Previous };
        var unchanged = new List<string>();
        var added = new List<Child>();
        foreach (var child in plan.Children)
        {
            if (!existing.TryGetValue(child.LocalId, out var inApp))
            {
                added.Add(child);
            }
            else if (years.All(y => Same(ReturnExport.Build([inApp], y), ReturnExport.Build([child], y))))
            {
                unchanged.Add(child.LocalId);
            }
            else
            {
                problems.Add(new(ReturnFileSet.HeaderFile, 0, "CHILD", child.LocalId,
                    $"{child.LocalId} is already in Care Review with different details, episodes or reviews. Correct the record in Care Review; the import never overwrites it."));
            }
        }

        var blocked = plan.FileProblems || (problems.Count > 0 && !cleanOnly);
        var toAdd = blocked ? [] : added.Where(c => !problems.Children.Contains(c.LocalId)).ToList();
        var skipped = blocked ? [] : problems.Children.Order(StringComparer.Ordinal).ToList();
        var outcome = new ImportOutcome(plan.Year, problems, [.. toAdd.Select(c => c.LocalId)], unchanged, skipped,
            plan.Ignored, Loaded: load && !blocked);
        if (!load)
        {
            audit.Record(user, AuditAction.ReturnImportChecked, null, outcome.Counts);
            await db.SaveChangesAsync(cancellationToken);
            return outcome;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (toAdd.Count > 0)
        {
            var byEf = await ChildRows.InsertAsync(db, toAdd, cancellationToken);
            await SaveWithEfAsync(db, byEf, cancellationToken);
            foreach (var child in toAdd)
            {
                audit.Record(user, AuditAction.ChildImported, child.Id, $"year:{plan.Year.EndingYear}");
            }

            // One audit event a child, so written as the children were: the save below is left only the import's own event.
            await ChildRows.InsertAuditAsync(db, cancellationToken);
        }

        audit.Record(user, blocked ? AuditAction.ReturnImportRefused : AuditAction.ReturnImported, null, outcome.Counts);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private static async Task SaveWithEfAsync(AppDbContext db, List<Child> children, CancellationToken cancellationToken)
    {
        // Saved a few hundred at a time with the tracker cleared between: every save walks what is tracked
        // (DetectChanges and the version check of ADR-0005), so one save of everything, or audit rows saved
        // beside it, would cost far more than the inserts.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in children.Chunk(SaveChunk))
        {
            db.Children.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
    }

    private static bool Same(ReturnFiles a, ReturnFiles b) =>
        Rows(a.Header).SequenceEqual(Rows(b.Header)) && Rows(a.Episodes).SequenceEqual(Rows(b.Episodes)) && Rows(a.Reviews).SequenceEqual(Rows(b.Reviews));

    private static IEnumerable<string> Rows(IReadOnlyList<string?[]> rows) => rows.Select(r => string.Join('\u001f', r));
}
