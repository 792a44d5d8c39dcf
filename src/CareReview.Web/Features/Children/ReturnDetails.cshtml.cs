namespace CareReview.Web.Features.Children;

/// <summary>What the DfE return and Ofsted's Annex A ask about the child: ethnicity, UPN, mother, disability and UASC status.</summary>
[Requires(Permission.RecordCareEpisodes)]
public sealed class ReturnDetailsModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public static IEnumerable<(string Value, string Text)> YesNo => [("true", "Yes"), ("false", "No")];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var child = Child;

        Input = new InputModel
        {
            Version = child.Version,
            Ethnicity = child.Ethnicity,
            Upn = child.Upn,
            IsMother = child.IsMother,
            MothersChildBornOn = DateInput.From(child.MothersChildBornOn),
            HasDisability = child.HasDisability,
            IsUasc = child.IsUasc,
            UascCeasedOn = DateInput.From(child.UascCeasedOn),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var child = Child;

        var childBornOn = OptionalDate("Input.MothersChildBornOn", Input.MothersChildBornOn, "Date of birth of her child");
        var uascCeasedOn = OptionalDate("Input.UascCeasedOn", Input.UascCeasedOn, "Date the child stopped being an unaccompanied asylum-seeking child");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var details = new ChildReturnDetails(Input.Ethnicity, Input.Upn, Input.IsMother, childBornOn, Input.HasDisability, Input.IsUasc ?? false, uascCeasedOn);
        if (!await TryApplyAsync(Input.Version, () => child.RecordReturnDetails(details, Today), AuditAction.ChildReturnDetailsRecorded, () => "return-details"))
        {
            return Page();
        }

        TempData["Success"] = "Details for the return saved";
        return RedirectToPage("/Children/Details", new { id });
    }

    private DateOnly? OptionalDate(string name, DateInput? input, string label) =>
        input is null || input.IsEmpty ? null : ModelState.ReadDate(name, input, label);

    public sealed class InputModel
    {
        public long Version { get; set; }

        public Ethnicity? Ethnicity { get; set; }

        public string? Upn { get; set; }

        public bool? IsMother { get; set; }

        public DateInput? MothersChildBornOn { get; set; }

        public bool? HasDisability { get; set; }

        public bool? IsUasc { get; set; }

        public DateInput? UascCeasedOn { get; set; }
    }
}
