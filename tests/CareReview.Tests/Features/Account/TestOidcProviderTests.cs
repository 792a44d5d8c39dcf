using System.Text;
using System.Text.Json;
using CareReview.Tests.Shared;

namespace CareReview.Tests.Features.Account;

/// <summary>
/// The tests' OpenID Connect provider (tests/oidc-provider) issues what the API's tests need: a JWT access token for
/// Care Review's API to an integration (client credentials) and to a person signed in through its login page.
/// </summary>
[Trait("Database", "none")]
public sealed class TestOidcProviderTests : IAsyncLifetime
{
    private static readonly OidcUser s_iro = new("iro-1", "iro@test-council.example", "Ira Test", ["care-review-iros"]);
    private static readonly OidcClient s_warehouse = OidcClient.Integration("data-warehouse", "warehouse-secret-2026");
    private static readonly OidcClient s_app = OidcClient.WebApp("child-voice-app", "voice-secret-2026", new Uri("http://127.0.0.1:9/"));
    private OidcProvider? _provider;

    private OidcProvider Provider => _provider ?? throw new InvalidOperationException("The provider has not started.");

    public async Task InitializeAsync() => _provider = await OidcProvider.StartAsync([s_iro], [s_warehouse, s_app]);

    public async Task DisposeAsync()
    {
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_integration_gets_a_jwt_for_the_api_by_client_credentials()
    {
        var token = await Provider.ClientCredentialsTokenAsync(s_warehouse.ClientId, s_warehouse.ClientSecret, "children:read");

        var (header, payload) = Decode(token);
        Assert.Equal("at+jwt", header.GetProperty("typ").GetString());
        Assert.Equal(OidcProvider.ApiAudience, payload.GetProperty("aud").GetString());
        Assert.Equal(s_warehouse.ClientId, payload.GetProperty("client_id").GetString());
        Assert.Equal("children:read", payload.GetProperty("scope").GetString());
        Assert.Equal(Provider.Authority.ToString().TrimEnd('/'), payload.GetProperty("iss").GetString());
    }

    [Fact]
    public async Task A_wrong_secret_gets_no_token()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Provider.ClientCredentialsTokenAsync(s_warehouse.ClientId, "not-the-secret"));

        Assert.Contains("invalid_client", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_signed_in_through_the_login_page_gets_a_jwt_for_the_api()
    {
        var token = await Provider.UserAccessTokenAsync(s_app, s_iro, "children:read reviews:write");

        var (_, payload) = Decode(token);
        Assert.Equal(OidcProvider.ApiAudience, payload.GetProperty("aud").GetString());
        Assert.Equal(s_iro.Sub, payload.GetProperty("sub").GetString());
        Assert.Equal(s_app.ClientId, payload.GetProperty("client_id").GetString());
        Assert.Equal("children:read reviews:write", payload.GetProperty("scope").GetString());
    }

    private static (JsonElement Header, JsonElement Payload) Decode(string jwt)
    {
        var parts = jwt.Split('.');
        Assert.Equal(3, parts.Length);
        return (Part(parts[0]), Part(parts[1]));

        static JsonElement Part(string base64Url)
        {
            var base64 = base64Url.Replace('-', '+').Replace('_', '/');
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            return JsonDocument.Parse(json).RootElement.Clone();
        }
    }
}
