using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace CareReview.Web.Features.Account;

/// <summary>Signing in through the council's OpenID Connect provider, when <c>Authentication:Oidc:Authority</c> is set (ADR-0031).</summary>
public static class OidcSignIn
{
    public static void AddOidcSignIn(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = OidcSettings.In(configuration);
        if (settings.Refusal() is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        services.AddSingleton(settings);
        services.AddScoped<OidcSignIns>();
        if (!settings.Enabled)
        {
            return;
        }

        services.AddAuthentication().AddOpenIdConnect(OidcSettings.Scheme, settings.CouncilName, options =>
        {
            options.Authority = settings.Authority;
            options.ClientId = settings.ClientId;
            options.ClientSecret = settings.ClientSecret;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            options.Scope.Clear();
            foreach (var scope in settings.Scopes.Append("openid").Distinct(StringComparer.Ordinal))
            {
                options.Scope.Add(scope);
            }

            // The authorization code flow with PKCE. The provider sends the person back with a top-level GET (the code
            // in the query), not form_post: a cross-site POST carries no SameSite=Lax cookie, so the correlation and
            // nonce cookies would have to be SameSite=None, which browsers take only over https.
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.UsePkce = true;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

            // The provider's answer goes into Identity's short-lived external cookie; /sign-in/oidc/done decides who
            // the person is in Care Review and signs them in with the app's own cookie.
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.SaveTokens = true;
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.TokenValidationParameters.NameClaimType = "name";
            options.Events.OnRemoteFailure = FailedAsync;
        });
    }

    /// <summary>
    /// Where to send someone who signed in through the provider, once signed out of Care Review, to sign out of the
    /// provider too (OpenID Connect RP-initiated logout): its end-session endpoint with their ID token as the hint, and
    /// the sign-in page to come back to. Null when the provider has no end-session endpoint.
    /// </summary>
    public static async Task<string?> EndSessionUrlAsync(HttpContext http, string idToken)
    {
        var options = http.RequestServices.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OidcSettings.Scheme);
        var provider = await options.ConfigurationManager!.GetConfigurationAsync(http.RequestAborted);
        if (string.IsNullOrEmpty(provider.EndSessionEndpoint))
        {
            return null;
        }

        var back = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/sign-in";
        return QueryHelpers.AddQueryString(provider.EndSessionEndpoint, new Dictionary<string, string?>
        {
            ["id_token_hint"] = idToken,
            ["post_logout_redirect_uri"] = back,
            ["client_id"] = options.ClientId,
        });
    }

    /// <summary>The provider answered with an error (the person cancelled, or is not allowed the app), or its answer did not check out.</summary>
    private static async Task FailedAsync(RemoteFailureContext context)
    {
        var error = context.Request.Query["error"].ToString() is { Length: > 0 } code ? code : "invalid-response";
        var services = context.HttpContext.RequestServices;
        services.GetRequiredService<AuditLog>().RecordFor("", "(council sign-in)", AuditAction.OidcSignInFailed,
            $"error:{new string([.. error.Where(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-').Take(60)])}");
        await services.GetRequiredService<AppDbContext>().SaveChangesAsync();
        context.Response.Redirect(NotSignedInModel.PathFor(NotSignedInModel.Problem));
        context.HandleResponse();
    }
}
