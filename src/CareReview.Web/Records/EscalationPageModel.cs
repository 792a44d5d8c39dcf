using CareReview.Domain;
using CareReview.Domain.Escalations;
using CareReview.Domain.Staff;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Web.Features.Escalations;

/// <summary>The little a respondent may know of the child: who the escalation is about, and nothing of the case.</summary>
public sealed record EscalatedChild(int Id, string FullName, string GivenName, string LocalId, DateOnly DateOfBirth, int? IroId);

/// <summary>
/// What every page about one escalation shares. Two kinds of people may open one: those who may see the
/// child (the IRO, the social worker, their managers), and the people asked to respond at one of its
/// stages, who see the escalation and nothing else of the case. Anyone else is answered 404 and audited.
/// </summary>
public abstract class EscalationPageModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules) : PageModel
{
    public const string ConcurrencyMessage =
        "Someone else changed this escalation while you were working on it. Your change has not been saved. Check it below and try again";

    protected AppDbContext Db => db;
    protected AuditLog Audit => audit;

    public Escalation Escalation { get; private set; } = null!;
    public EscalatedChild Child { get; private set; } = null!;
    public DateOnly Today => time.TodayInEngland();
    public WorkingDayCalendar Calendar => rules.Current;

    /// <summary>The user may see the child's case, not only this escalation.</summary>
    public bool CanSeeCase { get; private set; }

    /// <summary>The child's IRO, or the IRO manager, runs the escalation.</summary>
    public bool CanAct => CanSeeCase && (User.IsInRole(Roles.IroManager) || (User.IsInRole(Roles.Iro) && Child.IroId == User.StaffMemberId()));

    /// <summary>The user is asked to respond at the open stage and has not yet.</summary>
    public bool MustRespond => Escalation.CurrentStage is { Response: null } stage && stage.RespondentStaffId == User.StaffMemberId();

    /// <summary>Loads the escalation if the user may open it; otherwise records the refusal. The caller answers 404 on false.</summary>
    protected async Task<bool> LoadAsync(int id)
    {
        var escalation = await db.Escalations
            .Include(e => e.Discussions).Include(e => e.Stages).Include(e => e.Recommendations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id);
        var me = User.StaffMemberId();
        var canSeeCase = escalation is not null && await db.Children.VisibleTo(User).AnyAsync(c => c.Id == escalation.ChildId);
        var asked = escalation is not null && me is not null && escalation.Stages.Any(s => s.RespondentStaffId == me);
        if (escalation is null || !(canSeeCase || asked))
        {
            audit.Record(AuditAction.AccessRefused, escalation?.ChildId, $"escalation:{id}");
            await db.SaveChangesAsync();
            return false;
        }

        Escalation = escalation;
        CanSeeCase = canSeeCase;
        Child = await db.Children.Where(c => c.Id == escalation.ChildId)
            .Select(c => new EscalatedChild(c.Id, c.GivenName + " " + c.FamilyName, c.GivenName, c.LocalId, c.DateOfBirth, c.IroId))
            .SingleAsync();
        return true;
    }

    /// <summary>Answers 404 for a page the user may not use on an escalation they may open, and audits it.</summary>
    protected async Task<IActionResult> RefuseAsync(string details)
    {
        audit.Record(AuditAction.AccessRefused, Escalation.ChildId, $"escalation:{Escalation.Id};{details}");
        await db.SaveChangesAsync();
        return NotFound();
    }

    /// <summary>
    /// Applies the change with its audit event in one save (one transaction); rule breaks become messages
    /// beside their field and a save that lost a race with someone else is refused whole.
    /// </summary>
    protected async Task<bool> TryApplyAsync(long seenVersion, Action change, AuditAction action, Func<string>? details = null)
    {
        db.Entry(Escalation).Property(e => e.Version).OriginalValue = seenVersion;
        try
        {
            change();
            audit.Record(action, Escalation.ChildId, $"escalation:{Escalation.Id}" + (details is null ? "" : $";{details()}"));
            await db.SaveChangesAsync();
            return true;
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Field is null or "" ? "" : $"Input.{e.Field}", e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ConcurrencyMessage);
            _refusedAsStale = true;
        }

        // Nothing half-done stays in memory: the page shows the escalation as it is saved.
        var id = Escalation.Id;
        db.ChangeTracker.Clear();
        await LoadAsync(id);
        return false;
    }

    private bool _refusedAsStale;

    /// <summary>The version a form carries: the one shown, except after a lost race, when a second try must be able to succeed.</summary>
    public long FormVersion(long posted) => _refusedAsStale ? Escalation.Version : posted;

    protected IActionResult BackToEscalation(string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("/Escalations/Details", new { id = Escalation.Id });
    }

    /// <summary>
    /// The people who may be asked to respond: team managers and senior managers who can sign in (a
    /// respondent must be a real user, to see and answer it).
    /// </summary>
    public static async Task<List<StaffMember>> RespondentChoicesAsync(AppDbContext db) =>
        await db.StaffMembers.Include(s => s.Team)
            .Where(s => (s.Role == StaffRole.TeamManager || s.Role == StaffRole.SeniorManager)
                        && db.Users.Any(u => u.StaffMemberId == s.Id))
            .OrderBy(s => s.Role).ThenBy(s => s.Name)
            .ToListAsync();

    public static string Describe(StaffMember staff) =>
        staff.Role == StaffRole.TeamManager ? $"{staff.Name}, team manager{(staff.Team is null ? "" : $" ({staff.Team.Name})")}" : staff.NameAndPost;
}
