using System.Text.Json;
using System.Text.Json.Serialization;
using CareReview.Web.Features.Account;
using CareReview.Web.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace CareReview.Web.Features.Api;

/// <summary>
/// The versioned REST API under <c>/api/v1</c> (ADR-0032): bearer tokens from the council's OpenID Connect provider, its
/// OpenAPI document at <c>/api/v1/openapi.json</c> and a browsable reference at <c>/api/docs</c>.
/// </summary>
public static class ApiServices
{
    public const string Policy = "api";
    public const string Root = "/api/v1";
    public const string DocumentPath = "/api/v1/openapi.json";

    public static void AddCareReviewApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var oidc = OidcSettings.In(builder.Configuration);
        services.AddAuthentication().AddJwtBearer(options =>
        {
            // With no Authority the API accepts no token (401) until one is set; local accounts are unaffected.
            options.Authority = oidc.Enabled ? oidc.Authority : null;
            options.Audience = oidc.ApiAudience;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;

            // The token's own claim names (sub, client_id, scope), not .NET's long URIs.
            options.MapInboundClaims = false;
            options.Events = ApiCallers.Events;
        });
        services.Configure<AuthorizationOptions>(options => options.AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser()));
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.DictionaryKeyPolicy = null;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Care Review API";
                document.Info.Version = "v1";
                document.Info.Description = "Children in care, their reviews, recommendations, deadlines and escalations, and the child's views. "
                    + "Send a bearer token from the council's identity provider (audience care-review-api) carrying the scopes each operation names. "
                    + "Errors are RFC 9457 problem details. See docs/api.md.";
                return Task.CompletedTask;
            });
        });
    }

    public static void UseCareReviewApi(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api =>
        {
            api.Use(ApiProblems.Middleware);
            api.UseRateLimiter(RateLimits.ApiOptions(app.Configuration));
        });

        var v1 = app.MapGroup(Root).RequireAuthorization(Policy).AddEndpointFilter(ApiCalls.FilterAsync).WithTags("Care Review");
        ChildrenApi.Map(v1);
        ReviewsApi.Map(v1);
        RecommendationsApi.Map(v1);
        ViewsApi.Map(v1);

        // Any other address under /api is a problem, not the pages' sign-in redirect or "Page not found".
        app.Map("/api/{**rest}", () => ApiProblems.NotFound()).AllowAnonymous().ExcludeFromDescription();
        app.MapOpenApi(DocumentPath).AllowAnonymous();
        ApiDocs.Map(app);
    }
}
