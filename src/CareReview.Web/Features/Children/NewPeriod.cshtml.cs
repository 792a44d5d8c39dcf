using CareReview.Domain.Children;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReview.Web.Features.Children;

/// <summary>A child who left care becomes looked after again: a new period, so the review sequence restarts.</summary>
[Authorize(Policy = Policies.RecordCareEpisodes)]
public sealed class NewPeriodModel(AppDbContext db, AuditLog audit, TimeProvider time, CalendarSource calendars) : PageModel
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

        if (child.IsLookedAfter)
        {
            return RedirectToPage("/Children/Details", new { id });
        }

        Input = new InputModel { Version = child.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is not { } child)
        {
            return NotFound();
        }

        var startedOn = ModelState.ReadDate("Input.StartedOn", Input.StartedOn, "Date the child became looked after");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await db.TryApplyAsync(ModelState, child, Input.Version,
            () => child.BecomeLookedAfter(startedOn!.Value, Input.LegalStatus!.Value, Input.PlacementType!.Value, Input.CategoryOfNeed!.Value,
                time.TodayInEngland(), calendars.Current),
            audit, AuditAction.ChildBecameLookedAfter, () => $"ls:{Input.LegalStatus};pl:{Input.PlacementType}");
        if (!saved)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            return Page();
        }

        TempData["Success"] = $"{child.GivenName} is looked after again. The first review is due by {Domain.GovukDate.Format(child.NextReviewDueOn)}";
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

    public sealed class InputModel : StartEpisodeInput
    {
        public long Version { get; set; }
    }
}
