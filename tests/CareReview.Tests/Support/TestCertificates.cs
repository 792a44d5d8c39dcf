using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CareReview.Tests.Support;

/// <summary>A self-signed PKCS#12 certificate with its private key, as a council would give the key store.</summary>
internal static class TestCertificates
{
    /// <summary>Writes one to <c>keys.pfx</c> in <paramref name="folder"/> and returns its path. Its dates are fixed, not today's.</summary>
    public static string WritePkcs12(string folder, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Care Review keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var path = Path.Combine(folder, "keys.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
