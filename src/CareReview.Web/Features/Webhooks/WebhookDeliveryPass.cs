using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareReview.Web.Features.Webhooks;

/// <summary>
/// Sends the deliveries that are due, each by exactly one app instance of however many share the database: an
/// instance takes a delivery with a conditional UPDATE (a lease that only one UPDATE can win, on SQLite and on
/// PostgreSQL alike), sends it, and records the attempt only while it still holds the lease (ADR-0033). An instance
/// that stops mid-send loses its lease when it runs out, and another sends the delivery again: delivery is at least
/// once, and the event's id lets the receiver drop a repeat.
/// </summary>
public sealed class WebhookDeliveryPass(AppDbContext db, IHttpClientFactory clients, WebhookSigning signing, TimeProvider time,
    ILogger<WebhookDeliveryPass> logger)
{
    public const string ClientName = "webhooks";

    /// <summary>How long an instance may hold a delivery: far longer than <see cref="Timeout"/>.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>How long a receiver has to answer.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>The longest wait between two attempts; the first waits a minute and each one after twice as long.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(2);

    private const int Batch = 50;

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Sends what is due now, as <paramref name="holder"/> (this instance); returns how many it sent.</summary>
    public async Task<int> RunAsync(string holder, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await Due(db.WebhookDeliveries, now).OrderBy(d => d.NextAttemptAtUtc).ThenBy(d => d.Id)
            .Select(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in due)
        {
            // Another instance may have taken it since the query: the UPDATE's own condition decides.
            var claimed = await Due(db.WebhookDeliveries.Where(d => d.Id == id), now)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.LeaseHolder, holder)
                    .SetProperty(d => d.LeasedUntilUtc, now + Lease), cancellationToken);
            if (claimed == 1)
            {
                await SendAsync(id, holder, cancellationToken);
                sent++;
            }
        }

        return sent;
    }

    private static IQueryable<WebhookDelivery> Due(IQueryable<WebhookDelivery> deliveries, DateTime now) =>
        deliveries.Where(d => d.State == WebhookDeliveryState.Pending && d.NextAttemptAtUtc <= now
                              && (d.LeasedUntilUtc == null || d.LeasedUntilUtc <= now));

    /// <summary>The body a receiver gets: the event's name and ids, never personal data.</summary>
    public static string Payload(WebhookEvent raised) => JsonSerializer.Serialize(new Body(
        raised.Id, raised.Name, new DateTimeOffset(raised.OccurredAtUtc, TimeSpan.Zero), raised.ChildId, raised.ReviewId,
        raised.RecommendationId, raised.EscalationId), s_json);

    private sealed record Body(Guid Id, string Event, DateTimeOffset OccurredAt, int? ChildId, int? ReviewId, int? RecommendationId,
        int? EscalationId);

    private async Task SendAsync(long id, string holder, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Event).Include(d => d.Receiver)
            .SingleAsync(d => d.Id == id, cancellationToken);
        var attemptedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        int? status = null;
        string? error = null;
        if (delivery.Receiver.RemovedAtUtc is not null)
        {
            error = "The receiver was removed";
        }
        else
        {
            // The receiver checks the signature's time against its own clock, so a demonstration on a chosen day
            // signs with the real time (ADR-0018: the chosen day is for the records, not for other machines).
            (status, error) = await PostAsync(delivery, DemonstrationClock.RealTimeOf(time).GetUtcNow(), cancellationToken);
        }

        var attempt = new WebhookAttempt
        {
            DeliveryId = id,
            AttemptedAtUtc = attemptedAt.UtcDateTime,
            StatusCode = status,
            Error = error is null ? null : error[..Math.Min(error.Length, WebhookAttempt.MaxErrorLength)],
            DurationMilliseconds = (int)Math.Min(int.MaxValue, time.GetElapsedTime(started).TotalMilliseconds),
        };
        await RecordAsync(delivery, holder, attempt, cancellationToken);
    }

    private async Task<(int? Status, string? Error)> PostAsync(WebhookDelivery delivery, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var body = Payload(delivery.Event);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Receiver.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSigning.SignatureHeader,
            WebhookSigning.Signature(signing.Unprotect(delivery.Receiver.ProtectedSecret), at.ToUnixTimeSeconds(), body));
        request.Headers.Add(WebhookSigning.DeliveryHeader, delivery.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSigning.EventHeader, delivery.Event.Name);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return (status, status is >= 200 and < 300 ? null : $"The receiver answered {status} {response.ReasonPhrase}".TrimEnd());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"No answer within {Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds");
        }
        catch (HttpRequestException e)
        {
            logger.LogInformation("Webhook delivery {Delivery} failed: {Error}", delivery.Id, e.Message);
            return (null, e.InnerException is { } inner ? $"{e.Message} ({inner.Message})" : e.Message);
        }
    }

    /// <summary>The attempt, and what becomes of the delivery, saved together, and only by the instance still holding it.</summary>
    private async Task RecordAsync(WebhookDelivery delivery, string holder, WebhookAttempt attempt, CancellationToken cancellationToken)
    {
        var now = attempt.AttemptedAtUtc;
        var attempts = delivery.AttemptCount + 1;
        var next = now + WaitAfter(attempts);
        var state = attempt.Succeeded ? WebhookDeliveryState.Delivered
            : delivery.Receiver.RemovedAtUtc is not null || next > delivery.RetryUntilUtc ? WebhookDeliveryState.GivenUp
            : WebhookDeliveryState.Pending;
        DateTime? deliveredAt = attempt.Succeeded ? now : null;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.WebhookDeliveries.Where(d => d.Id == delivery.Id && d.LeaseHolder == holder)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.State, state)
                .SetProperty(d => d.AttemptCount, d => d.AttemptCount + 1)
                .SetProperty(d => d.NextAttemptAtUtc, next)
                .SetProperty(d => d.DeliveredAtUtc, deliveredAt)
                .SetProperty(d => d.LeaseHolder, (string?)null)
                .SetProperty(d => d.LeasedUntilUtc, (DateTime?)null), cancellationToken);
        if (updated == 0)
        {
            // The lease ran out and another instance took the delivery: its attempt is the one to record.
            logger.LogWarning("Webhook delivery {Delivery} was taken by another instance before this attempt was recorded", delivery.Id);
            return;
        }

        db.Set<WebhookAttempt>().Add(attempt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The wait after the nth failed attempt: 1, 2, 4, 8... minutes, then every two hours.</summary>
    public static TimeSpan WaitAfter(int attempts)
    {
        var minutes = Math.Pow(2, Math.Min(attempts - 1, 10));
        var wait = TimeSpan.FromMinutes(minutes);
        return wait < LongestWait ? wait : LongestWait;
    }
}
