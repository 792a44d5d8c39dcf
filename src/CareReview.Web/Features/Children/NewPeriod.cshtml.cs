using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReview.Web.Features.Children;

/// <summary>A child who left care becomes looked after again: a new period, so the review sequence restarts.</summary>
[Authorize(Policy = Policies.RecordCareEpisodes)]
public sealed class NewPeriodModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadChildAsync(id) is not { } child)
        {
            return NotFound();
        }

        if (child.IsLookedAfter)
        {
            return RedirectToPage("/Children/Details", new { id });
        }

        Input = new InputModel { Version = child.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadChildAsync(id) is not { } child)
        {
            return NotFound();
        }

        var startedOn = ModelState.ReadDate("Input.StartedOn", Input.StartedOn, "Date the child became looked after");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await TryApplyAsync(Input.Version,
            () => child.BecomeLookedAfter(startedOn!.Value, Input.LegalStatus!.Value, Input.PlacementType!.Value, Input.CategoryOfNeed!.Value,
                Today, Rules),
            AuditAction.ChildBecameLookedAfter, () => $"ls:{Input.LegalStatus};pl:{Input.PlacementType}");
        if (!saved)
        {
            return Page();
        }

        TempData["Success"] = $"{child.GivenName} is looked after again. The first review is due by {Domain.GovukDate.Format(child.NextReviewDueOn)}";
        return RedirectToPage("/Children/Details", new { id });
    }


    public sealed class InputModel : StartEpisodeInput
    {
        public long Version { get; set; }
    }
}
