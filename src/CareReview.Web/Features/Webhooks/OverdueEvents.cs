namespace CareReview.Web.Features.Webhooks;

/// <summary>
/// Raises the events that time brings rather than a change: a child's review due date passed without a review held,
/// and a recommendation's due date passed while it is open. Each is raised once for its due date, however often the
/// pass runs and on however many instances: its key (<see cref="WebhookEvent.Key"/>) is unique, so a second instance
/// writing the same event is refused by the database and takes that as "already raised". A new due date that passes
/// is a new event.
/// </summary>
public sealed class OverdueEvents(AppDbContext db, TimeProvider time)
{
    /// <summary>Raises what is newly overdue today (in England); returns how many events it raised.</summary>
    public async Task<int> RaiseAsync(CancellationToken cancellationToken)
    {
        var today = time.TodayInEngland();
        var reviews = await db.Children.AsNoTracking()
            .Where(c => c.NextReviewDueOn != null && c.NextReviewDueOn < today)
            .Select(c => new { c.Id, DueOn = c.NextReviewDueOn!.Value })
            .ToListAsync(cancellationToken);
        var recommendations = await (
                from recommendation in db.Recommendations.AsNoTracking()
                join review in db.Reviews on recommendation.ReviewId equals review.Id
                where recommendation.Status == RecommendationStatus.Open && recommendation.DueOn < today
                select new { recommendation.Id, recommendation.ReviewId, review.ChildId, recommendation.DueOn })
            .ToListAsync(cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var candidates = reviews
            .Select(r => Event(WebhookEvents.ReviewOverdue, $"child:{r.Id}", r.DueOn, now, r.Id))
            .Concat(recommendations.Select(r =>
                Event(WebhookEvents.RecommendationOverdue, $"recommendation:{r.Id}", r.DueOn, now, r.ChildId, r.ReviewId, r.Id)))
            .ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var keys = candidates.Select(c => c.Key!).ToList();
        var raised = (await db.WebhookEvents.Where(e => e.Key != null && keys.Contains(e.Key)).Select(e => e.Key!).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var receivers = await WebhookOutbox.ReceiversAsync(db, cancellationToken);
        var count = 0;
        foreach (var candidate in candidates.Where(c => !raised.Contains(c.Key!)))
        {
            // One event a save, so that one another instance raised first does not undo the rest.
            WebhookOutbox.Add(db, candidate, receivers);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                count++;
            }
            catch (DbUpdateException)
            {
                // Another instance raised it between the query and this save; anything else is a fault.
                db.ChangeTracker.Clear();
                if (!await db.WebhookEvents.AnyAsync(e => e.Key == candidate.Key, cancellationToken))
                {
                    throw;
                }
            }

            db.ChangeTracker.Clear();
        }

        return count;
    }

    private static WebhookEvent Event(string name, string subject, DateOnly dueOn, DateTime now, int childId, int? reviewId = null,
        int? recommendationId = null) => new()
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(now, TimeSpan.Zero)),
            Name = name,
            OccurredAtUtc = now,
            ChildId = childId,
            ReviewId = reviewId,
            RecommendationId = recommendationId,
            Key = $"{name}:{subject}:{dueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        };
}
