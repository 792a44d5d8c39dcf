namespace CareReview.Web.Records;

/// <summary>
/// What every page about one child shares. Before any handler runs, <see cref="RecordFilter"/> has loaded
/// the child (what the page <see cref="ShowsAttribute">shows</see>, or the whole record for a change) if
/// the user may see them and the page <see cref="AdmitsAsync">admits</see> them, and answered 404, audited,
/// otherwise. So a handler starts with <see cref="Child"/> in hand.
/// </summary>
public abstract class ChildPageModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars) : PageModel, IOpenUnderEmergencyAccess
{
    protected AppDbContext Db => db;
    protected AuditLog Audit => audit;
    protected TimeProvider TimeProvider => time;

    public Child Child { get; internal set; } = null!;

    /// <summary>
    /// The user's emergency access to this child that lasts now, when it is the only reason they see the child:
    /// the page says so, and the record is read-only (ADR-0028).
    /// </summary>
    public BreakGlassGrant? EmergencyAccess { get; internal set; }
    public DateOnly Today => time.TodayInEngland();
    public DateTimeOffset Now => time.GetUtcNow();
    public WorkingDayCalendar Calendar => calendars.Current;
    public Rulebook Rules => calendars.Rules;

    /// <summary>Whether the user may do this for this child: under emergency access only, read it.</summary>
    public bool May(Permission permission) =>
        User.MayFor(permission, Child) && (EmergencyAccess is null || Permissions.AllowedUnderEmergencyAccess(permission));

    /// <summary>The child's IRO and the IRO manager chair and record reviews.</summary>
    public bool CanChair => May(Permission.ChairReviews);

    /// <summary>The child the route names: <c>{id}</c> unless the page is about something of the child's (a referral).</summary>
    protected internal virtual Task<int?> ChildIdAsync() =>
        Task.FromResult(int.TryParse(RouteData.Values["id"]?.ToString(), out var id) ? id : (int?)null);

    /// <summary>
    /// Whether this page may be used on this child, once the child is loaded: who the user is to the child,
    /// and the state the page needs (a review still to be held). False answers 404, audited. Pages also load
    /// here whatever else they show, so it runs again after a refused change.
    /// </summary>
    protected internal virtual Task<bool> AdmitsAsync() => Task.FromResult(true);

    /// <summary>What a refusal is audited as: the page, and the review if the page is about one.</summary>
    protected internal virtual string RefusalDetails => $"page:{RecordFilter.PageName(PageContext)}";

    protected Review? FindReview(int reviewId) => Child.Reviews.SingleOrDefault(r => r.Id == reviewId);

    /// <summary>
    /// Applies the change with its audit event in one save (<see cref="RecordChanges"/>). On a refusal the
    /// page shows the record as saved, loaded again, with the message.
    /// </summary>
    protected Task<bool> TryApplyAsync(long seenVersion, Action change, AuditAction action, Func<string>? details = null) =>
        TryApplyToAsync(Child, seenVersion, change, action, details);

    /// <summary>
    /// As <see cref="TryApplyAsync"/>, for a change to another row of the child's (a card, a referral), checked
    /// against the version the form was shown; null for a change whose rows guard themselves.
    /// </summary>
    protected Task<bool> TryApplyToAsync(object? record, long seenVersion, Action change, AuditAction action, Func<string>? details = null) =>
        TryApplyToAsync(record, seenVersion, change, () => [new Audited(action, Child.Id, details?.Invoke())]);

    /// <summary>As <see cref="TryApplyToAsync(object?, long, Action, AuditAction, Func{string}?)"/>, for a change audited as several events.</summary>
    protected async Task<bool> TryApplyToAsync(object? record, long seenVersion, Action change, Func<IEnumerable<Audited>> audited)
    {
        var result = await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, record, seenVersion, change, audited);
        if (result == ChangeResult.Saved)
        {
            return true;
        }

        _refusedAsStale = result is ChangeResult.LostRace or ChangeResult.AlreadySent;
        await ReopenAsync();
        return false;
    }

    /// <summary>Loads the child again, as saved, after a refused change: nothing half-done stays on the page.</summary>
    protected async Task ReopenAsync()
    {
        Child = await ChildRecords.LoadAsync(db, User, time, Child.Id, ChildParts.Whole)
                ?? throw new InvalidOperationException($"Child {Child.Id} can no longer be loaded");
        await ReopenedAsync();
    }

    /// <summary>Runs after the child is loaded again: a page about a review finds it again, and pages reload what else they show.</summary>
    private protected virtual async Task ReopenedAsync() => await AdmitsAsync();

    private bool _refusedAsStale;

    /// <summary>
    /// The version a form carries: the one the user was shown, except after "someone else changed this
    /// record", when the page now shows the record as saved and a second try must be able to succeed.
    /// </summary>
    public long FormVersion(long posted) => _refusedAsStale ? Child.Version : posted;

    /// <summary>Answers "Page not found" for a request this page refuses after it was admitted (a record of the child's it does not have), and audits it.</summary>
    protected async Task<IActionResult> RefuseAsync(string details)
    {
        audit.Record(AuditAction.AccessRefused, Child.Id, details);
        await db.SaveChangesAsync();
        return NotFound();
    }

    protected IActionResult BackToChild(string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("/Children/Details", new { id = Child.Id });
    }
}

/// <summary>
/// A page about a child's record, which the user may see only through emergency access: then
/// <see cref="RecordFilter"/> marks what it audits, refuses any change, and the layout shows the banner.
/// </summary>
public interface IOpenUnderEmergencyAccess
{
    BreakGlassGrant? EmergencyAccess { get; }
}

/// <summary>A page about one of the child's reviews, named <c>{reviewId}</c> on the route: a review the child does not have answers 404.</summary>
public abstract class ReviewPageModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    public Review Review { get; internal set; } = null!;

    public int ReviewId => int.TryParse(RouteData.Values["reviewId"]?.ToString(), out var id) ? id : 0;

    protected internal override string RefusalDetails => $"review:{ReviewId};{base.RefusalDetails}";

    private protected override async Task ReopenedAsync()
    {
        Review = FindReview(ReviewId) ?? throw new InvalidOperationException($"Review {ReviewId} can no longer be loaded");
        await base.ReopenedAsync();
    }
}
