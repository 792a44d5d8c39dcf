using CareReview.Domain.Deadlines;
using CareReview.Domain.Reviews;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>
/// When the next statutory review is due: CPPCR 2010 reg 33 (R1–R3) and reg 48 for short breaks (S4),
/// with intervals measured from the date a review was actually held (statutory-rules.md §2.2, §3.2, §3.7).
/// </summary>
public sealed class ReviewScheduleTests
{
    private static readonly Rulebook s_rules = Rulebook.National;

    private static ReviewDue NextReviewDue(string periodStartedOn, params string[] reviewsHeld) =>
        ReviewSchedule.NextReviewDue(D(periodStartedOn), shortBreaks: false, [.. reviewsHeld.Select(D)], s_rules);

    private static ReviewDue NextShortBreakReviewDue(string periodStartedOn, params string[] reviewsHeld) =>
        ReviewSchedule.NextReviewDue(D(periodStartedOn), shortBreaks: true, [.. reviewsHeld.Select(D)], s_rules);

    [Theory]
    [InlineData("2025-06-02", "2025-06-30")] // four clear weeks
    [InlineData("2025-06-07", "2025-07-04")] // from a Saturday: day 1 is the Monday after
    [InlineData("2024-12-02", "2025-01-02")] // Christmas Day, Boxing Day and New Year's Day inside the 20 days
    [InlineData("2025-12-08", "2026-01-08")]
    [InlineData("2025-12-15", "2026-01-15")]
    [InlineData("2025-04-07", "2025-05-08")] // Good Friday, Easter Monday and the early May bank holiday inside
    [InlineData("2021-12-10", "2022-01-12")] // both Christmas substitute days and the New Year's Day substitute day
    public void First_review_is_due_twenty_working_days_after_becoming_looked_after(string startedOn, string expectedDue)
    {
        var due = NextReviewDue(startedOn);

        Assert.Equal(D(expectedDue), due.DueOn);
        Assert.Equal(ReviewSchedule.FirstReview, due.RuleId);
    }

    [Theory]
    [InlineData("2025-01-02", "2025-01-20", "2025-04-20")] // a Sunday: calendar months are not moved to working days
    [InlineData("2025-05-01", "2025-05-31", "2025-08-31")]
    [InlineData("2025-11-03", "2025-11-30", "2026-02-28")] // no 30 February: the last day of the month
    [InlineData("2027-11-01", "2027-11-30", "2028-02-29")] // leap year
    public void Second_review_is_due_three_months_after_the_first_was_held(string startedOn, string firstHeld, string expectedDue)
    {
        var due = NextReviewDue(startedOn, firstHeld);

        Assert.Equal(D(expectedDue), due.DueOn);
        Assert.Equal(ReviewSchedule.SecondReview, due.RuleId);
    }

    [Theory]
    [InlineData("2025-01-02", "2025-01-20", "2025-04-10", "2025-10-10")]
    [InlineData("2025-06-02", "2025-06-20", "2025-08-31", "2026-02-28")] // 31 August + 6 months: last day of February
    [InlineData("2027-06-01", "2027-06-20", "2027-08-31", "2028-02-29")] // ...and in a leap year
    [InlineData("2025-06-02", "2025-06-20", "2025-09-30", "2026-03-30")]
    public void Later_reviews_are_due_six_months_after_the_last_was_held(
        string startedOn, string firstHeld, string secondHeld, string expectedDue)
    {
        var due = NextReviewDue(startedOn, firstHeld, secondHeld);

        Assert.Equal(D(expectedDue), due.DueOn);
        Assert.Equal(ReviewSchedule.SubsequentReview, due.RuleId);
    }

    [Fact]
    public void Every_review_after_the_second_is_due_six_months_after_the_latest()
    {
        var due = NextReviewDue("2023-01-09", "2023-02-01", "2023-05-01", "2023-11-01", "2024-04-15", "2024-10-01");

        Assert.Equal(D("2025-04-01"), due.DueOn);
        Assert.Equal(ReviewSchedule.SubsequentReview, due.RuleId);
    }

    [Fact]
    public void Reviews_can_be_given_in_any_order()
    {
        var due = NextReviewDue("2025-01-02", "2025-08-01", "2025-01-10", "2025-04-01");

        Assert.Equal(D("2026-02-01"), due.DueOn);
    }

    [Theory]
    [InlineData("2025-01-10", "2025-04-10")] // held early: the clock restarts from the day it was held
    [InlineData("2025-01-30", "2025-04-30")] // held on the due date
    [InlineData("2025-02-14", "2025-05-14")] // held late: three months from when it was held, not from when it was due
    public void The_interval_runs_from_the_date_a_review_was_held_not_the_date_it_was_due(string firstHeld, string expectedSecondDue)
    {
        Assert.Equal(D("2025-01-30"), NextReviewDue("2025-01-02").DueOn);

        Assert.Equal(D(expectedSecondDue), NextReviewDue("2025-01-02", firstHeld).DueOn);
    }

    [Fact]
    public void A_second_review_brought_forward_restarts_the_six_month_clock()
    {
        Assert.Equal(D("2025-04-10"), NextReviewDue("2025-01-02", "2025-01-10").DueOn);

        var due = NextReviewDue("2025-01-02", "2025-01-10", "2025-03-01");

        Assert.Equal(D("2025-09-01"), due.DueOn);
    }

    [Fact]
    public void Reviews_held_before_the_period_of_care_began_are_ignored()
    {
        var due = NextReviewDue("2025-06-02", "2024-03-01", "2024-09-01", "2025-01-15");

        Assert.Equal(D("2025-06-30"), due.DueOn);
        Assert.Equal(ReviewSchedule.FirstReview, due.RuleId);
    }

    [Fact]
    public void A_new_period_of_care_counts_only_its_own_reviews()
    {
        var due = NextReviewDue("2025-06-02", "2024-09-01", "2025-06-20");

        Assert.Equal(D("2025-09-20"), due.DueOn);
        Assert.Equal(ReviewSchedule.SecondReview, due.RuleId);
    }

    [Theory]
    [InlineData("2025-01-15", "2025-04-15")]
    [InlineData("2025-11-30", "2026-02-28")]
    [InlineData("2025-12-15", "2026-03-15")] // three calendar months, not twenty working days
    public void First_short_break_review_is_due_three_months_after_the_first_short_break(string startedOn, string expectedDue)
    {
        var due = NextShortBreakReviewDue(startedOn);

        Assert.Equal(D(expectedDue), due.DueOn);
        Assert.Equal(ReviewSchedule.FirstShortBreakReview, due.RuleId);
    }

    [Theory]
    [InlineData("2025-04-01", null, "2025-10-01")] // six months after the first, not three
    [InlineData("2025-04-01", "2025-09-20", "2026-03-20")]
    [InlineData("2025-02-28", "2025-08-31", "2026-02-28")]
    public void Later_short_break_reviews_are_due_six_months_after_the_last_was_held(
        string firstHeld, string? secondHeld, string expectedDue)
    {
        string[] held = secondHeld is null ? [firstHeld] : [firstHeld, secondHeld];

        var due = NextShortBreakReviewDue("2025-01-15", held);

        Assert.Equal(D(expectedDue), due.DueOn);
        Assert.Equal(ReviewSchedule.SubsequentShortBreakReview, due.RuleId);
    }

    [Fact]
    public void Short_break_reviews_before_the_period_began_are_ignored()
    {
        var due = NextShortBreakReviewDue("2025-01-15", "2024-11-01");

        Assert.Equal(D("2025-04-15"), due.DueOn);
        Assert.Equal(ReviewSchedule.FirstShortBreakReview, due.RuleId);
    }

    [Fact]
    public void The_first_review_explains_itself_with_the_date_and_the_regulation()
    {
        var due = NextReviewDue("2024-12-02");

        Assert.Equal(
            "First review: within 20 working days of becoming looked after on 2 December 2024 (CPPCR 2010 reg 33(1))",
            due.Explanation);
    }

    [Fact]
    public void Later_reviews_explain_themselves_with_the_date_of_the_review_they_run_from()
    {
        var second = NextReviewDue("2025-01-02", "2025-01-10");
        var third = NextReviewDue("2025-01-02", "2025-01-10", "2025-08-01");
        var shortBreak = NextShortBreakReviewDue("2025-07-03");

        Assert.Contains("3 months after the first review on 10 January 2025", second.Explanation, StringComparison.Ordinal);
        Assert.Contains("reg 33(2)", second.Explanation, StringComparison.Ordinal);
        Assert.Contains("6 months after the previous review on 1 August 2025", third.Explanation, StringComparison.Ordinal);
        Assert.Contains("reg 33(2)", third.Explanation, StringComparison.Ordinal);
        Assert.Contains("3 July 2025", shortBreak.Explanation, StringComparison.Ordinal);
        Assert.Contains("reg 48", shortBreak.Explanation, StringComparison.Ordinal);
    }
}
