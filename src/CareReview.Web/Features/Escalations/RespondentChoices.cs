namespace CareReview.Web.Features.Escalations;

/// <summary>The people who may be asked to respond at a stage of the formal process.</summary>
public static class RespondentChoices
{
    /// <summary>
    /// Team managers and senior managers who can sign in (a respondent must be a real user, to see and
    /// answer it).
    /// </summary>
    public static async Task<List<StaffMember>> LoadAsync(AppDbContext db) =>
        await db.StaffMembers.Include(s => s.Team)
            .Where(s => (s.Role == StaffRole.TeamManager || s.Role == StaffRole.SeniorManager)
                        && db.Users.Any(u => u.StaffMemberId == s.Id))
            .OrderBy(s => s.Role).ThenBy(s => s.Name)
            .ToListAsync();

    public static string Describe(StaffMember staff) =>
        staff.Role == StaffRole.TeamManager ? $"{staff.Name}, team manager{(staff.Team is null ? "" : $" ({staff.Team.Name})")}" : staff.NameAndPost;
}
