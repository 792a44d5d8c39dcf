using System.Text.RegularExpressions;

namespace CareReview.Web.Features.Webhooks;

/// <summary>
/// The events a receiver can ask for, and which audit events raise them (ADR-0033). Every change in Care Review is
/// saved with its audit event, whether it came from a page, the API or a command, so raising webhook events from the
/// audit events means no page has to remember to.
/// </summary>
public static partial class WebhookEvents
{
    public const string ReviewRecorded = "review.recorded";
    public const string ReviewOverdue = "review.overdue";
    public const string RecommendationOverdue = "recommendation.overdue";
    public const string EscalationRaised = "escalation.raised";
    public const string EscalationMovedStage = "escalation.stage_moved";
    public const string ChildsViewsReceived = "child_views.received";
    public const string NotHappyCard = "review_feedback.not_happy";

    /// <summary>Every event, in the order the registration page lists them, with what it means.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> All { get; } =
    [
        (ReviewRecorded, "A review was recorded as held"),
        (ReviewOverdue, "A child's review due date passed without a review held"),
        (RecommendationOverdue, "A recommendation's due date passed while it was still open"),
        (EscalationRaised, "An IRO raised a concern (an escalation)"),
        (EscalationMovedStage, "An escalation started its formal process or moved to another stage"),
        (ChildsViewsReceived, "A child sent their views for a review"),
        (NotHappyCard, "A child gave their review a \"Not happy\" card"),
    ];

    public static bool IsEvent(string name) => All.Any(e => e.Name == name);

    /// <summary>The webhook event an audit event raises, or null for the audit events no receiver is told of.</summary>
    public static WebhookEvent? RaisedBy(AuditEvent audit)
    {
        var name = audit.Action switch
        {
            AuditAction.ReviewRecorded => ReviewRecorded,
            AuditAction.EscalationRaised => EscalationRaised,
            AuditAction.FormalEscalationStarted or AuditAction.EscalationEscalated => EscalationMovedStage,
            AuditAction.ChildViewsSent => ChildsViewsReceived,
            AuditAction.ReviewRated when audit.Details?.Contains($"rating:{ReviewRating.NotHappy}", StringComparison.Ordinal) == true => NotHappyCard,
            _ => null,
        };
        return name is null
            ? null
            : new WebhookEvent
            {
                Id = Guid.CreateVersion7(new DateTimeOffset(audit.OccurredAtUtc, TimeSpan.Zero)),
                Name = name,
                OccurredAtUtc = audit.OccurredAtUtc,
                ChildId = audit.ChildId,
                ReviewId = IdIn(audit.Details, "review"),
                EscalationId = IdIn(audit.Details, "escalation"),
            };
    }

    /// <summary>The id an audit event's details give for a record ("review:12;..."): details hold ids and codes (AuditEvent).</summary>
    private static int? IdIn(string? details, string record)
    {
        if (details is null)
        {
            return null;
        }

        foreach (Match match in IdPattern().Matches(details))
        {
            if (match.Groups[1].Value == record)
            {
                return int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"\b([a-z]+):(\d+)\b")]
    private static partial Regex IdPattern();
}
