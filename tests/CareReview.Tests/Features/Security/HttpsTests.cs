using System.Net;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace CareReview.Tests.Features.Security;

/// <summary>
/// Issue 19, finding 6: no HSTS, and cookies never Secure, even behind X-Forwarded-Proto: https. In
/// production a council's sign-in cookie is Secure always, HTTPS answers carry HSTS, and forwarded
/// headers are believed only from the proxies the council lists.
/// </summary>
public sealed class HttpsTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("care-review-https-").FullName;
    private AppFactory _app = null!;

    public async Task InitializeAsync()
    {
        var path = TestCertificates.WritePkcs12(_folder, "keys-pass");

        _app = await AppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["environment"] = "Production",
            [KeyStore.CertificatePathSetting] = path,
            [KeyStore.CertificatePasswordSetting] = "keys-pass",
            [PublicAddress.Setting] = "https://care-review.council.example",
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_sign_in_cookie_is_secure_even_when_the_request_came_over_http()
    {
        await _app.AUserAsync("https-admin", Roles.Administrator);
        using var client = _app.AnonymousClient();

        using var response = await _app.SubmitFormAsync(client, "/sign-in", new Dictionary<string, string>
        {
            ["Input.UserName"] = "https-admin",
            ["Input.Password"] = AppFactory.Password,
        });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("care-review=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_answer_over_https_tells_the_browser_to_use_nothing_else_for_a_year()
    {
        using var client = _app.AnonymousClient();

        using var response = await client.GetAsync(new Uri("https://care-review.council.example/sign-in"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task A_forwarded_https_header_from_a_proxy_the_council_did_not_list_is_not_believed()
    {
        using var client = _app.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/sign-in", UriKind.Relative));
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void Proxies_are_listed_by_address_and_nothing_else_is_trusted()
    {
        var options = Proxies.ForwardedHeadersIn(new ConfigurationBuilder()
            .AddInMemoryCollection([KeyValuePair.Create(Proxies.Setting, (string?)"10.0.0.5, 10.0.0.6")]).Build())!;

        Assert.Equal([IPAddress.Parse("10.0.0.5"), IPAddress.Parse("10.0.0.6")], options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
        Assert.Null(Proxies.ForwardedHeadersIn(new ConfigurationBuilder().Build()));
    }
}
