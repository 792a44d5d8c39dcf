using System.ComponentModel.DataAnnotations;

namespace CareReview.Web.Features.Children;

/// <summary>A change of placement, legal status or both: a new SSDA903 episode.</summary>
[Requires(Permission.RecordCareEpisodes)]
public sealed class ChangeModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var child = Child;

        var current = child.CurrentEpisode;
        if (current is null)
        {
            return RedirectToPage("/Children/Details", new { id });
        }

        Input = new InputModel
        {
            Version = child.Version,
            LegalStatus = current.LegalStatus,
            PlacementType = current.PlacementType,

            // A move keeps the home the child came into care from; the new placement's details start empty.
            HomePostcode = current.HomePostcode,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var child = Child;

        var changedOn = ModelState.ReadDate("Input.ChangedOn", Input.ChangedOn, "Date of the change");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await TryApplyAsync(Input.Version,
            () => child.ChangeEpisode(changedOn!.Value, Input.LegalStatus!.Value, Input.Move!.Value, Input.PlacementType!.Value,
                Input.ReasonForPlacementChange, Today, Rules, Input.Placement),
            AuditAction.EpisodeChanged, () => $"rne:{child.CurrentEpisode!.ReasonForNewEpisode}");
        if (!saved)
        {
            return Page();
        }

        TempData["Success"] = $"Change recorded. The next review is due by {Domain.GovukDate.Format(child.NextReviewDueOn)}";
        return RedirectToPage("/Children/Details", new { id });
    }


    public sealed class InputModel : PlacementInput
    {
        public long Version { get; set; }

        public DateInput? ChangedOn { get; set; }

        [Required(ErrorMessage = "Select the legal status")]
        public LegalStatus? LegalStatus { get; set; }

        [Required(ErrorMessage = "Select whether the child moved")]
        public PlacementMove? Move { get; set; }

        [Required(ErrorMessage = "Select the placement type")]
        public PlacementType? PlacementType { get; set; }

        public ReasonForPlacementChange? ReasonForPlacementChange { get; set; }
    }
}
