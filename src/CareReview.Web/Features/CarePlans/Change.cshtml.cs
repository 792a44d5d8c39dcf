namespace CareReview.Web.Features.CarePlans;

/// <summary>
/// Changes the care plan, starting from the current version so nothing is typed twice. Saving makes a
/// new version; a change to permanence, placement or contact is flagged for review (reg 32(2)).
/// </summary>
[Requires(Permission.PlanCare)]
public sealed class ChangeModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CarePlanVersion? Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var child = Child;

        if (!child.IsLookedAfter)
        {
            return RedirectToPage("/CarePlans/Index", new { id });
        }

        Current = child.CurrentCarePlan;
        Input = new InputModel
        {
            Version = child.Version,
            Permanence = Current?.Permanence.Select(p => p.ToString()).ToList() ?? [],
            Sections = Enum.GetValues<CarePlanSection>().ToDictionary(s => s.ToString(), s => (string?)Current?.Text(s)),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var child = Child;

        Current = child.CurrentCarePlan;
        var permanence = Input.Permanence.Select(p => Enum.TryParse<PermanenceOption>(p, out var option) ? option : (PermanenceOption?)null).ToList();
        if (permanence.Any(p => p is null))
        {
            ModelState.AddModelError("Input.Permanence", "Select permanence options from the list");
            return Page();
        }

        var sections = Enum.GetValues<CarePlanSection>()
            .ToDictionary(s => s, s => Input.Sections.TryGetValue(s.ToString(), out var text) ? text : null);
        var draft = new CarePlanDraft([.. permanence.Select(p => p!.Value)], sections, Input.ChangeNote);
        var by = User.DisplayName();
        CarePlanVersion? saved = null;
        if (!await TryApplyAsync(Input.Version, () =>
                {
                    saved = child.ChangeCarePlan(draft, by, Today, Rules);
                    saved.MadeByStaff(User.StaffMemberId());
                }, AuditAction.CarePlanChanged,
                () => $"version:{saved?.Number};significant:{saved?.SignificantChanges}"))
        {
            return Page();
        }

        TempData["Success"] = saved!.IsSignificantChange
            ? $"Version {saved.Number} of the care plan is saved. It changes {string.Join(", ", saved.SignificantSections.Select(s => s.Describe().ToLowerInvariant()))}, so a review should consider it: the IRO can see it on their caseload"
            : $"Version {saved.Number} of the care plan is saved";
        return RedirectToPage("/CarePlans/Index", new { id });
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public List<string> Permanence { get; set; } = [];
        public Dictionary<string, string?> Sections { get; set; } = [];
        public string? ChangeNote { get; set; }
    }
}
