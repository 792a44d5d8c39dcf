using System.Security.Claims;

namespace CareReview.Web.Features.BreakGlass;

/// <summary>
/// Emergency ("break-glass") access (ADR-0028): a member of staff who needs the record of a child they do not
/// work with names the child by their exact local reference, gives a reason and confirms; they may then see the
/// record for <c>BreakGlass:Hours</c>, and the IRO manager reviews the use. There is no search here: a child
/// is found by the whole reference or not at all, so the page cannot be used to list children.
/// </summary>
[Requires(Permission.AskForEmergencyAccess)]
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time, IConfiguration configuration) : PageModel
{
    public const string UnknownChildMessage = "No emergency access was given: no child has this local reference. Check it and try again";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public TimeSpan Length => BreakGlassSettings.LengthIn(configuration);

    /// <summary>The user's emergency access that lasts now.</summary>
    public IReadOnlyList<Lasting> Current { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.StaffMemberId() is null)
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.StaffMemberId() is not { } me)
        {
            return NotFound();
        }

        // Every field is checked before the reference is looked up: an incomplete request learns nothing about any child.
        var localId = Input.LocalId?.Trim() ?? "";
        if (localId.Length == 0)
        {
            ModelState.AddModelError("Input.LocalId", "Enter the child's local reference");
        }
        else if (localId.Length > 20)
        {
            ModelState.AddModelError("Input.LocalId", "A local reference is 20 characters or fewer");
        }

        try
        {
            BreakGlassGrant.ReasonGiven(Input.Reason);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError("Input.Reason", e.Message);
        }

        if (!Input.Confirmed)
        {
            ModelState.AddModelError("Input.Confirmed", "Confirm that you need this record now and that the IRO manager will review this use");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var childId = await db.Children.Where(c => c.LocalId == localId).Select(c => (int?)c.Id).SingleOrDefaultAsync();
        if (childId is null)
        {
            audit.Record(AuditAction.BreakGlassNotGranted, details: $"local-id:{localId};no-such-child");
            await db.SaveChangesAsync();
            ModelState.AddModelError("Input.LocalId", UnknownChildMessage);
            await LoadAsync();
            return Page();
        }

        if (await db.ChildrenVisibleTo(User, time).AnyAsync(c => c.Id == childId))
        {
            // They see the child already, so saying so tells them nothing new.
            audit.Record(AuditAction.BreakGlassNotGranted, childId, "already-visible");
            await db.SaveChangesAsync();
            TempData["Success"] = "You can already see this child's record, so no emergency access was needed";
            return RedirectToPage("/Children/Details", new { id = childId });
        }

        var grant = new BreakGlassGrant(me, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", childId.Value, Input.Reason,
            time.GetUtcNow().UtcDateTime, Length);
        var saved = await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, null, 0, () => db.BreakGlassGrants.Add(grant),
            () => [new Audited(AuditAction.BreakGlassGranted, grant.ChildId,
                $"grant:{grant.Id};until:{grant.EndsAtUtc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)};reason:{grant.Reason}")]);
        if (saved != ChangeResult.Saved)
        {
            await LoadAsync();
            return Page();
        }

        return RedirectToPage("/Children/Details", new { id = grant.ChildId });
    }

    private async Task LoadAsync() =>
        Current = await db.EmergencyAccessOf(User, time).OrderBy(g => g.EndsAtUtc)
            .Join(db.Children, g => g.ChildId, c => c.Id, (g, c) => new Lasting(c.Id, c.GivenName + " " + c.FamilyName, c.LocalId, g.EndsAtUtc))
            .ToListAsync();

    public sealed record Lasting(int ChildId, string Name, string LocalId, DateTime EndsAtUtc);

    public sealed class InputModel
    {
        public string? LocalId { get; set; }
        public string? Reason { get; set; }
        public bool Confirmed { get; set; }
    }
}
