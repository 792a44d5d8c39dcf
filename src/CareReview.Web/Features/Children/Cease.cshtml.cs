using System.ComponentModel.DataAnnotations;

namespace CareReview.Web.Features.Children;

/// <summary>The child stops being looked after: the period of care ends and the review clock stops.</summary>
[Requires(Permission.RecordCareEpisodes)]
public sealed class CeaseModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var child = Child;

        if (!child.IsLookedAfter)
        {
            return RedirectToPage("/Children/Details", new { id });
        }

        Input = new InputModel { Version = child.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var child = Child;

        var endedOn = ModelState.ReadDate("Input.EndedOn", Input.EndedOn, "Date the child stopped being looked after");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await TryApplyAsync(Input.Version,
            () => child.CeaseToBeLookedAfter(endedOn!.Value, Input.Reason!.Value, Today, Rules),
            AuditAction.ChildCeasedToBeLookedAfter, () => $"rec:{Input.Reason}");
        if (!saved)
        {
            return Page();
        }

        TempData["Success"] = $"{child.GivenName} stopped being looked after on {Domain.GovukDate.Format(endedOn!.Value)}. No further review is due";
        return RedirectToPage("/Children/Details", new { id });
    }


    public sealed class InputModel
    {
        public long Version { get; set; }

        public DateInput? EndedOn { get; set; }

        [Required(ErrorMessage = "Select the reason the child stopped being looked after")]
        public ReasonEpisodeCeased? Reason { get; set; }
    }
}
