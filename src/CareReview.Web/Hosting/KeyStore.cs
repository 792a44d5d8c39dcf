using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace CareReview.Web.Hosting;

/// <summary>
/// The keys that sign and encrypt sign-in cookies, anti-forgery tokens and set-up links. They live in the
/// council's own database, so every instance on that database shares them and a cookie made against any
/// other database is refused; outside demo mode they are encrypted at rest with the council's certificate
/// (ADR-0021).
/// </summary>
public static class KeyStore
{
    public const string CertificatePathSetting = "DataProtection:CertificatePath";
    public const string CertificatePasswordSetting = "DataProtection:CertificatePassword";

    public static void AddKeyStore(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection()
            .SetApplicationName("CareReview")
            .PersistKeysToDbContext<AppDbContext>();
        if (CertificateIn(configuration) is { } certificate)
        {
            keys.ProtectKeysWithCertificate(certificate);
        }
    }

    /// <summary>
    /// Why the app must not start, or null: in production, outside demo mode, the keys must be encrypted with a
    /// certificate the app can open, since anyone who reads them from the database could otherwise sign in as anyone.
    /// </summary>
    public static string? Refusal(IConfiguration configuration, bool demoMode, bool production)
    {
        try
        {
            return CertificateIn(configuration) is null && production && !demoMode
                ? $"Set {CertificatePathSetting} (and {CertificatePasswordSetting}) to a PKCS#12 certificate with its private key: "
                  + "Care Review encrypts the keys that protect sign-ins with it before storing them in the database."
                : null;
        }
        catch (CryptographicException unreadable)
        {
            return $"The certificate in {CertificatePathSetting} cannot be opened: {unreadable.Message}";
        }
    }

    private static X509Certificate2? CertificateIn(IConfiguration configuration) =>
        configuration[CertificatePathSetting] is { Length: > 0 } path
            ? X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordSetting])
            : null;
}
