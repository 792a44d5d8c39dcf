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
    public const string UnknownChildMessage =
        "No emergency access was given: no child matches this local reference and family name. Check both and try again";

    /// <summary>One access at a time: a second child while one lasts is not an emergency about that child.</summary>
    public const int MostRunningAtOnce = 1;

    /// <summary>A day's cap, so that references (which run in sequence) cannot be tried one after another.</summary>
    public const int MostPerDay = 3;

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

        var familyName = Input.FamilyName?.Trim() ?? "";
        if (familyName.Length == 0)
        {
            ModelState.AddModelError("Input.FamilyName", "Enter the child's family name");
        }
        else if (familyName.Length > BreakGlassGrant.MaxNameLength)
        {
            ModelState.AddModelError("Input.FamilyName", $"A family name is {BreakGlassGrant.MaxNameLength} characters or fewer");
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

        // The limits come before the child is looked up, so that someone at their limit learns nothing about any child.
        if (await LimitReachedAsync() is { } limit)
        {
            audit.Record(AuditAction.BreakGlassNotGranted, details: $"local-id:{localId};{limit}");
            await db.SaveChangesAsync();
            await LoadAsync();
            return Page();
        }

        // The reference exactly and the family name as well: references run in sequence, so one alone is easily guessed.
        var found = await db.Children.Where(c => c.LocalId == localId).Select(c => new { c.Id, c.FamilyName }).SingleOrDefaultAsync();
        var childId = found?.Id;
        if (found is null || !string.Equals(found.FamilyName.Trim(), familyName, StringComparison.OrdinalIgnoreCase))
        {
            // A wrong family name is answered as an unknown reference, and kept against the child so that the log shows who tried.
            audit.Record(AuditAction.BreakGlassNotGranted, childId, $"local-id:{localId};" + (found is null ? "no-such-child" : "family-name-differs"));
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

        var grant = new BreakGlassGrant(me, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", found.Id, Input.Reason,
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

    /// <summary>Says beside the reference why no more access may be asked for now, and returns what the audit keeps; null when it may.</summary>
    private async Task<string?> LimitReachedAsync()
    {
        if (await db.EmergencyAccessOf(User, time).CountAsync() >= MostRunningAtOnce)
        {
            ModelState.AddModelError("Input.LocalId",
                "You already have emergency access to a child's record. Wait until it ends, or ask the IRO manager to end it, before you ask for another");
            return "one-already-running";
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var dayStarted = time.StartOfTodayInEngland();
        if (await db.BreakGlassGrants.CountAsync(g => g.UserId == userId && g.StartedAtUtc >= dayStarted) >= MostPerDay)
        {
            ModelState.AddModelError("Input.LocalId",
                $"You have asked for emergency access {MostPerDay} times today, which is the most allowed in a day. Ask the IRO manager or the child's team for the record");
            return "most-today";
        }

        return null;
    }

    private async Task LoadAsync() =>
        Current = await db.EmergencyAccessOf(User, time).OrderBy(g => g.EndsAtUtc)
            .Join(db.Children, g => g.ChildId, c => c.Id, (g, c) => new Lasting(c.Id, c.GivenName + " " + c.FamilyName, c.LocalId, g.EndsAtUtc))
            .ToListAsync();

    public sealed record Lasting(int ChildId, string Name, string LocalId, DateTime EndsAtUtc);

    public sealed class InputModel
    {
        public string? LocalId { get; set; }
        public string? FamilyName { get; set; }
        public string? Reason { get; set; }
        public bool Confirmed { get; set; }
    }
}
