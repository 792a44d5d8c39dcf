using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Reviews;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReview.Web.Features.Children;

/// <summary>
/// What every page about one child shares: the child, loaded only if the user may see them (404
/// otherwise), with episodes, allocations, reviews and recommendations; today's date and the calendar;
/// and one way to apply a change (the domain rule, the audit event, one save, lost races refused).
/// </summary>
public abstract class ChildPageModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars) : PageModel
{
    protected AppDbContext Db => db;
    protected AuditLog Audit => audit;

    public Child Child { get; private set; } = null!;
    public DateOnly Today => time.TodayInEngland();
    public DateTimeOffset Now => time.GetUtcNow();
    public WorkingDayCalendar Calendar => calendars.Current;
    public Rulebook Rules => calendars.Rules;

    /// <summary>The child's IRO and the IRO manager chair and record reviews.</summary>
    public bool CanChair => User.IsInRole(Roles.IroManager) || (User.IsInRole(Roles.Iro) && Child.IroId == User.StaffMemberId());

    protected async Task<Child?> LoadChildAsync(int id)
    {
        var child = await db.LoadVisibleChildAsync(User, id, audit);
        if (child is not null)
        {
            Child = child;
        }

        return child;
    }

    protected Review? FindReview(int reviewId) => Child.Reviews.SingleOrDefault(r => r.Id == reviewId);

    /// <summary>Applies the change with its audit event in one save; rule breaks and lost races become messages.</summary>
    protected async Task<bool> TryApplyAsync(long seenVersion, Action change, AuditAction action, Func<string>? details = null)
    {
        var saved = await ChildChanges.TryApplyAsync(db, ModelState, Child, seenVersion, () =>
        {
            change();

            // Any change may move a statutory deadline (a placement, a visit, a review), so they are all
            // worked out again, from the whole record this page loaded, in the same save.
            Child.RecalculateDeadlines(Today, Rules);
        }, audit, action, details);
        if (!saved)
        {
            var id = Child.Id;
            db.ChangeTracker.Clear();
            await LoadChildAsync(id);
            _refusedAsStale = ModelState.TryGetValue("", out var entry) && entry.Errors.Any(e => e.ErrorMessage == ChildChanges.ConcurrencyMessage);
        }

        return saved;
    }

    private bool _refusedAsStale;

    /// <summary>
    /// The version a form carries: the one the user was shown, except after "someone else changed this
    /// record", when the page now shows the record as saved and a second try must be able to succeed.
    /// </summary>
    public long FormVersion(long posted) => _refusedAsStale ? Child.Version : posted;

    /// <summary>Answers "Page not found" and records the refusal, as a refused child is.</summary>
    protected async Task<IActionResult> RefuseAsync(string details)
    {
        // A child the user may not see was refused, and audited, when it was loaded.
        if (Child is not null)
        {
            audit.Record(AuditAction.AccessRefused, Child.Id, details);
            await db.SaveChangesAsync();
        }

        return NotFound();
    }

    protected IActionResult BackToChild(string message)
    {
        TempData["Success"] = message;
        return RedirectToPage("/Children/Details", new { id = Child.Id });
    }
}
