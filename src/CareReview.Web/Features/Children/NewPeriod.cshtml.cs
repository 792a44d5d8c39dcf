namespace CareReview.Web.Features.Children;

/// <summary>A child who left care becomes looked after again: a new period, so the review sequence restarts.</summary>
[Requires(Permission.RecordCareEpisodes)]
public sealed class NewPeriodModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StaffMember> Iros { get; private set; } = [];

    /// <summary>
    /// The IRO the child had when their last period of care ended, if they are still one of the council's
    /// IROs: offered first, because keeping the same IRO on a return to care is good practice (statutory-rules.md §6.2).
    /// </summary>
    public StaffMember? PreviousIro { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var child = Child;

        if (child.IsLookedAfter)
        {
            return RedirectToPage("/Children/Details", new { id });
        }

        await LoadIrosAsync();
        Input = new InputModel { Version = child.Version, IroId = PreviousIro?.Id };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var child = Child;

        await LoadIrosAsync();
        var startedOn = ModelState.ReadDate("Input.StartedOn", Input.StartedOn, "Date the child became looked after");
        var iro = Iros.SingleOrDefault(s => s.Id == Input.IroId);
        if (Input.IroId is not null && iro is null)
        {
            ModelState.AddModelError("Input.IroId", "Select an IRO from the list");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var iroChanges = iro?.Id != child.IroId;
        if (iro is not null && iroChanges && IroConflict.Find(iro, await AllocationChoices.ConflictFactsAsync(Db, child, Child.SocialWorker)) is { } conflict)
        {
            // The same hard stop as a change of allocation (statutory-rules.md §10.4), recorded the same way.
            Audit.Record(AuditAction.AllocationConflictRefused, child.Id, $"iro:{iro.Id}");
            await Db.SaveChangesAsync();
            ModelState.AddModelError("Input.IroId", conflict);
            return Page();
        }

        var saved = await TryApplyAsync(Input.Version,
            () =>
            {
                child.BecomeLookedAfter(startedOn!.Value, Input.LegalStatus!.Value, Input.PlacementType!.Value, Input.CategoryOfNeed!.Value,
                    Today, Rules, Input.Placement);
                if (iroChanges)
                {
                    AllocateIro(iro, startedOn.Value);
                }
            },
            AuditAction.ChildBecameLookedAfter, () => $"ls:{Input.LegalStatus};pl:{Input.PlacementType};iro:{iro?.Id}");
        if (!saved)
        {
            await LoadIrosAsync();
            return Page();
        }

        TempData["Success"] = $"{child.GivenName} is looked after again. The first review is due by {GovukDate.Format(child.NextReviewDueOn)}";
        return RedirectToPage("/Children/Details", new { id });
    }

    private void AllocateIro(StaffMember? iro, DateOnly from)
    {
        try
        {
            Child.Allocate(iro, Child.SocialWorker, Today, Rules, from);
        }
        catch (DomainRuleException e) when (e.Field == "From")
        {
            // The allocation's date is the period's start, which this form asks for as the IRO's date too.
            throw new DomainRuleException(e.Message, "IroId");
        }
    }

    private async Task LoadIrosAsync()
    {
        Iros = await AllocationChoices.IrosAsync(Db);
        var lastEnded = Child.Episodes.Max(e => e.EndedOn);
        var atEnd = IroContinuity.LastNamed(Child.Allocations.Where(a => a.From is null || lastEnded is null || a.From <= lastEnded));
        PreviousIro = atEnd?.IroId is { } iroId ? Iros.SingleOrDefault(s => s.Id == iroId) : null;
    }

    public sealed class InputModel : StartEpisodeInput
    {
        public long Version { get; set; }

        public int? IroId { get; set; }
    }
}
