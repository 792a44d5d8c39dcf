using System.ComponentModel.DataAnnotations;

namespace CareReview.Web.Features.Children;

/// <summary>A child new to the council becomes looked after: their details, allocation and first episode.</summary>
[Requires(Permission.RecordCareEpisodes)]
public sealed class NewModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StaffMember> Iros { get; private set; } = [];
    public IReadOnlyList<StaffMember> SocialWorkers { get; private set; } = [];

    public async Task OnGetAsync() => await LoadStaffAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadStaffAsync();
        var dateOfBirth = ModelState.ReadDate("Input.DateOfBirth", Input.DateOfBirth, "Date of birth");
        var startedOn = ModelState.ReadDate("Input.StartedOn", Input.StartedOn, "Date the child became looked after");
        var iro = Iros.SingleOrDefault(s => s.Id == Input.IroId);
        var socialWorker = SocialWorkers.SingleOrDefault(s => s.Id == Input.SocialWorkerId);
        if (Input.IroId is not null && iro is null)
        {
            ModelState.AddModelError("Input.IroId", "Select an IRO from the list");
        }

        if (socialWorker is null)
        {
            ModelState.AddModelError("Input.SocialWorkerId", "Select a social worker from the list");
        }

        var localId = string.IsNullOrWhiteSpace(Input.LocalId) ? await NextLocalIdAsync() : Input.LocalId.Trim().ToUpperInvariant();
        if (await db.Children.AnyAsync(c => c.LocalId == localId))
        {
            ModelState.AddModelError("Input.LocalId", $"Another child already has the reference {localId}");
        }

        if (DateRules.NotInTheFuture(dateOfBirth, time.TodayInEngland(), "Date of birth", "DateOfBirth") is { } bornLater)
        {
            ModelState.AddModelError($"Input.{bornLater.Field}", bornLater.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var child = new Child(localId, Input.GivenName!, Input.FamilyName!, dateOfBirth!.Value, Input.Sex!.Value);
        var conflicts = await AllocationChoices.ConflictFactsAsync(db, child, socialWorker);
        if (iro is not null && IroConflict.Find(iro, conflicts) is { } conflict)
        {
            // The same hard stop as a change of allocation (statutory-rules.md §10.4), recorded the same way.
            audit.Record(AuditAction.AllocationConflictRefused, details: $"iro:{iro.Id};new-child:{localId}");
            await db.SaveChangesAsync();
            ModelState.AddModelError("Input.IroId", conflict);
            return Page();
        }

        var today = time.TodayInEngland();
        var saved = await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, null, 0,
            () =>
            {
                child.Allocate(iro, socialWorker, today, calendars.Rules, startedOn, new AllocationChecks(Conflicts: conflicts));
                child.BecomeLookedAfter(startedOn!.Value, Input.LegalStatus!.Value, Input.PlacementType!.Value, Input.CategoryOfNeed!.Value,
                    today, calendars.Rules, Input.Placement);
                db.Children.Add(child);
            },
            () => [new Audited(AuditAction.ChildBecameLookedAfter, child.Id, $"ls:{Input.LegalStatus};pl:{Input.PlacementType};new-child")]);
        if (saved != ChangeResult.Saved)
        {
            return Page();
        }

        TempData["Success"] = $"{child.FullName} is recorded as looked after. The first review is due by {GovukDate.Format(child.NextReviewDueOn)}";
        return RedirectToPage("/Children/Details", new { id = child.Id });
    }

    private async Task LoadStaffAsync()
    {
        Iros = await AllocationChoices.IrosAsync(db);
        SocialWorkers = await AllocationChoices.SocialWorkersAsync(db, User);
    }

    private async Task<string> NextLocalIdAsync()
    {
        var ids = await db.Children.Where(c => c.LocalId.StartsWith("CR")).Select(c => c.LocalId).ToListAsync();
        var highest = ids.Select(i => int.TryParse(i.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(100000).Max();
        return $"CR{(highest + 1).ToString(CultureInfo.InvariantCulture)}";
    }

    public sealed class InputModel : StartEpisodeInput
    {
        [Required(ErrorMessage = "Enter the child's first name")]
        [StringLength(100, ErrorMessage = "First name must be 100 characters or fewer")]
        public string? GivenName { get; set; }

        [Required(ErrorMessage = "Enter the child's last name")]
        [StringLength(100, ErrorMessage = "Last name must be 100 characters or fewer")]
        public string? FamilyName { get; set; }

        public DateInput? DateOfBirth { get; set; }

        [Required(ErrorMessage = "Select the child's sex")]
        public Sex? Sex { get; set; }

        [RegularExpression("^[A-Za-z0-9]{1,20}$", ErrorMessage = "Reference must be up to 20 letters and numbers, with no spaces")]
        public string? LocalId { get; set; }

        public int? IroId { get; set; }

        public int? SocialWorkerId { get; set; }
    }
}
