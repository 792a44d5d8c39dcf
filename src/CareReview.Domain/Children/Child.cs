using CareReview.Domain.CarePlans;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;

namespace CareReview.Domain.Children;

/// <summary>
/// A child the council looks after, now or in the past: their care episodes, reviews and the
/// statutory review clock that follows from them.
/// </summary>
public sealed partial class Child
{
    private readonly List<CareEpisode> _episodes = [];
    private readonly List<Review> _reviews = [];
    private readonly List<Allocation> _allocations = [];
    private readonly List<CarePlanVersion> _carePlans = [];
    private readonly List<CareEvent> _careEvents = [];
    private readonly List<ChildDeadline> _deadlines = [];
    private readonly List<ChildFriendlyPlan> _childFriendlyPlans = [];

    public int Id { get; private set; }

    /// <summary>The council's own reference for the child (SSDA903 CHILD).</summary>
    public string LocalId { get; private set; } = "";

    public string GivenName { get; private set; } = "";
    public string FamilyName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public Sex Sex { get; private set; }

    /// <summary>SSDA903 ETHNIC.</summary>
    public Ethnicity? Ethnicity { get; private set; }

    /// <summary>SSDA903 UPN: the unique pupil number, or UN1 to UN5 saying why there is none.</summary>
    public string? Upn { get; private set; }

    /// <summary>SSDA903 MOTHER: whether the young woman is herself a mother; only asked of girls and young women.</summary>
    public bool? IsMother { get; private set; }

    /// <summary>SSDA903 MC_DOB: the date of birth of the mother's first child.</summary>
    public DateOnly? MothersChildBornOn { get; private set; }

    /// <summary>Annex A: whether the child has a disability; unknown until recorded.</summary>
    public bool? HasDisability { get; private set; }

    /// <summary>An unaccompanied asylum-seeking child (SSDA903 uasc.csv).</summary>
    public bool IsUasc { get; private set; }

    /// <summary>SSDA903 DUC: the day the child stopped being an unaccompanied asylum-seeking child.</summary>
    public DateOnly? UascCeasedOn { get; private set; }

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

    /// <summary>
    /// A significant change to the care plan (permanence, placement or contact) was made on this day and no
    /// review has been held since (CPPCR 2010 reg 32(2)); the caseload flags it.
    /// </summary>
    public DateOnly? PlanChangeAwaitingReviewOn { get; private set; }

    /// <summary>The child, in a long-term foster placement held for a year, agreed to be visited less often (reg 28(3A)).</summary>
    public DateOnly? ChildAgreedToFewerVisitsOn { get; private set; }

    /// <summary>Placed with a parent before the assessment under reg 19 is complete (reg 28(3)).</summary>
    public bool ParentAssessmentIncomplete { get; private set; }

    /// <summary>Placed with a connected person who is temporarily approved under reg 24 (reg 28(4)).</summary>
    public bool ConnectedPersonTemporarilyApproved { get; private set; }

    /// <summary>The day the stored deadlines must be worked out again though nothing was recorded (a birthday that brings a rule in).</summary>
    public DateOnly? DeadlinesRecomputeOn { get; private set; }

    /// <summary>Brothers and sisters in care are linked in a group, so that they are offered the same IRO.</summary>
    public int? SiblingGroupId { get; private set; }

    /// <summary>
    /// Set when the child's record was loaded from a return that begins part-way through a period of care:
    /// the first day Care Review knows of. What happened before it (the period's start, its first reviews) is not held.
    /// </summary>
    public DateOnly? HistoryStartsOn { get; private set; }

    public SiblingGroup? SiblingGroup { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public long Version { get; set; }

    /// <summary>
    /// When the child's record last changed: set by the save whenever <see cref="Version"/> moves, the child is added,
    /// or one of their escalations, referrals, views or cards changes. Null for a child unchanged since it was kept.
    /// The API's <c>updatedSince</c> reads it (ADR-0032).
    /// </summary>
    public DateTime? ChangedAtUtc { get; set; }

    public IReadOnlyList<CareEpisode> Episodes => _episodes;
    public IReadOnlyList<Review> Reviews => _reviews;

    /// <summary>Who the child's IRO and social worker have been, and from when.</summary>
    public IReadOnlyList<Allocation> Allocations => _allocations;

    /// <summary>Every version of the care plan, oldest first.</summary>
    public IReadOnlyList<CarePlanVersion> CarePlans => _carePlans;

    public CarePlanVersion? CurrentCarePlan => _carePlans.MaxBy(v => v.Number);

    /// <summary>The plan written to the child: at most one draft, and every version shared.</summary>
    public IReadOnlyList<ChildFriendlyPlan> ChildFriendlyPlans => _childFriendlyPlans;

    public ChildFriendlyPlan? ChildFriendlyDraft => _childFriendlyPlans.SingleOrDefault(p => !p.IsShared);

    public ChildFriendlyPlan? SharedChildFriendlyPlan => _childFriendlyPlans.Where(p => p.IsShared).MaxBy(p => p.Id);

    /// <summary>Visits, health assessments, dental checks, PEP meetings and needs assessments recorded.</summary>
    public IReadOnlyList<CareEvent> CareEvents => _careEvents;

    /// <summary>The statutory deadlines as last worked out, stored so that lists can filter in SQL.</summary>
    public IReadOnlyList<ChildDeadline> Deadlines => _deadlines;

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

    public int AgeOn(DateOnly date) => Age(DateOfBirth, date);

    public ChildReturnDetails ReturnDetails => new(Ethnicity, Upn, IsMother, MothersChildBornOn, HasDisability, IsUasc, UascCeasedOn);

    /// <summary>Records what the DfE return and Ofsted's Annex A ask about the child, checked as the return checks it.</summary>
    public void RecordReturnDetails(ChildReturnDetails details, DateOnly today)
    {
        var upn = string.IsNullOrWhiteSpace(details.Upn) ? null : details.Upn.Trim().ToUpperInvariant();
        Require(upn is null || Children.Upn.IsValid(upn),
            "Enter the unique pupil number as a letter and 12 characters, such as A12345678901B, or UN1 to UN5 if there is none", nameof(Upn));
        // SSDA903 rules 174 and 393: MOTHER and MC_DOB are asked of girls and young women only.
        Require(details.IsMother is null || Sex == Sex.F, "Only record whether the child is a mother for a girl or young woman", nameof(IsMother));
        Require(details.MothersChildBornOn is null || details.IsMother == true,
            "Only give a child's date of birth when the young woman is a mother", nameof(MothersChildBornOn));
        Require(details.MothersChildBornOn is null || (details.MothersChildBornOn > DateOfBirth && details.MothersChildBornOn <= today),
            "The date of birth of her child must be after her own and today or in the past", nameof(MothersChildBornOn));
        Require(details.UascCeasedOn is null || details.IsUasc,
            "Only give the date the child stopped being an unaccompanied asylum-seeking child if they were one", nameof(UascCeasedOn));
        // SSDA903 rule 304: the status ends by the 18th birthday.
        Require(details.UascCeasedOn is null || (details.UascCeasedOn >= DateOfBirth && details.UascCeasedOn <= DateOfBirth.AddYears(18)),
            "The date must be on or before the child's 18th birthday", nameof(UascCeasedOn));

        Ethnicity = details.Ethnicity;
        Upn = upn;
        IsMother = details.IsMother;
        MothersChildBornOn = details.MothersChildBornOn;
        HasDisability = details.HasDisability;
        IsUasc = details.IsUasc;
        UascCeasedOn = details.UascCeasedOn;
    }

    /// <summary>Age in whole years on a date; a child born on 29 February is a year older on 28 February.</summary>
    public static int Age(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > on ? age - 1 : age;
    }

    /// <summary>
    /// Allocates the IRO and social worker from a date (when known); a change is kept in the history. With
    /// <paramref name="checks"/>, a new IRO other than the siblings' needs a reason, and an IRO with a
    /// conflict of interest is refused (statutory-rules.md §6.2).
    /// </summary>
    public void Allocate(StaffMember? iro, StaffMember? socialWorker, DateOnly today, Rulebook rules, DateOnly? from = null,
        AllocationChecks? checks = null)
    {
        Require(iro is null || iro.Role == StaffRole.Iro, "The IRO must be an independent reviewing officer", nameof(IroId));
        Require(socialWorker is null || socialWorker.Role is StaffRole.SocialWorker or StaffRole.TeamManager,
            "The social worker must be a social worker or team manager", nameof(SocialWorkerId));
        var latest = _allocations.Max(a => a.From);
        Require(from is null || latest is null || from >= latest,
            $"The date must be on or after the last change of allocation on {GovukDate.Format(latest)}", "From");
        var iroChanges = _allocations.Count == 0 ? iro is not null : !Same(iro, IroId, Iro);
        var changes = _allocations.Count == 0 || iroChanges || !Same(socialWorker, SocialWorkerId, SocialWorker);
        if (iro is not null && changes && checks?.Conflicts is { } conflicts)
        {
            IroConflict.Check(iro, conflicts);
        }

        var siblingReason = iroChanges && checks is not null ? SiblingAllocation.Check(iro, checks.SiblingsIro, checks.SiblingIroReason) : null;
        if (changes)
        {
            _allocations.Add(new Allocation(from, iro, socialWorker, siblingReason));
        }

        Iro = iro;
        IroId = iro?.Id;
        SocialWorker = socialWorker;
        SocialWorkerId = socialWorker?.Id;
        KeepDatesInStep(today, rules);
    }

    /// <summary>Links the child with their brothers and sisters in care, in the group given.</summary>
    public void JoinSiblingGroup(SiblingGroup group)
    {
        SiblingGroup = group;
        SiblingGroupId = group.Id == 0 ? null : group.Id;
    }

    /// <summary>The child is no longer linked with brothers and sisters (linked in error).</summary>
    public void LeaveSiblingGroup()
    {
        SiblingGroup = null;
        SiblingGroupId = null;
    }

    /// <summary>The child starts a new period of care (SSDA903 reason for new episode S).</summary>
    public void BecomeLookedAfter(DateOnly startedOn, LegalStatus legalStatus, PlacementType placementType,
        CategoryOfNeed categoryOfNeed, DateOnly today, Rulebook rules, PlacementDetails? placement = null)
    {
        Require(!IsLookedAfter, "The child is already looked after. Record a change of placement or legal status instead", "StartedOn");
        Require(startedOn >= DateOfBirth, "The date the child became looked after must be on or after their date of birth", "StartedOn");
        DateRules.RequireNotInTheFuture(startedOn, today, "The date the child became looked after", "StartedOn");
        Require(AgeOn(startedOn) < 18, "A child must be under 18 to become looked after", "StartedOn");
        var lastEnded = _episodes.Max(e => e.EndedOn);
        // SSDA903 rule 431: a period that starts the day the last one ended is a change of episode (X1), not a new period.
        Require(lastEnded is null || startedOn > lastEnded,
            $"The date must be after the end of the last period of care on {GovukDate.Format(lastEnded)}. A change on the same day is a change of placement or legal status", "StartedOn");

        var details = (placement ?? PlacementDetails.None).Checked(placementType);
        _episodes.Add(new CareEpisode(startedOn, ReasonForNewEpisode.S, legalStatus, categoryOfNeed, placementType, details));
        KeepDatesInStep(today, rules);
    }

    /// <summary>
    /// A change of legal status, placement or both: the current episode closes with reason X1 and the
    /// next begins the same day, with the reason for new episode the return expects (L, P, T, B or U).
    /// </summary>
    public void ChangeEpisode(DateOnly changedOn, LegalStatus legalStatus, PlacementMove move, PlacementType placementType,
        ReasonForPlacementChange? reasonForPlacementChange, DateOnly today, Rulebook rules, PlacementDetails? placement = null)
    {
        var current = CurrentEpisode ?? throw new DomainRuleException("The child is not looked after, so there is nothing to change", "ChangedOn");
        Require(changedOn >= current.StartedOn,
            $"The date of the change must be on or after the current episode started on {GovukDate.Format(current.StartedOn)}", "ChangedOn");
        DateRules.RequireNotInTheFuture(changedOn, today, "The date of the change", "ChangedOn");

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

        // SSDA903 rule 434: a change of legal status alone keeps the placement as it was. A move keeps the
        // child's home postcode unless a new one is given.
        var details = move == PlacementMove.None
            ? current.Placement
            : (placement ?? (PlacementDetails.None with { HomePostcode = current.HomePostcode })).Checked(placementType);

        current.End(changedOn, ReasonEpisodeCeased.X1, reasonForPlacementChange);
        _episodes.Add(new CareEpisode(changedOn, reason, legalStatus, current.CategoryOfNeed, placementType, details));
        if (move != PlacementMove.None)
        {
            // These belong to the placement that ended; the new one starts its own visit schedule.
            ChildAgreedToFewerVisitsOn = null;
            ParentAssessmentIncomplete = false;
            ConnectedPersonTemporarilyApproved = false;
        }

        KeepDatesInStep(today, rules);
    }

    /// <summary>Puts right where an episode's placement is and who provides it, for the return.</summary>
    public void CorrectPlacement(CareEpisode episode, PlacementDetails placement)
    {
        Require(_episodes.Contains(episode), "That episode is not one of this child's", "Episode");
        episode.SetPlacement(placement.Checked(episode.PlacementType));
    }

    /// <summary>The period of care ends; the review clock stops.</summary>
    public void CeaseToBeLookedAfter(DateOnly endedOn, ReasonEpisodeCeased reason, DateOnly today, Rulebook rules)
    {
        var current = CurrentEpisode ?? throw new DomainRuleException("The child is not looked after", "EndedOn");
        Require(reason != ReasonEpisodeCeased.X1,
            "X1 is for a change of episode on the same day. Choose the reason the child stopped being looked after", "Reason");
        Require(endedOn >= current.StartedOn,
            $"The date must be on or after the current episode started on {GovukDate.Format(current.StartedOn)}", "EndedOn");
        DateRules.RequireNotInTheFuture(endedOn, today, "The date the child stopped being looked after", "EndedOn");
        var period = CurrentPeriodStart()!.Value;
        var lastReview = HeldOnDates(period).Max(d => (DateOnly?)d);
        Require(OpenReview is null, "A review is arranged for this child. Record it, or cancel it, first", "EndedOn");
        Require(lastReview is null || endedOn >= lastReview,
            $"The date must be on or after the last review, held on {GovukDate.Format(lastReview)}", "EndedOn");

        current.End(endedOn, reason);

        // A request to bring a review forward belongs to this period of care; left behind, it would set
        // the first review of the next period to a date before that period began.
        ClearBringForward();
        KeepDatesInStep(today, rules);
    }

    /// <summary>Arranges the next review. A date after the review is due needs a reason for the lateness.</summary>
    public Review ScheduleReview(ReviewArrangements arrangements, DateOnly today, Rulebook rules)
    {
        var period = CurrentPeriodStart()
            ?? throw new DomainRuleException("Reviews can only be arranged while the child is looked after", "Date");
        Require(OpenReview is null, "A review is already arranged for this child. Change its arrangements instead", "Date");
        var review = new Review(NextReviewDue(rules)!);
        review.Arrange(arrangements, period, today);
        _reviews.Add(review);
        KeepDatesInStep(today, rules);
        return review;
    }

    public void RearrangeReview(ReviewArrangements arrangements, DateOnly today, Rulebook rules)
    {
        var review = OpenReview ?? throw new DomainRuleException("No review is arranged for this child", "Date");
        Require(review.State == ReviewState.Scheduled, "An adjourned review resumes on the date set when it was adjourned", "Date");
        review.Arrange(arrangements, CurrentPeriodStart()!.Value, today);
        KeepDatesInStep(today, rules);
    }

    /// <summary>The IRO adjourns the review meeting, once, for no more than 20 working days (reg 36(5)).</summary>
    public void AdjournReview(DateOnly on, DateOnly resumeOn, string? reason, DateOnly today, Rulebook rules)
    {
        var review = OpenReview ?? throw new DomainRuleException("No review is arranged for this child", "AdjournedOn");
        var period = CurrentPeriodStart()!.Value;
        Require(on >= period, $"The date must be on or after the child became looked after on {GovukDate.Format(period)}", "AdjournedOn");
        review.Adjourn(on, resumeOn, reason, today, rules);
        KeepDatesInStep(today, rules);
    }

    /// <summary>The IRO asks for the next review to be held earlier (reg 33(3)(a)); the clock follows.</summary>
    public void BringReviewForward(DateOnly to, string? reason, DateOnly today, Rulebook rules)
    {
        Require(IsLookedAfter, "Reviews can only be brought forward while the child is looked after", "To");
        Require(!string.IsNullOrWhiteSpace(reason), "Enter why the review needs to be brought forward", "Reason");
        Require(reason!.Trim().Length <= 1000, "The reason must be 1,000 characters or fewer", "Reason");
        Require(to >= today, "The new date must be today or in the future", "To");
        var statutory = StatutoryNextReviewDue(rules)!;
        Require(to < statutory.DueOn, $"The review is already due by {GovukDate.Format(statutory.DueOn)}. Choose an earlier date", "To");

        ReviewBroughtForwardTo = to;
        ReviewBroughtForwardOn = today;
        ReviewBroughtForwardReason = reason.Trim();
        KeepDatesInStep(today, rules);
    }

    /// <summary>Records a review held with no arrangements or recommendations (history, imports, tests).</summary>
    public Review RecordReviewHeld(DateOnly heldOn, ParticipationCode? participation, DateOnly today, Rulebook rules) =>
        RecordReview(new ReviewRecord(heldOn, participation, null, null, null, null, new Dictionary<int, string>(), null), [], [], "", today, rules);

    /// <summary>
    /// Records the review meeting: how the child took part (SSDA903 rules 167, 399, 440 and 441), what was
    /// said and considered, the new recommendations, and what became of each one still open from before.
    /// The review clock moves at once.
    /// </summary>
    public Review RecordReview(ReviewRecord record, IReadOnlyList<RecommendationDraft> recommendations,
        IReadOnlyList<RecommendationOutcome> outcomes, string by, DateOnly today, Rulebook rules)
    {
        var heldOn = record.HeldOn;
        var period = CurrentPeriodStart()
            ?? throw new DomainRuleException("Reviews can only be recorded while the child is looked after", "HeldOn");
        Require(heldOn >= period, $"The review date must be on or after the child became looked after on {GovukDate.Format(period)}", "HeldOn");
        DateRules.RequireNotInTheFuture(heldOn, today, "The review date", "HeldOn");
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
            var statutory = ReviewSchedule.NextReviewDue(period, CurrentEpisode!.LegalStatus.IsShortBreak(), heldBefore, rules,
                PeriodStartNotLoaded(period));
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
        if (heldOn >= PlanChangeAwaitingReviewOn)
        {
            PlanChangeAwaitingReviewOn = null;
        }

        if (heldOn >= CaseSystemChangeOn)
        {
            CaseSystemChangeOn = null;
            CaseSystemChange = null;
        }

        if (answersBringForward)
        {
            ClearBringForward();
        }

        KeepDatesInStep(today, rules);
        return review;
    }

    /// <summary>
    /// Everything wrong with what a review held on <paramref name="heldOn"/> decided about the recommendations
    /// still open from before it, so that a form can show each message beside its field at once: every one
    /// needs an outcome, once; carried forward needs a new date after the review; no longer needed needs a
    /// reason. Fields are named <c>Outcomes[id].Outcome</c>, <c>.NewDueOn</c> and <c>.Note</c>.
    /// </summary>
    public IReadOnlyList<DomainRuleException> OutcomeProblems(DateOnly heldOn, IReadOnlyList<RecommendationOutcome> outcomes)
    {
        var problems = new List<DomainRuleException>();
        void Add(bool wrong, string message, string field)
        {
            if (wrong)
            {
                problems.Add(new DomainRuleException(message, field));
            }
        }

        var stillOpen = OpenBefore(heldOn);
        foreach (var open in stillOpen)
        {
            Add(outcomes.All(o => o.RecommendationId != open.Id),
                $"Say what happened to \"{Shorten(open.Action)}\": done, carried forward or no longer needed", $"Outcomes[{open.Id}].Outcome");
        }

        var seen = new HashSet<int>();
        foreach (var outcome in outcomes)
        {
            var field = $"Outcomes[{outcome.RecommendationId}]";
            if (stillOpen.All(r => r.Id != outcome.RecommendationId))
            {
                Add(true, "That recommendation is not open on this child's case", field);
                continue;
            }

            if (!seen.Add(outcome.RecommendationId))
            {
                Add(true, "Say what happened to each recommendation once", field);
                continue;
            }

            var note = string.IsNullOrWhiteSpace(outcome.Note) ? null : outcome.Note.Trim();
            Add(note?.Length > Recommendation.MaxNoteLength, "The note must be 2,000 characters or fewer", $"{field}.Note");
            Add(outcome.Outcome is not (RecommendationStatus.Done or RecommendationStatus.CarriedForward or RecommendationStatus.Dropped),
                "Choose done, carried forward or no longer needed", $"{field}.Outcome");
            Add(outcome.Outcome == RecommendationStatus.CarriedForward && !(outcome.NewDueOn > heldOn),
                "Enter a new date, after the review, for the carried-forward recommendation", $"{field}.NewDueOn");
            Add(outcome.Outcome == RecommendationStatus.Dropped && note is null, "Say why the recommendation is no longer needed", $"{field}.Note");
        }

        return problems;
    }

    /// <summary>
    /// Checks what the review decided about each recommendation still open from before (<see cref="OutcomeProblems"/>)
    /// and returns the changes to make once the whole review is known to be acceptable; a carried-forward
    /// recommendation is added to <paramref name="made"/>, linked to the one it replaces.
    /// </summary>
    private List<Action> CheckedOutcomes(DateOnly heldOn, IReadOnlyList<RecommendationOutcome> outcomes, string by, DateOnly today,
        List<Recommendation> made)
    {
        if (OutcomeProblems(heldOn, outcomes).FirstOrDefault() is { } problem)
        {
            throw new DomainRuleException(problem.Message, problem.Field);
        }

        var stillOpen = OpenBefore(heldOn);
        var changes = new List<Action>();
        foreach (var outcome in outcomes)
        {
            var open = stillOpen.Single(r => r.Id == outcome.RecommendationId);
            var note = string.IsNullOrWhiteSpace(outcome.Note) ? null : outcome.Note.Trim();
            switch (outcome.Outcome)
            {
                case RecommendationStatus.Done:
                    changes.Add(() => open.Complete(heldOn, note ?? "Confirmed done at the review", by, today));
                    break;
                case RecommendationStatus.CarriedForward:
                    made.Add(new Recommendation(
                        new RecommendationDraft(open.Action, open.OwnerName, open.OwnerRole, open.OwnerStaffId, outcome.NewDueOn, open.Monitoring, open.Themes),
                        heldOn, open.Id));
                    changes.Add(() => open.CarryForward(heldOn, note ?? "Carried forward", by));
                    break;
                case RecommendationStatus.Dropped:
                    changes.Add(() => open.Drop(heldOn, note!, by));
                    break;
                default:
                    throw new InvalidOperationException("Checked by OutcomeProblems");
            }
        }

        return changes;
    }

    /// <summary>
    /// Recommendations made at reviews held before <paramref name="heldOn"/> and still open: a review entered
    /// late does not answer for recommendations made after it.
    /// </summary>
    private List<Recommendation> OpenBefore(DateOnly heldOn) =>
        [.. _reviews.Where(r => r.HeldOn < heldOn).SelectMany(r => r.Recommendations).Where(r => r.IsOpen)];

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
    public ReviewDue? NextReviewDue(Rulebook rules) =>
        StatutoryNextReviewDue(rules) is { } statutory ? BroughtForwardOr(statutory) : null;

    private ReviewDue BroughtForwardOr(ReviewDue statutory) =>
        ReviewBroughtForwardTo is { } to && to < statutory.DueOn
            ? new ReviewDue(to, ReviewSchedule.BroughtForward,
                $"Brought forward at the IRO's request on {GovukDate.Format(ReviewBroughtForwardOn)}: {ReviewBroughtForwardReason} (CPPCR 2010 reg 33(3)(a))")
            : statutory;

    private ReviewDue? StatutoryNextReviewDue(Rulebook rules)
    {
        var start = CurrentPeriodStart();
        return start is null
            ? null
            : ReviewSchedule.NextReviewDue(start.Value, CurrentEpisode!.LegalStatus.IsShortBreak(), [.. HeldOnDates(start.Value)], rules,
                PeriodStartNotLoaded(start.Value));
    }

    /// <summary>Recomputes the next review's due date; a review already arranged is held against the new date.</summary>
    public void RecalculateReviewClock(Rulebook rules)
    {
        var due = NextReviewDue(rules);
        NextReviewDueOn = due?.DueOn;
        NextReviewRuleId = due?.RuleId;
        if (due is not null)
        {
            OpenReview?.HoldAgainst(due);
        }
    }

    /// <summary>
    /// Saves a new version of the care plan, made from the whole plan as it should now read. A significant
    /// change is flagged as needing a review (CPPCR 2010 reg 32(2)) until one is held.
    /// </summary>
    public CarePlanVersion ChangeCarePlan(CarePlanDraft draft, string by, DateOnly today, Rulebook rules)
    {
        Require(IsLookedAfter, "The care plan can only be changed while the child is looked after", "");
        var version = CarePlanVersion.Next(CurrentCarePlan, draft, by, Iro?.Name, today);
        _carePlans.Add(version);
        if (version.IsSignificantChange)
        {
            PlanChangeAwaitingReviewOn ??= today;
        }

        KeepDatesInStep(today, rules);
        return version;
    }

    /// <summary>Saves the draft of the plan written to the child, made from the current care plan.</summary>
    public ChildFriendlyPlan WriteChildFriendlyPlan(AgeBand band, string? text, string by, DateOnly today)
    {
        var plan = CurrentCarePlan ?? throw new DomainRuleException("Write the care plan before writing it for the child", "Text");
        Require(!string.IsNullOrWhiteSpace(text), "Enter the plan as the child will read it", "Text");
        var clean = text!.Trim().ReplaceLineEndings("\n");
        Require(clean.Length <= ChildFriendlyPlan.MaxTextLength, "The plan must be 12,000 characters or fewer", "Text");
        if (ChildFriendlyDraft is { } draft)
        {
            draft.Write(plan.Number, band, clean, by, today);
            return draft;
        }

        var written = new ChildFriendlyPlan(plan.Number, band, clean, by, today);
        _childFriendlyPlans.Add(written);
        return written;
    }

    /// <summary>Shares the draft with the child; it is kept as shared, and the next change starts a new draft.</summary>
    public ChildFriendlyPlan ShareChildFriendlyPlan(string by, DateOnly today)
    {
        var draft = ChildFriendlyDraft ?? throw new DomainRuleException("There is no draft to share. Write the plan first", "Text");
        draft.Share(by, today);
        return draft;
    }

    /// <summary>Records a visit, health assessment, dental check, PEP meeting or needs assessment.</summary>
    public CareEvent RecordCareEvent(CareEventDraft draft, string by, DateOnly today, Rulebook rules)
    {
        var period = CurrentPeriodStart()
            ?? throw new DomainRuleException("This can only be recorded while the child is looked after", "On");
        DateRules.RequireNotInTheFuture(draft.On, today, "The date", "On");

        // An initial health assessment done in the 3 months before the child became looked after still counts (H1).
        var earliest = draft.Kind == CareEventKind.HealthAssessment ? period.AddMonths(-3) : period;
        Require(draft.On >= earliest, $"The date must be on or after {GovukDate.Format(earliest)}, when this period of care began"
            + (draft.Kind == CareEventKind.HealthAssessment ? " (or up to 3 months before)" : ""), "On");
        Require(draft.On >= DateOfBirth, "The date must be on or after the child's date of birth", "On");
        Require(_careEvents.All(e => e.Kind != draft.Kind || e.On != draft.On),
            $"A {CareEvent.Describe(draft.Kind).ToLowerInvariant()} on {GovukDate.Format(draft.On)} is already recorded", "On");
        Require((draft.Note?.Trim().Length ?? 0) <= CareEvent.MaxTextLength, "The note must be 2,000 characters or fewer", "Note");
        if (draft.Kind == CareEventKind.Visit)
        {
            Require(draft.ChildSeen is not null, "Say whether the child was seen", "ChildSeen");
            Require(draft.ChildSeen == false || draft.SeenAlone is not null, "Say whether the child was seen alone", "SeenAlone");
            Require(draft.ChildSeen == false || draft.SeenAlone == true || !string.IsNullOrWhiteSpace(draft.NotSeenAloneReason),
                "Say why the child was not seen alone (CPPCR 2010 reg 29)", "NotSeenAloneReason");
            Require((draft.NotSeenAloneReason?.Trim().Length ?? 0) <= CareEvent.MaxTextLength,
                "The reason must be 2,000 characters or fewer", "NotSeenAloneReason");
        }

        var recorded = new CareEvent(draft, by, today);
        _careEvents.Add(recorded);
        KeepDatesInStep(today, rules);
        return recorded;
    }

    /// <summary>The facts that change how often the social worker must visit (CPPCR 2010 reg 28(3), (3A) and (4)).</summary>
    public void SetVisitArrangements(DateOnly? childAgreedOn, bool parentAssessmentIncomplete, bool connectedPersonTemporarilyApproved,
        DateOnly today, Rulebook rules)
    {
        var current = CurrentEpisode ?? throw new DomainRuleException("The child is not looked after", "");
        DateRules.RequireNotInTheFuture(childAgreedOn, today, "The date the child agreed", "ChildAgreedOn");
        Require(childAgreedOn is null || childAgreedOn >= current.StartedOn,
            $"The date the child agreed must be on or after the placement started on {GovukDate.Format(current.StartedOn)}", "ChildAgreedOn");
        Require(!(parentAssessmentIncomplete && current.PlacementType != PlacementType.P1),
            "Only a child placed with a parent (placement P1) can be placed before the parent's assessment is complete", "ParentAssessmentIncomplete");
        ChildAgreedToFewerVisitsOn = childAgreedOn;
        ParentAssessmentIncomplete = parentAssessmentIncomplete;
        ConnectedPersonTemporarilyApproved = connectedPersonTemporarilyApproved;
        KeepDatesInStep(today, rules);
    }

    /// <summary>
    /// Every change to what the statutory dates are worked out from (an episode, an allocation, a review, the
    /// care plan, a visit or check, the visit arrangements) ends here, so the stored dates that caseloads and
    /// reminders sort on never lag behind the record.
    /// </summary>
    private void KeepDatesInStep(DateOnly today, Rulebook rules)
    {
        RecalculateReviewClock(rules);
        RecalculateDeadlines(today, rules);
    }

    /// <summary>Works out every statutory deadline again and stores them, keeping each item's row.</summary>
    public void RecalculateDeadlines(DateOnly today, Rulebook rules)
    {
        var schedule = DeadlineEngine.Compute(this, today, rules);
        foreach (var deadline in schedule.Items)
        {
            if (_deadlines.FirstOrDefault(d => d.Item == deadline.Item) is { } stored)
            {
                stored.Update(deadline);
            }
            else
            {
                _deadlines.Add(new ChildDeadline(deadline));
            }
        }

        _deadlines.RemoveAll(d => schedule.Items.All(i => i.Item != d.Item));
        DeadlinesRecomputeOn = schedule.RecomputeOn;
    }

    /// <summary>
    /// The first day of the open period of care: the latest episode that started one (reason S), or, for a
    /// record loaded part-way through its only period, the day its history starts.
    /// </summary>
    public DateOnly? CurrentPeriodStart() =>
        IsLookedAfter
            ? _episodes.Where(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S).Max(e => (DateOnly?)e.StartedOn) ?? HistoryStartsOn
            : null;

    /// <summary>The open period began before the history Care Review holds, so its first reviews are unknown.</summary>
    internal bool PeriodStartNotLoaded(DateOnly periodStart) =>
        periodStart == HistoryStartsOn && !_episodes.Any(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S && e.StartedOn == periodStart);

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
