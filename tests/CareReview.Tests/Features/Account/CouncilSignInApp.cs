using CareReview.Tests.Support;
using CareReview.Web.Features.Account;
using Microsoft.Extensions.DependencyInjection;

namespace CareReview.Tests.Features.Account;

/// <summary>
/// The app with a mapping table for the council's groups (Authentication:Oidc:Mappings). The provider itself is the
/// browser suite's; here people arrive as the claims it would send (<see cref="ExternalPerson"/>).
/// </summary>
public sealed class CouncilSignInApp() : AppFactory(new Dictionary<string, string?>
{
    ["Authentication:Oidc:Mappings:0:Group"] = Iros,
    ["Authentication:Oidc:Mappings:0:Role"] = "Iro",
    ["Authentication:Oidc:Mappings:1:Group"] = Managers,
    ["Authentication:Oidc:Mappings:1:Role"] = "IroManager",
    ["Authentication:Oidc:Mappings:2:Group"] = NorthSocialWorkers,
    ["Authentication:Oidc:Mappings:2:Role"] = "SocialWorker",
    ["Authentication:Oidc:Mappings:2:Team"] = "North team",
    ["Authentication:Oidc:Mappings:3:Group"] = Admins,
    ["Authentication:Oidc:Mappings:3:Role"] = "Administrator",
})
{
    public const string Iros = "care-review-iros";
    public const string Managers = "care-review-iro-managers";
    public const string NorthSocialWorkers = "north-social-workers";
    public const string Admins = "it-admins";

    /// <summary>The person comes back from the council's provider with these claims.</summary>
    public async Task<OidcSignInResult> ComesBackAsync(ExternalPerson person)
    {
        OidcSignInResult? result = null;
        await RunCommandAsync(async services =>
        {
            await using var scope = services.CreateAsyncScope();
            result = await scope.ServiceProvider.GetRequiredService<OidcSignIns>().SignInAsync(person);
            return 0;
        });
        return result!;
    }

    /// <summary>A person with a fresh sub and email address.</summary>
    public static ExternalPerson APerson(string name, params string[] groups)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return new ExternalPerson($"sub-{id}", $"{name.Split(' ')[0].ToLowerInvariant()}.{id}@council.example", name, groups);
    }
}
