using CareReview.Domain.Escalations;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Children;
using CareReview.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Web.Features.Escalations;

/// <summary>The IRO records what became of a referral to Cafcass.</summary>
[Authorize(Roles = $"{Roles.Iro},{Roles.IroManager}")]
public sealed class CafcassOutcomeModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules)
    : ChildPageModel(db, audit, time, rules)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public CafcassReferral Referral { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        Input = new InputModel { Version = Referral.Version, OutcomeOn = DateInput.From(Today) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refused)
        {
            return refused;
        }

        var on = ModelState.ReadDate("Input.OutcomeOn", Input.OutcomeOn, "The date of the outcome");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        Db.Entry(Referral).Property(r => r.Version).OriginalValue = Input.Version;
        try
        {
            Referral.RecordOutcome(Input.Outcome, on, Input.Note, Today);
            Audit.Record(AuditAction.CafcassOutcomeRecorded, Child.Id, $"referral:{Referral.Id};outcome:{Referral.Outcome}");
            await Db.SaveChangesAsync();
        }
        catch (Domain.DomainRuleException e)
        {
            ModelState.AddModelError(e.Field is null ? "" : $"Input.{e.Field}", e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Someone else recorded the outcome while you were working on it. Your change has not been saved");
            return Page();
        }

        return Referral.EscalationId is { } escalation
            ? RedirectToPage("/Escalations/Details", new { id = escalation })
            : BackToChild("Outcome of the referral to Cafcass recorded");
    }

    /// <summary>Loads the referral and its child; answers 404 (audited) unless the user is the child's IRO or the IRO manager.</summary>
    private async Task<IActionResult?> LoadAsync(int id)
    {
        var referral = await Db.CafcassReferrals.SingleOrDefaultAsync(r => r.Id == id);
        if (referral is null || await LoadChildAsync(referral.ChildId) is null)
        {
            return NotFound();
        }

        Referral = referral;
        return CanChair && referral.IsOpen ? null : await RefuseAsync($"cafcass-outcome:{id}");
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public CafcassOutcome? Outcome { get; set; }
        public DateInput? OutcomeOn { get; set; }
        public string? Note { get; set; }
    }
}
