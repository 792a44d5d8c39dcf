using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Api;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareReview.Tests.Support;

/// <summary>
/// Real JWTs for the API's tests, signed with a test RSA key that the app's own JwtBearer handler is told to trust
/// (issuer and key only: audience, lifetime and signature are checked as in production).
/// </summary>
public static class ApiTokens
{
    public const string Issuer = "https://identity.test.invalid";
    public const string Audience = "care-review-api";

    private static readonly RsaSecurityKey s_key = new(RSA.Create(2048)) { KeyId = "test-key" };

    /// <summary>Makes the app trust tokens signed here, as if <see cref="Issuer"/> were the configured Authority.</summary>
    public static void Trust(JwtBearerOptions options)
    {
        options.TokenValidationParameters.ValidIssuer = Issuer;
        options.TokenValidationParameters.IssuerSigningKey = s_key;
    }

    /// <summary>A token as the provider issues it: <c>sub</c>, <c>client_id</c> and <c>scope</c> (or <c>scp</c>) as given.</summary>
    public static string Token(string? sub = null, string? clientId = null, IEnumerable<string>? scopes = null, string audience = Audience,
        DateTime? expires = null, bool scopesAsScp = false, SecurityKey? key = null)
    {
        var claims = new Dictionary<string, object>();
        if (sub is not null)
        {
            claims["sub"] = sub;
        }

        if (clientId is not null)
        {
            claims["client_id"] = clientId;
        }

        if (scopes is not null)
        {
            claims[scopesAsScp ? "scp" : "scope"] = string.Join(' ', scopes);
        }

        // The handler checks a token's lifetime against the real clock, as it must for a council's tokens; a window
        // from 2000 to 2100 holds on any day the suite runs without the tests reading that clock.
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = LongAgo,
            NotBefore = LongAgo,
            Expires = expires ?? new DateTime(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            SigningCredentials = new SigningCredentials(key ?? s_key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>When the tests' tokens start: before any day the suite runs on. A token that expired then is expired now.</summary>
    public static readonly DateTime LongAgo = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Every scope the API has.</summary>
    public static IReadOnlyList<string> AllScopes => ApiScopes.All;

    /// <summary>Links an existing Care Review user to a subject at the provider, as signing in through OpenID Connect does.</summary>
    public static async Task LinkAsync(UserManager<AppUser> users, AppUser user, string sub)
    {
        var found = await users.FindByIdAsync(user.Id) ?? throw new InvalidOperationException($"No user {user.UserName}");
        var result = await users.AddLoginAsync(found, new UserLoginInfo(ApiCallers.LoginProvider, sub, "Council"));
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Sub(ClaimsPrincipal user) => user.FindFirstValue("sub") ?? "";
}
