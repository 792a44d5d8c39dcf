using System.ComponentModel.DataAnnotations;
using CareReview.Domain.Children;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReview.Web.Features.Children;

/// <summary>A change of placement, legal status or both: a new SSDA903 episode.</summary>
[Authorize(Policy = Policies.RecordCareEpisodes)]
public sealed class ChangeModel(AppDbContext db, AuditLog audit, TimeProvider time, CalendarSource calendars) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Child Child { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is not { } child)
        {
            return NotFound();
        }

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
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is not { } child)
        {
            return NotFound();
        }

        var changedOn = ModelState.ReadDate("Input.ChangedOn", Input.ChangedOn, "Date of the change");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await db.TryApplyAsync(ModelState, child, Input.Version,
            () => child.ChangeEpisode(changedOn!.Value, Input.LegalStatus!.Value, Input.Move!.Value, Input.PlacementType!.Value,
                Input.ReasonForPlacementChange, time.TodayInEngland(), calendars.Current),
            audit, AuditAction.EpisodeChanged, () => $"rne:{child.CurrentEpisode!.ReasonForNewEpisode}");
        if (!saved)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            return Page();
        }

        TempData["Success"] = $"Change recorded. The next review is due by {Domain.GovukDate.Format(child.NextReviewDueOn)}";
        return RedirectToPage("/Children/Details", new { id });
    }

    private async Task<Child?> LoadAsync(int id)
    {
        var child = await db.LoadVisibleChildAsync(User, id, audit);
        if (child is not null)
        {
            Child = child;
        }

        return child;
    }

    public sealed class InputModel
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
