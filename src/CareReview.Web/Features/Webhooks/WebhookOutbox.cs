namespace CareReview.Web.Features.Webhooks;

/// <summary>
/// Writes events and their deliveries into the outbox, on the caller's DbContext, so that they are saved in the same
/// transaction as the change they report: a change rolled back raises nothing, and a change saved cannot lose its
/// event (ADR-0033). The delivery worker sends them later.
/// </summary>
public static class WebhookOutbox
{
    /// <summary>How long a delivery is retried before it is given up.</summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromHours(24);

    /// <summary>
    /// Adds the events these audit events raise, with a delivery to each receiver that wants them. Called by
    /// <see cref="AppDbContext"/> as it saves audit events, inside the save's transaction.
    /// </summary>
    public static async Task AddForAsync(AppDbContext db, IReadOnlyList<AuditEvent> audit, CancellationToken cancellationToken)
    {
        var events = audit.Select(WebhookEvents.RaisedBy).OfType<WebhookEvent>().ToList();
        if (events.Count == 0)
        {
            return;
        }

        var receivers = await ReceiversAsync(db, cancellationToken);
        foreach (var raised in events)
        {
            Add(db, raised, receivers);
        }
    }

    /// <summary>The receivers not removed, for <see cref="Add"/>.</summary>
    public static Task<List<WebhookReceiver>> ReceiversAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.WebhookReceivers.AsNoTracking().Where(r => r.RemovedAtUtc == null).ToListAsync(cancellationToken);

    /// <summary>Adds the event, and a delivery due now to each receiver that wants it; the caller saves.</summary>
    public static void Add(AppDbContext db, WebhookEvent raised, IEnumerable<WebhookReceiver> receivers)
    {
        db.WebhookEvents.Add(raised);
        foreach (var receiver in receivers.Where(r => r.Wants(raised.Name)))
        {
            db.WebhookDeliveries.Add(new WebhookDelivery
            {
                EventId = raised.Id,
                ReceiverId = receiver.Id,
                State = WebhookDeliveryState.Pending,
                CreatedAtUtc = raised.OccurredAtUtc,
                NextAttemptAtUtc = raised.OccurredAtUtc,
                RetryUntilUtc = raised.OccurredAtUtc + RetryFor,
            });
        }
    }
}
