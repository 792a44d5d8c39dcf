namespace CareReview.Web.Features.Me;

/// <summary>One line of "who has looked at my record": someone's views of it on one day, by their role and team.</summary>
public sealed record RecordLook(DateOnly On, string Who)
{
    public string Sentence => $"{Who} looked at your record on {GovukDate.Format(On)}";
}

/// <summary>
/// Who has looked at a child's record, from the audit log, told to the child by role and team, never by name
/// (ADR-0027). A look is a view or a download of the record by a member of staff; the child's own views, parents'
/// links and what the system did alone are not looks. Someone's looks on one day in England are one line.
/// </summary>
public static class RecordViewers
{
    /// <summary>The audit actions that mean someone read the child's record, on a page or as a download.</summary>
    public static readonly IReadOnlyList<AuditAction> LookedAt =
    [
        AuditAction.ChildViewed, AuditAction.ChildRecordViewed, AuditAction.ReviewViewed, AuditAction.ReviewExported,
        AuditAction.CarePlanViewed, AuditAction.CarePlansCompared, AuditAction.ChildFriendlyPlanExported, AuditAction.EscalationViewed,
        AuditAction.SiblingsViewed, AuditAction.SubjectAccessExported,
    ];

    /// <summary>Who looked, when Care Review does not know their job: a user with no staff record or staff role, or since removed.</summary>
    public const string Someone = "Someone who works for the council";

    private static readonly TimeZoneInfo s_england = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The child's record's looks from <paramref name="from"/> (a day in England) on, most recent first.</summary>
    public static async Task<IReadOnlyList<RecordLook>> SinceAsync(AppDbContext db, Child child, DateOnly from)
    {
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), s_england);
        var actions = LookedAt.ToList();

        // Rows with no user (the system, a parent's link) are not looks; every other row is, but a child's own sign-in's.
        // A user since removed is still someone who looked: the child is never told fewer looked than did.
        var views = await (
            from e in db.AuditEvents.AsNoTracking()
            where e.ChildId == child.Id && e.OccurredAtUtc >= fromUtc && actions.Contains(e.Action) && e.UserId != ""
            join u in db.Users.AsNoTracking() on e.UserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            where u == null || u.ChildId == null
            select new { e.Id, e.UserId, e.OccurredAtUtc, StaffMemberId = u == null ? null : u.StaffMemberId }).ToListAsync();

        var staffIds = views.Select(v => v.StaffMemberId).OfType<int>().Distinct().ToList();
        var staff = await db.StaffMembers.AsNoTracking().Include(s => s.Team).Where(s => staffIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id);

        // A user with no staff record is described by the staff role they sign in with.
        var unlinked = views.Where(v => v.StaffMemberId is null).Select(v => v.UserId).Distinct().ToList();
        var roles = (await (from ur in db.UserRoles.AsNoTracking()
                            where unlinked.Contains(ur.UserId)
                            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
                            select new { ur.UserId, r.Name }).ToListAsync())
            .Where(r => r.Name is not null && Roles.Staff.Contains(r.Name))
            .GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name!).Order(StringComparer.Ordinal).First());

        return [.. views
            .Select(v => new
            {
                v.UserId,
                v.StaffMemberId,
                On = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(v.OccurredAtUtc, DateTimeKind.Utc), s_england)),
                v.Id,
            })
            .GroupBy(v => (v.UserId, v.On))
            // Rows are numbered as they are written, so the highest is the latest, even within one tick of the clock.
            .OrderByDescending(g => g.Max(v => v.Id))
            .Select(g => new RecordLook(g.Key.On,
                g.First().StaffMemberId is { } id && staff.TryGetValue(id, out var member) ? Who(member, child)
                : roles.TryGetValue(g.Key.UserId, out var role) ? Who(role)
                : Someone))];
    }

    /// <summary>Who someone is to the child, in plain words: "Your IRO", "Your social worker's team manager (North Team)", "A social worker in East Team".</summary>
    public static string Who(StaffMember staff, Child child)
    {
        var team = staff.Team?.Name;
        var inTeam = team is null ? "" : $" ({team})";
        if (staff.Id == child.IroId)
        {
            return $"Your IRO{inTeam}";
        }

        if (staff.Id == child.SocialWorkerId)
        {
            return $"Your social worker{inTeam}";
        }

        if (staff.Role == StaffRole.TeamManager && staff.TeamId is not null && staff.TeamId == child.SocialWorker?.TeamId)
        {
            return $"Your social worker's team manager{inTeam}";
        }

        var role = staff.Role switch
        {
            StaffRole.Iro => "An IRO",
            StaffRole.IroManager => "An IRO manager",
            StaffRole.SocialWorker => "A social worker",
            StaffRole.TeamManager => "A team manager",
            StaffRole.SeniorManager => "A senior manager",
            _ => Someone,
        };
        return team is null ? role : $"{role} in {team}";
    }

    private static string Who(string role) => role switch
    {
        Roles.Iro => "An IRO",
        Roles.IroManager => "An IRO manager",
        Roles.SocialWorker => "A social worker",
        Roles.TeamManager => "A team manager",
        Roles.SeniorManager => "A senior manager",
        _ => Someone,
    };
}
