using CareReview.Domain.Reports;

namespace CareReview.Web.Features.Api;

// What the API answers and accepts. Names are written in snake_case, and follow the Standard Safeguarding Dataset's
// columns without their table prefix where the SSD has the field (pers_person_id is person_id, clar_cla_review_date is
// cla_review_date; docs/ssd, Features/Ssd/SsdTables.cs). Codes are the DfE's (SSDA903) as strings.

/// <summary>One page of a list, with the address of the next page while there is one.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total, string? Next);

public sealed record ChildJson(
    int Id, string PersonId, string Forename, string Surname, Sex Sex, DateOnly Dob, Ethnicity? Ethnicity, string? Upn,
    bool LookedAfter, LegalStatus? LegalStatus, DateOnly? ClaReviewDueDate, StaffJson? Iro, StaffJson? SocialWorker,
    long Version, DateTime? UpdatedAt);

public sealed record StaffJson(int ProfessionalId, string ProfessionalName);

public sealed record EpisodeJson(
    int ClaEpisodeId, DateOnly ClaEpisodeStartDate, ReasonForNewEpisode ClaEpisodeStartReason, CategoryOfNeed ClaPrimaryNeedCode,
    LegalStatus LegalStatus, PlacementType ClaPlacementType, PlacementProvider? ClaPlacementProvider,
    DateOnly? ClaEpisodeCeasedDate, ReasonEpisodeCeased? ClaEpisodeCeasedReason);

public sealed record ReviewJson(
    int ClaReviewId, ReviewState State, DateOnly ClaReviewDueDate, DateOnly? ScheduledDate, string? StartsAt, string? Venue,
    DateOnly? ClaReviewDate, ParticipationCode? ClaReviewParticipation, DateOnly? DecisionsIssuedDate, DateOnly? RecordIssuedDate)
{
    public static ReviewJson From(Review r) => new(r.Id, r.State, r.DueOn, r.ScheduledFor,
        r.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture), r.Venue, r.HeldOn, r.ParticipationCode, r.DecisionsIssuedOn, r.RecordIssuedOn);
}

public sealed record RecommendationJson(
    int RecommendationId, int ClaReviewId, string Action, DateOnly MadeDate, DateOnly DueDate, string OwnerName, string OwnerRole,
    int? OwnerProfessionalId, string Monitoring, RecommendationStatus Status, DateOnly? CompletedDate, int? CarriedForwardFromId,
    IReadOnlyList<CaseTheme> Themes, IReadOnlyList<RecommendationNoteJson> Notes)
{
    public static RecommendationJson From(Recommendation r) => new(r.Id, r.ReviewId, r.Action, r.MadeOn, r.DueOn, r.OwnerName, r.OwnerRole,
        r.OwnerStaffId, r.Monitoring, r.Status, r.CompletedOn, r.CarriedForwardFromId, CaseThemes.FromCodes(r.ThemeCodes),
        [.. r.Updates.OrderBy(u => u.On).ThenBy(u => u.Id).Select(u => new RecommendationNoteJson(u.On, u.Kind, u.Note, u.By))]);
}

public sealed record RecommendationNoteJson(DateOnly Date, RecommendationUpdateKind Kind, string Note, string By);

public sealed record DeadlineJson(StatutoryItem Item, DateOnly DueDate, string RuleId, string RuleVersion, string Explanation, DateOnly? LastDoneDate, DateOnly? DoneDate);

public sealed record EscalationJson(
    int EscalationId, int ChildId, int? ClaReviewId, ConcernCategory ConcernCategory, IReadOnlyList<CaseTheme> Themes, DateOnly RaisedDate,
    DateOnly NeededByDate, EscalationState State, int StageReached, IReadOnlyList<EscalationStageJson> Stages,
    EscalationOutcome? EscalationOutcome, DateOnly? EscalationClosedDate, long Version)
{
    public static EscalationJson From(Escalation e) => new(e.Id, e.ChildId, e.ReviewId, e.Category, CaseThemes.FromCodes(e.ThemeCodes), e.RaisedOn,
        e.NeededBy, e.State, e.StageReached,
        [.. e.Stages.Select(s => new EscalationStageJson(s.Number, s.Level, s.OpenedOn, s.ResponseDueOn, s.RespondedOn, s.Decision, s.DecidedOn))],
        e.Outcome, e.ClosedOn, e.Version);
}

public sealed record EscalationStageJson(int Stage, string StageLevel, DateOnly StageStartDate, DateOnly StageResponseDueDate,
    DateOnly? StageResponseDate, StageDecision? StageDecision, DateOnly? StageEndDate);

/// <summary>Arranges the review to come, or changes the one arranged. <c>version</c> is the child's, as last read.</summary>
public sealed record ArrangeReviewRequest(DateOnly? Date, string? StartsAt, string? Venue, string? Invitees, string? LatenessReason, long? Version);

/// <summary>
/// What the IRO records about a review held. <c>outcomes</c> says what became of each recommendation still open, keyed
/// by its id; <c>considerations</c> are keyed by Schedule 7 paragraph. <c>version</c> is the child's, as last read.
/// </summary>
public sealed record RecordReviewRequest(
    DateOnly? ClaReviewDate, ParticipationCode? ClaReviewParticipation, IReadOnlyList<ParticipationMeans>? ParticipationMeans,
    string? Attendees, string? ChildWishesAndFeelings, string? ParentsViews, string? IroView, IReadOnlyDictionary<int, string>? Considerations,
    string? LetterToChild, IReadOnlyList<RecommendationRequest>? Recommendations, IReadOnlyDictionary<int, OutcomeRequest>? Outcomes, long? Version);

public sealed record RecommendationRequest(string? Action, int? OwnerProfessionalId, string? OwnerName, string? OwnerRole, DateOnly? DueDate,
    string? Monitoring, IReadOnlyList<CaseTheme>? Themes);

public sealed record OutcomeRequest(RecommendationStatus? Outcome, string? Note, DateOnly? NewDueDate);

/// <summary>Progress on a recommendation, or that it is done (<c>done</c>). <c>version</c> is the child's, as last read.</summary>
public sealed record ProgressRequest(DateOnly? Date, string? Note, bool? Done, long? Version);

/// <summary>The child's views before their review (the SSD's voch_ columns where it has them).</summary>
public sealed record ViewsRequest(string? GoingWell, string? NotGoingWell, string? WantToChange, string? WhoIWantThere, string? WhereAndWhen,
    bool? TalkToIroAlone, bool? WantAdvocate, bool? WillAttend);

public sealed record ViewsJson(int ViewsId, int ClaReviewId, DateOnly ReceivedDate);
