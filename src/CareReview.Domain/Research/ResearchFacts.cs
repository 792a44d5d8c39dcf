using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Voice;

namespace CareReview.Domain.Research;

/// <summary>
/// What the research extract needs to know of one child, read from the database by the page. It holds ids
/// and dates to work from, never names or text; only what <see cref="ResearchExtract"/> derives is written.
/// </summary>
public sealed record ResearchChildFacts(
    int ChildId,
    Sex Sex,
    DateOnly DateOfBirth,
    IReadOnlyList<EpisodeFact> Episodes,
    IReadOnlyList<AllocationFact> Allocations,
    IReadOnlyList<ReviewFact> Reviews,
    IReadOnlyList<RecommendationFact> Recommendations,
    IReadOnlyList<EscalationFact> Escalations,
    IReadOnlyList<DateOnly> CafcassReferrals);

/// <summary>A care episode; <paramref name="EndedOn"/> is the day the episode ended (the next one, if any, starts that day).</summary>
public sealed record EpisodeFact(DateOnly StartedOn, DateOnly? EndedOn, ReasonForNewEpisode Reason, LegalStatus LegalStatus,
    CategoryOfNeed CategoryOfNeed, PlacementType PlacementType);

/// <summary>An entry of the allocation history, in the order it was made: the IRO from that day (null From: from the start).</summary>
public sealed record AllocationFact(DateOnly? From, int? IroId);

/// <summary>A held review.</summary>
public sealed record ReviewFact(DateOnly HeldOn, DateOnly DueOn, string DueRuleId, ParticipationCode? Participation,
    ParticipationMeans Means, bool SeenAloneBefore, ReviewRating? Rating);

public sealed record RecommendationFact(DateOnly MadeOn, DateOnly DueOn, RecommendationStatus Status, DateOnly? CompletedOn);

/// <summary>An escalation, and the highest formal stage it reached (0: resolved informally or not yet formal).</summary>
public sealed record EscalationFact(DateOnly RaisedOn, int StageReached);
