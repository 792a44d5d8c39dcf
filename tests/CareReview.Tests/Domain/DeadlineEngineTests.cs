using CareReview.Domain;
using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>Children and records for the deadline engine tests, with dates as data.</summary>
internal static class Deadlines
{
    public static readonly StaffMember Iro = new("Priya Shah", StaffRole.Iro);
    public static readonly StaffMember SocialWorker = new("Alex Green", StaffRole.SocialWorker);

    public static Child LookedAfter(string since, string born = "2020-06-15", LegalStatus legal = LegalStatus.C2,
        PlacementType placement = PlacementType.U6, bool allocate = true)
    {
        var child = new Child("T-1", "Sam", "Taylor", D(born), Sex.F);
        if (allocate)
        {
            child.Allocate(Iro, SocialWorker, D(since), Rulebook.National, D(since));
        }

        child.BecomeLookedAfter(D(since), legal, placement, CategoryOfNeed.N1, D(since), Rulebook.National);
        return child;
    }

    public static void Record(this Child child, CareEventKind kind, string on, bool seen = true) =>
        child.RecordCareEvent(new CareEventDraft(kind, D(on), kind == CareEventKind.Visit ? seen : null, seen ? true : null, null, null), "Alex Green", D(on), Rulebook.National);

    public static Deadline Item(this Child child, StatutoryItem item, string today, Rulebook? rules = null) =>
        DeadlineEngine.Compute(child, D(today), rules ?? Rulebook.National).Items.Single(d => d.Item == item);

    public static Deadline? Maybe(this Child child, StatutoryItem item, string today) =>
        DeadlineEngine.Compute(child, D(today), Rulebook.National).Items.SingleOrDefault(d => d.Item == item);

    public static CarePlanDraft Plan(string placement = "Stays with the Lee family", string contact = "Sees Mum every Saturday",
        params PermanenceOption[] permanence) =>
        new(permanence.Length == 0 ? [PermanenceOption.LTFOST18] : permanence,
            new Dictionary<CarePlanSection, string?>
            {
                [CarePlanSection.PlacementPlan] = placement,
                [CarePlanSection.Contact] = contact,
                [CarePlanSection.HealthPlan] = "Annual health check",
            },
            null);
}

public sealed class Every_first_item_falls_due_from_becoming_looked_after
{
    [Fact]
    public void A_child_looked_after_from_the_friday_before_christmas_has_each_first_item_due_counted_past_the_bank_holidays()
    {
        var child = Deadlines.LookedAfter("2026-12-18");
        var items = DeadlineEngine.Compute(child, D("2026-12-18"), Rulebook.National).Items.ToDictionary(d => d.Item);

        // 25 and 28 December 2026 (Boxing Day substitute) and 1 January 2027 are not working days.
        Assert.Equal(D("2027-01-06"), items[StatutoryItem.CarePlan].DueOn);
        Assert.Equal(D("2026-12-29"), items[StatutoryItem.PlacementPlan].DueOn);
        Assert.Equal(D("2026-12-25"), items[StatutoryItem.Visit].DueOn);
        Assert.Equal(D("2027-01-20"), items[StatutoryItem.HealthAssessment].DueOn);
        Assert.Equal(D("2027-01-20"), items[StatutoryItem.PersonalEducationPlan].DueOn);
        Assert.Equal(D("2027-01-20"), items[StatutoryItem.Review].DueOn);
        Assert.False(items.ContainsKey(StatutoryItem.NeedsAssessment));
        Assert.Equal(["P3", "P5", "V1.1", "H1", "E2", "R1"],
            new[] { StatutoryItem.CarePlan, StatutoryItem.PlacementPlan, StatutoryItem.Visit, StatutoryItem.HealthAssessment,
                StatutoryItem.PersonalEducationPlan, StatutoryItem.Review }.Select(i => items[i].RuleId));
        Assert.All(items.Values, d => Assert.Equal("1", d.RuleVersion));
    }

    [Fact]
    public void The_iro_allocated_from_the_start_is_done_on_the_first_day()
    {
        var child = Deadlines.LookedAfter("2026-12-18");

        var iro = child.Item(StatutoryItem.IroAppointed, "2026-12-18");

        Assert.Equal(D("2026-12-18"), iro.DoneOn);
        Assert.Equal(D("2026-12-29"), iro.DueOn);
    }

    [Fact]
    public void An_iro_allocated_later_is_done_on_the_day_of_the_allocation_and_late_after_five_working_days()
    {
        var child = Deadlines.LookedAfter("2026-12-18", allocate: false);
        Assert.Null(child.Item(StatutoryItem.IroAppointed, "2026-12-18").DoneOn);

        child.Allocate(Deadlines.Iro, Deadlines.SocialWorker, D("2027-01-04"), Rulebook.National, D("2027-01-04"));

        var iro = child.Item(StatutoryItem.IroAppointed, "2027-01-04");
        Assert.Equal(D("2027-01-04"), iro.DoneOn);
        Assert.True(iro.DoneOn > iro.DueOn);
    }

    [Fact]
    public void The_care_plan_is_done_by_its_first_version_and_the_placement_plan_by_a_version_with_one()
    {
        var child = Deadlines.LookedAfter("2026-12-18");
        child.ChangeCarePlan(Deadlines.Plan(placement: ""), "Alex Green", D("2026-12-22"), Rulebook.National);

        Assert.Equal(D("2026-12-22"), child.Item(StatutoryItem.CarePlan, "2026-12-22").DoneOn);
        Assert.Null(child.Item(StatutoryItem.PlacementPlan, "2026-12-22").DoneOn);

        child.ChangeCarePlan(Deadlines.Plan(), "Alex Green", D("2027-01-04"), Rulebook.National);

        Assert.Equal(D("2027-01-04"), child.Item(StatutoryItem.PlacementPlan, "2027-01-04").DoneOn);
    }

    [Fact]
    public void A_new_placement_needs_a_new_placement_plan_within_five_working_days_of_the_move()
    {
        var child = Deadlines.LookedAfter("2026-11-02");
        child.ChangeCarePlan(Deadlines.Plan(), "Alex Green", D("2026-11-02"), Rulebook.National);
        Assert.NotNull(child.Item(StatutoryItem.PlacementPlan, "2026-11-02").DoneOn);

        child.ChangeEpisode(D("2027-03-24"), LegalStatus.C2, PlacementMove.NewCarers, PlacementType.U4, ReasonForPlacementChange.CARPL,
            D("2027-03-24"), Rulebook.National);

        // Good Friday (26 March) and Easter Monday (29 March 2027) are not working days.
        var plan = child.Item(StatutoryItem.PlacementPlan, "2027-03-24");
        Assert.Null(plan.DoneOn);
        Assert.Equal(D("2027-04-02"), plan.DueOn);
        Assert.Equal(D("2027-03-31"), child.Item(StatutoryItem.Visit, "2027-03-24").DueOn);
    }
}

public sealed class Social_worker_visits_follow_regulation_28
{
    [Theory]
    [InlineData("2027-01-31", "2027-03-14")]  // a Sunday: calendar weeks, not working days
    [InlineData("2027-02-15", "2027-03-29")]
    public void In_the_first_year_of_a_placement_the_next_visit_is_due_six_weeks_after_the_last(string visited, string due)
    {
        var child = Deadlines.LookedAfter("2026-12-18");
        child.Record(CareEventKind.Visit, visited);

        var visit = child.Item(StatutoryItem.Visit, visited);

        Assert.Equal(D(due), visit.DueOn);
        Assert.Equal("V1.2", visit.RuleId);
        Assert.Equal(D(visited), visit.LastDoneOn);
    }

    [Theory]
    [InlineData(PlacementType.U6, "2026-11-27", "V1.2", "2027-01-08")]  // one day short of a year: still the first year
    [InlineData(PlacementType.U6, "2026-11-30", "V1.4", "2027-01-11")]
    [InlineData(PlacementType.U4, "2026-11-30", "V1.3", "2027-02-28")]  // long-term: 3 months
    public void After_a_year_the_interval_depends_on_whether_the_placement_is_meant_to_last_until_18(
        PlacementType placement, string visited, string rule, string due)
    {
        var child = Deadlines.LookedAfter("2025-11-28", born: "2014-01-10", placement: placement);
        child.Record(CareEventKind.Visit, visited);

        var visit = child.Item(StatutoryItem.Visit, visited);

        Assert.Equal(rule, visit.RuleId);
        Assert.Equal(D(due), visit.DueOn);
    }

    [Fact]
    public void A_visit_in_which_the_child_was_not_seen_does_not_count()
    {
        var child = Deadlines.LookedAfter("2026-12-18");
        child.Record(CareEventKind.Visit, "2026-12-21", seen: false);

        var visit = child.Item(StatutoryItem.Visit, "2026-12-21");

        Assert.Equal("V1.1", visit.RuleId);
        Assert.Equal(D("2026-12-25"), visit.DueOn);
        Assert.Null(visit.LastDoneOn);
    }

    [Theory]
    [InlineData("2026-11-30", "2027-05-30")]
    [InlineData("2026-08-31", "2027-02-28")]  // six months from the end of August ends on the last day of February
    public void A_child_in_a_long_term_foster_placement_who_agreed_is_visited_at_least_every_six_months(string visited, string due)
    {
        var child = Deadlines.LookedAfter("2025-06-02", born: "2012-01-10", placement: PlacementType.U4);
        child.SetVisitArrangements(D("2026-07-01"), false, false, D("2026-07-01"), Rulebook.National);
        child.Record(CareEventKind.Visit, visited);

        var visit = child.Item(StatutoryItem.Visit, visited);

        Assert.Equal("V2", visit.RuleId);
        Assert.Equal(D(due), visit.DueOn);
    }

    [Theory]
    [InlineData("2015-03-20", "V1.3", "2015-06-20")]  // before SI 2015/495 came into force
    [InlineData("2015-04-02", "V2", "2015-10-02")]
    public void The_six_monthly_rule_applies_only_to_visits_from_april_2015_when_it_came_into_force(string visited, string rule, string due)
    {
        var child = Deadlines.LookedAfter("2013-01-10", born: "2004-01-10", placement: PlacementType.U4);
        child.SetVisitArrangements(D("2014-06-01"), false, false, D("2014-06-01"), Rulebook.National);
        child.Record(CareEventKind.Visit, visited);

        var visit = child.Item(StatutoryItem.Visit, visited);

        Assert.Equal(rule, visit.RuleId);
        Assert.Equal(D(due), visit.DueOn);
    }

    [Fact]
    public void A_care_order_at_home_needs_a_visit_within_a_week_of_the_order()
    {
        var child = Deadlines.LookedAfter("2026-11-02", legal: LegalStatus.C2, placement: PlacementType.P1);

        var visit = child.Item(StatutoryItem.Visit, "2026-11-02");

        Assert.Equal("V5.1", visit.RuleId);
        Assert.Equal(D("2026-11-09"), visit.DueOn);
    }

    [Fact]
    public void An_interim_care_order_at_home_means_weekly_visits_until_the_first_review_then_every_four_weeks()
    {
        var child = Deadlines.LookedAfter("2026-11-02", legal: LegalStatus.C1, placement: PlacementType.P1);
        child.Record(CareEventKind.Visit, "2026-11-06");
        Assert.Equal(("V4.2", D("2026-11-13")), (child.Item(StatutoryItem.Visit, "2026-11-06").RuleId, child.Item(StatutoryItem.Visit, "2026-11-06").DueOn));

        child.RecordReviewHeld(D("2026-11-27"), ParticipationCode.PN1, D("2026-11-27"), Rulebook.National);
        child.Record(CareEventKind.Visit, "2026-11-30");

        var visit = child.Item(StatutoryItem.Visit, "2026-11-30");
        Assert.Equal("V4.3", visit.RuleId);
        Assert.Equal(D("2026-12-28"), visit.DueOn);
    }

    [Fact]
    public void Short_breaks_need_a_first_visit_within_three_months_and_no_placement_plan_or_health_assessment()
    {
        var child = Deadlines.LookedAfter("2026-11-30", legal: LegalStatus.V3, placement: PlacementType.U6);

        var items = DeadlineEngine.Compute(child, D("2026-11-30"), Rulebook.National).Items.ToDictionary(d => d.Item);

        Assert.Equal(("S3.1", D("2027-02-28")), (items[StatutoryItem.Visit].RuleId, items[StatutoryItem.Visit].DueOn));
        Assert.Equal(("S4.1", D("2027-02-28")), (items[StatutoryItem.Review].RuleId, items[StatutoryItem.Review].DueOn));
        Assert.False(items.ContainsKey(StatutoryItem.PlacementPlan));
        Assert.False(items.ContainsKey(StatutoryItem.HealthAssessment));
    }
}

public sealed class Health_assessments_follow_the_childs_age
{
    [Theory]
    [InlineData("2026-09-10", "H2.1", "2027-03-10")]  // the 6-month date comes before the 5th birthday
    [InlineData("2026-09-20", "H2.2", "2027-09-20")]  // the 6-month date falls after it: yearly from then
    public void Under_five_every_six_months_and_from_five_every_year(string assessed, string rule, string due)
    {
        var child = Deadlines.LookedAfter("2026-06-01", born: "2022-03-15");
        child.Record(CareEventKind.HealthAssessment, assessed);

        var health = child.Item(StatutoryItem.HealthAssessment, assessed);

        Assert.Equal(rule, health.RuleId);
        Assert.Equal(D(due), health.DueOn);
    }

    [Fact]
    public void An_assessment_in_the_three_months_before_becoming_looked_after_counts_as_the_initial_one()
    {
        var child = Deadlines.LookedAfter("2026-12-18");
        child.Record(CareEventKind.HealthAssessment, "2026-09-18");

        var health = child.Item(StatutoryItem.HealthAssessment, "2026-12-18");

        Assert.Equal(("H2.2", D("2027-09-18")), (health.RuleId, health.DueOn));
    }

    [Fact]
    public void An_assessment_more_than_three_months_before_is_refused()
    {
        var child = Deadlines.LookedAfter("2026-12-18");

        var refusal = Assert.Throws<DomainRuleException>(() => child.Record(CareEventKind.HealthAssessment, "2026-09-17"));

        Assert.Equal("On", refusal.Field);
    }
}

public sealed class Personal_education_plans_run_by_school_term
{
    [Theory]
    [InlineData("2026-10-05", "2027-03-31")]  // autumn: by the end of the spring term
    [InlineData("2027-01-15", "2027-08-31")]  // spring: by the end of the summer term
    [InlineData("2027-05-01", "2027-12-31")]  // summer: by the end of the autumn term
    [InlineData("2026-12-31", "2027-03-31")]  // the last day of the autumn term
    public void The_pep_is_reviewed_by_the_end_of_the_term_after_the_last_meeting(string met, string due)
    {
        var child = Deadlines.LookedAfter("2026-09-01", born: "2016-04-01");
        child.Record(CareEventKind.PepMeeting, met);

        var pep = child.Item(StatutoryItem.PersonalEducationPlan, met);

        Assert.Equal(("E3", D(due)), (pep.RuleId, pep.DueOn));
    }

    [Fact]
    public void A_child_who_turns_three_in_care_needs_a_pep_twenty_working_days_after_the_birthday()
    {
        var child = Deadlines.LookedAfter("2026-06-01", born: "2024-02-10");

        var pep = child.Item(StatutoryItem.PersonalEducationPlan, "2026-06-01");

        Assert.Equal(D("2027-03-10"), pep.DueOn);
        Assert.Contains("birthday on 10 February 2027", pep.Explanation, StringComparison.Ordinal);
    }
}

public sealed class The_leaving_care_needs_assessment_follows_eligibility
{
    [Fact]
    public void Looked_after_since_fourteen_it_is_due_three_months_after_the_sixteenth_birthday()
    {
        var child = Deadlines.LookedAfter("2025-01-01", born: "2010-12-01");

        var needs = child.Item(StatutoryItem.NeedsAssessment, "2026-11-23");

        Assert.Equal(("L2", D("2027-03-01")), (needs.RuleId, needs.DueOn));
    }

    [Fact]
    public void Looked_after_from_sixteen_it_is_due_three_months_after_thirteen_weeks_of_care()
    {
        var child = Deadlines.LookedAfter("2026-10-01", born: "2010-06-01");

        var needs = child.Item(StatutoryItem.NeedsAssessment, "2026-11-23");

        Assert.Equal(D("2027-03-31"), needs.DueOn);
    }

    [Fact]
    public void It_appears_three_months_before_the_child_becomes_eligible_and_the_record_says_when_to_look_again()
    {
        var child = Deadlines.LookedAfter("2024-01-02", born: "2011-06-15");

        var before = DeadlineEngine.Compute(child, D("2026-11-23"), Rulebook.National);
        Assert.DoesNotContain(before.Items, d => d.Item == StatutoryItem.NeedsAssessment);
        Assert.Equal(D("2027-03-15"), before.RecomputeOn);

        var onTheDay = DeadlineEngine.Compute(child, D("2027-03-15"), Rulebook.National);
        Assert.Equal(D("2027-09-15"), onTheDay.Items.Single(d => d.Item == StatutoryItem.NeedsAssessment).DueOn);
    }

    [Fact]
    public void Short_breaks_do_not_make_a_child_eligible()
    {
        var child = Deadlines.LookedAfter("2025-01-01", born: "2010-12-01", legal: LegalStatus.V3);

        Assert.Null(child.Maybe(StatutoryItem.NeedsAssessment, "2026-11-23"));
    }

    [Fact]
    public void Once_recorded_it_is_done()
    {
        var child = Deadlines.LookedAfter("2025-01-01", born: "2010-12-01");
        child.Record(CareEventKind.NeedsAssessment, "2027-02-10");

        Assert.Equal(D("2027-02-10"), child.Item(StatutoryItem.NeedsAssessment, "2027-02-10").DoneOn);
    }
}

public sealed class Stored_deadlines_follow_the_record
{
    [Fact]
    public void Recalculating_updates_each_item_in_place_and_removes_items_that_no_longer_apply()
    {
        var child = Deadlines.LookedAfter("2026-11-02");
        child.RecalculateDeadlines(D("2026-11-02"), Rulebook.National);
        var visit = child.Deadlines.Single(d => d.Item == StatutoryItem.Visit);
        Assert.Equal(D("2026-11-09"), visit.DueOn);

        child.Record(CareEventKind.Visit, "2026-11-05");
        child.RecalculateDeadlines(D("2026-11-05"), Rulebook.National);
        Assert.Same(visit, child.Deadlines.Single(d => d.Item == StatutoryItem.Visit));
        Assert.Equal(D("2026-12-17"), visit.DueOn);

        child.CeaseToBeLookedAfter(D("2026-11-20"), ReasonEpisodeCeased.E4A, D("2026-11-20"), Rulebook.National);
        child.RecalculateDeadlines(D("2026-11-20"), Rulebook.National);
        Assert.Empty(child.Deadlines);
    }

    [Fact]
    public void The_review_item_is_the_review_clock_with_its_rule_version()
    {
        var child = Deadlines.LookedAfter("2026-11-02");
        child.RecordReviewHeld(D("2026-11-27"), ParticipationCode.PN1, D("2026-11-27"), Rulebook.National);

        var review = child.Item(StatutoryItem.Review, "2026-11-27");

        Assert.Equal((D("2027-02-27"), "R2", "1"), (review.DueOn, review.RuleId, review.RuleVersion));
        Assert.Equal(D("2026-11-27"), review.LastDoneOn);
        Assert.Equal(child.NextReviewDueOn, review.DueOn);
    }
}
