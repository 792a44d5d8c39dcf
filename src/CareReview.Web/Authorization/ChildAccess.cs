using System.Security.Claims;

namespace CareReview.Web.Authorization;

/// <summary>
/// Which children a user may see (STYLE.md §5 decision 2): an IRO their caseload, a social worker the
/// children allocated to them, a team manager their team's children, the IRO manager the whole
/// service, an administrator none. It is one query filter, so lists and single records cannot disagree,
/// and a refused record looks exactly like one that does not exist (404).
/// </summary>
public static class ChildAccess
{
    public static IQueryable<Child> VisibleTo(this IQueryable<Child> children, ClaimsPrincipal user)
    {
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
            || (teamManager && teamId != null && c.SocialWorker!.TeamId == teamId));
    }

    public static int? StaffMemberId(this ClaimsPrincipal user) => ClaimAsInt(user, CareReviewClaims.StaffMemberId);

    /// <summary>The name a record shows for what this person did: their display name, else their user name.</summary>
    public static string DisplayName(this ClaimsPrincipal user) => user.FindFirstValue(CareReviewClaims.DisplayName) ?? user.Identity?.Name ?? "";

    private static int? ClaimAsInt(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirstValue(type), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
