namespace CareReview.Web.Data.Entities;

/// <summary>
/// A receiver an administrator registered (ADR-0033): where to POST, which events it wants, and the secret its
/// deliveries are signed with, encrypted with the app's data protection keys (ADR-0021). Never deleted, so that
/// its deliveries stay explained; removing it stops every delivery still to go.
/// </summary>
public sealed class WebhookReceiver
{
    public int Id { get; set; }

    /// <summary>The address deliveries are POSTed to: https outside demo mode and development.</summary>
    public required string Url { get; set; }

    /// <summary>The events it wants, by name (<c>WebhookEvents</c>), separated by spaces.</summary>
    public required string Events { get; set; }

    /// <summary>The signing secret as <c>IDataProtector.Protect</c> wrote it; shown in the clear once, when registered.</summary>
    public required string ProtectedSecret { get; set; }

    public DateTime RegisteredAtUtc { get; set; }
    public required string RegisteredBy { get; set; }
    public DateTime? RemovedAtUtc { get; set; }
    public string? RemovedBy { get; set; }

    public IReadOnlyList<string> EventNames => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool Wants(string eventName) => RemovedAtUtc is null && EventNames.Contains(eventName, StringComparer.Ordinal);
}

/// <summary>
/// Something that happened, in the outbox: written in the same transaction as the change it reports, or by the
/// overdue pass for a date that passed. Holds ids and the event's name only, never personal data: the receiver
/// reads the rest through the API.
/// </summary>
public sealed class WebhookEvent
{
    /// <summary>Sent as the payload's <c>id</c>: the same on every delivery and retry, so a receiver can de-duplicate.</summary>
    public Guid Id { get; set; }

    public required string Name { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public int? ChildId { get; set; }
    public int? ReviewId { get; set; }
    public int? RecommendationId { get; set; }
    public int? EscalationId { get; set; }

    /// <summary>
    /// For an event raised by time rather than by a change (an overdue review or recommendation): what makes it
    /// once-only, such as <c>review.overdue:child:12:2026-11-30</c>. A unique index refuses a second row, whichever
    /// app instance writes it. Null for an event raised by a change, which happens once by being saved once.
    /// </summary>
    public string? Key { get; set; }
}

public enum WebhookDeliveryState
{
    /// <summary>Still to go: at <see cref="WebhookDelivery.NextAttemptAtUtc"/>, by whichever instance claims it first.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Still failing when its retries ran out (24 hours), or its receiver was removed.</summary>
    GivenUp,
}

/// <summary>One event on its way to one receiver, with every attempt made.</summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    public Guid EventId { get; set; }
    public WebhookEvent Event { get; set; } = null!;
    public int ReceiverId { get; set; }
    public WebhookReceiver Receiver { get; set; } = null!;
    public WebhookDeliveryState State { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }

    /// <summary>No retry is made after this: 24 hours after it was made, or after it was last sent again by hand.</summary>
    public DateTime RetryUntilUtc { get; set; }

    /// <summary>
    /// The instance sending it now, and until when: taken by a conditional UPDATE so that only one instance sends it,
    /// and given up by an instance that stopped once the time passes.
    /// </summary>
    public string? LeaseHolder { get; set; }

    public DateTime? LeasedUntilUtc { get; set; }
    public int AttemptCount { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    public List<WebhookAttempt> Attempts { get; set; } = [];
}

/// <summary>One POST of a delivery: when, how long it took, and the status code or the error.</summary>
public sealed class WebhookAttempt
{
    public const int MaxErrorLength = 500;

    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public DateTime AttemptedAtUtc { get; set; }
    public int? StatusCode { get; set; }
    public string? Error { get; set; }
    public int DurationMilliseconds { get; set; }
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
