using CareReview.Web.Features.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.FileProviders;

namespace CareReview.Web.Hosting;

/// <summary>What every request passes through, in order.</summary>
public static class CareReviewPipeline
{
    public static void UseCareReview(this WebApplication app)
    {
        // Only the council's own proxies may say the request came over HTTPS or from another address;
        // from anyone else those headers are ignored.
        if (Proxies.ForwardedHeadersIn(app.Configuration) is { } forwarded)
        {
            app.UseForwardedHeaders(forwarded);
        }

        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseStatusCodePagesWithReExecute("/not-found");
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
            // Case records must not sit in shared or browser caches.
            headers.CacheControl = "no-store";
            await next();
        });

        app.UseStaticFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // GOV.UK Frontend's stylesheet asks for its fonts and images under /assets.
            FileProvider = new PhysicalFileProvider(Path.Combine(app.Environment.WebRootPath, "govuk", "assets")),
            RequestPath = "/assets",
        });
        app.UseRateLimiter();
        app.UseRouting();

        // A body over the page's limit is refused before the form is read, so the person hears that the files are too
        // big: read later, the limit fails the anti-forgery check first and the answer is an unexplained 400.
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
                ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await next();
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCareReviewApi();
        app.MapRazorPages();
    }
}
