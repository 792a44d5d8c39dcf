using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using static CareReview.Tests.Domain.Dates;
using static CareReview.Tests.Domain.ReviewFixtures;

namespace CareReview.Tests.Domain;

/// <summary>
/// The IRO asks for the next review to be held earlier than the statutory date (CPPCR 2010 reg 33(3)(a);
/// statutory-rules.md §3.2 R4). The request, with its reason, sets the child's review clock and the due
/// date of a review already arranged, until a review answers it.
/// </summary>
/// <remarks>
/// The child became looked after on 1 June 2026 and was first reviewed on 24 June 2026, so the second
/// review is due by 24 September 2026 (R2). The IRO asks on 1 July 2026.
/// </remarks>
public sealed class BringingAReviewForwardTests
{
    private const string Asked = "2026-07-01";
    private const string StatutoryDue = "2026-09-24";
    private const string Reason = "The placement is at risk of breaking down";

    private static Child AChildReviewedOnce()
    {
        var child = AChildLookedAfterSince("2026-06-01");
        child.RecordReviewHeld(D("2026-06-24"), ParticipationCode.PN1, D("2026-06-24"), Rules);
        return child;
    }

    private static Child AChildWithTheReviewBroughtForwardTo(string to)
    {
        var child = AChildReviewedOnce();
        child.BringReviewForward(D(to), Reason, D(Asked), Rules);
        return child;
    }

    [Fact]
    public void The_next_review_is_due_on_the_date_the_IRO_asked_for_with_their_reason()
    {
        var child = AChildReviewedOnce();

        child.BringReviewForward(D("2026-08-03"), $"  {Reason}  ", D(Asked), Rules);

        var due = child.NextReviewDue(Rules)!;
        Assert.Equal(D("2026-08-03"), due.DueOn);
        Assert.Equal("R4", due.RuleId);
        Assert.Equal(ReviewSchedule.BroughtForward, due.RuleId);
        Assert.Contains(Reason, due.Explanation, StringComparison.Ordinal);
        Assert.Contains("CPPCR 2010 reg 33(3)(a)", due.Explanation, StringComparison.Ordinal);
        Assert.Contains("1 July 2026", due.Explanation, StringComparison.Ordinal);
        Assert.Equal(D("2026-08-03"), child.NextReviewDueOn);
        Assert.Equal("R4", child.NextReviewRuleId);
        Assert.Equal((D("2026-08-03"), D(Asked), Reason),
            (child.ReviewBroughtForwardTo, child.ReviewBroughtForwardOn, child.ReviewBroughtForwardReason));
    }

    [Theory]
    [InlineData(Asked, true)]         // today
    [InlineData("2026-09-23", true)]  // the day before the statutory date
    [InlineData("2026-06-30", false)] // yesterday
    [InlineData(StatutoryDue, false)] // not earlier
    [InlineData("2026-10-01", false)] // later
    public void The_new_date_must_be_from_today_and_before_the_statutory_date(string to, bool allowed)
    {
        var child = AChildReviewedOnce();

        void BringForward() => child.BringReviewForward(D(to), Reason, D(Asked), Rules);

        if (allowed)
        {
            BringForward();
            Assert.Equal(D(to), child.NextReviewDueOn);
            Assert.Equal("R4", child.NextReviewRuleId);
        }
        else
        {
            var refusal = AssertRefused("To", BringForward);
            if (D(to) >= D(StatutoryDue))
            {
                Assert.Equal("The review is already due by 24 September 2026. Choose an earlier date", refusal.Message);
            }

            Assert.Equal(D(StatutoryDue), child.NextReviewDueOn);
            Assert.Equal(ReviewSchedule.SecondReview, child.NextReviewRuleId);
            Assert.Null(child.ReviewBroughtForwardTo);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Bringing_a_review_forward_needs_a_reason(string? reason)
    {
        var child = AChildReviewedOnce();

        var refusal = AssertRefused("Reason", () => child.BringReviewForward(D("2026-08-03"), reason, D(Asked), Rules));

        Assert.Equal("Enter why the review needs to be brought forward", refusal.Message);
        Assert.Equal(D(StatutoryDue), child.NextReviewDueOn);
    }

    [Fact]
    public void The_reason_is_at_most_1000_characters()
    {
        var child = AChildReviewedOnce();

        AssertRefused("Reason", () => child.BringReviewForward(D("2026-08-03"), new string('r', 1001), D(Asked), Rules));
        child.BringReviewForward(D("2026-08-03"), new string('r', 1000), D(Asked), Rules);
        Assert.Equal("R4", child.NextReviewRuleId);
    }

    [Fact]
    public void An_overdue_review_cannot_be_brought_forward()
    {
        var child = AChildReviewedOnce();

        AssertRefused("To", () => child.BringReviewForward(D("2026-10-01"), Reason, D("2026-10-01"), Rules));
    }

    [Fact]
    public void A_child_who_is_not_looked_after_has_no_review_to_bring_forward()
    {
        var child = AChildReviewedOnce();
        child.CeaseToBeLookedAfter(D("2026-06-30"), ReasonEpisodeCeased.E4A, D("2026-06-30"), Rules);

        AssertRefused("To", () => child.BringReviewForward(D("2026-08-03"), Reason, D(Asked), Rules));
    }

    [Fact]
    public void The_first_review_can_be_brought_forward_too()
    {
        var child = AChildLookedAfterSince("2026-12-07"); // first review due 7 January 2027

        child.BringReviewForward(D("2026-12-18"), Reason, D("2026-12-08"), Rules);

        Assert.Equal(D("2026-12-18"), child.NextReviewDueOn);
        Assert.Equal("R4", child.NextReviewRuleId);
    }

    [Fact]
    public void A_second_request_replaces_the_first()
    {
        var child = AChildWithTheReviewBroughtForwardTo("2026-08-03");

        child.BringReviewForward(D("2026-08-10"), "The carers asked", D("2026-07-05"), Rules);

        Assert.Equal(D("2026-08-10"), child.NextReviewDueOn);
        Assert.Equal(("The carers asked", D("2026-07-05")), (child.ReviewBroughtForwardReason, child.ReviewBroughtForwardOn));
    }

    [Fact]
    public void A_review_already_arranged_is_due_on_the_new_date()
    {
        var child = AChildReviewedOnce();
        var review = child.ScheduleReview(Arrangements("2026-09-20"), D(Asked), Rules);
        Assert.Equal((D(StatutoryDue), ReviewSchedule.SecondReview), (review.DueOn, review.DueRuleId));

        child.BringReviewForward(D("2026-08-03"), Reason, D(Asked), Rules);

        Assert.Equal((D("2026-08-03"), "R4"), (review.DueOn, review.DueRuleId));

        // Moving the meeting to the new date needs no reason for lateness; leaving it later does.
        AssertRefused("LatenessReason", () => child.RearrangeReview(Arrangements("2026-09-20"), D(Asked), Rules));
        child.RearrangeReview(Arrangements("2026-08-03"), D(Asked), Rules);
        Assert.Equal(D("2026-08-03"), review.ScheduledFor);
    }

    [Theory]
    [InlineData("2026-08-03", false)]
    [InlineData("2026-08-04", true)]
    public void A_review_arranged_after_the_request_is_held_against_the_new_date(string date, bool late)
    {
        var child = AChildWithTheReviewBroughtForwardTo("2026-08-03");

        if (late)
        {
            var refusal = AssertRefused("LatenessReason", () => child.ScheduleReview(Arrangements(date), D(Asked), Rules));
            Assert.Equal("The review is due by 3 August 2026. Give the reason it will be late", refusal.Message);
        }
        else
        {
            var review = child.ScheduleReview(Arrangements(date), D(Asked), Rules);
            Assert.Equal((D("2026-08-03"), "R4"), (review.DueOn, review.DueRuleId));
        }
    }

    [Fact]
    public void Recording_the_arranged_review_answers_the_request_and_the_clock_runs_from_it()
    {
        var child = AChildWithTheReviewBroughtForwardTo("2026-08-03");
        child.ScheduleReview(Arrangements("2026-08-03"), D(Asked), Rules);

        var review = child.RecordReview(Held("2026-08-03"), [], [], "IRO Jo", D("2026-08-03"), Rules);

        Assert.Equal((D("2026-08-03"), "R4", false), (review.DueOn, review.DueRuleId, review.WasLate));
        Assert.Null(child.ReviewBroughtForwardTo);
        Assert.Null(child.ReviewBroughtForwardOn);
        Assert.Null(child.ReviewBroughtForwardReason);
        Assert.Equal(D("2027-02-03"), child.NextReviewDueOn); // six months from the review held
        Assert.Equal(ReviewSchedule.SubsequentReview, child.NextReviewRuleId);
    }

    [Theory]
    [InlineData("2026-08-03", false)]
    [InlineData("2026-08-05", true)]
    public void A_review_recorded_without_being_arranged_is_held_against_the_brought_forward_date(string heldOn, bool late)
    {
        var child = AChildWithTheReviewBroughtForwardTo("2026-08-03");

        var review = child.RecordReviewHeld(D(heldOn), ParticipationCode.PN1, D(heldOn), Rules);

        Assert.Equal((D("2026-08-03"), "R4", late), (review.DueOn, review.DueRuleId, review.WasLate));
        Assert.Null(child.ReviewBroughtForwardTo);
        Assert.Equal(ReviewSchedule.SubsequentReview, child.NextReviewRuleId);
    }

    [Theory]
    [InlineData("2026-06-30")] // after the last review, but before the IRO asked
    [InlineData("2026-06-10")] // before the last review
    public void A_review_entered_late_that_was_held_before_the_request_does_not_answer_it(string heldOn)
    {
        var child = AChildWithTheReviewBroughtForwardTo("2026-08-03");

        var review = child.RecordReviewHeld(D(heldOn), ParticipationCode.PN1, D("2026-07-02"), Rules);

        Assert.NotEqual("R4", review.DueRuleId);
        Assert.Equal((D("2026-08-03"), Reason), (child.ReviewBroughtForwardTo, child.ReviewBroughtForwardReason));
        Assert.Equal(D("2026-08-03"), child.NextReviewDueOn);
        Assert.Equal("R4", child.NextReviewRuleId);
    }

    [Fact]
    public void A_request_ends_with_the_period_of_care()
    {
        var child = AChildWithTheReviewBroughtForwardTo("2026-08-03");

        child.CeaseToBeLookedAfter(D("2026-07-02"), ReasonEpisodeCeased.E4A, D("2026-07-02"), Rules);
        Assert.Null(child.ReviewBroughtForwardTo);
        Assert.Null(child.NextReviewDueOn);

        // Looked after again from Monday 4 January 2027: the first review is due 20 working days later.
        child.BecomeLookedAfter(D("2027-01-04"), LegalStatus.V2, PlacementType.U6, CategoryOfNeed.N1, D("2027-01-04"), Rules);
        var due = child.NextReviewDue(Rules)!;
        Assert.Equal((D("2027-02-01"), ReviewSchedule.FirstReview), (due.DueOn, due.RuleId));
        Assert.Equal(D("2027-02-01"), child.NextReviewDueOn);
    }
}
