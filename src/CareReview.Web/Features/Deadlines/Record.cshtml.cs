using System.ComponentModel.DataAnnotations;

namespace CareReview.Web.Features.Deadlines;

/// <summary>Records a visit, health assessment, dental check, PEP meeting or needs assessment; the deadlines follow at once.</summary>
[Requires(Permission.PlanCare)]
public sealed class RecordModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    private static readonly Dictionary<string, CareEventKind> s_kinds = new(StringComparer.Ordinal)
    {
        ["visit"] = CareEventKind.Visit,
        ["health-assessment"] = CareEventKind.HealthAssessment,
        ["dental-check"] = CareEventKind.DentalCheck,
        ["pep-meeting"] = CareEventKind.PepMeeting,
        ["needs-assessment"] = CareEventKind.NeedsAssessment,
    };

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CareEventKind Kind { get; private set; }

    public string Heading => Kind switch
    {
        CareEventKind.Visit => "Record a social worker visit",
        CareEventKind.HealthAssessment => "Record a health assessment",
        CareEventKind.DentalCheck => "Record a dental check",
        CareEventKind.PepMeeting => "Record a PEP meeting",
        CareEventKind.NeedsAssessment => "Record the leaving-care needs assessment",
        _ => "Record",
    };

    public string DateLabel => Kind switch
    {
        CareEventKind.Visit => "Date of the visit",
        CareEventKind.NeedsAssessment => "Date the assessment was completed",
        _ => $"Date of the {CareEvent.Describe(Kind).ToLowerInvariant()}",
    };

    public static IEnumerable<(string Slug, CareEventKind Kind)> Kinds => s_kinds.Select(k => (k.Key, k.Value));

    public IActionResult OnGet(int id)
    {
        if (!Child.IsLookedAfter)
        {
            return RedirectToPage("/Children/Details", new { id });
        }

        Input = new InputModel { Version = Child.Version, On = DateInput.From(Today) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var on = ModelState.ReadDate("Input.On", Input.On, DateLabel);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var by = User.DisplayName();
        var draft = new CareEventDraft(Kind, on!.Value, Input.ChildSeen, Input.SeenAlone, Input.NotSeenAloneReason, Input.Note);
        if (!await TryApplyAsync(Input.Version, () => Child.RecordCareEvent(draft, by, Today, Rules), AuditAction.CareEventRecorded,
                () => $"kind:{Kind};on:{on.Value:yyyy-MM-dd}"))
        {
            return Page();
        }

        var next = Child.Deadlines.FirstOrDefault(d => d.Item == CareEvent.ItemMet(Kind));
        return BackToChild($"{CareEvent.Describe(Kind)} on {Domain.GovukDate.Format(on.Value)} recorded"
            + (next is { DoneOn: null } ? $". The next is due by {Domain.GovukDate.Format(next.DueOn)}" : ""));
    }

    /// <summary>The kind on the route must be one this page records.</summary>
    protected internal override Task<bool> AdmitsAsync()
    {
        var known = s_kinds.TryGetValue(RouteData.Values["kind"]?.ToString() ?? "", out var kind);
        Kind = kind;
        return Task.FromResult(known);
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public DateInput? On { get; set; }
        public bool? ChildSeen { get; set; }
        public bool? SeenAlone { get; set; }

        [StringLength(2000, ErrorMessage = "The reason must be 2,000 characters or fewer")]
        public string? NotSeenAloneReason { get; set; }

        [StringLength(2000, ErrorMessage = "The note must be 2,000 characters or fewer")]
        public string? Note { get; set; }
    }
}
