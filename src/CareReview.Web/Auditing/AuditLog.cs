using System.Security.Claims;

namespace CareReview.Web.Auditing;

/// <summary>
/// Adds audit events to the request's DbContext, so they commit or roll back with the change they
/// describe. The caller saves.
/// </summary>
public sealed class AuditLog(AppDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    private readonly HashSet<int> _children = [];
    private readonly Dictionary<int, int> _emergencyAccess = [];

    /// <summary>
    /// Marks what this request records about the child as done under emergency access (<c>break-glass:</c> and the
    /// grant), so that the IRO manager reviewing the use can find it in the log (ADR-0028).
    /// </summary>
    public void UnderEmergencyAccess(int childId, int grantId) => _emergencyAccess[childId] = grantId;

    /// <summary>Whether this request has recorded anything yet.</summary>
    public bool HasRecordedAny { get; private set; }

    /// <summary>Whether this request has recorded anything about the child yet.</summary>
    public bool HasRecordedFor(int childId) => _children.Contains(childId);

    public void Record(AuditAction action, int? childId = null, string? details = null) =>
        Record(http.HttpContext?.User, action, childId, details);

    public void Record(ClaimsPrincipal? user, AuditAction action, int? childId = null, string? details = null)
    {
        if (childId is { } id)
        {
            _children.Add(id);
        }

        HasRecordedAny = true;
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAtUtc = time.GetUtcNow().UtcDateTime,
            UserId = user?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            UserName = user?.Identity?.Name ?? "",
            Action = action,
            ChildId = childId,
            Details = childId is { } child && _emergencyAccess.TryGetValue(child, out var grant)
                ? $"{details}{(details is null ? "" : ";")}break-glass:{grant}"
                : details,
        });
    }

    /// <summary>For events with no signed-in user yet, such as a failed sign-in.</summary>
    public void RecordFor(string userId, string userName, AuditAction action, string? details = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            OccurredAtUtc = time.GetUtcNow().UtcDateTime,
            UserId = userId,
            UserName = userName,
            Action = action,
            Details = details,
        });
}
