namespace CareReview.Web.Features.Api;

/// <summary>
/// Runs around every API endpoint: refuses a call whose token lacks the endpoint's scope (403, audited), and audits every
/// call with the caller (a user, or <c>integration:</c> and its client id), in the endpoint's own words when it wrote any.
/// </summary>
public static class ApiCalls
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var scope = http.GetEndpoint()?.Metadata.GetMetadata<ApiScope>()
            ?? throw new InvalidOperationException($"{ApiReads.Route(http)} does not name the scope it needs.");
        var audit = http.RequestServices.GetRequiredService<AuditLog>();
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        if (!http.User.HasScope(scope.Name))
        {
            audit.Record(AuditAction.ApiScopeMissing, details: $"scope:{scope.Name};api:{ApiReads.Route(http)}");
            await db.SaveChangesAsync();
            return ApiProblems.Forbidden($"The token does not carry the scope {scope.Name}.");
        }

        var result = await next(context);
        if (!audit.HasRecordedAny)
        {
            audit.Record(AuditAction.ApiCalled, details: $"api:{ApiReads.Route(http)}");
            await db.SaveChangesAsync();
        }

        return result;
    }
}
