using System.Security.Claims;

namespace CareReview.Web.Authorization;

/// <summary>
/// Which children a user may see (STYLE.md §5 decision 2): an IRO their caseload, a social worker the
/// children allocated to them, a team manager their team's children, the IRO manager the whole
/// service, an administrator none; and anyone while their emergency access to a child lasts (ADR-0028).
/// It is one query filter, so lists and single records cannot disagree, and a refused record looks
/// exactly like one that does not exist (404).
/// </summary>
public static class ChildAccess
{
    /// <summary>The children the user may see now, by the app's clock (emergency access ends at its time exactly).</summary>
    public static IQueryable<Child> ChildrenVisibleTo(this AppDbContext db, ClaimsPrincipal user, TimeProvider time) =>
        db.Visible(user, db.EmergencyAccessOf(user, time));

    /// <summary>
    /// The children the user sees for who they are to the child (their IRO, social worker, team manager, or the
    /// IRO manager), emergency access aside: what they may change, where emergency access only lets them read.
    /// </summary>
    public static IQueryable<Child> ChildrenWorkedWithBy(this AppDbContext db, ClaimsPrincipal user) =>
        db.Visible(user, db.BreakGlassGrants.Where(_ => false));

    /// <summary>
    /// The user's emergency access to the child that lasts now, when it is the only reason they see the child, or
    /// null: then the record is theirs to read and never to change (ADR-0028).
    /// </summary>
    public static async Task<BreakGlassGrant?> OnlyEmergencyAccessToAsync(this AppDbContext db, ClaimsPrincipal user, TimeProvider time, int childId) =>
        await db.EmergencyAccessOf(user, time).Where(g => g.ChildId == childId).OrderByDescending(g => g.EndsAtUtc).FirstOrDefaultAsync() is { } grant
        && !await db.ChildrenWorkedWithBy(user).AnyAsync(c => c.Id == childId)
            ? grant
            : null;

    private static IQueryable<Child> Visible(this AppDbContext db, ClaimsPrincipal user, IQueryable<BreakGlassGrant> granted)
    {
        var children = db.Children.AsQueryable();
        if (user.IsInRole(Roles.IroManager))
        {
            return children;
        }

        var staffId = ClaimAsInt(user, CareReviewClaims.StaffMemberId);
        var teamId = ClaimAsInt(user, CareReviewClaims.TeamId);
        var iro = user.IsInRole(Roles.Iro);
        var socialWorker = user.IsInRole(Roles.SocialWorker);
        var teamManager = user.IsInRole(Roles.TeamManager);
        if (staffId is null)
        {
            return children.Where(_ => false);
        }

        return children.Where(c =>
            (iro && c.IroId == staffId)
            || ((socialWorker || teamManager) && c.SocialWorkerId == staffId)
            || (teamManager && teamId != null && c.SocialWorker!.TeamId == teamId)
            || granted.Any(g => g.ChildId == c.Id));
    }

    /// <summary>
    /// The user's emergency access that lasts now, to any child: started, and not yet at its end. It belongs to the
    /// sign-in that asked, whose views the IRO manager's review counts, not to every sign-in of the same member of
    /// staff. Only the roles that may ask for it hold any, so a user who changes role loses it with the role.
    /// </summary>
    public static IQueryable<BreakGlassGrant> EmergencyAccessOf(this AppDbContext db, ClaimsPrincipal user, TimeProvider time)
    {
        var staffId = ClaimAsInt(user, CareReviewClaims.StaffMemberId);
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = time.GetUtcNow().UtcDateTime;
        return staffId is null || string.IsNullOrEmpty(userId) || !user.May(Permission.AskForEmergencyAccess)
            ? db.BreakGlassGrants.Where(_ => false)
            : db.BreakGlassGrants.Where(g => g.UserId == userId && g.StartedAtUtc <= now && now < g.EndsAtUtc);
    }

    public static int? StaffMemberId(this ClaimsPrincipal user) => ClaimAsInt(user, CareReviewClaims.StaffMemberId);

    /// <summary>The name a record shows for what this person did: their display name, else their user name.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(CareReviewClaims.DisplayName) ?? user.Identity?.Name ?? "";

    private static int? ClaimAsInt(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
