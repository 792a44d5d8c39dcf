using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareReview.Web.Features.Api;

/// <summary>
/// Every API error is RFC 9457 problem details (<c>application/problem+json</c>), never a page: no redirect to
/// sign in, no "Page not found" re-executed, no error page. A bad field is named as the request names it.
/// </summary>
public static class ApiProblems
{
    public static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
            detail: "There is no such record, or you may not see it.");

    public static IResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    public static IResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request has problems", detail: "Each problem is listed under its field.");

    /// <summary>
    /// The messages the shared code put in a model state, under the names the API's requests use: the page's
    /// <c>Input.Recommendations[0].Monitoring</c> is <c>recommendations[0].monitoring</c>, and <paramref name="names"/> renames a part
    /// (<c>DueOn</c> to <c>due_date</c>).
    /// </summary>
    public static Dictionary<string, string[]> Errors(ModelStateDictionary state, IReadOnlyDictionary<string, string>? names = null) =>
        state.Where(e => e.Value is { Errors.Count: > 0 })
            .GroupBy(e => FieldName(e.Key, names))
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage)).ToArray());

    public static string FieldName(string key, IReadOnlyDictionary<string, string>? names = null)
    {
        var field = key.StartsWith("Input.", StringComparison.Ordinal) ? key["Input.".Length..] : key;
        return string.Join('.', field.Split('.').Select(part =>
        {
            var index = part.IndexOf('[', StringComparison.Ordinal);
            var (name, rest) = index < 0 ? (part, "") : (part[..index], part[index..]);
            return (names is not null && names.TryGetValue(name, out var renamed) ? renamed : JsonNamingPolicy.SnakeCaseLower.ConvertName(name)) + rest;
        }));
    }

    /// <summary>
    /// Around every request to <c>/api</c>: the pages' "Page not found" is switched off, an error with no body gets
    /// problem details (a route that does not exist, a body that is not JSON), and a fault answers 500 as problem details.
    /// </summary>
    public static async Task Middleware(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // A body that is not JSON, or a field of the wrong type: named by its JSON path when there is one.
            context.Response.Clear();
            var path = (e.InnerException as JsonException)?.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : null;
            await (path is null
                ? TypedResults.Problem(statusCode: e.StatusCode, title: "Bad request", detail: "The request could not be read: send JSON as the API's document describes.")
                : Invalid(path, "This could not be read: check its type and format (dates as 2026-11-23)")).ExecuteAsync(context);
            return;
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            context.RequestServices.GetRequiredService<ILogger<ApiScope>>().LogError(e, "The API failed on {Path}", context.Request.Path);
            context.Response.Clear();
            await TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "Something went wrong",
                detail: "Nothing was saved. Try again later.").ExecuteAsync(context);
            return;
        }

        if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null } response && string.IsNullOrEmpty(response.ContentType))
        {
            var (title, detail) = response.StatusCode switch
            {
                StatusCodes.Status404NotFound => ("Not found", "There is no such address in the API, or no such record."),
                StatusCodes.Status400BadRequest => ("Bad request", "The request could not be read: send JSON as the API's document describes."),
                StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type", "Send the body as application/json."),
                _ => ("Error", null),
            };
            await TypedResults.Problem(statusCode: response.StatusCode, title: title, detail: detail).ExecuteAsync(context);
        }
    }

    /// <summary>No token, or one that is not valid: 401 with <c>WWW-Authenticate: Bearer</c>, never a redirect to the sign-in page.</summary>
    public static async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null ? "Bearer" : "Bearer error=\"invalid_token\"";
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "Send a bearer token from the council's identity provider, for a linked user or a registered integration.")
            .ExecuteAsync(context.HttpContext);
    }

    public static async Task ForbiddenAsync(ForbiddenContext context) =>
        await Forbidden("The token does not allow this.").ExecuteAsync(context.HttpContext);
}
