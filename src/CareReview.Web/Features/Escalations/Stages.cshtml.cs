namespace CareReview.Web.Features.Escalations;

/// <summary>
/// An administrator sets the council's formal dispute-resolution stages: who responds at each level and
/// how many working days they have. Each save is a new revision; stages already opened keep their times.
/// </summary>
[Requires(Permission.ChangeRules)]
public sealed class StagesModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>Rows shown for stages, filled or empty: the process may have up to this many.</summary>
    public const int Rows = DisputeResolutionProcess.MaxStages;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public DisputeResolutionProcess Process { get; private set; } = DisputeResolutionProcess.Default;
    public int Revision { get; private set; }
    public IReadOnlyList<DrpStageSetting> History { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Input = new InputModel
        {
            Revision = Revision,
            Stages = [.. Enumerable.Range(1, Rows).Select(n => Process.Stages.FirstOrDefault(s => s.Number == n) is { } s
                ? new StageInput { Respondent = s.Respondent, ResponseWorkingDays = s.ResponseWorkingDays }
                : new StageInput())],
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();

        // Rows left empty at the end are not stages; an empty row between filled ones is a gap the domain reports.
        var filled = Input.Stages.Take(Rows).ToList();
        while (filled.Count > 0 && string.IsNullOrWhiteSpace(filled[^1].Respondent) && filled[^1].ResponseWorkingDays is null)
        {
            filled.RemoveAt(filled.Count - 1);
        }

        var stages = filled.Select((s, i) => new DrpStageDefinition(i + 1, s.Respondent?.Trim() ?? "", s.ResponseWorkingDays ?? 0)).ToList();
        foreach (var problem in DisputeResolutionProcess.Problems(stages))
        {
            ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
        }

        if (Input.Revision != Revision)
        {
            ModelState.AddModelError("", "Someone else changed the stages while you were working on them. Your change has not been saved. Check them below and try again");
            Input.Revision = Revision;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var next = Revision + 1;
        var by = User.Identity?.Name ?? "";
        var now = time.GetUtcNow().UtcDateTime;
        db.AddRange(stages.Select(s => new DrpStageSetting
        {
            Revision = next,
            Number = s.Number,
            Respondent = s.Respondent,
            ResponseWorkingDays = s.ResponseWorkingDays,
            ChangedBy = by,
            ChangedAtUtc = now,
        }));
        audit.Record(AuditAction.DrpStagesChanged, details: $"revision:{next};stages:{stages.Count};days:{stages.Sum(s => s.ResponseWorkingDays)}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two administrators saved the same revision at once; the unique index let one through.
            ModelState.AddModelError("", "Someone else changed the stages while you were working on them. Your change has not been saved. Check them below and try again");
            db.ChangeTracker.Clear();
            await LoadAsync();
            Input.Revision = Revision;
            return Page();
        }

        TempData["Success"] = "Dispute-resolution stages saved. Stages already open keep the times they were given";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        (Process, Revision) = await DrpStageSetting.CurrentAsync(db);
        History = await db.Set<DrpStageSetting>().OrderByDescending(s => s.Revision).ThenBy(s => s.Number).ToListAsync();
    }

    public sealed class InputModel
    {
        public int Revision { get; set; }
        public List<StageInput> Stages { get; set; } = [];
    }

    public sealed class StageInput
    {
        public string? Respondent { get; set; }
        public int? ResponseWorkingDays { get; set; }
    }
}
