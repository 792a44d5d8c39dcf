using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Reviews;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>
/// A child's care episodes as the SSDA903 return records them, and the review clock that follows:
/// starting and ending a period of care, changes of placement and legal status (reason for new
/// episode, X1, reason for placement change) and recording reviews with the 903 participation rules.
/// </summary>
public sealed class ChildTests
{
    private static readonly Rulebook s_rules = Rulebook.National;
    private static readonly DateOnly s_today = D("2026-06-01");

    private static Child AChild(string dateOfBirth = "2015-05-01") =>
        new("LOC-0001", "Sam", "Taylor", D(dateOfBirth), Sex.F);

    private static Child AChildLookedAfterSince(string startedOn, LegalStatus legalStatus = LegalStatus.C1,
        PlacementType placementType = PlacementType.U6, string dateOfBirth = "2015-05-01")
    {
        var child = AChild(dateOfBirth);
        child.BecomeLookedAfter(D(startedOn), legalStatus, placementType, CategoryOfNeed.N1, s_today, s_rules);
        return child;
    }

    private static void AssertRefused(string expectedField, Action action)
    {
        var refusal = Assert.Throws<DomainRuleException>(action);
        Assert.Equal(expectedField, refusal.Field);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
    }

    // ---- A child ------------------------------------------------------------------------------

    [Theory]
    [InlineData(" ", "Sam", "Taylor", "LocalId")]
    [InlineData("LOC-0001", "", "Taylor", "GivenName")]
    [InlineData("LOC-0001", "Sam", "  ", "FamilyName")]
    public void A_child_needs_a_reference_and_both_names(string localId, string givenName, string familyName, string field)
    {
        AssertRefused(field, () => _ = new Child(localId, givenName, familyName, D("2015-05-01"), Sex.M));
    }

    // ---- Becoming looked after -----------------------------------------------------------------

    [Fact]
    public void Becoming_looked_after_opens_a_period_of_care_and_starts_the_first_review_clock()
    {
        var child = AChildLookedAfterSince("2025-12-15", LegalStatus.V2, PlacementType.U6);

        var episode = Assert.Single(child.Episodes);
        Assert.Equal(D("2025-12-15"), episode.StartedOn);
        Assert.Equal(ReasonForNewEpisode.S, episode.ReasonForNewEpisode);
        Assert.Equal(LegalStatus.V2, episode.LegalStatus);
        Assert.Equal(PlacementType.U6, episode.PlacementType);
        Assert.True(episode.IsOpen);
        Assert.True(child.IsLookedAfter);
        Assert.Equal(D("2025-12-15"), child.CurrentPeriodStart());
        Assert.Equal(D("2026-01-15"), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.FirstReview, child.NextReviewRuleId);
    }

    [Fact]
    public void A_child_on_short_breaks_is_first_reviewed_three_months_after_the_first_break()
    {
        var child = AChildLookedAfterSince("2025-12-15", LegalStatus.V3, PlacementType.U6);

        Assert.Equal(D("2026-03-15"), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.FirstShortBreakReview, child.NextReviewRuleId);
    }

    [Theory]
    [InlineData("2026-06-02", "2015-05-01")] // tomorrow
    [InlineData("2015-04-30", "2015-05-01")] // before the child was born
    [InlineData("2026-05-01", "2008-05-01")] // on the 18th birthday
    public void Becoming_looked_after_is_refused_on_an_impossible_date(string startedOn, string dateOfBirth)
    {
        var child = AChild(dateOfBirth);

        AssertRefused("StartedOn", () =>
            child.BecomeLookedAfter(D(startedOn), LegalStatus.V2, PlacementType.U6, CategoryOfNeed.N1, s_today, s_rules));
        Assert.False(child.IsLookedAfter);
    }

    [Fact]
    public void A_child_aged_17_can_become_looked_after_the_day_before_their_18th_birthday()
    {
        var child = AChildLookedAfterSince("2026-04-30", dateOfBirth: "2008-05-01");

        Assert.True(child.IsLookedAfter);
    }

    [Fact]
    public void A_child_already_looked_after_cannot_start_a_second_period_of_care()
    {
        var child = AChildLookedAfterSince("2025-06-02");

        AssertRefused("StartedOn", () =>
            child.BecomeLookedAfter(D("2025-07-01"), LegalStatus.V2, PlacementType.U6, CategoryOfNeed.N1, s_today, s_rules));
        Assert.Single(child.Episodes);
    }

    [Theory]
    [InlineData("2025-03-02")] // before the last period ended
    [InlineData("2025-03-03")] // the same day: a change of episode, not a new period (SSDA903 rule 431)
    public void A_new_period_of_care_must_start_after_the_last_one_ended(string startedOn)
    {
        var child = AChildLookedAfterSince("2025-01-06");
        child.CeaseToBeLookedAfter(D("2025-03-03"), ReasonEpisodeCeased.E4A, s_today, s_rules);

        AssertRefused("StartedOn", () =>
            child.BecomeLookedAfter(D(startedOn), LegalStatus.V2, PlacementType.U6, CategoryOfNeed.N1, s_today, s_rules));
        Assert.False(child.IsLookedAfter);
    }

    [Fact]
    public void A_new_period_of_care_can_start_the_day_after_the_last_one_ended()
    {
        var child = AChildLookedAfterSince("2025-01-06");
        child.CeaseToBeLookedAfter(D("2025-03-03"), ReasonEpisodeCeased.E4A, s_today, s_rules);

        child.BecomeLookedAfter(D("2025-03-04"), LegalStatus.V2, PlacementType.U6, CategoryOfNeed.N1, s_today, s_rules);

        Assert.Equal(D("2025-03-04"), child.CurrentPeriodStart());
    }

    // ---- Changes of placement and legal status -------------------------------------------------

    [Theory]
    [InlineData(LegalStatus.C2, PlacementMove.None, PlacementType.U6, null, ReasonForNewEpisode.L)]
    [InlineData(LegalStatus.C1, PlacementMove.NewCarers, PlacementType.U4, ReasonForPlacementChange.CARPL, ReasonForNewEpisode.P)]
    [InlineData(LegalStatus.C1, PlacementMove.NewCarers, PlacementType.U6, ReasonForPlacementChange.CREQB, ReasonForNewEpisode.P)]
    [InlineData(LegalStatus.C1, PlacementMove.SameCarers, PlacementType.U4, ReasonForPlacementChange.PLACE, ReasonForNewEpisode.T)]
    [InlineData(LegalStatus.C2, PlacementMove.NewCarers, PlacementType.K2, ReasonForPlacementChange.CARPL, ReasonForNewEpisode.B)]
    [InlineData(LegalStatus.C2, PlacementMove.SameCarers, PlacementType.U4, ReasonForPlacementChange.PLACE, ReasonForNewEpisode.U)]
    [InlineData(LegalStatus.C1, PlacementMove.NewCarers, PlacementType.T1, null, ReasonForNewEpisode.P)]
    [InlineData(LegalStatus.C2, PlacementMove.SameCarers, PlacementType.T2, null, ReasonForNewEpisode.U)]
    public void A_change_closes_the_episode_with_X1_and_opens_the_next_with_the_903_reason(
        LegalStatus legalStatus, PlacementMove move, PlacementType placementType,
        ReasonForPlacementChange? reasonForPlacementChange, ReasonForNewEpisode expectedReason)
    {
        var child = AChildLookedAfterSince("2025-06-02", LegalStatus.C1, PlacementType.U6);

        child.ChangeEpisode(D("2025-09-15"), legalStatus, move, placementType, reasonForPlacementChange, s_today, s_rules);

        Assert.Equal(2, child.Episodes.Count);
        var closed = child.Episodes[0];
        Assert.Equal(D("2025-09-15"), closed.EndedOn);
        Assert.Equal(ReasonEpisodeCeased.X1, closed.ReasonEnded);
        Assert.Equal(reasonForPlacementChange, closed.ReasonForPlacementChange);
        Assert.False(closed.IsOpen);

        var next = Assert.IsType<CareEpisode>(child.CurrentEpisode);
        Assert.Same(child.Episodes[1], next);
        Assert.Equal(D("2025-09-15"), next.StartedOn);
        Assert.Equal(expectedReason, next.ReasonForNewEpisode);
        Assert.Equal(legalStatus, next.LegalStatus);
        Assert.Equal(placementType, next.PlacementType);
        Assert.Equal(CategoryOfNeed.N1, next.CategoryOfNeed);
        Assert.Null(next.ReasonForPlacementChange);
    }

    [Fact]
    public void A_change_of_episode_does_not_restart_the_review_clock()
    {
        var child = AChildLookedAfterSince("2025-06-02");
        child.RecordReviewHeld(D("2025-06-25"), ParticipationCode.PN1, s_today, s_rules);

        child.ChangeEpisode(D("2025-07-14"), LegalStatus.C2, PlacementMove.NewCarers, PlacementType.U4,
            ReasonForPlacementChange.CARPL, s_today, s_rules);

        Assert.Equal(D("2025-06-02"), child.CurrentPeriodStart());
        Assert.Equal(D("2025-09-25"), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.SecondReview, child.NextReviewRuleId);
    }

    [Theory]
    [InlineData(PlacementMove.NewCarers, PlacementType.U4)]
    [InlineData(PlacementMove.SameCarers, PlacementType.U4)]
    [InlineData(PlacementMove.NewCarers, PlacementType.U6)]
    public void A_change_of_placement_needs_a_reason(PlacementMove move, PlacementType placementType)
    {
        var child = AChildLookedAfterSince("2025-06-02", LegalStatus.C1, PlacementType.U6);

        AssertRefused("ReasonForPlacementChange", () =>
            child.ChangeEpisode(D("2025-09-15"), LegalStatus.C1, move, placementType, null, s_today, s_rules));
        Assert.Single(child.Episodes);
    }

    [Theory]
    [InlineData(PlacementMove.None, PlacementType.U6)]      // a change of legal status only
    [InlineData(PlacementMove.NewCarers, PlacementType.T0)] // temporary placements T0 to T4 (903 rule 226)
    [InlineData(PlacementMove.NewCarers, PlacementType.T1)]
    [InlineData(PlacementMove.SameCarers, PlacementType.T2)]
    [InlineData(PlacementMove.NewCarers, PlacementType.T3)]
    [InlineData(PlacementMove.NewCarers, PlacementType.T4)]
    public void A_reason_for_placement_change_is_refused_for_a_legal_change_or_a_temporary_placement(
        PlacementMove move, PlacementType placementType)
    {
        var child = AChildLookedAfterSince("2025-06-02", LegalStatus.C1, PlacementType.U6);

        AssertRefused("ReasonForPlacementChange", () =>
            child.ChangeEpisode(D("2025-09-15"), LegalStatus.C2, move, placementType,
                ReasonForPlacementChange.CARPL, s_today, s_rules));
        Assert.Single(child.Episodes);
    }

    [Fact]
    public void Returning_from_a_temporary_placement_takes_no_reason_for_the_change()
    {
        // 903 rule 226: neither the move into a T0-T4 placement nor the move out of it carries a reason.
        var child = AChildLookedAfterSince("2025-06-02", LegalStatus.C1, PlacementType.U6);
        child.ChangeEpisode(D("2025-09-15"), LegalStatus.C1, PlacementMove.NewCarers, PlacementType.T1, null, s_today, s_rules);

        AssertRefused("ReasonForPlacementChange", () =>
            child.ChangeEpisode(D("2025-09-20"), LegalStatus.C1, PlacementMove.NewCarers, PlacementType.U6,
                ReasonForPlacementChange.CARPL, s_today, s_rules));

        child.ChangeEpisode(D("2025-09-20"), LegalStatus.C1, PlacementMove.NewCarers, PlacementType.U6, null, s_today, s_rules);
        Assert.Equal(3, child.Episodes.Count);
        Assert.Null(child.Episodes[1].ReasonForPlacementChange);
        Assert.Equal(ReasonEpisodeCeased.X1, child.Episodes[1].ReasonEnded);
        Assert.Equal(ReasonForNewEpisode.P, child.Episodes[2].ReasonForNewEpisode);
    }

    [Fact]
    public void The_placement_type_can_only_change_with_a_change_of_placement()
    {
        var child = AChildLookedAfterSince("2025-06-02", LegalStatus.C1, PlacementType.U6);

        AssertRefused("Move", () =>
            child.ChangeEpisode(D("2025-09-15"), LegalStatus.C2, PlacementMove.None, PlacementType.U4, null, s_today, s_rules));
    }

    [Fact]
    public void A_change_must_change_something()
    {
        var child = AChildLookedAfterSince("2025-06-02", LegalStatus.C1, PlacementType.U6);

        AssertRefused("LegalStatus", () =>
            child.ChangeEpisode(D("2025-09-15"), LegalStatus.C1, PlacementMove.None, PlacementType.U6, null, s_today, s_rules));
    }

    [Theory]
    [InlineData("2026-06-02")] // in the future
    [InlineData("2025-06-01")] // before the current episode started
    public void A_change_is_refused_on_an_impossible_date(string changedOn)
    {
        var child = AChildLookedAfterSince("2025-06-02");

        AssertRefused("ChangedOn", () =>
            child.ChangeEpisode(D(changedOn), LegalStatus.C2, PlacementMove.None, PlacementType.U6, null, s_today, s_rules));
    }

    [Fact]
    public void A_child_who_is_not_looked_after_has_no_episode_to_change()
    {
        var child = AChild();

        AssertRefused("ChangedOn", () =>
            child.ChangeEpisode(D("2025-09-15"), LegalStatus.C2, PlacementMove.None, PlacementType.U6, null, s_today, s_rules));
    }

    // ---- Ceasing to be looked after ------------------------------------------------------------

    [Fact]
    public void Ceasing_to_be_looked_after_closes_the_episode_and_stops_the_review_clock()
    {
        var child = AChildLookedAfterSince("2025-06-02");
        child.RecordReviewHeld(D("2025-06-25"), ParticipationCode.PN1, s_today, s_rules);

        child.CeaseToBeLookedAfter(D("2025-08-01"), ReasonEpisodeCeased.E4A, s_today, s_rules);

        var episode = Assert.Single(child.Episodes);
        Assert.Equal(D("2025-08-01"), episode.EndedOn);
        Assert.Equal(ReasonEpisodeCeased.E4A, episode.ReasonEnded);
        Assert.False(child.IsLookedAfter);
        Assert.Null(child.CurrentEpisode);
        Assert.Null(child.CurrentPeriodStart());
        Assert.Null(child.NextReviewDueOn);
        Assert.Null(child.NextReviewRuleId);
        Assert.Null(child.NextReviewDue(s_rules));
    }

    [Fact]
    public void X1_is_not_a_reason_to_stop_being_looked_after()
    {
        var child = AChildLookedAfterSince("2025-06-02");

        AssertRefused("Reason", () => child.CeaseToBeLookedAfter(D("2025-08-01"), ReasonEpisodeCeased.X1, s_today, s_rules));
        Assert.True(child.IsLookedAfter);
    }

    [Theory]
    [InlineData("2026-06-02")] // in the future
    [InlineData("2025-06-01")] // before the episode started
    [InlineData("2025-06-24")] // before a review already held in this period of care
    public void Ceasing_to_be_looked_after_is_refused_on_an_impossible_date(string endedOn)
    {
        var child = AChildLookedAfterSince("2025-06-02");
        child.RecordReviewHeld(D("2025-06-25"), ParticipationCode.PN1, s_today, s_rules);

        AssertRefused("EndedOn", () => child.CeaseToBeLookedAfter(D(endedOn), ReasonEpisodeCeased.E4A, s_today, s_rules));
        Assert.True(child.IsLookedAfter);
    }

    [Fact]
    public void A_child_who_is_not_looked_after_cannot_cease_to_be()
    {
        AssertRefused("EndedOn", () => AChild().CeaseToBeLookedAfter(D("2025-08-01"), ReasonEpisodeCeased.E4A, s_today, s_rules));
    }

    [Fact]
    public void A_new_period_of_care_restarts_the_review_sequence_at_the_first_review()
    {
        var child = AChildLookedAfterSince("2024-01-08");
        child.RecordReviewHeld(D("2024-02-01"), ParticipationCode.PN1, s_today, s_rules);
        child.RecordReviewHeld(D("2024-05-01"), ParticipationCode.PN1, s_today, s_rules);
        child.CeaseToBeLookedAfter(D("2024-09-02"), ReasonEpisodeCeased.E4A, s_today, s_rules);

        child.BecomeLookedAfter(D("2025-06-02"), LegalStatus.V2, PlacementType.U6, CategoryOfNeed.N1, s_today, s_rules);

        Assert.Equal(D("2025-06-02"), child.CurrentPeriodStart());
        Assert.Equal(ReasonForNewEpisode.S, child.CurrentEpisode!.ReasonForNewEpisode);
        Assert.Equal(D("2025-06-30"), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.FirstReview, child.NextReviewRuleId);

        var first = child.RecordReviewHeld(D("2025-06-20"), ParticipationCode.PN1, s_today, s_rules);

        Assert.Equal(ReviewSchedule.FirstReview, first.DueRuleId);
        Assert.Equal(D("2025-09-20"), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.SecondReview, child.NextReviewRuleId);
    }

    // ---- Recording a review --------------------------------------------------------------------

    [Fact]
    public void Each_review_held_moves_the_next_review_due()
    {
        var child = AChildLookedAfterSince("2025-06-02");
        Assert.Equal(D("2025-06-30"), child.NextReviewDueOn);

        child.RecordReviewHeld(D("2025-06-25"), ParticipationCode.PN1, s_today, s_rules);
        Assert.Equal(D("2025-09-25"), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.SecondReview, child.NextReviewRuleId);

        child.RecordReviewHeld(D("2025-09-10"), ParticipationCode.PN5, s_today, s_rules);
        Assert.Equal(D("2026-03-10"), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.SubsequentReview, child.NextReviewRuleId);

        child.RecordReviewHeld(D("2026-03-12"), ParticipationCode.PN7, s_today, s_rules);
        Assert.Equal(D("2026-09-12"), child.NextReviewDueOn);
        Assert.Equal(3, child.Reviews.Count);
    }

    [Theory]
    [InlineData("2025-06-25", "2025-06-30", false)]
    [InlineData("2025-06-30", "2025-06-30", false)] // on the due date is on time
    [InlineData("2025-07-01", "2025-06-30", true)]
    public void A_review_records_the_due_date_it_was_held_against_and_whether_it_was_late(
        string heldOn, string expectedDue, bool expectedLate)
    {
        var child = AChildLookedAfterSince("2025-06-02");

        var review = child.RecordReviewHeld(D(heldOn), ParticipationCode.PN1, s_today, s_rules);

        Assert.Equal(D(heldOn), review.HeldOn);
        Assert.Equal(D(expectedDue), review.DueOn);
        Assert.Equal(ReviewSchedule.FirstReview, review.DueRuleId);
        Assert.Equal(expectedLate, review.WasLate);
        Assert.Equal(ParticipationCode.PN1, review.ParticipationCode);
    }

    [Fact]
    public void A_review_entered_after_later_ones_is_held_against_the_due_date_of_its_own_day()
    {
        var child = AChildLookedAfterSince("2025-06-02");
        child.RecordReviewHeld(D("2025-09-10"), ParticipationCode.PN1, s_today, s_rules);

        var earlier = child.RecordReviewHeld(D("2025-06-25"), ParticipationCode.PN1, s_today, s_rules);

        Assert.Equal(D("2025-06-30"), earlier.DueOn);
        Assert.Equal(ReviewSchedule.FirstReview, earlier.DueRuleId);
        Assert.False(earlier.WasLate);
        Assert.Equal(D("2026-03-10"), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.SubsequentReview, child.NextReviewRuleId);
    }

    [Theory]
    [InlineData("2022-03-10", "2026-03-09", ParticipationCode.PN0, true)]  // the day before the 4th birthday
    [InlineData("2022-03-10", "2026-03-09", ParticipationCode.PN1, false)] // 903 rule 441
    [InlineData("2022-03-10", "2026-03-09", ParticipationCode.PN7, false)]
    [InlineData("2022-03-10", "2026-03-10", ParticipationCode.PN0, false)] // on the 4th birthday: rule 440
    [InlineData("2022-03-10", "2026-03-10", ParticipationCode.PN1, true)]
    [InlineData("2022-03-10", "2026-03-10", ParticipationCode.PN7, true)]
    [InlineData("2020-02-29", "2024-02-28", ParticipationCode.PN0, true)]  // born on 29 February
    [InlineData("2020-02-29", "2024-02-29", ParticipationCode.PN0, false)]
    [InlineData("2020-02-29", "2024-02-29", ParticipationCode.PN2, true)]
    [InlineData("2015-05-01", "2026-03-10", ParticipationCode.PN0, false)]
    [InlineData("2015-05-01", "2026-03-10", ParticipationCode.PN3, true)]
    public void PN0_is_for_a_child_under_4_on_the_review_date_and_PN1_to_PN7_for_a_child_of_4_or_over(
        string dateOfBirth, string heldOn, ParticipationCode participation, bool allowed)
    {
        var child = AChildLookedAfterSince("2023-11-06", dateOfBirth: dateOfBirth);

        void Record() => child.RecordReviewHeld(D(heldOn), participation, s_today, s_rules);

        if (allowed)
        {
            Record();
            Assert.Equal(participation, Assert.Single(child.Reviews).ParticipationCode);
        }
        else
        {
            AssertRefused("ParticipationCode", Record);
            Assert.Empty(child.Reviews);
        }
    }

    [Fact]
    public void Participation_must_be_recorded_for_a_child_not_on_short_breaks()
    {
        var child = AChildLookedAfterSince("2025-06-02", LegalStatus.V2);

        AssertRefused("ParticipationCode", () => child.RecordReviewHeld(D("2025-06-25"), null, s_today, s_rules));
        Assert.Empty(child.Reviews);
    }

    [Theory]
    [InlineData(LegalStatus.V3)]
    [InlineData(LegalStatus.V4)]
    public void Participation_is_not_recorded_for_a_child_on_short_breaks(LegalStatus shortBreaks)
    {
        var child = AChildLookedAfterSince("2025-06-02", shortBreaks);

        AssertRefused("ParticipationCode", () =>
            child.RecordReviewHeld(D("2025-08-01"), ParticipationCode.PN1, s_today, s_rules));

        var review = child.RecordReviewHeld(D("2025-08-01"), null, s_today, s_rules);
        Assert.Null(review.ParticipationCode);
        Assert.Equal(ReviewSchedule.FirstShortBreakReview, review.DueRuleId);
        Assert.Equal(D("2026-02-01"), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.SubsequentShortBreakReview, child.NextReviewRuleId);
    }

    [Theory]
    [InlineData("2026-06-02")] // in the future
    [InlineData("2025-06-01")] // before the child became looked after
    [InlineData("2025-06-25")] // a review on that day is already recorded
    public void A_review_is_refused_on_an_impossible_date(string heldOn)
    {
        var child = AChildLookedAfterSince("2025-06-02");
        child.RecordReviewHeld(D("2025-06-25"), ParticipationCode.PN1, s_today, s_rules);

        AssertRefused("HeldOn", () => child.RecordReviewHeld(D(heldOn), ParticipationCode.PN1, s_today, s_rules));
        Assert.Single(child.Reviews);
    }

    [Fact]
    public void A_review_held_today_is_accepted()
    {
        var child = AChildLookedAfterSince("2026-05-01");

        child.RecordReviewHeld(s_today, ParticipationCode.PN1, s_today, s_rules);

        Assert.Equal(s_today, Assert.Single(child.Reviews).HeldOn);
    }

    [Fact]
    public void No_review_can_be_recorded_for_a_child_who_is_not_looked_after()
    {
        var child = AChildLookedAfterSince("2025-06-02");
        child.CeaseToBeLookedAfter(D("2025-08-01"), ReasonEpisodeCeased.E4A, s_today, s_rules);

        AssertRefused("HeldOn", () => child.RecordReviewHeld(D("2025-07-01"), ParticipationCode.PN1, s_today, s_rules));
        Assert.Empty(child.Reviews);
    }
}
