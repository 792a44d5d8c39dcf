using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Reviews;
using static CareReview.Tests.Domain.Dates;
using static CareReview.Tests.Domain.ReviewFixtures;

namespace CareReview.Tests.Domain;

/// <summary>
/// A review from arrangement to record (statutory-rules.md §3.2 R1–R3 and R6): scheduled inside the
/// statutory window or with a reason for lateness, rearranged, adjourned once for at most 20 working
/// days, and recorded with the SSDA903 participation rules, after which the review clock moves.
/// </summary>
/// <remarks>
/// The child became looked after on Monday 7 December 2026. The first review is due 20 working days
/// later, counted from the day after and skipping Christmas Day (Friday 25 December), the Boxing Day
/// substitute (Monday 28 December) and New Year's Day (Friday 1 January 2027): Thursday 7 January 2027.
/// </remarks>
public sealed class ReviewLifecycleTests
{
    private const string LookedAfterSince = "2026-12-07";
    private const string FirstReviewDue = "2027-01-07";
    private static readonly DateOnly s_today = D("2026-12-08");

    private static Child AChild() => AChildLookedAfterSince(LookedAfterSince);

    // ---- Scheduling inside the statutory window -----------------------------------------------

    [Theory]
    [InlineData("2026-12-08")] // today
    [InlineData("2027-01-05")]
    [InlineData(FirstReviewDue)] // on the due date is on time
    public void A_review_can_be_scheduled_on_any_day_from_today_until_it_is_due(string date)
    {
        var child = AChild();

        var review = child.ScheduleReview(Arrangements(date), s_today, Rules);

        Assert.Same(review, child.OpenReview);
        Assert.Equal(ReviewState.Scheduled, review.State);
        Assert.Equal(D(date), review.ScheduledFor);
        Assert.Equal(new TimeOnly(10, 0), review.StartsAt);
        Assert.Equal("Family centre", review.Venue);
        Assert.Equal(D(FirstReviewDue), review.DueOn);
        Assert.Equal(ReviewSchedule.FirstReview, review.DueRuleId);
        Assert.Null(review.LatenessReason);
        Assert.Null(review.HeldOn);
        Assert.False(review.IsHeld);
    }

    [Fact]
    public void A_date_after_the_review_is_due_is_refused_without_a_reason_for_the_lateness()
    {
        var child = AChild();

        var refusal = AssertRefused("LatenessReason", () => child.ScheduleReview(Arrangements("2027-01-08"), s_today, Rules));

        Assert.Equal("The review is due by 7 January 2027. Give the reason it will be late", refusal.Message);
        Assert.Null(child.OpenReview);
        Assert.Empty(child.Reviews);
    }

    [Theory]
    [InlineData("2027-01-08", "  The chair is on leave  ", "The chair is on leave")]
    [InlineData("2027-02-01", "Mum is in hospital", "Mum is in hospital")]
    public void A_date_after_the_review_is_due_is_accepted_with_a_reason(string date, string reason, string expectedReason)
    {
        var child = AChild();

        var review = child.ScheduleReview(Arrangements(date, latenessReason: reason), s_today, Rules);

        Assert.Equal(D(date), review.ScheduledFor);
        Assert.Equal(expectedReason, review.LatenessReason);
    }

    [Fact]
    public void A_reason_for_lateness_is_not_kept_for_a_review_on_time()
    {
        var child = AChild();

        var review = child.ScheduleReview(Arrangements("2027-01-05", latenessReason: "Not needed"), s_today, Rules);

        Assert.Null(review.LatenessReason);
    }

    [Theory]
    [InlineData(null, "Family centre", "2026-12-08", "Date")]         // no date
    [InlineData("2026-12-07", "Family centre", "2026-12-08", "Date")] // yesterday
    [InlineData("2026-12-04", "Family centre", "2026-12-01", "Date")] // before the child became looked after
    [InlineData("2027-01-05", null, "2026-12-08", "Venue")]
    [InlineData("2027-01-05", "  ", "2026-12-08", "Venue")]
    public void Scheduling_is_refused_without_a_possible_date_and_a_venue(string? date, string? venue, string today, string field)
    {
        var child = AChild();

        AssertRefused(field, () => child.ScheduleReview(Arrangements(date, venue), D(today), Rules));
        Assert.Empty(child.Reviews);
    }

    [Fact]
    public void Scheduling_is_refused_when_the_venue_or_invitees_are_too_long()
    {
        var child = AChild();

        AssertRefused("Venue", () => child.ScheduleReview(Arrangements("2027-01-05", new string('v', 201)), s_today, Rules));
        AssertRefused("Invitees", () => child.ScheduleReview(
            new ReviewArrangements(D("2027-01-05"), null, "Family centre", new string('i', 2001), null), s_today, Rules));
        Assert.Empty(child.Reviews);
    }

    [Fact]
    public void A_child_can_have_only_one_review_arranged_at_a_time()
    {
        var child = AChild();
        var first = child.ScheduleReview(Arrangements("2027-01-05"), s_today, Rules);

        AssertRefused("Date", () => child.ScheduleReview(Arrangements("2027-01-06"), s_today, Rules));

        Assert.Same(first, Assert.Single(child.Reviews));
        Assert.Equal(D("2027-01-05"), first.ScheduledFor);
    }

    [Fact]
    public void A_child_who_is_not_looked_after_cannot_have_a_review_arranged()
    {
        var child = AChild();
        child.CeaseToBeLookedAfter(D("2026-12-08"), ReasonEpisodeCeased.E4A, s_today, Rules);

        AssertRefused("Date", () => child.ScheduleReview(Arrangements("2027-01-05"), s_today, Rules));
    }

    // ---- Rearranging ----------------------------------------------------------------------------

    [Fact]
    public void Rearranging_moves_the_review_and_keeps_it_the_same_review()
    {
        var child = AChild();
        var review = child.ScheduleReview(Arrangements("2027-01-05"), s_today, Rules);

        child.RearrangeReview(new ReviewArrangements(D("2027-01-06"), new TimeOnly(14, 30), "School", "Sam and teacher", null), D("2026-12-20"), Rulebook.National);

        Assert.Same(review, Assert.Single(child.Reviews));
        Assert.Equal(D("2027-01-06"), review.ScheduledFor);
        Assert.Equal(new TimeOnly(14, 30), review.StartsAt);
        Assert.Equal("School", review.Venue);
        Assert.Equal("Sam and teacher", review.Invitees);
        Assert.Equal(D(FirstReviewDue), review.DueOn);
    }

    [Fact]
    public void Rearranging_past_the_due_date_needs_a_reason_and_a_refusal_changes_nothing()
    {
        var child = AChild();
        var review = child.ScheduleReview(Arrangements("2027-01-05"), s_today, Rules);

        AssertRefused("LatenessReason", () => child.RearrangeReview(Arrangements("2027-01-11", "School"), s_today, Rulebook.National));
        Assert.Equal(D("2027-01-05"), review.ScheduledFor);
        Assert.Equal("Family centre", review.Venue);

        child.RearrangeReview(Arrangements("2027-01-11", latenessReason: "Sam's exams"), s_today, Rulebook.National);
        Assert.Equal("Sam's exams", review.LatenessReason);

        child.RearrangeReview(Arrangements("2027-01-06"), s_today, Rulebook.National);
        Assert.Null(review.LatenessReason);
    }

    [Fact]
    public void Only_an_arranged_review_can_be_rearranged()
    {
        var child = AChild();

        AssertRefused("Date", () => child.RearrangeReview(Arrangements("2027-01-05"), s_today, Rulebook.National));

        child.ScheduleReview(Arrangements("2026-12-18"), s_today, Rules);
        child.AdjournReview(D("2026-12-18"), D("2027-01-06"), "The health assessment is missing", D("2026-12-18"), Rules);
        AssertRefused("Date", () => child.RearrangeReview(Arrangements("2027-01-07"), D("2026-12-18"), Rulebook.National));
        Assert.Equal(D("2027-01-06"), child.OpenReview!.ScheduledFor);
    }

    // ---- Adjournment (R6) -----------------------------------------------------------------------

    // Adjourned on Friday 18 December 2026. Counting 20 working days from the Monday after, and skipping
    // 25 and 28 December and 1 January: 21–24 Dec (4), 29–31 Dec (7), 4–8 Jan (12), 11–15 Jan (17),
    // 18, 19, 20 Jan (20). The review must resume by Wednesday 20 January 2027.
    [Theory]
    [InlineData("2026-12-21", true)]
    [InlineData("2027-01-19", true)]
    [InlineData("2027-01-20", true)]  // the 20th working day
    [InlineData("2027-01-21", false)] // the 21st
    [InlineData("2026-12-18", false)] // the same day
    [InlineData("2026-12-17", false)] // before it
    public void An_adjourned_review_must_resume_within_20_working_days(string resumeOn, bool allowed)
    {
        var child = AChild();
        var review = child.ScheduleReview(Arrangements("2026-12-18"), s_today, Rules);

        void Adjourn() => child.AdjournReview(D("2026-12-18"), D(resumeOn), "The health assessment is missing", D("2026-12-18"), Rules);

        if (allowed)
        {
            Adjourn();
            Assert.Equal(ReviewState.Adjourned, review.State);
            Assert.Equal(D("2026-12-18"), review.AdjournedOn);
            Assert.Equal("The health assessment is missing", review.AdjournmentReason);
            Assert.Equal(D(resumeOn), review.ScheduledFor);
            Assert.Same(review, child.OpenReview);
        }
        else
        {
            var refusal = AssertRefused("ResumeOn", Adjourn);
            Assert.Equal(ReviewState.Scheduled, review.State);
            Assert.Null(review.AdjournedOn);
            Assert.Equal(D("2026-12-18"), review.ScheduledFor);
            if (D(resumeOn) > D("2026-12-18"))
            {
                Assert.Equal("An adjourned review must resume within 20 working days: by 20 January 2027", refusal.Message);
            }
        }
    }

    [Fact]
    public void A_review_can_be_adjourned_only_once()
    {
        var child = AChild();
        child.ScheduleReview(Arrangements("2026-12-18"), s_today, Rules);
        child.AdjournReview(D("2026-12-18"), D("2027-01-06"), "The health assessment is missing", D("2026-12-18"), Rules);

        var refusal = AssertRefused("AdjournedOn", () =>
            child.AdjournReview(D("2027-01-06"), D("2027-01-08"), "Still missing", D("2027-01-06"), Rules));

        Assert.Equal("A review can only be adjourned once", refusal.Message);
        Assert.Equal(D("2027-01-06"), child.OpenReview!.ScheduledFor);
        Assert.Equal(D("2026-12-18"), child.OpenReview.AdjournedOn);
    }

    [Theory]
    [InlineData("2026-12-18", "  ", "2026-12-18", "AdjournmentReason")]
    [InlineData("2026-12-18", null, "2026-12-18", "AdjournmentReason")]
    [InlineData("2026-12-18", "Missing reports", "2026-12-17", "AdjournedOn")] // the meeting has not happened yet
    [InlineData("2026-12-06", "Missing reports", "2026-12-18", "AdjournedOn")] // before the child became looked after
    public void Adjourning_needs_a_reason_and_a_meeting_that_has_happened(string on, string? reason, string today, string field)
    {
        var child = AChild();
        var review = child.ScheduleReview(Arrangements("2026-12-18"), s_today, Rules);

        AssertRefused(field, () => child.AdjournReview(D(on), D("2027-01-06"), reason, D(today), Rules));
        Assert.Equal(ReviewState.Scheduled, review.State);
    }

    [Fact]
    public void Only_an_arranged_review_can_be_adjourned()
    {
        var child = AChild();

        AssertRefused("AdjournedOn", () =>
            child.AdjournReview(D("2026-12-18"), D("2027-01-06"), "Missing reports", D("2026-12-18"), Rules));
    }

    [Theory]
    [InlineData("2026-12-17", false)] // before the adjournment
    [InlineData("2026-12-18", false)] // the day of the adjournment
    [InlineData("2026-12-21", true)]
    [InlineData("2027-01-06", true)]
    public void An_adjourned_review_is_held_after_the_day_it_was_adjourned(string heldOn, bool allowed)
    {
        var child = AChild();
        var review = child.ScheduleReview(Arrangements("2026-12-18"), s_today, Rules);
        child.AdjournReview(D("2026-12-18"), D("2027-01-06"), "The health assessment is missing", D("2026-12-18"), Rules);

        void Record() => child.RecordReview(Held(heldOn), [], [], "IRO Jo", D("2027-01-06"), Rules);

        if (allowed)
        {
            Record();
            Assert.Same(review, Assert.Single(child.Reviews));
            Assert.Equal(ReviewState.Held, review.State);
            Assert.Equal(D(heldOn), review.HeldOn);
            Assert.Equal(D("2026-12-18"), review.AdjournedOn);
        }
        else
        {
            AssertRefused("HeldOn", Record);
            Assert.Equal(ReviewState.Adjourned, review.State);
            Assert.Same(review, child.OpenReview);
            Assert.Equal(D(FirstReviewDue), child.NextReviewDueOn);
        }
    }

    // ---- Recording the review -------------------------------------------------------------------

    [Fact]
    public void Recording_the_arranged_review_holds_it_against_its_due_date_and_keeps_what_was_said()
    {
        var child = AChild();
        var review = child.ScheduleReview(Arrangements("2027-01-05"), s_today, Rules);
        var considerations = new Dictionary<int, string> { [4] = "  Contact with Mum weekly  ", [9] = "", [12] = "Wants to stay" };

        var recorded = child.RecordReview(Held("2027-01-06", ParticipationCode.PN3, considerations), [], [], "IRO Jo", D("2027-01-06"), Rules);

        Assert.Same(review, recorded);
        Assert.Null(child.OpenReview);
        Assert.Equal(ReviewState.Held, review.State);
        Assert.True(review.IsHeld);
        Assert.Equal(D("2027-01-06"), review.HeldOn);
        Assert.Equal(D("2027-01-05"), review.ScheduledFor); // kept: the day it was arranged for
        Assert.Equal(D(FirstReviewDue), review.DueOn);
        Assert.False(review.WasLate);
        Assert.Equal(ParticipationCode.PN3, review.ParticipationCode);
        Assert.Equal("Sam wants to stay with the carers", review.ChildWishesAndFeelings);
        Assert.Equal("Mum agrees", review.ParentsViews);
        Assert.Equal("The plan is working", review.IroView);
        Assert.Equal("Dear Sam, ...", review.LetterToChild);
        Assert.Collection(review.Considerations.OrderBy(c => c.Paragraph),
            c => Assert.Equal((4, "Contact with Mum weekly"), (c.Paragraph, c.Answer)),
            c => Assert.Equal((12, "Wants to stay"), (c.Paragraph, c.Answer)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(14)]
    public void A_consideration_must_be_one_of_the_13_in_Schedule_7(int paragraph)
    {
        var child = AChild();
        var review = child.ScheduleReview(Arrangements("2027-01-05"), s_today, Rules);

        AssertRefused("Considerations", () => child.RecordReview(
            Held("2027-01-05", considerations: new Dictionary<int, string> { [paragraph] = "Something" }), [], [], "IRO Jo", D("2027-01-05"), Rules));
        Assert.Equal(ReviewState.Scheduled, review.State);
        Assert.Equal(13, Schedule7.Considerations.Count);
    }

    [Fact]
    public void A_review_held_after_its_due_date_is_late()
    {
        var child = AChild();
        child.ScheduleReview(Arrangements("2027-01-11", latenessReason: "Chair ill"), s_today, Rules);

        var review = child.RecordReview(Held("2027-01-11"), [], [], "IRO Jo", D("2027-01-11"), Rules);

        Assert.True(review.WasLate);
    }

    [Fact]
    public void Recording_each_review_moves_the_clock_first_to_second_to_subsequent()
    {
        var child = AChild();
        Assert.Equal(D(FirstReviewDue), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.FirstReview, child.NextReviewRuleId);

        child.ScheduleReview(Arrangements("2027-01-05"), s_today, Rules);
        child.RecordReview(Held("2027-01-05"), [], [], "IRO Jo", D("2027-01-05"), Rules);
        Assert.Equal(D("2027-04-05"), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.SecondReview, child.NextReviewRuleId);

        var second = child.ScheduleReview(Arrangements("2027-03-31"), D("2027-01-06"), Rules);
        Assert.Equal(D("2027-04-05"), second.DueOn);
        Assert.Equal(ReviewSchedule.SecondReview, second.DueRuleId);
        child.RecordReview(Held("2027-03-31"), [], [], "IRO Jo", D("2027-03-31"), Rules);
        Assert.Equal(D("2027-09-30"), child.NextReviewDueOn); // six months from the review held, clamped to month end
        Assert.Equal(ReviewSchedule.SubsequentReview, child.NextReviewRuleId);

        child.RecordReviewHeld(D("2027-08-02"), ParticipationCode.PN1, D("2027-08-02"), Rules);
        Assert.Equal(D("2028-02-02"), child.NextReviewDueOn);
        Assert.Equal(3, child.Reviews.Count);
        Assert.All(child.Reviews, r => Assert.True(r.IsHeld));
    }

    [Theory]
    [InlineData("2027-01-08", "2026-12-08")] // in the future
    [InlineData("2026-12-06", "2026-12-08")] // before the child became looked after
    public void A_review_cannot_be_recorded_on_an_impossible_date(string heldOn, string today)
    {
        var child = AChild();
        var review = child.ScheduleReview(Arrangements("2026-12-08"), s_today, Rules);

        AssertRefused("HeldOn", () => child.RecordReview(Held(heldOn), [], [], "IRO Jo", D(today), Rules));
        Assert.Same(review, child.OpenReview);
    }

    [Fact]
    public void Two_reviews_cannot_be_held_on_the_same_day()
    {
        var child = AChild();
        child.RecordReviewHeld(D("2026-12-18"), ParticipationCode.PN1, D("2026-12-18"), Rules);

        AssertRefused("HeldOn", () => child.RecordReviewHeld(D("2026-12-18"), ParticipationCode.PN1, D("2026-12-18"), Rules));
        Assert.Single(child.Reviews);
    }

    [Fact]
    public void A_review_from_the_past_entered_now_leaves_the_arranged_review_alone()
    {
        var child = AChild();
        child.RecordReviewHeld(D("2026-12-18"), ParticipationCode.PN1, D("2026-12-18"), Rules);
        var arranged = child.ScheduleReview(Arrangements("2027-03-10"), D("2026-12-21"), Rules);

        var history = child.RecordReviewHeld(D("2026-12-10"), ParticipationCode.PN1, D("2026-12-21"), Rules);

        Assert.NotSame(arranged, history);
        Assert.Same(arranged, child.OpenReview);
        Assert.Equal((ReviewState.Scheduled, D("2027-03-10"), (DateOnly?)null), (arranged.State, arranged.ScheduledFor, arranged.HeldOn));
        Assert.Equal((D(FirstReviewDue), ReviewSchedule.FirstReview), (history.DueOn, history.DueRuleId));
        Assert.Equal(3, child.Reviews.Count);
    }

    [Fact]
    public void A_refused_record_leaves_no_half_made_review_behind()
    {
        var child = AChild();

        AssertRefused("OwnerName", () => RecordWith(child, "2026-12-18", Draft(ownerName: null)));
        AssertRefused("Considerations", () => child.RecordReview(
            Held("2026-12-18", considerations: new Dictionary<int, string> { [99] = "?" }), [], [], "IRO Jo", D("2026-12-18"), Rules));

        Assert.Empty(child.Reviews);
        Assert.Null(child.OpenReview);
        Assert.Equal(D(FirstReviewDue), child.NextReviewDueOn);
    }

    // ---- Participation (SSDA903 rules 167, 399, 440, 441) ---------------------------------------

    [Theory]
    [InlineData("2022-12-19", ParticipationCode.PN0, true)]  // 4th birthday is the day after the review
    [InlineData("2022-12-19", ParticipationCode.PN1, false)]
    [InlineData("2022-12-19", ParticipationCode.PN7, false)]
    [InlineData("2022-12-18", ParticipationCode.PN0, false)] // 4 on the day of the review
    [InlineData("2022-12-18", ParticipationCode.PN1, true)]
    [InlineData("2022-12-18", ParticipationCode.PN4, true)]
    [InlineData("2022-12-18", ParticipationCode.PN7, true)]
    [InlineData("2010-06-30", ParticipationCode.PN0, false)]
    [InlineData("2010-06-30", ParticipationCode.PN6, true)]
    [InlineData("2026-01-31", ParticipationCode.PN0, true)]  // a baby
    [InlineData("2026-01-31", ParticipationCode.PN2, false)]
    [InlineData("2022-12-18", null, false)]                  // a code is required
    [InlineData("2026-01-31", null, false)]
    public void PN0_is_only_for_a_child_under_4_and_PN1_to_PN7_only_for_a_child_of_4_or_over(
        string dateOfBirth, ParticipationCode? participation, bool allowed)
    {
        var child = AChildLookedAfterSince(LookedAfterSince, dateOfBirth: dateOfBirth);
        child.ScheduleReview(Arrangements("2026-12-18"), s_today, Rules);

        void Record() => child.RecordReview(Held("2026-12-18", participation), [], [], "IRO Jo", D("2026-12-18"), Rules);

        if (allowed)
        {
            Record();
            Assert.Equal(participation, Assert.Single(child.Reviews).ParticipationCode);
        }
        else
        {
            AssertRefused("ParticipationCode", Record);
            Assert.NotNull(child.OpenReview);
        }
    }

    [Theory]
    [InlineData(LegalStatus.V3, null, true)]
    [InlineData(LegalStatus.V4, null, true)]
    [InlineData(LegalStatus.V3, ParticipationCode.PN1, false)]
    [InlineData(LegalStatus.V4, ParticipationCode.PN0, false)]
    [InlineData(LegalStatus.V2, null, false)]
    public void No_participation_code_is_recorded_for_a_child_on_short_breaks(LegalStatus legalStatus, ParticipationCode? participation, bool allowed)
    {
        var child = AChildLookedAfterSince(LookedAfterSince, legalStatus);

        void Record() => child.RecordReview(Held("2026-12-18", participation), [], [], "IRO Jo", D("2026-12-18"), Rules);

        if (allowed)
        {
            Record();
            Assert.Null(Assert.Single(child.Reviews).ParticipationCode);
        }
        else
        {
            var refusal = AssertRefused("ParticipationCode", Record);
            Assert.Empty(child.Reviews);
            if (legalStatus != LegalStatus.V2)
            {
                Assert.Equal("Do not record participation for a child on short breaks (legal status V3 or V4)", refusal.Message);
            }
        }
    }

    // ---- After the meeting ----------------------------------------------------------------------

    [Theory]
    [InlineData("2026-12-17", "2026-12-21", "On")] // before the review
    [InlineData("2026-12-22", "2026-12-21", "On")] // in the future
    public void Decisions_and_the_record_are_issued_on_or_after_the_review_and_not_in_the_future(string on, string today, string field)
    {
        var child = AChild();
        var review = child.RecordReviewHeld(D("2026-12-18"), ParticipationCode.PN1, D("2026-12-18"), Rules);

        AssertRefused(field, () => review.IssueDecisions(D(on), D(today)));
        AssertRefused(field, () => review.IssueRecord(D(on), D(today)));
        Assert.Null(review.DecisionsIssuedOn);
        Assert.Null(review.RecordIssuedOn);
    }

    [Fact]
    public void Decisions_cannot_be_issued_for_a_review_not_yet_held()
    {
        var child = AChild();
        var review = child.ScheduleReview(Arrangements("2026-12-18"), s_today, Rules);

        AssertRefused("On", () => review.IssueDecisions(D("2026-12-18"), D("2026-12-18")));
        Assert.Null(review.DecisionsDueOn(Calendar));
        Assert.Null(review.RecordDueOn(Calendar));
    }

    [Fact]
    public void A_child_with_a_review_arranged_cannot_stop_being_looked_after_until_it_is_recorded()
    {
        var child = AChild();
        child.ScheduleReview(Arrangements("2026-12-18"), s_today, Rules);

        AssertRefused("EndedOn", () => child.CeaseToBeLookedAfter(D("2026-12-10"), ReasonEpisodeCeased.E4A, D("2026-12-10"), Rules));
        Assert.True(child.IsLookedAfter);
    }
}
