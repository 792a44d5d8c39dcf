using CareReview.Domain;
using CareReview.Domain.Staff;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CareReview.Web.Features.Children;

/// <summary>
/// A change of IRO (by the IRO manager) or of social worker (by the IRO manager or the team manager,
/// within their team), from a date, kept in the child's allocation history.
/// </summary>
[Authorize(Policy = Policies.RecordCareEpisodes)]
public sealed class AllocationModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<StaffMember> Iros { get; private set; } = [];
    public IReadOnlyList<StaffMember> SocialWorkers { get; private set; } = [];
    public bool CanChangeIro => User.IsInRole(Roles.IroManager);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new InputModel { Version = Child.Version, IroId = Child.IroId, SocialWorkerId = Child.SocialWorkerId, From = DateInput.From(Today) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var from = ModelState.ReadDate("Input.From", Input.From, "Date of the change");
        var iro = CanChangeIro ? Iros.SingleOrDefault(s => s.Id == Input.IroId) : Child.Iro;
        var socialWorker = SocialWorkers.SingleOrDefault(s => s.Id == Input.SocialWorkerId);
        if (CanChangeIro && Input.IroId is not null && iro is null)
        {
            ModelState.AddModelError("Input.IroId", "Select an IRO from the list");
        }

        if (socialWorker is null)
        {
            ModelState.AddModelError("Input.SocialWorkerId", "Select a social worker from the list");
        }

        if (from > Today)
        {
            ModelState.AddModelError("Input.From", "The date of the change must be today or in the past");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var child = Child;
        if (!await TryApplyAsync(Input.Version, () => child.Allocate(iro, socialWorker, from),
                AuditAction.ChildReallocated, () => $"iro:{iro?.Id};sw:{socialWorker?.Id}"))
        {
            await LoadStaffAsync();
            return Page();
        }

        TempData["Success"] = $"Allocation changed from {GovukDate.Format(from!.Value)}";
        return RedirectToPage("/Children/Details", new { id });
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await LoadChildAsync(id) is null)
        {
            return false;
        }

        await LoadStaffAsync();
        return true;
    }

    private async Task LoadStaffAsync()
    {
        Iros = await AllocationChoices.IrosAsync(Db);
        SocialWorkers = await AllocationChoices.SocialWorkersAsync(Db, User);
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public int? IroId { get; set; }
        public int? SocialWorkerId { get; set; }
        public DateInput? From { get; set; }
    }
}
