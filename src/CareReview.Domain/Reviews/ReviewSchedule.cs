using CareReview.Domain.Deadlines;

namespace CareReview.Domain.Reviews;

/// <summary>A review due date and the rule that produced it.</summary>
public sealed record ReviewDue(DateOnly DueOn, string RuleId, string Explanation);

/// <summary>
/// When a looked-after child's next statutory review is due: regulation 33 of the Care Planning,
/// Placement and Case Review (England) Regulations 2010, and regulation 48 for short breaks
/// (statutory-rules.md §3.2 R1–R3, §3.7 S4). Intervals run from the date a review was actually
/// held, not from its due date (§2.2 rule 4). The periods come from the rule catalogue, so a council's
/// setting of a grade B rule (short breaks) applies.
/// </summary>
public static class ReviewSchedule
{
    public const string FirstReview = "R1";
    public const string SecondReview = "R2";
    public const string SubsequentReview = "R3";
    public const string FirstShortBreakReview = "S4.1";
    public const string SubsequentShortBreakReview = "S4.2";
    public const string BroughtForward = "R4";
    public const string Adjournment = "R6";

    /// <param name="periodStartedOn">The day the current period of care began.</param>
    /// <param name="shortBreaks">The child is looked after under a series of short breaks (V3/V4).</param>
    /// <param name="reviewsHeldInPeriod">Dates of the reviews held since the period began, in any order.</param>
    /// <param name="rules">The calendar and rule catalogue in force.</param>
    /// <param name="historyNotLoaded">
    /// The period began before the child's history in Care Review starts (loaded from a return that opens
    /// mid-period), so its first reviews are not known: the child is taken to be past its second review.
    /// </param>
    public static ReviewDue NextReviewDue(
        DateOnly periodStartedOn, bool shortBreaks, IReadOnlyCollection<DateOnly> reviewsHeldInPeriod, Rulebook rules,
        bool historyNotLoaded = false)
    {
        var held = reviewsHeldInPeriod.Where(d => d >= periodStartedOn).Order().ToList();
        if (historyNotLoaded && held.Count < (shortBreaks ? 1 : 2))
        {
            var from = held.Count == 0 ? periodStartedOn : held[^1];
            return Due(shortBreaks ? SubsequentShortBreakReview : SubsequentReview, from, rules, period =>
                $"Next review: not more than {period} after {(held.Count == 0 ? "the start of the history loaded" : "the previous review")} on {GovukDate.Format(from)}. "
                + "Earlier reviews in this period of care were not loaded from the return (CPPCR 2010 reg 33(2))");
        }

        if (shortBreaks)
        {
            return held.Count == 0
                ? Due(FirstShortBreakReview, periodStartedOn, rules, period =>
                    $"First short-break review: within {period} of the first short break starting on {GovukDate.Format(periodStartedOn)} (CPPCR 2010 reg 48, as local procedures apply it)")
                : Due(SubsequentShortBreakReview, held[^1], rules, period =>
                    $"Next short-break review: not more than {period} after the previous review on {GovukDate.Format(held[^1])} (CPPCR 2010 reg 48)");
        }

        return held.Count switch
        {
            0 => Due(FirstReview, periodStartedOn, rules, period =>
                $"First review: within {period} of becoming looked after on {GovukDate.Format(periodStartedOn)} (CPPCR 2010 reg 33(1))"),
            1 => Due(SecondReview, held[0], rules, period =>
                $"Second review: not more than {period} after the first review on {GovukDate.Format(held[0])} (CPPCR 2010 reg 33(2))"),
            _ => Due(SubsequentReview, held[^1], rules, period =>
                $"Next review: not more than {period} after the previous review on {GovukDate.Format(held[^1])} (CPPCR 2010 reg 33(2))"),
        };
    }

    private static ReviewDue Due(string ruleId, DateOnly from, Rulebook rules, Func<string, string> explain)
    {
        var period = rules.Period(ruleId, from);
        return new ReviewDue(period.After(from, rules.Calendar), ruleId, explain(period.Describe()));
    }
}
