using Scalar.AspNetCore;

namespace CareReview.Web.Features.Api;

/// <summary>
/// The API's reference to browse, at <c>/api/docs</c> (Scalar, from its own package: nothing is fetched from a CDN, no
/// fonts, no telemetry). Our Content Security Policy stays strict: Scalar's one inline script carries a fresh nonce,
/// and only its page allows inline styles, which the reference draws with (ADR-0032).
/// </summary>
public static class ApiDocs
{
    public const string Path = "/api/docs";

    public static void Map(WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase), docs => docs.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var nonce = context.Items[ScalarOptions.NonceHttpContextItemKey] as string;
                context.Response.Headers.ContentSecurityPolicy =
                    $"default-src 'self'; script-src 'self'{(nonce is null ? "" : $" 'nonce-{nonce}'")}; style-src 'self' 'unsafe-inline'; "
                    + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
                return Task.CompletedTask;
            });
            await next(context);
        }));
        app.MapScalarApiReference(Path, options =>
        {
            options.Title = "Care Review API";
            options.OpenApiRoutePattern = ApiServices.DocumentPath;
            options.DefaultFonts = false;
            options.Telemetry = false;
            options.DynamicNonce = true;
        }).AllowAnonymous();
    }
}
