using System.Security.Claims;

namespace CareReview.Web.Features.Children;

/// <summary>Who a manager may allocate to a child: any IRO, and social workers from any team (IRO manager) or their own (team manager).</summary>
public static class AllocationChoices
{
    public static Task<List<StaffMember>> IrosAsync(AppDbContext db) =>
        db.StaffMembers.Where(s => s.Role == StaffRole.Iro).OrderBy(s => s.Name).ToListAsync();

    public static async Task<List<StaffMember>> SocialWorkersAsync(AppDbContext db, ClaimsPrincipal user)
    {
        var workers = db.StaffMembers.Include(s => s.Team).Where(s => s.Role == StaffRole.SocialWorker || s.Role == StaffRole.TeamManager);
        if (!user.May(Permission.AllocateIros))
        {
            // A team manager allocates within their own team.
            var teamId = await db.StaffMembers.Where(s => s.Id == user.StaffMemberId()).Select(s => s.TeamId).SingleOrDefaultAsync();
            workers = workers.Where(s => s.TeamId == teamId);
        }

        return await workers.OrderBy(s => s.Name).ToListAsync();
    }

    /// <summary>
    /// Who the IRO must not be for this child with this social worker (CPPCR 2010 reg 46): the social worker,
    /// their team's managers, the current care plan's author, and anyone with a declared conflict with the
    /// child or the social worker's team. A child not yet saved has no plan and no declared conflicts of its own.
    /// </summary>
    public static async Task<IroConflictFacts> ConflictFactsAsync(AppDbContext db, Child child, StaffMember? socialWorker)
    {
        var teamId = socialWorker?.TeamId;
        var managers = teamId is null
            ? []
            : await db.StaffMembers.Where(s => s.TeamId == teamId && s.Role == StaffRole.TeamManager).ToListAsync();
        var authorId = child.CurrentCarePlan?.MadeByStaffId;
        var author = authorId is null ? null : await db.StaffMembers.SingleOrDefaultAsync(s => s.Id == authorId);
        var childId = child.Id;
        var declared = await db.Set<StaffConflict>().Include(c => c.StaffMember).Include(c => c.Team)
            .Where(c => c.WithdrawnOn == null && ((childId != 0 && c.ChildId == childId) || (c.TeamId != null && c.TeamId == teamId)))
            .ToListAsync();
        return new IroConflictFacts(childId, socialWorker, managers, author, declared);
    }
}
