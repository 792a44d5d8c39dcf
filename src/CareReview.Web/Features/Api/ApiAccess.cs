using System.Security.Claims;

namespace CareReview.Web.Features.Api;

/// <summary>
/// Which children an API caller sees and may change. A person sees exactly what the pages show them
/// (<see cref="ChildAccess"/>, with emergency access read-only); an integration what its reach allows (ADR-0032).
/// A child the caller may not see answers 404, like the pages.
/// </summary>
public static class ApiAccess
{
    public static IQueryable<Child> ChildrenFor(this AppDbContext db, ClaimsPrincipal caller, TimeProvider time) =>
        caller.IsIntegration() ? db.IntegrationChildren(caller) : db.ChildrenVisibleTo(caller, time);

    public static IQueryable<Child> ChildrenToChangeFor(this AppDbContext db, ClaimsPrincipal caller) =>
        caller.IsIntegration() ? db.IntegrationChildren(caller) : db.ChildrenWorkedWithBy(caller);

    private static IQueryable<Child> IntegrationChildren(this AppDbContext db, ClaimsPrincipal caller)
    {
        var id = caller.IntegrationId();
        var teamId = int.TryParse(caller.FindFirstValue(CareReviewClaims.TeamId), NumberStyles.None, CultureInfo.InvariantCulture, out var team) ? team : (int?)null;
        if (!Enum.TryParse<IntegrationReach>(caller.FindFirstValue(ApiCallers.IntegrationReachClaim), out var reach))
        {
            return db.Children.Where(_ => false);
        }

        return reach switch
        {
            IntegrationReach.AllChildren => db.Children,
            IntegrationReach.Team => db.Children.Where(c => teamId != null && c.SocialWorker!.TeamId == teamId),
            IntegrationReach.OnlyWhatItCreates => db.Children.Where(c => db.ApiIntegrationChildren.Any(a => a.IntegrationId == id && a.ChildId == c.Id)),
            _ => db.Children.Where(_ => false),
        };
    }
}
