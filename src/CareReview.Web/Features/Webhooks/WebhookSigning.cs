using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace CareReview.Web.Features.Webhooks;

/// <summary>
/// Each receiver's signing secret and the signature every delivery carries (docs/webhooks.md). The secret is made
/// here, shown once, and kept encrypted with the app's data protection keys, which live in the council's database
/// and are themselves encrypted with its certificate outside demo mode (ADR-0021), so reading the table alone does
/// not give the secret away.
/// </summary>
public sealed class WebhookSigning(IDataProtectionProvider protection)
{
    public const string SignatureHeader = "Care-Review-Signature";
    public const string DeliveryHeader = "Care-Review-Delivery";
    public const string EventHeader = "Care-Review-Event";
    private const string SecretPrefix = "whsec_";

    private readonly IDataProtector _protector = protection.CreateProtector("CareReview.Webhooks.SigningSecret.v1");

    /// <summary>A new secret: 32 random bytes, URL-safe, with a prefix that says what it is.</summary>
    public static string NewSecret() => SecretPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);

    /// <summary>
    /// The signature header's value: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>, keyed with the
    /// secret's UTF-8 bytes. The time is signed too, so a receiver can refuse an old delivery replayed.
    /// </summary>
    public static string Signature(string secret, long unixSeconds, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{unixSeconds.ToString(CultureInfo.InvariantCulture)}.{body}");
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(mac)}";
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
