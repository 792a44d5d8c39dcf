using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Escalations;
using CareReview.Domain.Reports;
using CareReview.Domain.Voice;

namespace CareReview.Tests.Domain;

/// <summary>
/// The annual report's figures from a small fixed set of facts for the year 2026 (1 April 2025 to 31 March
/// 2026). Every expected number is counted by hand in the comments beside the facts.
/// </summary>
public sealed class AnnualReportTests
{
    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly (DateOnly From, DateOnly To) s_year = (new FinancialYear(2026).Start, new FinancialYear(2026).End);

    private static AnnualReport Report() => AnnualReport.For(s_year.From, s_year.To,
        [
            new CarePeriodFact(1, D("2024-01-01"), null), // in care throughout
            new CarePeriodFact(2, D("2025-06-01"), D("2025-12-31")), // started and ceased in the year
            new CarePeriodFact(3, D("2025-03-01"), D("2025-05-01")), // a change of episode: neither a start nor an end
            new CarePeriodFact(3, D("2025-05-01"), null),
            new CarePeriodFact(4, D("2023-01-01"), D("2025-03-31")), // left the day before the year began
            new CarePeriodFact(5, D("2026-04-01"), null), // came the day after it ended
        ],
        [
            new ReviewFact(1, 1, D("2025-05-01"), D("2025-05-10"), 10, true, ParticipationCode.PN1, ReviewRating.Good), // on time
            new ReviewFact(2, 1, D("2025-11-20"), D("2025-11-01"), 10, false, ParticipationCode.PN5, null), // late
            new ReviewFact(3, 2, D("2025-07-01"), D("2025-07-01"), 3, false, ParticipationCode.PN0, ReviewRating.Ok), // on the day: on time
            new ReviewFact(4, 3, D("2026-03-31"), D("2026-03-30"), 16, true, ParticipationCode.PN3, ReviewRating.NotHappy), // late
            new ReviewFact(5, 3, D("2025-03-31"), D("2025-01-01"), 16, true, ParticipationCode.PN1, ReviewRating.Good), // before the year
        ],
        [
            new RecommendationFact(1, 1, D("2025-05-01"), D("2025-06-01"), D("2025-05-20"), null, [CaseTheme.Contact]), // done on time
            new RecommendationFact(2, 1, D("2025-05-01"), D("2025-06-01"), D("2025-07-01"), null, [CaseTheme.Contact, CaseTheme.Education]), // done late
            new RecommendationFact(3, 3, D("2025-12-01"), D("2026-01-01"), D("2026-04-15"), null, []), // done after the year: open at its end
            new RecommendationFact(4, 2, D("2025-07-01"), D("2025-08-01"), null, D("2025-11-20"), [CaseTheme.Health]), // carried forward
            new RecommendationFact(5, 3, D("2026-01-10"), D("2026-02-01"), null, null, []), // open
            new RecommendationFact(6, 1, D("2025-03-01"), D("2025-04-01"), null, null, [CaseTheme.Health]), // before the year
        ],
        [
            new EscalationFact(1, 1, D("2025-06-01"), ConcernCategory.DriftAndDelay, 0, EscalationOutcome.ResolvedInformally, D("2025-06-20"), 14, [CaseTheme.Delay]),
            new EscalationFact(2, 3, D("2025-10-01"), ConcernCategory.NoExitPlan, 2, EscalationOutcome.ResolvedFormally, D("2026-05-01"), 150, []), // open at the end
            new EscalationFact(3, 2, D("2025-08-01"), ConcernCategory.DriftAndDelay, 1, EscalationOutcome.ReferredToCafcass, D("2025-09-30"), 42,
                [CaseTheme.Delay, CaseTheme.Permanence]),
            new EscalationFact(4, 1, D("2025-01-01"), ConcernCategory.Decisions, 1, EscalationOutcome.Withdrawn, D("2025-04-10"), 70, []), // raised before, closed in the year
        ],
        [
            new CafcassFact(1, 2, D("2025-09-30"), CafcassOutcome.AdviceGiven),
            new CafcassFact(2, 2, D("2026-04-02"), CafcassOutcome.AwaitingCafcass),
        ],
        [
            new AllocationFact(1, null, 1, "Ada"),
            new AllocationFact(1, D("2025-09-01"), 2, "Ben"),
            new AllocationFact(1, D("2025-12-01"), 1, "Ada"), // child 1: two changes
            new AllocationFact(2, D("2025-06-01"), 1, "Ada"), // child 2: none
            new AllocationFact(3, D("2024-01-01"), 2, "Ben"),
            new AllocationFact(3, D("2025-04-15"), null, null), // a gap, then Ben again: not a change
            new AllocationFact(3, D("2025-05-01"), 2, "Ben"),
            new AllocationFact(3, D("2025-08-01"), 1, "Ada"),
            new AllocationFact(3, D("2025-09-01"), 2, "Ben"),
            new AllocationFact(3, D("2026-01-01"), 1, "Ada"), // child 3: three changes
        ],
        [new IroFact(1, "Ada", 1m), new IroFact(2, "Ben", 0.5m)]);

    private static (int Count, int? Of) Figure(AnnualReport report, string figure)
    {
        var line = report.Line(figure) ?? throw new InvalidOperationException($"No figure {figure}");
        return (line.Count, line.Of);
    }

    [Theory]
    [InlineData("2025-04-01", "2025-26 Q1")]
    [InlineData("2025-06-30", "2025-26 Q1")]
    [InlineData("2025-07-01", "2025-26 Q2")]
    [InlineData("2025-12-31", "2025-26 Q3")]
    [InlineData("2026-01-01", "2025-26 Q4")]
    [InlineData("2026-03-31", "2025-26 Q4")]
    public void Quarters_run_April_to_June_first(string on, string quarter) => Assert.Equal(quarter, AnnualReport.Quarter(D(on)));

    [Fact]
    public void Children_in_care_during_at_the_end_started_and_ceased()
    {
        var r = Report();
        Assert.Equal((3, null), Figure(r, "children-during"));
        Assert.Equal((2, null), Figure(r, "children-at-end"));
        Assert.Equal((1, null), Figure(r, "children-started"));
        Assert.Equal((1, null), Figure(r, "children-ceased"));
        Assert.Equal([1, 3], r.ChildrenBehind("children-at-end")!.Order());
        Assert.Equal([2], r.ChildrenBehind("children-started")!);
    }

    [Fact]
    public void Caseloads_count_children_in_care_at_the_end_by_their_IRO_then_against_the_current_FTE()
    {
        var r = Report();
        Assert.Equal(
            [new IroCaseloadLine("Ada", 2, 1m, 50, 70), new IroCaseloadLine("Ben", 0, 0.5m, 25, 35)],
            r.Caseloads);
    }

    [Fact]
    public void Changes_of_IRO_are_counted_per_child_in_care_during_the_year()
    {
        var r = Report();
        Assert.Equal((1, 3), Figure(r, "continuity-0"));
        Assert.Equal((0, 3), Figure(r, "continuity-1"));
        Assert.Equal((1, 3), Figure(r, "continuity-2"));
        Assert.Equal((1, 3), Figure(r, "continuity-3"));
        Assert.Equal([3], r.ChildrenBehind("continuity-3")!);
    }

    [Fact]
    public void Reviews_on_time_are_held_on_or_before_the_due_date()
    {
        var r = Report();
        Assert.Equal((4, null), Figure(r, "reviews-held"));
        Assert.Equal((2, 4), Figure(r, "reviews-on-time"));
        Assert.Equal((2, 4), Figure(r, "reviews-late"));
        Assert.Equal([1, 3], r.ChildrenBehind("reviews-late")!.Order());
    }

    [Fact]
    public void Seen_alone_leaves_out_the_under_4s()
    {
        var r = Report();
        Assert.Equal((2, 3), Figure(r, "seen-alone"));
        Assert.Equal((1, 3), Figure(r, "not-seen-alone"));
    }

    [Fact]
    public void Attendance_by_age_band_and_Rate_My_Review()
    {
        var r = Report();
        Assert.Equal((1, 2), Figure(r, "attended-TenToTwelve"));
        Assert.Equal((0, 1), Figure(r, "attended-UnderFour"));
        Assert.Equal((1, 1), Figure(r, "attended-SixteenAndOver"));
        Assert.Equal((0, 0), Figure(r, "attended-FiveToNine"));
        Assert.Equal((1, 3), Figure(r, "rating-Good"));
        Assert.Equal((1, 3), Figure(r, "rating-Ok"));
        Assert.Equal((1, 3), Figure(r, "rating-NotHappy"));
    }

    [Fact]
    public void Recommendations_stand_as_they_did_on_the_last_day()
    {
        var r = Report();
        Assert.Equal((5, null), Figure(r, "recommendations-made"));
        Assert.Equal((1, 5), Figure(r, "recommendations-on-time"));
        Assert.Equal((1, 5), Figure(r, "recommendations-late"));
        Assert.Equal((2, 5), Figure(r, "recommendations-open"));
        Assert.Equal((1, 5), Figure(r, "recommendations-closed-undone"));
        Assert.Equal([3], r.ChildrenBehind("recommendations-open")!);
    }

    [Fact]
    public void Escalations_by_stage_category_and_outcome_at_the_end_with_the_median_time_to_resolve()
    {
        var r = Report();
        Assert.Equal((3, null), Figure(r, "escalations-raised"));
        Assert.Equal((1, 3), Figure(r, "escalations-stage-0"));
        Assert.Equal((1, 3), Figure(r, "escalations-stage-1"));
        Assert.Equal((1, 3), Figure(r, "escalations-stage-2"));
        Assert.Equal((2, 3), Figure(r, "escalations-category-DriftAndDelay"));
        Assert.Equal((1, 3), Figure(r, "escalations-category-NoExitPlan"));
        Assert.Equal((0, 3), Figure(r, "escalations-category-Decisions"));
        Assert.Equal((1, 3), Figure(r, "escalations-outcome-ResolvedInformally"));
        Assert.Equal((0, 3), Figure(r, "escalations-outcome-ResolvedFormally"));
        Assert.Equal((1, 3), Figure(r, "escalations-outcome-ReferredToCafcass"));
        Assert.Equal((1, 3), Figure(r, "escalations-open"));
        Assert.Equal(42, r.MedianDaysToResolve); // 14, 42 and 70 closed in the year
        var within = Assert.Single(r.Measure("escalations_resolution"));
        Assert.Equal((1, 3), (within.Count, within.Of));
    }

    [Fact]
    public void Cafcass_referrals_in_the_year()
    {
        var r = Report();
        Assert.Equal((1, null), Figure(r, "cafcass-referred"));
        Assert.Equal((1, 1), Figure(r, "cafcass-AdviceGiven"));
        Assert.Equal((0, 1), Figure(r, "cafcass-AwaitingCafcass"));
    }

    [Fact]
    public void Themes_count_each_tag_with_the_untagged_apart_and_by_quarter()
    {
        var r = Report();
        Assert.Equal((2, 5), Figure(r, "recommendation-theme-Contact"));
        Assert.Equal((1, 5), Figure(r, "recommendation-theme-Education"));
        Assert.Equal((1, 5), Figure(r, "recommendation-theme-Health"));
        Assert.Equal((2, 5), Figure(r, "recommendation-theme-none"));
        Assert.Equal((0, 5), Figure(r, "recommendation-theme-Delay"));
        Assert.Equal((2, 3), Figure(r, "escalation-theme-Delay"));
        Assert.Equal((1, 3), Figure(r, "escalation-theme-Permanence"));
        Assert.Equal((1, 3), Figure(r, "escalation-theme-none"));

        Assert.Equal(["2025-26 Q1", "2025-26 Q2", "2025-26 Q3", "2025-26 Q4"], r.Quarters());
        Assert.Equal((2, 2), Figure(r, "recommendation-theme-Contact-2025-26-Q1"));
        Assert.Equal((1, 2), Figure(r, "recommendation-theme-Education-2025-26-Q1"));
        Assert.Equal((1, 1), Figure(r, "recommendation-theme-Health-2025-26-Q2"));
        Assert.Equal((1, 1), Figure(r, "recommendation-theme-none-2025-26-Q3"));
        Assert.Equal((1, 1), Figure(r, "recommendation-theme-none-2025-26-Q4"));
        Assert.Equal((1, 1), Figure(r, "escalation-theme-Delay-2025-26-Q1"));
        Assert.Equal((1, 1), Figure(r, "escalation-theme-Permanence-2025-26-Q2"));
    }

    [Fact]
    public void An_end_before_the_start_is_refused() =>
        Assert.Throws<DomainRuleException>(() => AnnualReport.For(D("2026-01-01"), D("2025-12-31"), [], [], [], [], [], [], []));

    [Fact]
    public void An_unknown_figure_has_no_children() => Assert.Null(Report().ChildrenBehind("no-such-figure"));

    [Fact]
    public void Theme_codes_round_trip_in_order_without_repeats()
    {
        Assert.Equal("Contact Health", CaseThemes.ToCodes([CaseTheme.Health, CaseTheme.Contact, CaseTheme.Health]));
        Assert.Equal([CaseTheme.Contact, CaseTheme.Health], CaseThemes.FromCodes("Contact Health"));
        Assert.Empty(CaseThemes.FromCodes(""));
    }
}
