namespace CareReview.Web.Features.BreakGlass;

/// <summary>One use of emergency access as the IRO manager reviews it: who, which child, when, why, and what they did.</summary>
public sealed record BreakGlassUse(
    int Id,
    string StaffName,
    StaffRole Role,
    string? Team,
    string? UserName,
    int ChildId,
    string ChildName,
    string LocalId,
    DateTime StartedAtUtc,
    DateTime EndsAtUtc,
    string? EndedEarlyBy,
    string Reason,
    int PagesViewed,
    BreakGlassOutcome? Outcome,
    string? ReviewNote,
    string? ReviewedBy,
    DateTime? ReviewedAtUtc)
{
    public string RoleName => Role switch
    {
        StaffRole.Iro => "IRO",
        StaffRole.IroManager => "IRO manager",
        StaffRole.SocialWorker => "Social worker",
        StaffRole.TeamManager => "Team manager",
        StaffRole.SeniorManager => "Senior manager",
        _ => Role.ToString(),
    };

    public static string Describe(BreakGlassOutcome outcome) => outcome switch
    {
        BreakGlassOutcome.Appropriate => "Appropriate",
        BreakGlassOutcome.NotAppropriate => "Not appropriate",
        _ => outcome.ToString(),
    };

    /// <summary>
    /// The uses, in the order given. Pages viewed are counted from the audit log: what the person's sign-in
    /// recorded about the child while the access lasted, other than asking for it or being refused.
    /// </summary>
    public static IQueryable<BreakGlassUse> Of(IQueryable<BreakGlassGrant> grants, AppDbContext db) =>
        grants.Join(db.Children, g => g.ChildId, c => c.Id, (g, c) => new BreakGlassUse(
            g.Id,
            g.StaffMember!.Name,
            g.StaffMember.Role,
            g.StaffMember.Team == null ? null : g.StaffMember.Team.Name,
            db.Users.Where(u => u.Id == g.UserId).Select(u => u.UserName).FirstOrDefault(),
            c.Id,
            c.GivenName + " " + c.FamilyName,
            c.LocalId,
            g.StartedAtUtc,
            g.EndsAtUtc,
            g.EndedEarlyBy,
            g.Reason,
            db.AuditEvents.Count(e => e.UserId == g.UserId && e.ChildId == g.ChildId
                && e.OccurredAtUtc >= g.StartedAtUtc && e.OccurredAtUtc < g.EndsAtUtc
                && e.Action != AuditAction.AccessRefused && e.Action != AuditAction.BreakGlassGranted
                && e.Action != AuditAction.BreakGlassNotGranted),
            g.Outcome,
            g.ReviewNote,
            g.ReviewedBy,
            g.ReviewedAtUtc));
}
