namespace CareReview.Web.Features.Webhooks;

/// <summary>An attempt in words, for the tables: the status code, or what went wrong.</summary>
public static class WebhookAttemptResult
{
    public static string Describe(WebhookAttempt attempt) =>
        attempt.StatusCode is { } status
            ? attempt.Succeeded ? $"{status.ToString(CultureInfo.InvariantCulture)}: received" : attempt.Error ?? status.ToString(CultureInfo.InvariantCulture)
            : attempt.Error ?? "Failed";
}
