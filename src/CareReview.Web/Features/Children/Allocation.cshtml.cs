namespace CareReview.Web.Features.Children;

/// <summary>
/// A change of IRO (by the IRO manager) or of social worker (by the IRO manager or the team manager,
/// within their team), from a date, kept in the child's allocation history.
/// </summary>
[Requires(Permission.RecordCareEpisodes)]
public sealed class AllocationModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StaffMember> Iros { get; private set; } = [];
    public IReadOnlyList<StaffMember> SocialWorkers { get; private set; } = [];
    public bool CanChangeIro => May(Permission.AllocateIros);

    /// <summary>The IRO the child's looked-after brothers and sisters have, offered first (statutory-rules.md §6.2).</summary>
    public StaffMember? SiblingsIro { get; private set; }

    public void OnGet() =>
        Input = new InputModel { Version = Child.Version, IroId = SiblingsIro?.Id ?? Child.IroId, SocialWorkerId = Child.SocialWorkerId, From = DateInput.From(Today) };

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var from = ModelState.ReadDate("Input.From", Input.From, "Date of the change");
        var iro = CanChangeIro ? Iros.SingleOrDefault(s => s.Id == Input.IroId) : Child.Iro;
        var socialWorker = SocialWorkers.SingleOrDefault(s => s.Id == Input.SocialWorkerId);
        if (CanChangeIro && Input.IroId is not null && iro is null)
        {
            ModelState.AddModelError("Input.IroId", "Select an IRO from the list");
        }

        if (socialWorker is null)
        {
            ModelState.AddModelError("Input.SocialWorkerId", "Select a social worker from the list");
        }

        if (DateRules.NotInTheFuture(from, Today, "The date of the change", "From") is { } later)
        {
            ModelState.AddModelError($"Input.{later.Field}", later.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var child = Child;
        var conflicts = await AllocationChoices.ConflictFactsAsync(Db, child, socialWorker);
        if (iro is not null && IroConflict.Find(iro, conflicts) is { } conflict)
        {
            // A hard stop (statutory-rules.md §10.4), kept on the record: who tried to allocate whom.
            Audit.Record(AuditAction.AllocationConflictRefused, child.Id, $"iro:{iro.Id}");
            await Db.SaveChangesAsync();
            // A team manager's form has no IRO field: the message then stands alone in the error summary.
            ModelState.AddModelError(CanChangeIro ? "Input.IroId" : "", conflict);
            return Page();
        }

        var checks = new AllocationChecks(SiblingsIro, Input.SiblingIroReason, conflicts);
        if (!await TryApplyAsync(Input.Version, () => child.Allocate(iro, socialWorker, Today, Rules, from, checks),
                AuditAction.ChildReallocated, () => $"iro:{iro?.Id};sw:{socialWorker?.Id}"))
        {
            return Page();
        }

        TempData["Success"] = $"Allocation changed from {GovukDate.Format(from!.Value)}";
        return RedirectToPage("/Children/Details", new { id });
    }

    protected internal override async Task<bool> AdmitsAsync()
    {
        await LoadStaffAsync();
        await LoadSiblingsIroAsync();
        return true;
    }

    private async Task LoadSiblingsIroAsync()
    {
        if (Child.SiblingGroupId is not { } groupId)
        {
            return;
        }

        var ids = await Db.Children.Where(c => c.SiblingGroupId == groupId && c.Id != Child.Id && c.Episodes.Any(e => e.EndedOn == null))
            .Select(c => c.IroId).ToListAsync();
        SiblingsIro = Iros.SingleOrDefault(i => i.Id == SiblingAllocation.OfferedIro(ids));
    }

    private async Task LoadStaffAsync()
    {
        Iros = await AllocationChoices.IrosAsync(Db);
        SocialWorkers = await AllocationChoices.SocialWorkersAsync(Db, User);
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public int? IroId { get; set; }
        public int? SocialWorkerId { get; set; }
        public DateInput? From { get; set; }

        /// <summary>Why the child should not have their brothers' and sisters' IRO.</summary>
        public string? SiblingIroReason { get; set; }
    }
}
