using CareReview.Domain.Children;

namespace CareReview.Domain.Reviews;

/// <summary>
/// The IRO's agenda, built from the record so nothing is typed twice: what the last review asked for and
/// where each stands, what has changed since, and the Schedule 7 considerations.
/// </summary>
public sealed record ReviewAgenda(
    DateOnly? LastReviewOn,
    IReadOnlyList<Recommendation> LastReviewRecommendations,
    IReadOnlyList<Recommendation> StillOpenFromEarlier,
    IReadOnlyList<CareEpisode> ChangesSince,
    IReadOnlyList<Allocation> AllocationChangesSince,
    IReadOnlyList<Schedule7.Consideration> Considerations)
{
    public static ReviewAgenda For(Child child)
    {
        var held = child.Reviews.Where(r => r.IsHeld).OrderBy(r => r.HeldOn).ToList();
        var last = held.LastOrDefault();
        var since = last?.HeldOn ?? child.CurrentPeriodStart() ?? DateOnly.MinValue;
        var fromLast = last?.Recommendations.ToList() ?? [];
        var earlier = held.Take(Math.Max(0, held.Count - 1)).SelectMany(r => r.Recommendations).Where(r => r.IsOpen).ToList();
        var changes = child.Episodes.Where(e => e.StartedOn > since || e.EndedOn > since).OrderBy(e => e.StartedOn).ToList();
        var allocations = child.Allocations.Where(a => a.From > since).OrderBy(a => a.From).ToList();
        return new ReviewAgenda(last?.HeldOn, fromLast, earlier, changes, allocations, Schedule7.Considerations);
    }
}
