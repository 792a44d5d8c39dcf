namespace CareReview.Web.Features.Api;

/// <summary>What a token may do, per resource, read or write (ADR-0032). Every endpoint names one.</summary>
public static class ApiScopes
{
    public const string ChildrenRead = "children:read";
    public const string EpisodesRead = "episodes:read";
    public const string ReviewsRead = "reviews:read";
    public const string ReviewsWrite = "reviews:write";
    public const string RecommendationsRead = "recommendations:read";
    public const string RecommendationsWrite = "recommendations:write";
    public const string DeadlinesRead = "deadlines:read";
    public const string EscalationsRead = "escalations:read";
    public const string ViewsWrite = "views:write";

    public static readonly IReadOnlyList<string> All =
        [ChildrenRead, EpisodesRead, ReviewsRead, ReviewsWrite, RecommendationsRead, RecommendationsWrite, DeadlinesRead, EscalationsRead, ViewsWrite];

    /// <summary>The known scopes in a space-separated list, in the order of <see cref="All"/>.</summary>
    public static List<string> Parse(string? scopes)
    {
        var given = (scopes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. All.Where(s => given.Contains(s, StringComparer.Ordinal))];
    }

    /// <summary>Declares the scope an endpoint needs; the API's filter refuses a call without it (403), audited.</summary>
    public static RouteHandlerBuilder Needs(this RouteHandlerBuilder endpoint, string scope) =>
        endpoint.WithMetadata(new ApiScope(scope)).WithDescription($"Needs the scope `{scope}`.");
}

/// <summary>The scope an API endpoint needs.</summary>
public sealed record ApiScope(string Name);
