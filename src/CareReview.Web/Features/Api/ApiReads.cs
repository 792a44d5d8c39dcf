using System.Security.Claims;

namespace CareReview.Web.Features.Api;

/// <summary>Opening a child for an API call: refused as 404 and audited, as the pages do, or read and audited.</summary>
public static class ApiReads
{
    /// <summary>
    /// Whether the caller may see the child. A refusal is audited against the child asked for; a person who sees the
    /// child only through emergency access has what they read marked so (ADR-0028).
    /// </summary>
    public static async Task<bool> MaySeeAsync(this HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time, int childId)
    {
        var caller = http.User;
        if (!await db.ChildrenFor(caller, time).AnyAsync(c => c.Id == childId))
        {
            await RefuseAsync(http, db, audit, childId);
            return false;
        }

        if (!caller.IsIntegration() && await db.OnlyEmergencyAccessToAsync(caller, time, childId) is { } grant)
        {
            audit.UnderEmergencyAccess(childId, grant.Id);
        }

        return true;
    }

    public static async Task RefuseAsync(HttpContext http, AppDbContext db, AuditLog audit, int? childId)
    {
        audit.Record(AuditAction.AccessRefused, childId, $"api:{Route(http)}");
        await db.SaveChangesAsync();
    }

    /// <summary>Audits a read of part of the child's record, and answers it.</summary>
    public static async Task<IResult> ReadAsync<T>(AppDbContext db, AuditLog audit, int childId, string part, T value)
    {
        audit.Record(AuditAction.ApiChildRead, childId, $"api:{part}");
        await db.SaveChangesAsync();
        return TypedResults.Ok(value);
    }

    /// <summary>The method and route pattern of the call (<c>GET /api/v1/children/{id}</c>): no values, so no personal data.</summary>
    public static string Route(HttpContext http) =>
        $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? http.Request.Path.Value}";

    public static DateTime? Utc(DateTime? at) => at is { } value ? DateTime.SpecifyKind(value, DateTimeKind.Utc) : null;

    public static bool IsChildOwnSignIn(this ClaimsPrincipal caller, int childId) =>
        caller.May(Permission.UseOwnPages) && caller.FindFirstValue(CareReviewClaims.ChildId) == childId.ToString(CultureInfo.InvariantCulture);
}
