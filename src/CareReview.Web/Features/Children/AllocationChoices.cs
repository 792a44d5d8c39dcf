using System.Security.Claims;
using CareReview.Domain.Staff;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Web.Features.Children;

/// <summary>Who a manager may allocate to a child: any IRO, and social workers from any team (IRO manager) or their own (team manager).</summary>
public static class AllocationChoices
{
    public static Task<List<StaffMember>> IrosAsync(AppDbContext db) =>
        db.StaffMembers.Where(s => s.Role == StaffRole.Iro).OrderBy(s => s.Name).ToListAsync();

    public static async Task<List<StaffMember>> SocialWorkersAsync(AppDbContext db, ClaimsPrincipal user)
    {
        var workers = db.StaffMembers.Include(s => s.Team).Where(s => s.Role == StaffRole.SocialWorker || s.Role == StaffRole.TeamManager);
        if (!user.IsInRole(Roles.IroManager))
        {
            // A team manager allocates within their own team.
            var teamId = await db.StaffMembers.Where(s => s.Id == user.StaffMemberId()).Select(s => s.TeamId).SingleOrDefaultAsync();
            workers = workers.Where(s => s.TeamId == teamId);
        }

        return await workers.OrderBy(s => s.Name).ToListAsync();
    }
}
