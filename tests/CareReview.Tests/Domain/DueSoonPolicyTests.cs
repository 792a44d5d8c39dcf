using CareReview.Domain;
using CareReview.Domain.Deadlines;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>
/// The due-soon policy: each look-ahead named once, in working days, and the last day a list filtered in
/// SQL counts as "due soon" agreeing with the tag each row shows.
/// </summary>
public sealed class DueSoonPolicyTests
{
    private static readonly WorkingDayCalendar s_calendar = WorkingDayCalendar.EnglandAndWales;

    [Fact]
    public void The_look_aheads_are_listed_in_order_with_their_working_days() =>
        Assert.Equal(
            [
                DueSoonPolicy.ShownAsDueSoonWorkingDays, DueSoonPolicy.CaseloadReviewsDueWithinWorkingDays, DueSoonPolicy.RecommendationReminderWorkingDays,
                DueSoonPolicy.ReviewReminderWorkingDays, DueSoonPolicy.EscalationResponseReminderWorkingDays,
            ],
            DueSoonPolicy.Thresholds.Select(t => t.WorkingDays));

    [Fact]
    public void The_look_aheads_are_the_ones_lists_and_reminders_have_always_used() =>
        Assert.Equal((15, 20, 5, 15, 2), (DueSoonPolicy.ShownAsDueSoonWorkingDays, DueSoonPolicy.CaseloadReviewsDueWithinWorkingDays,
            DueSoonPolicy.RecommendationReminderWorkingDays, DueSoonPolicy.ReviewReminderWorkingDays, DueSoonPolicy.EscalationResponseReminderWorkingDays));

    [Fact]
    public void Every_look_ahead_says_what_it_decides_and_why() =>
        Assert.All(DueSoonPolicy.Thresholds, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.What));
            Assert.False(string.IsNullOrWhiteSpace(t.Why));
        });

    [Theory]
    [InlineData("2026-11-23", "2026-12-14")] // a Monday: the 15th working day ahead is a Monday, with nothing after it
    [InlineData("2026-11-20", "2026-12-13")] // a Friday: the 15th working day is a Friday, so its weekend is due soon too
    [InlineData("2026-12-03", "2026-12-28")] // over Christmas: Friday 25 December to Monday 28 December (Boxing Day's substitute)
    public void Due_soon_runs_to_the_15th_working_day_and_the_days_off_straight_after_it(string today, string lastDay) =>
        Assert.Equal(D(lastDay), DueSoonPolicy.ShownAsDueSoonUntil(D(today), s_calendar));

    [Theory]
    [InlineData("2026-11-20")]
    [InlineData("2026-11-23")]
    [InlineData("2026-12-03")]
    [InlineData("2027-03-24")] // Easter 2027: Good Friday 26 March, Easter Monday 29 March
    public void The_last_day_due_soon_agrees_with_the_working_days_left_on_every_day_ahead(string today)
    {
        var from = D(today);
        var until = DueSoonPolicy.ShownAsDueSoonUntil(from, s_calendar);

        for (var due = from; due <= from.AddDays(60); due = due.AddDays(1))
        {
            var byWorkingDays = s_calendar.WorkingDaysUntil(from, due) <= DueSoonPolicy.ShownAsDueSoonWorkingDays;
            Assert.True(byWorkingDays == (due <= until), $"{due:yyyy-MM-dd} from {today}");
        }
    }
}
