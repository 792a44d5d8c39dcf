using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Api;

/// <summary>
/// Who is calling the API, worked out once the bearer token is valid (ADR-0032). A person's token (its <c>sub</c>
/// linked to a Care Review user through the external login <c>oidc</c>) becomes the same principal their sign-in
/// cookie would hold, so <see cref="ChildAccess"/> and the audit treat them as the pages do. Otherwise a token whose
/// <c>client_id</c> (or <c>azp</c>) is a registered, enabled integration becomes that integration. Anything else is refused.
/// </summary>
public static class ApiCallers
{
    /// <summary>The login provider name of a person signed in through the council's OpenID Connect provider.</summary>
    public const string LoginProvider = "oidc";

    /// <summary>One claim per scope the call may use: the token's scopes, and for an integration only those it was also given.</summary>
    public const string ScopeClaim = "care-review/api-scope";

    public const string IntegrationIdClaim = "care-review/integration-id";
    public const string IntegrationReachClaim = "care-review/integration-reach";

    public static JwtBearerEvents Events { get; } = new()
    {
        OnTokenValidated = TokenValidatedAsync,
        OnChallenge = ApiProblems.ChallengeAsync,
        OnForbidden = ApiProblems.ForbiddenAsync,
    };

    public static bool IsIntegration(this ClaimsPrincipal caller) => caller.HasClaim(c => c.Type == IntegrationIdClaim);

    public static bool HasScope(this ClaimsPrincipal caller, string scope) => caller.HasClaim(ScopeClaim, scope);

    public static int? IntegrationId(this ClaimsPrincipal caller) =>
        int.TryParse(caller.FindFirstValue(IntegrationIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task TokenValidatedAsync(TokenValidatedContext context)
    {
        var token = context.Principal!;
        var scopes = TokenScopes(token);
        var services = context.HttpContext.RequestServices;
        if (token.FindFirstValue("sub") is { Length: > 0 } sub)
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByLoginAsync(LoginProvider, sub) is { } user)
            {
                if (await users.IsLockedOutAsync(user))
                {
                    context.Fail("The user is locked out.");
                    return;
                }

                var principal = await services.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
                ((ClaimsIdentity)principal.Identity!).AddClaims(scopes.Select(s => new Claim(ScopeClaim, s)));
                context.Principal = principal;
                return;
            }
        }

        var clientId = token.FindFirstValue("client_id") ?? token.FindFirstValue("azp") ?? token.FindFirstValue("appid");
        var db = services.GetRequiredService<AppDbContext>();
        var integration = string.IsNullOrEmpty(clientId) ? null
            : await db.ApiIntegrations.AsNoTracking().SingleOrDefaultAsync(i => i.ClientId == clientId && i.Enabled);
        if (integration is null)
        {
            context.Fail("The token is neither a linked user's nor a registered integration's.");
            return;
        }

        // The administrator's scopes are the most it may do; a token that asks for fewer gets fewer.
        var given = ApiScopes.Parse(integration.Scopes);
        // A token with no scope claim at all (Entra ID's client-credentials tokens carry app roles instead) may use what
        // the integration was given; one whose scopes are none of the API's may use none.
        var carriesScopes = token.HasClaim(c => c.Type is "scope" or "scp");
        var allowed = carriesScopes ? given.Intersect(scopes, StringComparer.Ordinal).ToList() : given;
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, integration.AuditName),
            new(ClaimTypes.Name, integration.AuditName),
            new(CareReviewClaims.DisplayName, integration.Name),
            new(IntegrationIdClaim, integration.Id.ToString(CultureInfo.InvariantCulture)),
            new(IntegrationReachClaim, integration.Reach.ToString()),
            .. allowed.Select(s => new Claim(ScopeClaim, s)),
        ];
        if (integration.TeamId is { } teamId)
        {
            claims.Add(new Claim(CareReviewClaims.TeamId, teamId.ToString(CultureInfo.InvariantCulture)));
        }

        context.Principal = new ClaimsPrincipal(new ClaimsIdentity(claims, JwtBearerDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The API scopes a token carries, in <c>scope</c> (RFC 9068) or <c>scp</c> (Entra ID), space-separated or one a claim.</summary>
    private static List<string> TokenScopes(ClaimsPrincipal token) =>
        [.. token.FindAll("scope").Concat(token.FindAll("scp"))
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(ApiScopes.All.Contains).Distinct()];
}
