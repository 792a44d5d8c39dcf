using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace CareReview.Web.Records;

/// <summary>What became of a change: saved, refused by a rule (the message is beside its field), lost a race, or already saved from the same form.</summary>
public enum ChangeResult
{
    Saved,
    RuleBroken,
    LostRace,
    AlreadySent,
}

/// <summary>The audit event a change is saved with.</summary>
public sealed record Audited(AuditAction Action, int? ChildId, string? Details = null);

/// <summary>
/// The one way a change to a record is saved, whatever the record (a child, an escalation, a referral, views
/// or a review card): the domain rule runs, and the change and its audit events are written in one
/// transaction, so neither is ever saved without the other. A broken rule becomes a message beside its field.
/// A save that lost a race with someone else is refused whole, with one message; nothing of it stays in memory.
/// The form's one-time token (<see cref="FormToken"/>) is saved with the change, so a form sent twice is saved once.
/// </summary>
public sealed class RecordChanges(AppDbContext db, AuditLog audit, HttpRequest? request = null)
{
    public const string ConcurrencyMessage =
        "Someone else changed this while you were working on it. Your change has not been saved. Check what is shown now and try again";

    private const int SqliteUnique = 2067;
    private const int SqlitePrimaryKey = 1555;

    public const string AlreadySentMessage =
        "This form was sent more than once. It has been saved once: check what is shown now";

    /// <param name="state">Where the messages go: a rule's beside its field (<c>Input.Field</c>), a lost race at the top.</param>
    /// <param name="record">The row the user saw, checked against <paramref name="seenVersion"/>; null when the change only adds rows or its rows guard themselves.</param>
    /// <param name="seenVersion">The version of <paramref name="record"/> the form was shown.</param>
    /// <param name="change">The domain change; it may throw <see cref="DomainRuleException"/>.</param>
    /// <param name="audited">
    /// The audit events, worked out once the change is written (inside the transaction), so that they can name
    /// the rows it added.
    /// </param>
    public async Task<ChangeResult> TryApplyAsync(ModelStateDictionary state, object? record, long seenVersion, Action change,
        Func<IEnumerable<Audited>> audited)
    {
        var token = request is null ? null : FormToken.In(request);
        if (token is not null && await db.FormSubmissions.AnyAsync(s => s.Token == token))
        {
            return AlreadySent(state);
        }

        if (record is not null)
        {
            db.Entry(record).Property("Version").OriginalValue = seenVersion;
        }

        try
        {
            change();
            if (token is not null)
            {
                db.FormSubmissions.Add(new FormSubmission
                {
                    Token = token,
                    SavedAtUtc = request!.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
                });
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            foreach (var entry in audited())
            {
                audit.Record(entry.Action, entry.ChildId, entry.Details);
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return ChangeResult.Saved;
        }
        catch (DomainRuleException e)
        {
            state.AddModelError(e.Field is null or "" ? "" : $"Input.{e.Field}", e.Message);
            db.ChangeTracker.Clear();
            return ChangeResult.RuleBroken;
        }
        catch (Exception e) when (e is DbUpdateConcurrencyException || IsLostRaceToAdd(e))
        {
            db.ChangeTracker.Clear();

            // The same form sent twice at once: one send saved it, and this one lost the race to the token.
            if (token is not null && await db.FormSubmissions.AnyAsync(s => s.Token == token))
            {
                return AlreadySent(state);
            }

            state.AddModelError("", ConcurrencyMessage);
            return ChangeResult.LostRace;
        }
    }

    private ChangeResult AlreadySent(ModelStateDictionary state)
    {
        state.AddModelError("", AlreadySentMessage);
        db.ChangeTracker.Clear();
        return ChangeResult.AlreadySent;
    }

    /// <summary>
    /// Two people adding the one row a unique index allows (a review's card, a person's views): the second
    /// lost the same race a stale version loses, though the database reports it as a duplicate key. Any
    /// other failure is a fault, not a race, and is not hidden behind this message.
    /// </summary>
    private static bool IsLostRaceToAdd(Exception e) =>
        e is DbUpdateException { InnerException: SqliteException { SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } };
}
