using System.Security.Claims;

namespace CareReview.Web.Features.Ssd;

/// <summary>
/// The case system's workers as Care Review's staff: matched by the case system's id once linked, else by name
/// within the role (then linked), else added. Added staff have no sign-in until an administrator gives them one.
/// </summary>
public sealed class SsdStaff(AppDbContext db, AuditLog audit, ClaimsPrincipal user, int runId, bool dryRun)
{
    private readonly Dictionary<(string Id, bool Iro), StaffMember> _found = [];

    /// <summary>Finds or adds everyone the run will allocate, and saves them before any child (not in a dry run).</summary>
    public async Task PrepareAsync(IEnumerable<(SsdWorker? Worker, bool Iro)> workers, List<SsdProblem> problems, CancellationToken cancellationToken)
    {
        var needed = workers.Where(w => w.Worker is not null).Select(w => (Worker: w.Worker!, w.Iro)).DistinctBy(w => (w.Worker.ProfessionalId, w.Iro)).ToList();
        if (needed.Count == 0)
        {
            return;
        }

        var staff = await db.StaffMembers.Include(s => s.Team).ToListAsync(cancellationToken);
        var teams = await db.Teams.ToListAsync(cancellationToken);
        var added = new List<StaffMember>();
        foreach (var (worker, iro) in needed)
        {
            var fits = staff.Where(s => iro ? s.Role == StaffRole.Iro : s.Role is StaffRole.SocialWorker or StaffRole.TeamManager).ToList();
            var member = fits.SingleOrDefault(s => s.CaseSystemId == worker.ProfessionalId);
            if (member is null && staff.Any(s => s.CaseSystemId == worker.ProfessionalId))
            {
                problems.Add(new(SsdTables.Professionals.Name, worker.ProfessionalId, "prof_professional_id", null,
                    $"Care Review holds the worker with this id in another role, so they cannot be allocated as {(iro ? "an IRO" : "a social worker")}"));
                continue;
            }

            if (member is null)
            {
                var named = fits.Where(s => s.CaseSystemId is null && string.Equals(s.Name, worker.Name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
                member = named.Count == 1 ? named[0] : null;
                member?.LinkToCaseSystem(worker.ProfessionalId);
            }

            if (member is null)
            {
                var team = worker.Team is null ? null
                    : teams.FirstOrDefault(t => string.Equals(t.Name, worker.Team, StringComparison.OrdinalIgnoreCase)) ?? AddTeam(teams, worker.Team);
                try
                {
                    member = new StaffMember(worker.Name, iro ? StaffRole.Iro : StaffRole.SocialWorker, worker.Fte ?? 1m, team);
                }
                catch (DomainRuleException e)
                {
                    problems.Add(new(SsdTables.Professionals.Name, worker.ProfessionalId, "prof_professional_name", null, e.Message));
                    continue;
                }

                member.LinkToCaseSystem(worker.ProfessionalId);
                staff.Add(member);
                db.StaffMembers.Add(member);
                added.Add(member);
            }

            _found[(worker.ProfessionalId, iro)] = member;
        }

        if (dryRun)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var member in added)
        {
            audit.Record(user, AuditAction.SsdStaffAdded, null, $"run:{runId};staff:{member.Id};professional:{member.CaseSystemId};role:{member.Role}");
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// The staff member for the worker in the role, tracked by the context the caller is using now (the sync clears
    /// its context between batches); null when there is no worker.
    /// </summary>
    public StaffMember? Find(SsdWorker? worker, StaffRole role) =>
        worker is null || !_found.TryGetValue((worker.ProfessionalId, role == StaffRole.Iro), out var member) ? null
            : member.Id == 0 ? member
            : db.StaffMembers.Find(member.Id);

    private Team AddTeam(List<Team> teams, string name)
    {
        var team = new Team(name.Length > 100 ? name[..100] : name);
        teams.Add(team);
        db.Teams.Add(team);
        return team;
    }
}
