using System.ComponentModel.DataAnnotations;

namespace CareReview.Web.Features.CarePlans;

/// <summary>
/// The care plan written to the child. The writer starts from a draft made from the current plan, edits
/// it with its reading ease, long sentences and jargon shown, saves it, and shares it; the shared version
/// is kept for the child's own pages. Anyone who may see the child may read it; social workers and team
/// managers write and share it.
/// </summary>
public sealed class ChildFriendlyModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool CanWrite => May(Permission.PlanCare) && Child.IsLookedAfter;

    public ReadingEaseResult? Ease { get; private set; }
    public IReadOnlyList<JargonFound> Jargon { get; private set; } = [];

    /// <summary>The text on screen is a fresh draft from the plan, not yet saved.</summary>
    public bool IsFreshDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, AgeBand? band, bool redraft = false)
    {
        var child = Child;

        if (child.CurrentCarePlan is null)
        {
            return RedirectToPage("/CarePlans/Index", new { id });
        }

        var chosen = band ?? child.ChildFriendlyDraft?.AgeBand ?? ChildFriendlyPlan.BandFor(child.AgeOn(Today));
        if (CanWrite && (redraft || child.ChildFriendlyDraft is null))
        {
            IsFreshDraft = true;
            Input = new InputModel { Version = child.Version, AgeBand = chosen, Text = ChildFriendlyPlanWriter.Draft(child, chosen, Today) };
        }
        else
        {
            var shown = CanWrite ? child.ChildFriendlyDraft : child.SharedChildFriendlyPlan;
            Input = new InputModel { Version = child.Version, AgeBand = shown?.AgeBand ?? chosen, Text = shown?.Text };
        }

        Check();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id) => await SaveAsync(id, share: false);

    public async Task<IActionResult> OnPostShareAsync(int id) => await SaveAsync(id, share: true);

    private async Task<IActionResult> SaveAsync(int id, bool share)
    {
        var child = Child;

        if (!CanWrite)
        {
            return await RefuseAsync("page:child-friendly-plan;write");
        }

        if (!ModelState.IsValid)
        {
            Check();
            return Page();
        }

        var by = User.DisplayName();
        if (!await TryApplyAsync(Input.Version, () =>
            {
                child.WriteChildFriendlyPlan(Input.AgeBand!.Value, Input.Text, by, Today);
                if (share)
                {
                    child.ShareChildFriendlyPlan(by, Today);
                }
            },
            share ? AuditAction.ChildFriendlyPlanShared : AuditAction.ChildFriendlyPlanSaved,
            () => $"band:{Input.AgeBand};plan:{child.CurrentCarePlan?.Number}"))
        {
            Check();
            return Page();
        }

        TempData["Success"] = share
            ? $"The plan for {child.GivenName} is shared. It is kept as it was shared, and can be printed or downloaded"
            : "The draft is saved. Check it and share it when it is ready";
        return RedirectToPage("/CarePlans/ChildFriendly", new { id });
    }

    private void Check()
    {
        var text = Input.Text ?? "";
        Ease = text.Length == 0 ? null : ReadingEase.Measure(text, ChildFriendlyPlanWriter.MaxWords(Input.AgeBand ?? AgeBand.From13));
        Jargon = PlainWords.Find(text);
    }

    public sealed class InputModel
    {
        public long Version { get; set; }

        [Required(ErrorMessage = "Select who the plan is written for")]
        public AgeBand? AgeBand { get; set; }

        [Required(ErrorMessage = "Enter the plan as the child will read it")]
        [StringLength(ChildFriendlyPlan.MaxTextLength, ErrorMessage = "The plan must be 12,000 characters or fewer")]
        public string? Text { get; set; }
    }
}
