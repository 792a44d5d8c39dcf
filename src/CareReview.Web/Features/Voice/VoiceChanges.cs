using CareReview.Domain;
using CareReview.Domain.Voice;
using CareReview.Web.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Web.Features.Voice;

/// <summary>Saving views, a review card or a follow-up: the domain rule, the audit event and one save.</summary>
public static class VoiceChanges
{
    public const string ConcurrencyMessage =
        "This was changed somewhere else while you were writing. What you wrote has not been saved. Check what is here now and try again";

    /// <summary>Puts every problem with the views beside its field; true when there are none.</summary>
    public static bool CheckDraft(ModelStateDictionary state, ViewsDraft draft)
    {
        foreach (var problem in ReviewViews.Problems(draft))
        {
            state.AddModelError(InputKey(problem), problem.Message);
        }

        return state.IsValid;
    }

    /// <summary>
    /// Runs the change (which adds its own audit event) and saves once. <paramref name="existing"/> is the
    /// row being changed, if any, checked against the version the form was shown so no edit is lost.
    /// </summary>
    public static async Task<bool> TrySaveAsync(AppDbContext db, ModelStateDictionary state, object? existing, long seenVersion, Action change)
    {
        if (existing is not null)
        {
            db.Entry(existing).Property("Version").OriginalValue = seenVersion;
        }

        try
        {
            change();
            await db.SaveChangesAsync();
            return true;
        }
        catch (DomainRuleException e)
        {
            state.AddModelError(InputKey(e), e.Message);
        }
        catch (DbUpdateException)
        {
            // A lost race: an edit of the same row, or a second card for a review that has one.
            state.AddModelError("", ConcurrencyMessage);
        }

        db.ChangeTracker.Clear();
        return false;
    }

    private static string InputKey(DomainRuleException e) => e.Field is null ? "" : $"Input.{e.Field}";
}
