namespace CareReview.Web.Records;

/// <summary>The little a respondent may know of the child: who the escalation is about, and nothing of the case.</summary>
public sealed record EscalatedChild(int Id, string FullName, string GivenName, string LocalId, DateOnly DateOfBirth, int? IroId, int? SocialWorkerId);

/// <summary>
/// What every page about one escalation shares. Two kinds of people may open one: those who may see the
/// child (the IRO, the social worker, their managers), and the people asked to respond at one of its
/// stages, who see the escalation and nothing else of the case. <see cref="RecordFilter"/> loads it for
/// them before any handler runs, and answers anyone else 404, audited.
/// </summary>
public abstract class EscalationPageModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules) : PageModel, IOpenUnderEmergencyAccess
{
    protected AppDbContext Db => db;
    protected AuditLog Audit => audit;

    public Escalation Escalation { get; private set; } = null!;
    public EscalatedChild Child { get; private set; } = null!;
    public DateOnly Today => time.TodayInEngland();
    public WorkingDayCalendar Calendar => rules.Current;

    /// <summary>The user may see the child's case, not only this escalation.</summary>
    public bool CanSeeCase { get; private set; }

    /// <summary>
    /// The user's emergency access to the child that lasts now, when it is the only reason they may open this
    /// escalation (they are not asked to respond at any stage): read-only, marked and shown (ADR-0028).
    /// </summary>
    public BreakGlassGrant? EmergencyAccess { get; private set; }

    /// <summary>The child's IRO, or the IRO manager, runs the escalation.</summary>
    public bool CanAct => CanSeeCase && May(Permission.RunEscalations);

    /// <summary>Whether the user may do this for the escalation's child: under emergency access only, read it.</summary>
    public bool May(Permission permission) =>
        User.MayFor(permission, Child.IroId, Child.SocialWorkerId) && (EmergencyAccess is null || Permissions.AllowedUnderEmergencyAccess(permission));

    /// <summary>The user is asked to respond at the open stage and has not yet.</summary>
    public bool MustRespond => Escalation.CurrentStage is { Response: null } stage && stage.RespondentStaffId == User.StaffMemberId();

    /// <summary>Whether this page may be used on this escalation by this user, once it is loaded; false answers 404, audited.</summary>
    protected internal virtual Task<bool> AdmitsAsync() => Task.FromResult(true);

    /// <summary>Loads the escalation named <c>{id}</c> if the user may open it; false when there is none or they may not.</summary>
    internal async Task<bool> OpenAsync(int id)
    {
        var escalation = await db.Escalations
            .Include(e => e.Discussions).Include(e => e.Stages).Include(e => e.Recommendations)
            .AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == id);
        var me = User.StaffMemberId();
        var canSeeCase = escalation is not null && await db.ChildrenVisibleTo(User, time).AnyAsync(c => c.Id == escalation.ChildId);
        var asked = escalation is not null && me is not null && escalation.Stages.Any(s => s.RespondentStaffId == me);
        if (escalation is null || !(canSeeCase || asked))
        {
            _refusedChildId = escalation?.ChildId;
            return false;
        }

        Escalation = escalation;
        CanSeeCase = canSeeCase;
        EmergencyAccess = canSeeCase && !asked ? await db.OnlyEmergencyAccessToAsync(User, time, escalation.ChildId) : null;
        Child = await db.Children.Where(c => c.Id == escalation.ChildId)
            .Select(c => new EscalatedChild(c.Id, c.GivenName + " " + c.FamilyName, c.GivenName, c.LocalId, c.DateOfBirth, c.IroId, c.SocialWorkerId))
            .SingleAsync();
        return true;
    }

    private int? _refusedChildId;

    /// <summary>The child a refused escalation is about, when there is one, for the audit.</summary>
    internal int? RefusedChildId => _refusedChildId;

    /// <summary>
    /// Applies the change with its audit event in one save (<see cref="RecordChanges"/>). On a refusal the
    /// page shows the escalation as saved, loaded again, with the message.
    /// </summary>
    protected async Task<bool> TryApplyAsync(long seenVersion, Action change, AuditAction action, Func<string>? details = null)
    {
        var result = await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, Escalation, seenVersion, change,
            () => [new Audited(action, Escalation.ChildId, $"escalation:{Escalation.Id}" + (details is null ? "" : $";{details()}"))]);
        if (result == ChangeResult.Saved)
        {
            return true;
        }

        _refusedAsStale = result is ChangeResult.LostRace or ChangeResult.AlreadySent;
        await OpenAsync(Escalation.Id);
        await AdmitsAsync();
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
}
