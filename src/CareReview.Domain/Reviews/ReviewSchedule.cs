namespace CareReview.Domain.Reviews;

/// <summary>A review due date and the rule that produced it.</summary>
public sealed record ReviewDue(DateOnly DueOn, string RuleId, string Explanation);

/// <summary>
/// When a looked-after child's next statutory review is due: regulation 33 of the Care Planning,
/// Placement and Case Review (England) Regulations 2010, and regulation 48 for short breaks
/// (statutory-rules.md §3.2 R1–R3, §3.7 S4). Intervals run from the date a review was actually
/// held, not from its due date (§2.2 rule 4).
/// </summary>
public static class ReviewSchedule
{
    public const string FirstReview = "R1";
    public const string SecondReview = "R2";
    public const string SubsequentReview = "R3";
    public const string FirstShortBreakReview = "S4.1";
    public const string SubsequentShortBreakReview = "S4.2";
    public const string BroughtForward = "R4";

    /// <param name="periodStartedOn">The day the current period of care began.</param>
    /// <param name="shortBreaks">The child is looked after under a series of short breaks (V3/V4).</param>
    /// <param name="reviewsHeldInPeriod">Dates of the reviews held since the period began, in any order.</param>
    public static ReviewDue NextReviewDue(
        DateOnly periodStartedOn, bool shortBreaks, IReadOnlyCollection<DateOnly> reviewsHeldInPeriod, WorkingDayCalendar calendar)
    {
        var held = reviewsHeldInPeriod.Where(d => d >= periodStartedOn).Order().ToList();
        var started = GovukDate.Format(periodStartedOn);

        if (shortBreaks)
        {
            return held.Count == 0
                ? new ReviewDue(periodStartedOn.AddMonths(3), FirstShortBreakReview,
                    $"First short-break review: within 3 months of the first short break starting on {started} (CPPCR 2010 reg 48, as local procedures apply it)")
                : new ReviewDue(held[^1].AddMonths(6), SubsequentShortBreakReview,
                    $"Next short-break review: not more than 6 months after the previous review on {GovukDate.Format(held[^1])} (CPPCR 2010 reg 48)");
        }

        return held.Count switch
        {
            0 => new ReviewDue(calendar.AddWorkingDays(periodStartedOn, 20), FirstReview,
                $"First review: within 20 working days of becoming looked after on {started} (CPPCR 2010 reg 33(1))"),
            1 => new ReviewDue(held[0].AddMonths(3), SecondReview,
                $"Second review: not more than 3 months after the first review on {GovukDate.Format(held[0])} (CPPCR 2010 reg 33(2))"),
            _ => new ReviewDue(held[^1].AddMonths(6), SubsequentReview,
                $"Next review: not more than 6 months after the previous review on {GovukDate.Format(held[^1])} (CPPCR 2010 reg 33(2))"),
        };
    }
}
