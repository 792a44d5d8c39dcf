using CareReview.Tests.Shared;

namespace CareReview.BrowserTests;

/// <summary>
/// The council's own sign-in in the browser suite: the test OpenID Connect provider (tests/oidc-provider), its synthetic
/// people and groups, and the mapping table the app is given (Authentication:Oidc).
/// </summary>
public static class CouncilSignIn
{
    public const string CouncilName = "Test Council";
    public const string IroGroup = "care-review-iros";
    public const string IroManagerGroup = "care-review-iro-managers";

    /// <summary>An IRO of the demo council, matched by the email address <see cref="BrowserApp"/> gives their staff record.</summary>
    public static readonly OidcUser Iro = new("council-iro-1", "iro@test-council.example", "Ira Council", [IroGroup, "all-staff"]);

    /// <summary>The demo council's IRO manager, matched by email.</summary>
    public static readonly OidcUser IroManager = new("council-iro-manager-1", "iro.manager@test-council.example", "Mo Council", [IroManagerGroup, "all-staff"]);

    /// <summary>A new IRO whom no staff record has yet: they wait for the IRO manager's approval.</summary>
    public static readonly OidcUser Newcomer = new("council-new-iro-1", "new.iro@test-council.example", "Nia Newcomer", [IroGroup]);

    /// <summary>Someone in the council whose groups give no role in Care Review.</summary>
    public static readonly OidcUser Outsider = new("council-finance-1", "finance@test-council.example", "Fin Outsider", ["finance", "all-staff"]);

    public static readonly IReadOnlyList<OidcUser> People = [Iro, IroManager, Newcomer, Outsider];

    /// <summary>The council's data warehouse: an integration that calls the API as itself (client credentials).</summary>
    public static readonly OidcClient Warehouse = OidcClient.Integration("data-warehouse", "warehouse-secret-2026");

    public static OidcClient Client(Uri app) => OidcClient.WebApp("care-review", "care-review-secret-2026", app);

    /// <summary>The app's settings for signing in through <paramref name="provider"/>.</summary>
    public static Dictionary<string, string?> Settings(OidcProvider provider, OidcClient client) => new()
    {
        ["Authentication:Oidc:Authority"] = provider.Authority.ToString(),
        ["Authentication:Oidc:ClientId"] = client.ClientId,
        ["Authentication:Oidc:ClientSecret"] = client.ClientSecret,
        ["Authentication:Oidc:RequireHttpsMetadata"] = "false",
        ["Authentication:Oidc:CouncilName"] = CouncilName,
        ["Authentication:Oidc:Mappings:0:Group"] = IroGroup,
        ["Authentication:Oidc:Mappings:0:Role"] = "Iro",
        ["Authentication:Oidc:Mappings:1:Group"] = IroManagerGroup,
        ["Authentication:Oidc:Mappings:1:Role"] = "IroManager",
    };
}
