using CareReview.Domain.Deadlines;
using CareReview.Domain.Reviews;

namespace CareReview.Domain.Children;

/// <summary>An episode as a DfE looked-after return gives it (episodes.csv), already read into codes.</summary>
public sealed record ReturnedEpisode(
    DateOnly StartedOn,
    ReasonForNewEpisode ReasonForNewEpisode,
    LegalStatus LegalStatus,
    CategoryOfNeed CategoryOfNeed,
    PlacementType PlacementType,
    PlacementDetails Placement,
    DateOnly? EndedOn,
    ReasonEpisodeCeased? ReasonEnded,
    ReasonForPlacementChange? ReasonForPlacementChange);

/// <summary>A review as a return gives it (reviews.csv).</summary>
public sealed record ReturnedReview(DateOnly HeldOn, ParticipationCode? ParticipationCode);

public sealed partial class Child
{
    /// <summary>
    /// A child's record from an earlier system's DfE returns: their details, the chain of episodes and the
    /// reviews held. Unlike recording them one by one in the app, history is accepted as the DfE accepts
    /// it (a review on the fourth birthday may carry either code). When the first episode continues a period
    /// already begun (reason for new episode other than S), <see cref="HistoryStartsOn"/> says so.
    /// </summary>
    public static Child FromReturn(string localId, string givenName, string familyName, DateOnly dateOfBirth, Sex sex,
        ChildReturnDetails details, IReadOnlyList<ReturnedEpisode> episodes, IReadOnlyList<ReturnedReview> reviews,
        DateOnly today, Rulebook rules)
    {
        var child = new Child(localId, givenName, familyName, dateOfBirth, sex);
        child.RecordReturnDetails(details, today);
        child._episodes.AddRange(ChainOfEpisodes(episodes, dateOfBirth, today));
        child.HistoryStartsOn = HistoryStart(child._episodes);
        foreach (var review in reviews.OrderBy(r => r.HeldOn))
        {
            child.AddReturnedReview(review, today, rules);
        }

        child.RecalculateReviewClock(rules);
        child.RecalculateDeadlines(today, rules);
        return child;
    }

    /// <summary>
    /// Episodes as a return or the case system gives them, checked as one chain the way the DfE checks it: in
    /// order, none after today, each X1 followed the same day by a change, each new period (S) after the last ended.
    /// </summary>
    private static List<CareEpisode> ChainOfEpisodes(IReadOnlyList<ReturnedEpisode> episodes, DateOnly dateOfBirth, DateOnly today)
    {
        Require(episodes.Count > 0, "The child has no episodes of care", "DECOM");
        var ordered = episodes.OrderBy(e => e.StartedOn).ToList();
        Require(ordered.Select(e => e.StartedOn).Distinct().Count() == ordered.Count, "Two episodes start on the same day", "DECOM");
        var chain = new List<CareEpisode>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var episode = ordered[i];
            var next = i + 1 < ordered.Count ? ordered[i + 1] : null;
            Require(episode.StartedOn >= dateOfBirth, "The episode starts before the child's date of birth", "DECOM");
            Require(episode.StartedOn <= today, "The episode starts after today", "DECOM");
            Require(episode.EndedOn is null == episode.ReasonEnded is null, "The date and the reason the episode ended must both be given, or neither", "DEC");
            Require(episode.EndedOn is null || (episode.EndedOn >= episode.StartedOn && episode.EndedOn <= today),
                "The episode must end on or after the day it started, and not after today", "DEC");
            if (next is null)
            {
                Require(episode.ReasonEnded != ReasonEpisodeCeased.X1, "The last episode ends with X1, but no episode follows it", "REC");
            }
            else if (episode.ReasonEnded == ReasonEpisodeCeased.X1)
            {
                Require(next.StartedOn == episode.EndedOn && next.ReasonForNewEpisode != ReasonForNewEpisode.S,
                    "An episode ending with X1 must be followed by one starting the same day, with a reason other than S", "REC");
            }
            else
            {
                Require(episode.EndedOn is not null, "A later episode starts, but this one has not ended", "DEC");
                Require(next.StartedOn > episode.EndedOn && next.ReasonForNewEpisode == ReasonForNewEpisode.S,
                    "After a period of care ends, the next episode must start a new period (S) on a later day", "RNE");
            }

            var added = new CareEpisode(episode.StartedOn, episode.ReasonForNewEpisode, episode.LegalStatus, episode.CategoryOfNeed,
                episode.PlacementType, episode.Placement.Checked(episode.PlacementType));
            if (episode.EndedOn is { } endedOn)
            {
                added.End(endedOn, episode.ReasonEnded!.Value, episode.ReasonForPlacementChange);
            }

            chain.Add(added);
        }

        return chain;
    }

    /// <summary>When the first episode continues a period already begun (a reason other than S), the day the history held starts.</summary>
    private static DateOnly? HistoryStart(IReadOnlyList<CareEpisode> chain) =>
        chain[0].ReasonForNewEpisode != ReasonForNewEpisode.S ? chain[0].StartedOn : null;

    private void AddReturnedReview(ReturnedReview returned, DateOnly today, Rulebook rules)
    {
        var heldOn = returned.HeldOn;
        Require(heldOn <= today, "The review is after today", "REVIEW");
        Require(_reviews.All(r => r.HeldOn != heldOn), "Two reviews are on the same day", "REVIEW");
        var during = _episodes.LastOrDefault(e => e.StartedOn <= heldOn && (e.EndedOn is null || e.EndedOn >= heldOn))
            ?? throw new DomainRuleException("The review is on a day the child was not looked after", "REVIEW");

        // The period the review belongs to began with the latest S episode before it, or before the history.
        var periodStart = _episodes.Where(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S && e.StartedOn <= heldOn)
            .Max(e => (DateOnly?)e.StartedOn) ?? _episodes[0].StartedOn;
        var heldBefore = _reviews.Where(r => r.HeldOn >= periodStart).Select(r => r.HeldOn!.Value).ToList();
        var due = ReviewSchedule.NextReviewDue(periodStart, during.LegalStatus.IsShortBreak(), heldBefore, rules,
            historyNotLoaded: _episodes[0].ReasonForNewEpisode != ReasonForNewEpisode.S && periodStart == _episodes[0].StartedOn);
        _reviews.Add(Review.HeldWithoutArrangement(due, heldOn, returned.ParticipationCode));
    }
}
