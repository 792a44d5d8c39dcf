namespace CareReview.Web.Features.Deadlines;

/// <summary>Loads children with everything their deadlines are worked out from, and works them out again.</summary>
public static class DeadlineRecalculation
{
    /// <summary>A child with their episodes, reviews, allocations, care plans, visits and assessments, and stored deadlines.</summary>
    public static IQueryable<Child> WithDeadlineFacts(this IQueryable<Child> children) =>
        children
            .Include(c => c.Episodes)
            .Include(c => c.Allocations)
            .Include(c => c.Reviews)
            .Include(c => c.CarePlans).ThenInclude(v => v.Sections)
            .Include(c => c.CareEvents)
            .Include(c => c.Deadlines)
            .Include(c => c.Iro)
            .AsSplitQuery();

    /// <summary>
    /// Works out the review clock and every deadline again for the children chosen, through the caller's
    /// DbContext (and so its transaction); the caller saves.
    /// </summary>
    public static async Task<int> RecalculateAsync(AppDbContext db, IQueryable<Child> which, DateOnly today, Rulebook rules,
        CancellationToken cancellationToken = default)
    {
        var children = await which.WithDeadlineFacts().ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            child.RecalculateReviewClock(rules);
            child.RecalculateDeadlines(today, rules);
        }

        return children.Count;
    }

    /// <summary>
    /// Brings every looked-after child's stored deadlines up to date, a batch at a time, and saves: at
    /// start-up (a release may carry a new rule catalogue) and after a council changes a rule.
    /// </summary>
    public static async Task<int> RecalculateAllAsync(AppDbContext db, DateOnly today, Rulebook rules, CancellationToken cancellationToken = default)
    {
        const int batch = 200;
        var ids = await db.Children.Where(c => c.NextReviewDueOn != null).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(batch))
        {
            await RecalculateAsync(db, db.Children.Where(c => chunk.Contains(c.Id)), today, rules, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return ids.Count;
    }

    /// <summary>Children whose deadlines change today though nothing was recorded (a birthday brings a rule in).</summary>
    public static async Task<int> RecalculateDueTodayAsync(AppDbContext db, DateOnly today, Rulebook rules, CancellationToken cancellationToken = default)
    {
        var count = await RecalculateAsync(db, db.Children.Where(c => c.DeadlinesRecomputeOn != null && c.DeadlinesRecomputeOn <= today),
            today, rules, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }
}
