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

/// <summary>The child stops being looked after: the period of care ends and the review clock stops.</summary>
[Authorize(Policy = Policies.RecordCareEpisodes)]
public sealed class CeaseModel(AppDbContext db, AuditLog audit, TimeProvider time, CalendarSource calendars) : PageModel
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

        if (!child.IsLookedAfter)
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

        var endedOn = ModelState.ReadDate("Input.EndedOn", Input.EndedOn, "Date the child stopped being looked after");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var saved = await db.TryApplyAsync(ModelState, child, Input.Version,
            () => child.CeaseToBeLookedAfter(endedOn!.Value, Input.Reason!.Value, time.TodayInEngland(), calendars.Current),
            audit, AuditAction.ChildCeasedToBeLookedAfter, () => $"rec:{Input.Reason}");
        if (!saved)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id);
            return Page();
        }

        TempData["Success"] = $"{child.GivenName} stopped being looked after on {Domain.GovukDate.Format(endedOn!.Value)}. No further review is due";
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

        public DateInput? EndedOn { get; set; }

        [Required(ErrorMessage = "Select the reason the child stopped being looked after")]
        public ReasonEpisodeCeased? Reason { get; set; }
    }
}
