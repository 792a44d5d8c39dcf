using System.Runtime.CompilerServices;
using CareReview.Web.Output;

namespace CareReview.Web.Features.Audit;

/// <summary>
/// The audit log for a range of days in England, as CSV, with each row's place in the hash chain and its
/// hashes, so that whoever receives the file can check the rows in it have not been changed (ADR-0023).
/// </summary>
public static class AuditExport
{
    /// <summary>
    /// A year (a leap year's included) is the longest range one download covers: every page view is a row,
    /// so a longer range could run to millions of rows, and a year is the longest period anyone has asked for.
    /// </summary>
    public const int MostDays = 366;

    private static readonly TimeZoneInfo s_england = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static readonly IReadOnlyList<string> Header =
        ["id", "occurred_at_utc", "user_id", "user_name", "action", "child_id", "details", "sequence", "previous_hash", "hash"];

    /// <summary>What is wrong with the range, as a message for the field to change, or null when it can be downloaded.</summary>
    public static (string Field, string Message)? Problem(DateOnly from, DateOnly to, DateOnly today)
    {
        if (to < from)
        {
            return ("To", "The end date must be the same as or after the start date");
        }

        if (DateRules.NotInTheFuture(to, today, "The end date", "To") is { } future)
        {
            return (future.Field ?? "To", future.Message);
        }

        return to.DayNumber - from.DayNumber + 1 > MostDays
            ? ("From", "The start date must be no more than a year before the end date. Download a longer period a year at a time")
            : null;
    }

    /// <summary>The instants the range covers: from midnight in England at its start to midnight after its end.</summary>
    public static (DateTime FromUtc, DateTime BeforeUtc) Instants(DateOnly from, DateOnly to) =>
        (TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), s_england),
            TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), s_england));

    public static string FileName(DateOnly from, DateOnly to) => $"audit-log-{Csv.Date(from)}-to-{Csv.Date(to)}.csv";

    /// <summary>The rows, oldest first, read as they are written out so that a year of them is never all in memory.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<string?>> RowsAsync(IQueryable<AuditEvent> events,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in events.OrderBy(e => e.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return
            [
                e.Id.ToString(CultureInfo.InvariantCulture),
                DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
                e.UserId,
                e.UserName,
                e.Action.ToString(),
                e.ChildId?.ToString(CultureInfo.InvariantCulture),
                e.Details,
                e.Sequence?.ToString(CultureInfo.InvariantCulture),
                e.PreviousHash,
                e.Hash,
            ];
        }
    }
}
