namespace CareReview.Web.Features.Deadlines;

/// <summary>The facts that change how often the social worker must visit (CPPCR 2010 reg 28(3), (3A) and (4)).</summary>
[Requires(Permission.PlanCare)]
public sealed class VisitArrangementsModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet(int id)
    {
        var child = Child;
        if (!child.IsLookedAfter)
        {
            return RedirectToPage("/Children/Details", new { id });
        }

        Input = new InputModel
        {
            Version = child.Version,
            ChildAgreed = child.ChildAgreedToFewerVisitsOn is not null,
            ChildAgreedOn = child.ChildAgreedToFewerVisitsOn is { } on ? DateInput.From(on) : null,
            ParentAssessmentIncomplete = child.ParentAssessmentIncomplete,
            ConnectedPersonTemporarilyApproved = child.ConnectedPersonTemporarilyApproved,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var agreedOn = Input.ChildAgreed ? ModelState.ReadDate("Input.ChildAgreedOn", Input.ChildAgreedOn, "Date the child agreed") : null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await TryApplyAsync(Input.Version,
                () => Child.SetVisitArrangements(agreedOn, Input.ParentAssessmentIncomplete, Input.ConnectedPersonTemporarilyApproved, Today, Rules),
                AuditAction.VisitArrangementsChanged,
                () => $"agreed:{agreedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "no"};reg19:{Input.ParentAssessmentIncomplete};reg24:{Input.ConnectedPersonTemporarilyApproved}"))
        {
            return Page();
        }

        var visit = Child.Deadlines.FirstOrDefault(d => d.Item == Domain.Deadlines.StatutoryItem.Visit);
        return BackToChild("Visit arrangements saved" + (visit is { } v ? $". The next visit is due by {Domain.GovukDate.Format(v.DueOn)}" : ""));
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public bool ChildAgreed { get; set; }
        public DateInput? ChildAgreedOn { get; set; }
        public bool ParentAssessmentIncomplete { get; set; }
        public bool ConnectedPersonTemporarilyApproved { get; set; }
    }
}
