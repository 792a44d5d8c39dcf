using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Web.Auditing;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Web.Features.Children;

/// <summary>How every change to a child's record is applied: the domain rule, the audit event and one save.</summary>
public static class ChildChanges
{
    public const string ConcurrencyMessage =
        "Someone else changed this child's record while you were working on it. Your change has not been saved. Check the record below and try again";

    /// <summary>
    /// Runs the domain change, records the audit event and saves them together. Rule breaks become
    /// messages beside their field; a save that lost a race with another user is refused whole.
    /// </summary>
    public static async Task<bool> TryApplyAsync(this AppDbContext db, ModelStateDictionary state, Child child, long seenVersion,
        Action change, AuditLog audit, AuditAction action, Func<string>? details = null)
    {
        db.Entry(child).Property(c => c.Version).OriginalValue = seenVersion;
        try
        {
            change();
        }
        catch (DomainRuleException e)
        {
            state.AddModelError(e.Field is null ? "" : $"Input.{e.Field}", e.Message);
            return false;
        }

        audit.Record(action, child.Id, details?.Invoke());
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            state.AddModelError("", ConcurrencyMessage);
            return false;
        }
    }
}
