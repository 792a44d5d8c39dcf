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

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public long Version { get; set; }

    public IReadOnlyList<CareEpisode> Episodes => _episodes;
    public IReadOnlyList<Review> Reviews => _reviews;

    public string FullName => $"{GivenName} {FamilyName}";

    public CareEpisode? CurrentEpisode => _episodes.SingleOrDefault(e => e.IsOpen);

    public bool IsLookedAfter => CurrentEpisode is not null;

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

    public void Allocate(StaffMember? iro, StaffMember? socialWorker)
    {
        Require(iro is null || iro.Role == StaffRole.Iro, "The IRO must be an independent reviewing officer", nameof(IroId));
        Require(socialWorker is null || socialWorker.Role is StaffRole.SocialWorker or StaffRole.TeamManager,
            "The social worker must be a social worker or team manager", nameof(SocialWorkerId));
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
        var lastReview = _reviews.Where(r => r.HeldOn >= period).Max(r => (DateOnly?)r.HeldOn);
        Require(lastReview is null || endedOn >= lastReview,
            $"The date must be on or after the last review, held on {GovukDate.Format(lastReview)}", "EndedOn");

        current.End(endedOn, reason);
        RecalculateReviewClock(calendar);
    }

    /// <summary>Records a review that was held, checking the SSDA903 rules on participation (167, 399, 440, 441).</summary>
    public Review RecordReviewHeld(DateOnly heldOn, ParticipationCode? participation, DateOnly today, WorkingDayCalendar calendar)
    {
        var period = CurrentPeriodStart()
            ?? throw new DomainRuleException("Reviews can only be recorded while the child is looked after", "HeldOn");
        Require(heldOn >= period, $"The review date must be on or after the child became looked after on {GovukDate.Format(period)}", "HeldOn");
        Require(heldOn <= today, "The review date must be today or in the past", "HeldOn");
        Require(_reviews.All(r => r.HeldOn != heldOn), $"A review held on {GovukDate.Format(heldOn)} is already recorded", "HeldOn");

        var shortBreaks = CurrentEpisode!.LegalStatus.IsShortBreak();
        if (shortBreaks)
        {
            Require(participation is null,
                "Do not record participation for a child on short breaks (legal status V3 or V4)", "ParticipationCode");
        }
        else
        {
            Require(participation is not null, "Select how the child took part in the review", "ParticipationCode");
            var underFour = AgeOn(heldOn) < 4;
            Require(participation != ParticipationCode.PN0 || underFour,
                "PN0 is only for a child under 4 on the day of the review", "ParticipationCode");
            Require(participation == ParticipationCode.PN0 || !underFour,
                "The child was under 4 on the day of the review, so the participation code must be PN0", "ParticipationCode");
        }

        // The review is held against the due date that stood on the day: a review entered late, after
        // later ones were recorded, is measured from the reviews held before it, not after.
        var heldBefore = _reviews.Where(r => r.HeldOn >= period && r.HeldOn < heldOn).Select(r => r.HeldOn).ToList();
        var due = ReviewSchedule.NextReviewDue(period, shortBreaks, heldBefore, calendar);
        var review = new Review(heldOn, due, participation);
        _reviews.Add(review);
        RecalculateReviewClock(calendar);
        return review;
    }

    /// <summary>The next review due for the current period of care, with the rule that set it; null when not looked after.</summary>
    public ReviewDue? NextReviewDue(WorkingDayCalendar calendar)
    {
        var start = CurrentPeriodStart();
        if (start is null)
        {
            return null;
        }

        var held = _reviews.Where(r => r.HeldOn >= start).Select(r => r.HeldOn).ToList();
        return ReviewSchedule.NextReviewDue(start.Value, CurrentEpisode!.LegalStatus.IsShortBreak(), held, calendar);
    }

    public void RecalculateReviewClock(WorkingDayCalendar calendar)
    {
        var due = NextReviewDue(calendar);
        NextReviewDueOn = due?.DueOn;
        NextReviewRuleId = due?.RuleId;
    }

    /// <summary>The first day of the open period of care: the latest episode that started one (reason S).</summary>
    public DateOnly? CurrentPeriodStart() =>
        IsLookedAfter
            ? _episodes.Where(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S).Max(e => e.StartedOn)
            : null;

    private static void Require(bool condition, string message, string? field)
    {
        if (!condition)
        {
            throw new DomainRuleException(message, field);
        }
    }
}
