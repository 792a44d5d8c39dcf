using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Reviews;
using static CareReview.Tests.Domain.Dates;
using static CareReview.Tests.Domain.ReviewFixtures;

namespace CareReview.Tests.Domain;

/// <summary>
/// The steps around a review meeting, each due by a number of working days before or after it
/// (statutory-rules.md §3.3 I1–I6) and shown as due, done, done late or late.
/// </summary>
/// <remarks>
/// Most meetings here fall around Christmas 2026, when Christmas Day (Friday 25 December), the Boxing
/// Day substitute (Monday 28 December) and New Year's Day (Friday 1 January 2027) are not working days,
/// or around Easter 2027 (Good Friday 26 March, Easter Monday 29 March). Due dates were counted by hand:
/// day 1 is the first working day before (or after) the meeting, never the meeting day itself.
/// </remarks>
public sealed class ReviewChecklistTests
{
    private const string LookedAfterSince = "2026-12-07"; // first review due 7 January 2027
    private static readonly DateOnly s_arrangedOn = D("2026-12-08");

    private static (Child Child, Review Review) AReviewOn(string meeting)
    {
        var child = AChildLookedAfterSince(LookedAfterSince);
        var review = child.ScheduleReview(Arrangements(meeting, latenessReason: "The chair is on leave"), s_arrangedOn, Rules);
        return (child, review);
    }

    private static Review AReviewHeldOn(string heldOn) =>
        AChildLookedAfterSince(LookedAfterSince).RecordReviewHeld(D(heldOn), ParticipationCode.PN1, D(heldOn), Rules);

    private static ChecklistItem ItemBefore(Review review, string ruleId, string today) =>
        Assert.Single(ReviewChecklist.Before(review, D(today), Calendar), i => i.RuleId == ruleId);

    private static ChecklistItem ItemAfter(Review review, string ruleId, string today) =>
        Assert.Single(ReviewChecklist.After(review, D(today), Calendar), i => i.RuleId == ruleId);

    // ---- Before the meeting: I1–I4 --------------------------------------------------------------

    // 5 Jan 2027: 15 working days back is 10 Dec (4 Jan, 31, 30, 29, 24 ... 10 Dec), not 14 Dec as it
    //   would be if 1 Jan, 28 Dec and 25 Dec were working days; 3 back is 30 Dec (4 Jan, 31, 30 Dec).
    // 4 Jan 2027: the working day before is 31 Dec; 3 back is 29 Dec; 15 back is 9 Dec.
    // 29 Dec 2026: the working day before is 24 Dec; 3 back is 22 Dec; 15 back is 4 Dec.
    // 31 Mar 2027: 3 back is 24 Mar (30, 25, 24 Mar); 15 back is 8 Mar.
    // 30 Mar 2027: the working day before is 25 Mar; 3 back is 23 Mar; 15 back is 5 Mar.
    [Theory]
    [InlineData("2027-01-05", "2026-12-10", "2026-12-30", "2027-01-04")]
    [InlineData("2027-01-04", "2026-12-09", "2026-12-29", "2026-12-31")]
    [InlineData("2026-12-29", "2026-12-04", "2026-12-22", "2026-12-24")]
    [InlineData("2027-03-31", "2027-03-08", "2027-03-24", "2027-03-30")]
    [InlineData("2027-03-30", "2027-03-05", "2027-03-23", "2027-03-25")]
    [InlineData("2027-01-06", "2026-12-11", "2026-12-31", "2027-01-05")]
    public void Preparation_is_due_15_and_3_working_days_and_the_working_day_before_the_meeting(
        string meeting, string consultationDue, string reportsDue, string viewsDue)
    {
        var (_, review) = AReviewOn(meeting);

        var items = ReviewChecklist.Before(review, D("2026-12-01"), Calendar); // before any of them is due

        Assert.Equal(new[] { "I1", "I2", "I3", "I4" }, items.Select(i => i.RuleId));
        Assert.Equal(new[] { D(consultationDue), D(reportsDue), D(viewsDue), D(viewsDue) }, items.Select(i => i.DueOn));
        Assert.All(items, i =>
        {
            Assert.Equal(ChecklistState.Due, i.State);
            Assert.Null(i.DoneOn);
            Assert.False(string.IsNullOrWhiteSpace(i.Title));
            Assert.False(string.IsNullOrWhiteSpace(i.Rule));
        });
    }

    // Meeting on Tuesday 5 January 2027: I1 due 10 Dec, I2 due 30 Dec, I3 and I4 due 4 Jan.
    [Theory]
    [InlineData("I1", "2026-12-09", "2026-12-09", ChecklistState.Done)]
    [InlineData("I1", "2026-12-10", "2026-12-10", ChecklistState.Done)]       // on the day it was due
    [InlineData("I1", "2026-12-11", "2026-12-11", ChecklistState.DoneLate)]   // on time if the holidays were ignored
    [InlineData("I1", null, "2026-12-10", ChecklistState.Due)]
    [InlineData("I1", null, "2026-12-11", ChecklistState.Late)]
    [InlineData("I2", "2026-12-30", "2026-12-30", ChecklistState.Done)]
    [InlineData("I2", "2026-12-31", "2026-12-31", ChecklistState.DoneLate)]   // on time if 1 January counted
    [InlineData("I2", null, "2026-12-30", ChecklistState.Due)]
    [InlineData("I2", null, "2026-12-31", ChecklistState.Late)]
    [InlineData("I3", "2026-12-21", "2026-12-21", ChecklistState.Done)]
    [InlineData("I3", "2027-01-04", "2027-01-04", ChecklistState.Done)]
    [InlineData("I3", "2027-01-05", "2027-01-05", ChecklistState.DoneLate)]
    [InlineData("I3", null, "2027-01-04", ChecklistState.Due)]
    [InlineData("I3", null, "2027-01-05", ChecklistState.Late)]
    [InlineData("I4", "2026-12-20", "2026-12-20", ChecklistState.Done)]
    [InlineData("I4", "2027-01-05", "2027-01-05", ChecklistState.DoneLate)]
    [InlineData("I4", null, "2027-01-01", ChecklistState.Due)]
    [InlineData("I4", null, "2027-01-05", ChecklistState.Late)]
    public void Each_preparation_step_is_due_done_done_late_or_late(string ruleId, string? doneOn, string today, ChecklistState expected)
    {
        var (_, review) = AReviewOn("2027-01-05");
        if (doneOn is not null)
        {
            var on = D(doneOn);
            switch (ruleId)
            {
                case "I1":
                    review.RecordConsultation(on, on);
                    break;
                case "I2":
                    review.RecordReportsReceived(on, on);
                    break;
                case "I3":
                    review.RecordChildSeenAlone(on, null, on);
                    break;
                default:
                    review.RecordParentsViewsSought(on, on);
                    break;
            }
        }

        var item = ItemBefore(review, ruleId, today);

        Assert.Equal(expected, item.State);
        Assert.Equal(OptionalD(doneOn), item.DoneOn);
    }

    [Fact]
    public void Preparation_follows_the_meeting_when_it_is_rearranged()
    {
        var (child, review) = AReviewOn("2027-01-05");
        review.RecordConsultation(D("2026-12-11"), D("2026-12-11"));
        Assert.Equal(ChecklistState.DoneLate, ItemBefore(review, "I1", "2026-12-11").State);

        child.RearrangeReview(Arrangements("2027-01-06"), D("2026-12-11"), Rulebook.National);

        var item = ItemBefore(review, "I1", "2026-12-11");
        Assert.Equal(D("2026-12-11"), item.DueOn);
        Assert.Equal(ChecklistState.Done, item.State);
    }

    [Fact]
    public void The_IRO_may_record_why_they_did_not_see_the_child_alone_instead_of_a_date()
    {
        var (_, review) = AReviewOn("2027-01-05");

        review.RecordChildSeenAlone(null, "  Sam (2) is too young to be seen alone  ", D("2026-12-20"));

        Assert.Null(review.ChildSeenAloneOn);
        Assert.Equal("Sam (2) is too young to be seen alone", review.ChildNotSeenAloneReason);
        var item = ItemBefore(review, "I3", "2027-01-05");
        Assert.Equal(ChecklistState.Done, item.State);
        Assert.Equal("The IRO did not speak to the child alone, and recorded why", item.Title);
        Assert.Null(item.DoneOn);
    }

    [Theory]
    [InlineData("2026-12-20", "Sam refused")] // both
    [InlineData(null, null)]                  // neither
    [InlineData(null, "   ")]                 // a blank reason is no reason
    public void Seeing_the_child_alone_needs_a_date_or_a_reason_but_not_both(string? on, string? reasonNot)
    {
        var (_, review) = AReviewOn("2027-01-05");

        var refusal = AssertRefused("ChildSeenAloneOn", () => review.RecordChildSeenAlone(OptionalD(on), reasonNot, D("2026-12-20")));

        Assert.Equal("Enter the date the IRO spoke to the child alone, or the reason they did not, but not both", refusal.Message);
        Assert.Null(review.ChildSeenAloneOn);
        Assert.Null(review.ChildNotSeenAloneReason);
    }

    [Fact]
    public void A_blank_reason_beside_a_date_is_not_kept()
    {
        var (_, review) = AReviewOn("2027-01-05");

        review.RecordChildSeenAlone(D("2026-12-20"), "  ", D("2026-12-20"));

        Assert.Equal(D("2026-12-20"), review.ChildSeenAloneOn);
        Assert.Null(review.ChildNotSeenAloneReason);
        var item = ItemBefore(review, "I3", "2026-12-20");
        Assert.Equal("The IRO spoke to the child alone", item.Title);
        Assert.Equal(D("2026-12-20"), item.DoneOn);
    }

    [Fact]
    public void A_later_answer_about_seeing_the_child_alone_replaces_the_earlier_one()
    {
        var (_, review) = AReviewOn("2027-01-05");

        review.RecordChildSeenAlone(null, "Sam refused", D("2026-12-20"));
        review.RecordChildSeenAlone(D("2026-12-22"), null, D("2026-12-22"));
        Assert.Equal((D("2026-12-22"), (string?)null), (review.ChildSeenAloneOn, review.ChildNotSeenAloneReason));

        review.RecordChildSeenAlone(null, "Sam refused the second visit", D("2026-12-23"));
        Assert.Equal(((DateOnly?)null, "Sam refused the second visit"), (review.ChildSeenAloneOn, review.ChildNotSeenAloneReason));
    }

    [Fact]
    public void A_reason_for_not_seeing_the_child_alone_is_at_most_1000_characters()
    {
        var (_, review) = AReviewOn("2027-01-05");

        AssertRefused("ChildNotSeenAloneReason", () => review.RecordChildSeenAlone(null, new string('r', 1001), D("2026-12-20")));
    }

    [Fact]
    public void Preparation_cannot_be_dated_in_the_future()
    {
        var (_, review) = AReviewOn("2027-01-05");

        AssertRefused("On", () => review.RecordConsultation(D("2026-12-10"), D("2026-12-09")));
        AssertRefused("On", () => review.RecordReportsReceived(D("2026-12-10"), D("2026-12-09")));
        AssertRefused("On", () => review.RecordParentsViewsSought(D("2026-12-10"), D("2026-12-09")));
        AssertRefused("On", () => review.RecordChildSeenAlone(D("2026-12-10"), null, D("2026-12-09")));
        Assert.Equal(new ChecklistState[] { ChecklistState.Due, ChecklistState.Due, ChecklistState.Due, ChecklistState.Due },
            ReviewChecklist.Before(review, D("2026-12-09"), Calendar).Select(i => i.State));
    }

    [Fact]
    public void Preparation_cannot_change_once_the_review_is_held()
    {
        var review = AReviewHeldOn("2027-01-05");

        AssertRefused("On", () => review.RecordConsultation(D("2026-12-09"), D("2027-01-06")));
        AssertRefused("On", () => review.RecordReportsReceived(D("2026-12-09"), D("2027-01-06")));
        AssertRefused("On", () => review.RecordParentsViewsSought(D("2026-12-09"), D("2027-01-06")));
        AssertRefused("On", () => review.RecordChildSeenAlone(D("2026-12-09"), null, D("2027-01-06")));
        AssertRefused("On", () => review.RecordChildSeenAlone(null, "Sam refused", D("2027-01-06")));
        Assert.Null(review.ChildNotSeenAloneReason);
    }

    // ---- After the meeting: I5 and I6 -----------------------------------------------------------

    // Held Friday 18 Dec 2026: 5 working days on is 29 Dec (21–24, 29 Dec); 20 on is 20 Jan 2027.
    // Held Wednesday 23 Dec 2026: 5 on is 4 Jan 2027 (24, 29, 30, 31 Dec, 4 Jan); 20 on is 25 Jan 2027.
    // Held Wednesday 24 Mar 2027: skipping Good Friday and Easter Monday, 5 on is 2 Apr (25, 30, 31 Mar,
    //   1, 2 Apr); 20 on is 23 Apr 2027.
    [Theory]
    [InlineData("2026-12-18", "2026-12-29", "2027-01-20")]
    [InlineData("2026-12-23", "2027-01-04", "2027-01-25")]
    [InlineData("2027-03-24", "2027-04-02", "2027-04-23")]
    public void Decisions_are_due_out_in_5_working_days_and_the_record_in_20(string heldOn, string decisionsDue, string recordDue)
    {
        var review = AReviewHeldOn(heldOn);

        var items = ReviewChecklist.After(review, D(heldOn), Calendar);

        Assert.Equal(new[] { "I5", "I6" }, items.Select(i => i.RuleId));
        Assert.Equal(new[] { D(decisionsDue), D(recordDue) }, items.Select(i => i.DueOn));
        Assert.Equal(D(decisionsDue), review.DecisionsDueOn(Calendar));
        Assert.Equal(D(recordDue), review.RecordDueOn(Calendar));
        Assert.All(items, i => Assert.Equal(ChecklistState.Due, i.State));
    }

    // Held Friday 18 December 2026: decisions due 29 December, the record 20 January 2027.
    [Theory]
    [InlineData("I5", "2026-12-18", "2026-12-18", ChecklistState.Done)] // the same day
    [InlineData("I5", "2026-12-29", "2026-12-29", ChecklistState.Done)]
    [InlineData("I5", "2026-12-30", "2026-12-30", ChecklistState.DoneLate)]
    [InlineData("I5", null, "2026-12-29", ChecklistState.Due)]
    [InlineData("I5", null, "2026-12-30", ChecklistState.Late)]
    [InlineData("I6", "2027-01-20", "2027-01-20", ChecklistState.Done)]
    [InlineData("I6", "2027-01-21", "2027-01-21", ChecklistState.DoneLate)]
    [InlineData("I6", null, "2027-01-20", ChecklistState.Due)]
    [InlineData("I6", null, "2027-01-21", ChecklistState.Late)]
    public void Decisions_and_the_record_are_due_done_done_late_or_late(string ruleId, string? issuedOn, string today, ChecklistState expected)
    {
        var review = AReviewHeldOn("2026-12-18");
        if (issuedOn is not null)
        {
            if (ruleId == "I5")
            {
                review.IssueDecisions(D(issuedOn), D(issuedOn));
            }
            else
            {
                review.IssueRecord(D(issuedOn), D(issuedOn));
            }
        }

        var item = ItemAfter(review, ruleId, today);

        Assert.Equal(expected, item.State);
        Assert.Equal(OptionalD(issuedOn), item.DoneOn);
    }

    [Fact]
    public void There_is_nothing_to_do_after_a_meeting_not_yet_held()
    {
        var (_, review) = AReviewOn("2027-01-05");

        Assert.Empty(ReviewChecklist.After(review, D("2027-01-05"), Calendar));
    }
}
