namespace CareReview.Web.Features.BreakGlass;

/// <summary>
/// One use of emergency access: the IRO manager records whether it was appropriate, with a note, once it has
/// ended, or ends it now. Saved with its audit event and checked against the version shown (ADR-0005).
/// </summary>
[Requires(Permission.ReviewEmergencyAccess)]
public sealed class ReviewModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public BreakGlassUse Use { get; private set; } = null!;
    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;
    public bool Lasting => Use.EndsAtUtc > NowUtc;

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await FindAsync(id) is not { } grant)
        {
            return NotFound();
        }

        Input = new InputModel { Version = grant.Version };
        audit.Record(AuditAction.BreakGlassUseViewed, grant.ChildId, $"grant:{grant.Id}");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await FindAsync(id) is not { } grant)
        {
            return NotFound();
        }

        var saved = await ApplyAsync(grant, () => grant.Review(Input.Outcome, Input.ReviewNote, User.DisplayName(), NowUtc),
            AuditAction.BreakGlassReviewed, $"grant:{grant.Id};outcome:{Input.Outcome}");
        return saved ? Done($"The use by {Use.StaffName} is recorded as {BreakGlassUse.Describe(Input.Outcome!.Value).ToLowerInvariant()}") : Page();
    }

    /// <summary>The IRO manager ends the access now; the use stays to be reviewed.</summary>
    public async Task<IActionResult> OnPostEndAsync(int id)
    {
        if (await FindAsync(id) is not { } grant)
        {
            return NotFound();
        }

        var saved = await ApplyAsync(grant, () => grant.EndEarly(User.DisplayName(), NowUtc), AuditAction.BreakGlassEndedEarly, $"grant:{grant.Id}");
        if (!saved)
        {
            return Page();
        }

        TempData["Success"] = $"{Use.StaffName}'s emergency access to {Use.ChildName}'s record has ended";
        return RedirectToPage("/BreakGlass/Review", new { id });
    }

    private async Task<bool> ApplyAsync(BreakGlassGrant grant, Action change, AuditAction action, string details)
    {
        var result = await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, grant, Input.Version, change,
            () => [new Audited(action, grant.ChildId, details)]);
        if (result == ChangeResult.Saved)
        {
            return true;
        }

        // Shown again as saved; after someone else's change, a second try with what is shown now must be able to succeed.
        var current = await FindAsync(grant.Id);
        if (result is ChangeResult.LostRace or ChangeResult.AlreadySent)
        {
            Input.Version = current!.Version;
        }

        return false;
    }

    private IActionResult Done(string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("/BreakGlass/Reviews");
    }

    private async Task<BreakGlassGrant?> FindAsync(int id)
    {
        var grant = await db.BreakGlassGrants.SingleOrDefaultAsync(g => g.Id == id);
        if (grant is not null)
        {
            Use = await BreakGlassUse.Of(db.BreakGlassGrants.Where(g => g.Id == id), db).SingleAsync();
        }

        return grant;
    }

    public sealed class InputModel
    {
        public BreakGlassOutcome? Outcome { get; set; }
        public string? ReviewNote { get; set; }
        public long Version { get; set; }
    }
}
