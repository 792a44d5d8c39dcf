using System.Net;
using System.Text.Json;
using CareReview.Domain.Children;
using CareReview.Domain.Staff;
using CareReview.Tests.Shared;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareReview.Tests.Features.Api;

/// <summary>
/// The API with tokens from the real test OpenID Connect provider (tests/oidc-provider) as its Authority, and nothing
/// else trusted: the provider's signing keys come from its discovery document, as a council's would.
/// </summary>
public sealed class ApiWithTheCouncilProviderTests(ApiWithTheCouncilProviderTests.ProviderAndApp fixture)
    : IClassFixture<ApiWithTheCouncilProviderTests.ProviderAndApp>
{
    private static readonly OidcUser s_iro = new("council-api-iro-1", "api.iro@test-council.example", "Ira Api", ["care-review-iros"]);
    private static readonly OidcClient s_warehouse = OidcClient.Integration("data-warehouse", "warehouse-secret-2026");
    private static readonly OidcClient s_unregistered = OidcClient.Integration("unregistered-app", "unregistered-secret-2026");
    private static readonly OidcClient s_voiceApp = OidcClient.WebApp("child-voice-app", "voice-secret-2026", new Uri("http://127.0.0.1:9/"));

    private AppFactory App => fixture.App;
    private OidcProvider Provider => fixture.Provider;

    [Fact]
    public async Task A_registered_integrations_client_credentials_token_lists_the_children()
    {
        var (child, otherChild) = await fixture.ChildrenAsync();
        var token = await Provider.ClientCredentialsTokenAsync(s_warehouse.ClientId, s_warehouse.ClientSecret, "children:read");

        using var response = await App.ApiClient(token).GetAsync(Url("/api/v1/children?pageSize=200"));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var ids = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(child.Id, ids);
        Assert.Contains(otherChild.Id, ids);
    }

    [Fact]
    public async Task A_token_for_another_of_the_councils_apis_or_from_a_client_care_review_does_not_know_is_refused()
    {
        await fixture.ChildrenAsync();
        string[] refused =
        [
            await Provider.ClientCredentialsTokenAsync(s_warehouse.ClientId, s_warehouse.ClientSecret, "children:read", OidcProvider.OtherResource),
            await Provider.ClientCredentialsTokenAsync(s_unregistered.ClientId, s_unregistered.ClientSecret, "children:read"),
        ];

        foreach (var token in refused)
        {
            using var response = await App.ApiClient(token).GetAsync(Url("/api/v1/children"));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_persons_token_from_the_provider_sees_their_own_child_and_not_another_iros()
    {
        var (child, otherChild) = await fixture.ChildrenAsync();
        var token = await Provider.UserAccessTokenAsync(s_voiceApp, s_iro, "children:read");
        using var client = App.ApiClient(token);

        using var own = await client.GetAsync(Url($"/api/v1/children/{child.Id}"));
        using var another = await client.GetAsync(Url($"/api/v1/children/{otherChild.Id}"));

        Assert.True(own.StatusCode == HttpStatusCode.OK, await own.Content.ReadAsStringAsync());
        Assert.Equal(child.Id, JsonDocument.Parse(await own.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, another.StatusCode);
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    /// <summary>One provider and one app for the class: the app's Authority is the provider, and it trusts no test key.</summary>
    public sealed class ProviderAndApp : IAsyncLifetime
    {
        private readonly SemaphoreSlim _arranging = new(1, 1);
        private OidcProvider? _provider;
        private AppOnTheProvider? _app;
        private (Child Child, Child OtherChild)? _children;

        public OidcProvider Provider => _provider ?? throw new InvalidOperationException("The provider has not started.");

        public AppFactory App => _app ?? throw new InvalidOperationException("The app has not started.");

        public async Task InitializeAsync()
        {
            _provider = await OidcProvider.StartAsync([s_iro], [s_warehouse, s_unregistered, s_voiceApp]);
            _app = new AppOnTheProvider(new Dictionary<string, string?>
            {
                ["Authentication:Oidc:Authority"] = _provider.Authority.ToString(),
                ["Authentication:Oidc:ClientId"] = "care-review",
                ["Authentication:Oidc:ClientSecret"] = "care-review-secret-2026",
                ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
            });
            await _app.InitializeAsync();
        }

        /// <summary>
        /// The provider's IRO, linked by the <c>oidc</c> login to their sub as signing in links them, with a child; another
        /// IRO's child; the data warehouse registered with every child in reach. Made once for the class.
        /// </summary>
        public async Task<(Child Child, Child OtherChild)> ChildrenAsync()
        {
            await _arranging.WaitAsync();
            try
            {
                return _children ??= await ArrangeAsync();
            }
            finally
            {
                _arranging.Release();
            }
        }

        private async Task<(Child, Child)> ArrangeAsync()
        {
            var iro = await App.AStaffMemberAsync(s_iro.Name, StaffRole.Iro);
            var otherIro = await App.AStaffMemberAsync("Oti Other", StaffRole.Iro);
            var user = await App.AUserAsync("council-api-iro", Roles.Iro, iro);
            await App.RunCommandAsync(async services =>
            {
                await using var scope = services.CreateAsyncScope();
                await ApiTokens.LinkAsync(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), user, s_iro.Sub);
                return 0;
            });
            await App.AnIntegrationAsync(s_warehouse.ClientId, IntegrationReach.AllChildren, ["children:read"]);
            return (await App.AChildLookedAfterSinceAsync(App.Today.AddDays(-5), iro), await App.AChildLookedAfterSinceAsync(App.Today.AddDays(-5), otherIro));
        }

        public async Task DisposeAsync()
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
            }

            if (_provider is not null)
            {
                await _provider.DisposeAsync();
            }
        }

        private sealed class AppOnTheProvider(IReadOnlyDictionary<string, string?> settings) : AppFactory(settings, StartsAt, trustsTestTokens: false);
    }
}
