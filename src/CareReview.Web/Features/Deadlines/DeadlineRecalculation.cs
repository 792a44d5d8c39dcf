using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Web.Data;
using Microsoft.EntityFrameworkCore;

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
}
