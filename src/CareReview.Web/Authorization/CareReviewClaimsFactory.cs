using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareReview.Web.Authorization;

/// <summary>Puts the user's staff record and team into the sign-in cookie.</summary>
public sealed class CareReviewClaimsFactory(
    UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CareReviewClaims.DisplayName, user.DisplayName));
        if (user.StaffMemberId is { } staffId)
        {
            identity.AddClaim(new Claim(CareReviewClaims.StaffMemberId, staffId.ToString(CultureInfo.InvariantCulture)));
            var teamId = await db.StaffMembers.Where(s => s.Id == staffId).Select(s => s.TeamId).SingleOrDefaultAsync();
            if (teamId is { } team)
            {
                identity.AddClaim(new Claim(CareReviewClaims.TeamId, team.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (user.ChildId is { } childId)
        {
            identity.AddClaim(new Claim(CareReviewClaims.ChildId, childId.ToString(CultureInfo.InvariantCulture)));
        }

        return identity;
    }
}
