using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CareReview.Web.Hosting;

/// <summary>
/// Limits on what anyone can reach without signing in (issue 19): signing in, a parent's link and a child's set-up
/// link. Per address, they slow password spraying and link guessing and keep anyone from filling the audit log;
/// per link, they stop one link being tried from many addresses. Over a limit the answer is 429 with Retry-After.
/// Behind a reverse proxy, list it in <c>ForwardedHeaders:KnownProxies</c>, or every request comes from its address.
/// </summary>
public sealed class RateLimits
{
    public const string Section = "RateLimits";

    /// <summary>Attempts to sign in from one address a minute: a whole office behind one address signs in at 9am.</summary>
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Opens or uses of any link page from one address a minute.</summary>
    public int LinkPerMinute { get; set; } = 20;

    /// <summary>Opens or uses of one link a minute, from anywhere.</summary>
    public int LinkUsesPerMinute { get; set; } = 10;

    /// <summary>Calls to the API by one caller (a user, or an integration) a minute (ADR-0032).</summary>
    public int ApiPerMinute { get; set; } = 600;

    /// <summary>
    /// The API's own limiter, per caller: it runs after the bearer token is read (<c>UseCareReviewApi</c>), so one busy
    /// integration cannot slow the rest, and over the limit the caller gets 429, Retry-After and problem details.
    /// </summary>
    public static RateLimiterOptions ApiOptions(IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<RateLimits>() ?? new RateLimits();
        return new RateLimiterOptions
        {
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            OnRejected = async (context, cancellationToken) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                    detail: $"This caller may make {limits.ApiPerMinute} calls a minute. Try again in {seconds} seconds.").ExecuteAsync(context.HttpContext);
            },
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } caller
                    ? PerMinute($"api {caller}", limits.ApiPerMinute)
                    : RateLimitPartition.GetNoLimiter("")),
        };
    }

    public static void AddTo(IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<RateLimits>() ?? new RateLimits();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(request => WhatIsLimited(request) switch
                {
                    Limited.SignIn => PerMinute($"sign-in {AddressOf(request)}", limits.SignInPerMinute),
                    Limited.Link => PerMinute($"links {AddressOf(request)}", limits.LinkPerMinute),
                    _ => RateLimitPartition.GetNoLimiter(""),
                }),
                PartitionedRateLimiter.Create<HttpContext, string>(request => WhatIsLimited(request) == Limited.Link
                    ? PerMinute($"link {request.Request.Path}{request.Request.QueryString}", limits.LinkUsesPerMinute)
                    : RateLimitPartition.GetNoLimiter("")));
        });
    }

    private enum Limited
    {
        Nothing,
        SignIn,
        Link,
    }

    private static Limited WhatIsLimited(HttpContext context)
    {
        var path = context.Request.Path;
        // The council's provider sends people back to /signin-oidc; a failed answer is audited, so it is limited like a sign-in.
        if (path.StartsWithSegments("/signin-oidc", StringComparison.OrdinalIgnoreCase))
        {
            return Limited.SignIn;
        }

        if (path.StartsWithSegments("/sign-in", StringComparison.OrdinalIgnoreCase))
        {
            return HttpMethods.IsPost(context.Request.Method) ? Limited.SignIn : Limited.Nothing;
        }

        return path.StartsWithSegments("/set-up", StringComparison.OrdinalIgnoreCase)
            || (path.StartsWithSegments("/invite", StringComparison.OrdinalIgnoreCase) && !path.StartsWithSegments("/invite/expired", StringComparison.OrdinalIgnoreCase))
            ? Limited.Link
            : Limited.Nothing;
    }

    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
}
