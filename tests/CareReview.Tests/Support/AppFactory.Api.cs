using CareReview.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareReview.Tests.Support;

/// <summary>Intent methods for the API's tests: callers and their tokens.</summary>
public partial class AppFactory
{
    /// <summary>A client calling the API with the token given (none: no Authorization header).</summary>
    public HttpClient ApiClient(string? token = null)
    {
        var client = AnonymousClient(keepsCookies: false);
        return token is null ? client : client.WithToken(token);
    }

    /// <summary>A token for a user, linked to the provider's subject as OpenID Connect sign-in links them.</summary>
    public async Task<string> UserTokenAsync(AppUser user, IEnumerable<string>? scopes = null)
    {
        var sub = $"sub-{user.Id}";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByLoginAsync(Web.Features.Api.ApiCallers.LoginProvider, sub) is null)
        {
            await ApiTokens.LinkAsync(users, user, sub);
        }

        return ApiTokens.Token(sub: sub, clientId: "care-review-web", scopes: scopes ?? ApiTokens.AllScopes);
    }

    /// <summary>An integration registered by an administrator, as the Integrations page saves it.</summary>
    public Task<ApiIntegration> AnIntegrationAsync(string clientId, IntegrationReach reach, IEnumerable<string>? scopes = null, int? teamId = null) =>
        QueryDbAsync(async db =>
        {
            var integration = new ApiIntegration
            {
                ClientId = clientId,
                Name = clientId,
                Scopes = string.Join(' ', scopes ?? ApiTokens.AllScopes),
                Reach = reach,
                TeamId = teamId,
                RegisteredAtUtc = Time.GetUtcNow().UtcDateTime,
            };
            db.ApiIntegrations.Add(integration);
            await db.SaveChangesAsync();
            return integration;
        });

    /// <summary>A client-credentials token for an integration: no linked subject, its client id.</summary>
    public static string IntegrationToken(string clientId, IEnumerable<string>? scopes = null) =>
        ApiTokens.Token(sub: clientId, clientId: clientId, scopes: scopes);

    /// <summary>The audit events recorded for an API caller (a user's id, or <c>integration:</c> and a client id).</summary>
    public Task<List<AuditEvent>> AuditOfAsync(string userId) =>
        QueryDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.AuditEvents.Where(e => e.UserId == userId).OrderBy(e => e.Id)));

    /// <summary>Every endpoint the app maps under /api/v1 but the OpenAPI document itself, as "GET /api/v1/children/{id}".</summary>
    public IReadOnlyList<string> ApiEndpoints() =>
        [.. Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/", StringComparison.Ordinal) && e.RoutePattern.RawText != CareReview.Web.Features.Api.ApiServices.DocumentPath)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["?"])
                .Select(method => $"{method} {System.Text.RegularExpressions.Regex.Replace(e.RoutePattern.RawText!, ":[a-z]+}", "}")}"))];
}
