using CareReview.Domain;
using CareReview.Domain.Reviews;
using CareReview.Web.Auditing;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Children;
using CareReview.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;

namespace CareReview.Web.Features.Reviews;

/// <summary>The IRO asks for the next review to be brought forward (CPPCR 2010 reg 33(3)(a)); the clock follows.</summary>
public sealed class BringForwardModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public ReviewDue Due { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return await RefuseAsync("page:bringforward");
        }

        Input = new InputModel { Version = Child.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return await RefuseAsync("page:bringforward");
        }

        var to = ModelState.ReadDate("Input.To", Input.To, "Date the review should be held by");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await TryApplyAsync(Input.Version, () => Child.BringReviewForward(to!.Value, Input.Reason, Today, Rules),
                AuditAction.ReviewBroughtForward, () => $"to:{to!.Value:yyyy-MM-dd}"))
        {
            await LoadAsync(id);
            return Page();
        }

        return BackToChild($"The next review is now due by {GovukDate.Format(to!.Value)}");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await LoadChildAsync(id) is null || !Child.IsLookedAfter || !CanChair)
        {
            return false;
        }

        Due = Child.NextReviewDue(Rules)!;
        return true;
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public DateInput? To { get; set; }
        public string? Reason { get; set; }
    }
}
