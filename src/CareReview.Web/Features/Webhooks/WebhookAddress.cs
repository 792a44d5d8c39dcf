namespace CareReview.Web.Features.Webhooks;

/// <summary>
/// Which receiver addresses may be registered. A council's deliveries go over HTTPS only, so that the signature and
/// the ids are not read or replayed on the way; a demonstration or a developer's machine may use plain http, to a
/// receiver on the same machine (ADR-0033).
/// </summary>
public sealed record WebhookAddress(bool HttpsRequired)
{
    public const int MaxLength = 500;

    /// <summary>What is wrong with the address, for the message beside the field, or null when it may be registered.</summary>
    public string? Problem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Enter the address to send events to";
        }

        if (url.Trim().Length > MaxLength)
        {
            return $"The address must be {MaxLength} characters or fewer";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            return "Enter a web address, like https://receiver.example.gov.uk/care-review";
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return "Enter the address without a user name, password or # part";
        }

        return HttpsRequired && uri.Scheme != "https"
            ? "Enter an address that starts with https://"
            : null;
    }
}
