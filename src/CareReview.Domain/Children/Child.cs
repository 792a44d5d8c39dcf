using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;

namespace CareReview.Domain.Children;

/// <summary>
/// A child the council looks after, now or in the past: their care episodes, reviews and the
/// statutory review clock that follows from them.
/// </summary>
public sealed class Child
{
    private readonly List<CareEpisode> _episodes = [];
    private readonly List<Review> _reviews = [];
    private readonly List<Allocation> _allocations = [];

    public int Id { get; private set; }

    /// <summary>The council's own reference for the child (SSDA903 CHILD).</summary>
    public string LocalId { get; private set; } = "";

    public string GivenName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public Sex Sex { get; private set; }

    public int? IroId { get; private set; }
    public StaffMember? Iro { get; private set; }
    public int? SocialWorkerId { get; private set; }
    public StaffMember? SocialWorker { get; private set; }

    /// <summary>Stored so that caseloads and reminders can sort and filter in SQL; kept in step by <see cref="RecalculateReviewClock"/>.</summary>
    public DateOnly? NextReviewDueOn { get; private set; }

    public string? NextReviewRuleId { get; private set; }

    /// <summary>The IRO asked for the next review to be brought forward to this date (reg 33(3)(a)).</summary>
    public DateOnly? ReviewBroughtForwardTo { get; private set; }

    public DateOnly? ReviewBroughtForwardOn { get; private set; }
    public string? ReviewBroughtForwardReason { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public long Version { get; set; }

    public IReadOnlyList<CareEpisode> Episodes => _episodes;
    public IReadOnlyList<Review> Reviews => _reviews;

    /// <summary>Who the child's IRO and social worker have been, and from when.</summary>
    public IReadOnlyList<Allocation> Allocations => _allocations;

    public string FullName => $"{GivenName} {FamilyName}";

    public CareEpisode? CurrentEpisode => _episodes.SingleOrDefault(e => e.IsOpen);

    public bool IsLookedAfter => CurrentEpisode is not null;

    /// <summary>The review arranged or adjourned and not yet held, if there is one.</summary>
    public Review? OpenReview => _reviews.SingleOrDefault(r => !r.IsHeld);

    public IEnumerable<Recommendation> Recommendations => _reviews.SelectMany(r => r.Recommendations);

    private Child()
    {
    }

    public Child(string localId, string givenName, string familyName, DateOnly dateOfBirth, Sex sex)
    {
        Require(!string.IsNullOrWhiteSpace(givenName), "Enter the child's first name", nameof(GivenName));
        Require(!string.IsNullOrWhiteSpace(familyName), "Enter the child's last name", nameof(FamilyName));
        Require(!string.IsNullOrWhiteSpace(localId), "Enter the child's local reference", nameof(LocalId));
        LocalId = localId.Trim();
        GivenName = givenName.Trim();
        FamilyName = familyName.Trim();
        DateOfBirth = dateOfBirth;
        Sex = sex;
    }

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > date ? age - 1 : age;
    }

    /// <summary>Allocates the IRO and social worker from a date (when known); a change is kept in the history.</summary>
    public void Allocate(StaffMember? iro, StaffMember? socialWorker, DateOnly? from = null)
    {
        Require(iro is null || iro.Role == StaffRole.Iro, "The IRO must be an independent reviewing officer", nameof(IroId));
        Require(socialWorker is null || socialWorker.Role is StaffRole.SocialWorker or StaffRole.TeamManager,
            "The social worker must be a social worker or team manager", nameof(SocialWorkerId));
        var latest = _allocations.Max(a => a.From);
        Require(from is null || latest is null || from >= latest,
            $"The date must be on or after the last change of allocation on {GovukDate.Format(latest)}", "From");
        if (_allocations.Count == 0 || !Same(iro, IroId, Iro) || !Same(socialWorker, SocialWorkerId, SocialWorker))
        {
            _allocations.Add(new Allocation(from, iro, socialWorker));
        }

        Iro = iro;
        IroId = iro?.Id;
        SocialWorker = socialWorker;
        SocialWorkerId = socialWorker?.Id;
    }

    /// <summary>The child starts a new period of care (SSDA903 reason for new episode S).</summary>
    public void BecomeLookedAfter(DateOnly startedOn, LegalStatus legalStatus, PlacementType placementType,
        CategoryOfNeed categoryOfNeed, DateOnly today, WorkingDayCalendar calendar)
    {
        Require(!IsLookedAfter, "The child is already looked after. Record a change of placement or legal status instead", "StartedOn");
        Require(startedOn >= DateOfBirth, "The date the child became looked after must be on or after their date of birth", "StartedOn");
        Require(startedOn <= today, "The date the child became looked after must be today or in the past", "StartedOn");
        Require(AgeOn(startedOn) < 18, "A child must be under 18 to become looked after", "StartedOn");
        var lastEnded = _episodes.Max(e => e.EndedOn);
        Require(lastEnded is null || startedOn >= lastEnded,
            $"The date must be on or after the end of the last period of care on {GovukDate.Format(lastEnded)}", "StartedOn");

        _episodes.Add(new CareEpisode(startedOn, ReasonForNewEpisode.S, legalStatus, categoryOfNeed, placementType));
        RecalculateReviewClock(calendar);
    }

    /// <summary>
    /// A change of legal status, placement or both: the current episode closes with reason X1 and the
    /// next begins the same day, with the reason for new episode the return expects (L, P, T, B or U).
    /// </summary>
    public void ChangeEpisode(DateOnly changedOn, LegalStatus legalStatus, PlacementMove move, PlacementType placementType,
        ReasonForPlacementChange? reasonForPlacementChange, DateOnly today, WorkingDayCalendar calendar)
    {
        var current = CurrentEpisode ?? throw new DomainRuleException("The child is not looked after, so there is nothing to change", "ChangedOn");
        Require(changedOn >= current.StartedOn,
            $"The date of the change must be on or after the current episode started on {GovukDate.Format(current.StartedOn)}", "ChangedOn");
        Require(changedOn <= today, "The date of the change must be today or in the past", "ChangedOn");

        var legalChanged = legalStatus != current.LegalStatus;
        Require(move != PlacementMove.None || placementType == current.PlacementType,
            "The placement type can only change with a change of placement. Say whether the carers changed", "Move");
        Require(legalChanged || move != PlacementMove.None, "Change the legal status or the placement, or both", "LegalStatus");

        var reason = (legalChanged, move) switch
        {
            (true, PlacementMove.None) => ReasonForNewEpisode.L,
            (false, PlacementMove.NewCarers) => ReasonForNewEpisode.P,
            (false, PlacementMove.SameCarers) => ReasonForNewEpisode.T,
            (true, PlacementMove.NewCarers) => ReasonForNewEpisode.B,
            (true, PlacementMove.SameCarers) => ReasonForNewEpisode.U,
            (false, PlacementMove.None) => throw new InvalidOperationException("Checked above"),
        };

        // SSDA903 rules 225 and 226: a move needs a reason, except a move into or out of a temporary
        // placement (T0 to T4), which must have none.
        var needsReason = move != PlacementMove.None && !current.PlacementType.IsTemporary() && !placementType.IsTemporary();
        Require(!needsReason || reasonForPlacementChange is not null, "Select the reason the placement changed", "ReasonForPlacementChange");
        Require(needsReason || reasonForPlacementChange is null,
            "Only give a reason for a change of placement, and not for a move into or out of a temporary placement (T0 to T4)",
            "ReasonForPlacementChange");

        current.End(changedOn, ReasonEpisodeCeased.X1, reasonForPlacementChange);
        _episodes.Add(new CareEpisode(changedOn, reason, legalStatus, current.CategoryOfNeed, placementType));
        RecalculateReviewClock(calendar);
    }

    /// <summary>The period of care ends; the review clock stops.</summary>
    public void CeaseToBeLookedAfter(DateOnly endedOn, ReasonEpisodeCeased reason, DateOnly today, WorkingDayCalendar calendar)
    {
        var current = CurrentEpisode ?? throw new DomainRuleException("The child is not looked after", "EndedOn");
        Require(reason != ReasonEpisodeCeased.X1,
            "X1 is for a change of episode on the same day. Choose the reason the child stopped being looked after", "Reason");
        Require(endedOn >= current.StartedOn,
            $"The date must be on or after the current episode started on {GovukDate.Format(current.StartedOn)}", "EndedOn");
        Require(endedOn <= today, "The date the child stopped being looked after must be today or in the past", "EndedOn");
        var period = CurrentPeriodStart()!.Value;
        var lastReview = HeldOnDates(period).Max(d => (DateOnly?)d);
        Require(OpenReview is null, "A review is arranged for this child. Record it, or cancel it, first", "EndedOn");
        Require(lastReview is null || endedOn >= lastReview,
            $"The date must be on or after the last review, held on {GovukDate.Format(lastReview)}", "EndedOn");

        current.End(endedOn, reason);

        // A request to bring a review forward belongs to this period of care; left behind, it would set
        // the first review of the next period to a date before that period began.
        ClearBringForward();
        RecalculateReviewClock(calendar);
    }

    /// <summary>Arranges the next review. A date after the review is due needs a reason for the lateness.</summary>
    public Review ScheduleReview(ReviewArrangements arrangements, DateOnly today, WorkingDayCalendar calendar)
    {
        var period = CurrentPeriodStart()
            ?? throw new DomainRuleException("Reviews can only be arranged while the child is looked after", "Date");
        Require(OpenReview is null, "A review is already arranged for this child. Change its arrangements instead", "Date");
        var review = new Review(NextReviewDue(calendar)!);
        review.Arrange(arrangements, period, today);
        _reviews.Add(review);
        return review;
    }

    public void RearrangeReview(ReviewArrangements arrangements, DateOnly today)
    {
        var review = OpenReview ?? throw new DomainRuleException("No review is arranged for this child", "Date");
        Require(review.State == ReviewState.Scheduled, "An adjourned review resumes on the date set when it was adjourned", "Date");
        review.Arrange(arrangements, CurrentPeriodStart()!.Value, today);
    }

    /// <summary>The IRO adjourns the review meeting, once, for no more than 20 working days (reg 36(5)).</summary>
    public void AdjournReview(DateOnly on, DateOnly resumeOn, string? reason, DateOnly today, WorkingDayCalendar calendar)
    {
        var review = OpenReview ?? throw new DomainRuleException("No review is arranged for this child", "AdjournedOn");
        var period = CurrentPeriodStart()!.Value;
        Require(on >= period, $"The date must be on or after the child became looked after on {GovukDate.Format(period)}", "AdjournedOn");
        review.Adjourn(on, resumeOn, reason, today, calendar);
    }

    /// <summary>The IRO asks for the next review to be held earlier (reg 33(3)(a)); the clock follows.</summary>
    public void BringReviewForward(DateOnly to, string? reason, DateOnly today, WorkingDayCalendar calendar)
    {
        Require(IsLookedAfter, "Reviews can only be brought forward while the child is looked after", "To");
        Require(!string.IsNullOrWhiteSpace(reason), "Enter why the review needs to be brought forward", "Reason");
        Require(reason!.Trim().Length <= 1000, "The reason must be 1,000 characters or fewer", "Reason");
        Require(to >= today, "The new date must be today or in the future", "To");
        var statutory = StatutoryNextReviewDue(calendar)!;
        Require(to < statutory.DueOn, $"The review is already due by {GovukDate.Format(statutory.DueOn)}. Choose an earlier date", "To");

        ReviewBroughtForwardTo = to;
        ReviewBroughtForwardOn = today;
        ReviewBroughtForwardReason = reason.Trim();
        RecalculateReviewClock(calendar);
    }

    /// <summary>Records a review held with no arrangements or recommendations (history, imports, tests).</summary>
    public Review RecordReviewHeld(DateOnly heldOn, ParticipationCode? participation, DateOnly today, WorkingDayCalendar calendar) =>
        RecordReview(new ReviewRecord(heldOn, participation, null, null, null, null, new Dictionary<int, string>(), null), [], [], "", today, calendar);

    /// <summary>
    /// Records the review meeting: how the child took part (SSDA903 rules 167, 399, 440 and 441), what was
    /// said and considered, the new recommendations, and what became of each one still open from before.
    /// The review clock moves at once.
    /// </summary>
    public Review RecordReview(ReviewRecord record, IReadOnlyList<RecommendationDraft> recommendations,
        IReadOnlyList<RecommendationOutcome> outcomes, string by, DateOnly today, WorkingDayCalendar calendar)
    {
        var heldOn = record.HeldOn;
        var period = CurrentPeriodStart()
            ?? throw new DomainRuleException("Reviews can only be recorded while the child is looked after", "HeldOn");
        Require(heldOn >= period, $"The review date must be on or after the child became looked after on {GovukDate.Format(period)}", "HeldOn");
        Require(heldOn <= today, "The review date must be today or in the past", "HeldOn");
        Require(_reviews.All(r => r.HeldOn != heldOn), $"A review held on {GovukDate.Format(heldOn)} is already recorded", "HeldOn");
        CheckParticipation(heldOn, record.Participation);

        // Everything is checked before anything changes, so that a refusal leaves the child, its open
        // review and its recommendations exactly as they were.
        var heldBefore = HeldOnDates(period).Where(d => d < heldOn).ToList();

        // Only a review held after every other one can be the review arranged, or the one that answers the
        // IRO's request to bring it forward (if held on or after the request). A review entered late, held
        // before later ones were recorded, is history: it leaves the arrangement and the request alone.
        var isLatest = heldBefore.Count == HeldOnDates(period).Count();
        var answersBringForward = isLatest && heldOn >= ReviewBroughtForwardOn;

        var review = isLatest ? OpenReview : null;
        var isNew = review is null;
        if (review is null)
        {
            // The review is held against the due date that stood on the day: a review entered late, after
            // later ones were recorded, is measured from the reviews held before it, not after.
            var statutory = ReviewSchedule.NextReviewDue(period, CurrentEpisode!.LegalStatus.IsShortBreak(), heldBefore, calendar);
            review = new Review(answersBringForward ? BroughtForwardOr(statutory) : statutory);
        }

        review.CheckCanRecord(record);
        var made = recommendations.Select(d => new Recommendation(d, heldOn)).ToList();
        var changes = CheckedOutcomes(heldOn, outcomes, by, today, made);

        if (isNew)
        {
            _reviews.Add(review);
        }

        changes.ForEach(change => change());
        review.RecordHeld(record, made);
        if (answersBringForward)
        {
            ClearBringForward();
        }

        RecalculateReviewClock(calendar);
        return review;
    }

    /// <summary>
    /// Checks what the review decided about each recommendation still open from before: every one needs an
    /// outcome, once. Returns the changes to make once the whole review is known to be acceptable; a
    /// carried-forward recommendation is added to <paramref name="made"/>, linked to the one it replaces.
    /// </summary>
    private List<Action> CheckedOutcomes(DateOnly heldOn, IReadOnlyList<RecommendationOutcome> outcomes, string by, DateOnly today,
        List<Recommendation> made)
    {
        // Recommendations made at reviews held before this one; a review entered late does not answer for
        // recommendations made after it.
        var stillOpen = _reviews.Where(r => r.HeldOn < heldOn).SelectMany(r => r.Recommendations).Where(r => r.IsOpen).ToList();
        foreach (var open in stillOpen)
        {
            Require(outcomes.Any(o => o.RecommendationId == open.Id),
                $"Say what happened to \"{Shorten(open.Action)}\": done, carried forward or no longer needed", $"Outcomes[{open.Id}]");
        }

        var changes = new List<Action>();
        var seen = new HashSet<int>();
        foreach (var outcome in outcomes)
        {
            var field = $"Outcomes[{outcome.RecommendationId}]";
            var open = stillOpen.SingleOrDefault(r => r.Id == outcome.RecommendationId)
                ?? throw new DomainRuleException("That recommendation is not open on this child's case", field);
            Require(seen.Add(open.Id), "Say what happened to each recommendation once", field);
            var note = string.IsNullOrWhiteSpace(outcome.Note) ? null : outcome.Note.Trim();
            Require(note is null || note.Length <= Recommendation.MaxNoteLength, "The note must be 2,000 characters or fewer", field);
            switch (outcome.Outcome)
            {
                case RecommendationStatus.Done:
                    changes.Add(() => open.Complete(heldOn, note ?? "Confirmed done at the review", by, today));
                    break;
                case RecommendationStatus.CarriedForward:
                    Require(outcome.NewDueOn > heldOn, "Enter a new date, after the review, for the carried-forward recommendation", field);
                    made.Add(new Recommendation(
                        new RecommendationDraft(open.Action, open.OwnerName, open.OwnerRole, open.OwnerStaffId, outcome.NewDueOn, open.Monitoring),
                        heldOn, open.Id));
                    changes.Add(() => open.CarryForward(heldOn, note ?? "Carried forward", by));
                    break;
                case RecommendationStatus.Dropped:
                    Require(note is not null, "Say why the recommendation is no longer needed", field);
                    changes.Add(() => open.Drop(heldOn, note!, by));
                    break;
                default:
                    throw new DomainRuleException("Choose done, carried forward or no longer needed", field);
            }
        }

        return changes;
    }

    private void ClearBringForward()
    {
        ReviewBroughtForwardTo = null;
        ReviewBroughtForwardOn = null;
        ReviewBroughtForwardReason = null;
    }

    private void CheckParticipation(DateOnly heldOn, ParticipationCode? participation)
    {
        if (CurrentEpisode!.LegalStatus.IsShortBreak())
        {
            Require(participation is null,
                "Do not record participation for a child on short breaks (legal status V3 or V4)", "ParticipationCode");
            return;
        }

        Require(participation is not null, "Select how the child took part in the review", "ParticipationCode");
        var underFour = AgeOn(heldOn) < 4;
        Require(participation != ParticipationCode.PN0 || underFour,
            "PN0 is only for a child under 4 on the day of the review", "ParticipationCode");
        Require(participation == ParticipationCode.PN0 || !underFour,
            "The child was under 4 on the day of the review, so the participation code must be PN0", "ParticipationCode");
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private IEnumerable<DateOnly> HeldOnDates(DateOnly periodStart) =>
        _reviews.Where(r => r.HeldOn >= periodStart).Select(r => r.HeldOn!.Value);

    /// <summary>
    /// The next review due for the current period of care, with the rule that set it; null when not looked
    /// after. An IRO's request to bring it forward wins while it is earlier than the statutory date.
    /// </summary>
    public ReviewDue? NextReviewDue(WorkingDayCalendar calendar) =>
        StatutoryNextReviewDue(calendar) is { } statutory ? BroughtForwardOr(statutory) : null;

    private ReviewDue BroughtForwardOr(ReviewDue statutory) =>
        ReviewBroughtForwardTo is { } to && to < statutory.DueOn
            ? new ReviewDue(to, ReviewSchedule.BroughtForward,
                $"Brought forward at the IRO's request on {GovukDate.Format(ReviewBroughtForwardOn)}: {ReviewBroughtForwardReason} (CPPCR 2010 reg 33(3)(a))")
            : statutory;

    private ReviewDue? StatutoryNextReviewDue(WorkingDayCalendar calendar)
    {
        var start = CurrentPeriodStart();
        return start is null
            ? null
            : ReviewSchedule.NextReviewDue(start.Value, CurrentEpisode!.LegalStatus.IsShortBreak(), [.. HeldOnDates(start.Value)], calendar);
    }

    /// <summary>Recomputes the next review's due date; a review already arranged is held against the new date.</summary>
    public void RecalculateReviewClock(WorkingDayCalendar calendar)
    {
        var due = NextReviewDue(calendar);
        NextReviewDueOn = due?.DueOn;
        NextReviewRuleId = due?.RuleId;
        if (due is not null)
        {
            OpenReview?.HoldAgainst(due);
        }
    }

    /// <summary>The first day of the open period of care: the latest episode that started one (reason S).</summary>
    public DateOnly? CurrentPeriodStart() =>
        IsLookedAfter
            ? _episodes.Where(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S).Max(e => e.StartedOn)
            : null;

    /// <summary>The same person, whether saved (by id) or not yet saved (by reference).</summary>
    private static bool Same(StaffMember? candidate, int? currentId, StaffMember? current) =>
        candidate is null ? currentId is null && current is null
            : candidate.Id != 0 ? candidate.Id == currentId
            : ReferenceEquals(candidate, current);

    private static void Require(bool condition, string message, string? field)
    {
        if (!condition)
        {
            throw new DomainRuleException(message, field);
        }
    }
}
