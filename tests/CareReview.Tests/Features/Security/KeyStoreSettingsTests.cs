using CareReview.Tests.Support;
using CareReview.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace CareReview.Tests.Features.Security;

/// <summary>Outside demo mode, production keeps its sign-in keys encrypted with the council's certificate, or does not start.</summary>
public sealed class KeyStoreSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("care-review-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static IConfiguration Settings(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    private string ACertificate(string password) => TestCertificates.WritePkcs12(_folder, password);

    [Fact]
    public void Production_without_a_certificate_does_not_start_and_says_which_setting_to_give()
    {
        var refusal = KeyStore.Refusal(Settings(), demoMode: false, production: true);

        Assert.NotNull(refusal);
        Assert.Contains(KeyStore.CertificatePathSetting, refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Demo_mode_and_development_start_without_one(bool demoMode, bool production) =>
        Assert.Null(KeyStore.Refusal(Settings(), demoMode, production));

    [Fact]
    public void Production_with_a_certificate_it_can_open_starts()
    {
        var path = ACertificate("s3cret-pass");

        Assert.Null(KeyStore.Refusal(Settings((KeyStore.CertificatePathSetting, path), (KeyStore.CertificatePasswordSetting, "s3cret-pass")),
            demoMode: false, production: true));
    }

    [Fact]
    public void A_certificate_with_the_wrong_password_is_refused_with_the_reason()
    {
        var path = ACertificate("s3cret-pass");

        var refusal = KeyStore.Refusal(Settings((KeyStore.CertificatePathSetting, path), (KeyStore.CertificatePasswordSetting, "wrong")),
            demoMode: false, production: true);

        Assert.NotNull(refusal);
        Assert.StartsWith($"The certificate in {KeyStore.CertificatePathSetting} cannot be opened", refusal, StringComparison.Ordinal);
    }
}
