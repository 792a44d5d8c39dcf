using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using Microsoft.AspNetCore.Mvc;

namespace CareReview.Web.Features.Escalations;

/// <summary>The person asked at the open stage responds to the IRO.</summary>
public sealed class RespondModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules)
    : EscalationPageModel(db, audit, time, rules)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MustRespond)
        {
            return await RefuseAsync("respond");
        }

        Input = new InputModel { Version = Escalation.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (!MustRespond)
        {
            return await RefuseAsync("respond");
        }

        var stage = Escalation.CurrentStage!.Number;
        if (!await TryApplyAsync(Input.Version, () => Escalation.Respond(User.StaffMemberId()!.Value, Input.Response, Today),
                AuditAction.EscalationResponded, () => $"stage:{stage}"))
        {
            return Page();
        }

        TempData["Success"] = $"Your response to the stage {stage} escalation about {Child.FullName} is sent to the IRO";
        return RedirectToPage("/Escalations/ToAnswer");
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public string? Response { get; set; }
    }
}
