using CareReview.Domain.Children;

namespace CareReview.Domain.Staff;

/// <summary>
/// How often a child's IRO changed (statutory-rules.md §6.2: keep the same IRO where practicable). A change
/// is a move from one named IRO to a different named IRO: rows where only the social worker changed are
/// the same IRO, and a gap with no IRO is not a change (A, none, A is none; A, none, B is one).
/// </summary>
public static class IroContinuity
{
    /// <summary>
    /// The changes of IRO in the history, or only those dated from <paramref name="from"/> to
    /// <paramref name="to"/> (inclusive) when given; a change with no recorded date counts only without a range.
    /// </summary>
    public static int Changes(IEnumerable<Allocation> history, DateOnly? from = null, DateOnly? to = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var ranged = from is not null || to is not null;
        var changes = 0;
        Allocation? last = null;

        // Stable: rows of the same day keep the order they were recorded in; an unknown date comes first.
        foreach (var row in history.Where(Named).OrderBy(a => a.From ?? DateOnly.MinValue))
        {
            if (last is not null && !SameIro(last, row)
                && (!ranged || (row.From is { } on && (from is null || on >= from) && (to is null || on <= to))))
            {
                changes++;
            }

            last = row;
        }

        return changes;
    }

    /// <summary>The IRO named last in the history, as a child returning to care would be offered them; null if none.</summary>
    public static Allocation? LastNamed(IEnumerable<Allocation> history) =>
        history.Where(Named).OrderBy(a => a.From ?? DateOnly.MinValue).LastOrDefault();

    private static bool Named(Allocation a) => a.IroId is not null || !string.IsNullOrWhiteSpace(a.IroName);

    // By id when both rows have a saved one; otherwise (brought in by name, or not yet saved) by name.
    private static bool SameIro(Allocation a, Allocation b) =>
        a.IroId is > 0 && b.IroId is > 0 ? a.IroId == b.IroId : string.Equals(a.IroName, b.IroName, StringComparison.Ordinal);
}
