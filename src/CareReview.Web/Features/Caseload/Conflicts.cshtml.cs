namespace CareReview.Web.Features.Caseload;

/// <summary>
/// The IRO manager records the conflicts of interest IROs declare (CPPCR 2010 reg 46: managing the case,
/// holding its resources, being the personal adviser), for one child or a team; allocation refuses them.
/// </summary>
[Requires(Permission.AllocateIros)]
public sealed class ConflictsModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StaffConflict> Conflicts { get; private set; } = [];
    public IReadOnlyList<StaffMember> Iros { get; private set; } = [];
    public IReadOnlyList<Domain.Staff.Team> Teams { get; private set; } = [];
    public IReadOnlyDictionary<int, string> ChildNames { get; private set; } = new Dictionary<int, string>();

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new InputModel { DeclaredOn = DateInput.From(time.TodayInEngland()) };
        audit.Record(AuditAction.StaffConflictsViewed, details: $"rows:{Conflicts.Count}");
        await db.SaveChangesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var today = time.TodayInEngland();
        var declaredOn = ModelState.ReadDate("Input.DeclaredOn", Input.DeclaredOn, "Date declared");
        var iro = Iros.SingleOrDefault(i => i.Id == Input.StaffMemberId);
        if (iro is null)
        {
            ModelState.AddModelError("Input.StaffMemberId", "Select an IRO from the list");
        }

        var team = Teams.SingleOrDefault(t => t.Id == Input.TeamId);
        if (Input.TeamId is not null && team is null)
        {
            ModelState.AddModelError("Input.TeamId", "Select a team from the list");
        }

        int? childId = null;
        if (!string.IsNullOrWhiteSpace(Input.ChildLocalId))
        {
            var reference = Input.ChildLocalId.Trim();
            childId = await db.Children.Where(c => c.LocalId == reference).Select(c => (int?)c.Id).SingleOrDefaultAsync();
            if (childId is null)
            {
                ModelState.AddModelError("Input.ChildLocalId", "No child has that reference");
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        StaffConflict conflict;
        try
        {
            conflict = new StaffConflict(iro!, childId, team, Input.Kind ?? (ConflictKind)(-1), Input.Reason, declaredOn!.Value, User.DisplayName(), today);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Field switch
            {
                nameof(StaffConflict.ChildId) => "Input.ChildLocalId",
                null => "",
                _ => $"Input.{e.Field}",
            }, e.Message);
            return Page();
        }

        if (await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, null, 0, () => db.Add(conflict),
                () => [new Audited(AuditAction.StaffConflictDeclared, childId, $"conflict:{conflict.Id};staff:{iro!.Id};team:{team?.Id};kind:{conflict.Kind}")])
            != ChangeResult.Saved)
        {
            await LoadAsync();
            return Page();
        }

        TempData["Success"] = $"Conflict of interest recorded for {iro!.Name}";
        return RedirectToPage("/Caseload/Conflicts");
    }

    /// <summary>The conflict has ended (the IRO no longer holds the budget): kept, and no longer refused.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(int conflictId)
    {
        var conflict = await db.Set<StaffConflict>().SingleOrDefaultAsync(c => c.Id == conflictId);
        if (conflict is null)
        {
            return NotFound();
        }

        var today = time.TodayInEngland();
        try
        {
            conflict.Withdraw(today, today);
        }
        catch (DomainRuleException e)
        {
            await LoadAsync();
            ModelState.AddModelError("", e.Message);
            return Page();
        }

        audit.Record(AuditAction.StaffConflictWithdrawn, conflict.ChildId, $"conflict:{conflict.Id}");
        await db.SaveChangesAsync();
        TempData["Success"] = "The conflict of interest is recorded as ended";
        return RedirectToPage("/Caseload/Conflicts");
    }

    private async Task LoadAsync()
    {
        Conflicts = await db.Set<StaffConflict>().Include(c => c.StaffMember).Include(c => c.Team)
            .OrderBy(c => c.WithdrawnOn != null).ThenByDescending(c => c.DeclaredOn).ToListAsync();
        var childIds = Conflicts.Where(c => c.ChildId != null).Select(c => c.ChildId!.Value).Distinct().ToList();
        ChildNames = await db.Children.Where(c => childIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => c.GivenName + " " + c.FamilyName + " (" + c.LocalId + ")");
        Iros = await Children.AllocationChoices.IrosAsync(db);
        Teams = await db.Teams.OrderBy(t => t.Name).ToListAsync();
    }

    public sealed class InputModel
    {
        public int? StaffMemberId { get; set; }
        public string? ChildLocalId { get; set; }
        public int? TeamId { get; set; }
        public ConflictKind? Kind { get; set; }
        public string? Reason { get; set; }
        public DateInput? DeclaredOn { get; set; }
    }
}
