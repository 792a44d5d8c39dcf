using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>
/// Caseloads and reminders sort on the deadlines the child stores, so every change to what they are worked
/// out from must leave them as the engine would work them out that day, with no caller having to ask.
/// </summary>
public sealed class The_child_keeps_its_stored_deadlines_in_step_with_each_change
{
    private static readonly Rulebook s_rules = Rulebook.National;

    private static void AssertInStep(Child child, string today)
    {
        var expected = DeadlineEngine.Compute(child, D(today), s_rules).Items.Select(d => (d.Item, d.DueOn, d.LastDoneOn));
        Assert.Equal(expected, child.Deadlines.OrderBy(d => d.Item).Select(d => (d.Item, d.DueOn, d.LastDoneOn)));
        Assert.Equal(child.NextReviewDue(s_rules)?.DueOn, child.NextReviewDueOn);
    }

    private static DateOnly Stored(Child child, StatutoryItem item) => child.Deadlines.Single(d => d.Item == item).DueOn;

    [Fact]
    public void Becoming_looked_after_stores_every_first_deadline()
    {
        var child = Deadlines.LookedAfter("2026-03-02");

        Assert.NotEmpty(child.Deadlines);
        AssertInStep(child, "2026-03-02");
    }

    [Fact]
    public void A_visit_moves_the_next_visit()
    {
        var child = Deadlines.LookedAfter("2026-03-02");
        var before = Stored(child, StatutoryItem.Visit);

        child.Record(CareEventKind.Visit, "2026-03-05");

        Assert.NotEqual(before, Stored(child, StatutoryItem.Visit));
        AssertInStep(child, "2026-03-05");
    }

    [Fact]
    public void A_care_plan_meets_the_care_plan_deadline()
    {
        var child = Deadlines.LookedAfter("2026-03-02");
        Assert.Null(child.Deadlines.Single(d => d.Item == StatutoryItem.CarePlan).DoneOn);

        child.ChangeCarePlan(Deadlines.Plan(), "Alex Green", D("2026-03-09"), s_rules);

        Assert.Equal(D("2026-03-09"), child.Deadlines.Single(d => d.Item == StatutoryItem.CarePlan).DoneOn);
        AssertInStep(child, "2026-03-09");
    }

    [Fact]
    public void Allocating_the_first_iro_meets_the_appointment_deadline()
    {
        var child = Deadlines.LookedAfter("2026-03-02", allocate: false);
        Assert.Null(child.Deadlines.Single(d => d.Item == StatutoryItem.IroAppointed).LastDoneOn);

        child.Allocate(Deadlines.Iro, Deadlines.SocialWorker, D("2026-03-04"), s_rules, D("2026-03-04"));

        Assert.Equal(D("2026-03-04"), child.Deadlines.Single(d => d.Item == StatutoryItem.IroAppointed).LastDoneOn);
        AssertInStep(child, "2026-03-04");
    }

    [Fact]
    public void The_child_agreeing_to_fewer_visits_moves_the_next_visit()
    {
        var child = Deadlines.LookedAfter("2025-01-06", placement: PlacementType.U4);
        child.Record(CareEventKind.Visit, "2026-03-02");
        var before = Stored(child, StatutoryItem.Visit);

        child.SetVisitArrangements(D("2026-03-02"), false, false, D("2026-03-03"), s_rules);

        Assert.NotEqual(before, Stored(child, StatutoryItem.Visit));
        AssertInStep(child, "2026-03-03");
    }

    [Fact]
    public void A_new_placement_restarts_the_placement_plan_and_a_review_held_moves_the_next()
    {
        var child = Deadlines.LookedAfter("2026-03-02");
        var reviewBefore = child.NextReviewDueOn;

        child.RecordReviewHeld(D("2026-03-20"), ParticipationCode.PN1, D("2026-03-20"), s_rules);
        Assert.NotEqual(reviewBefore, child.NextReviewDueOn);
        AssertInStep(child, "2026-03-20");

        var placementBefore = Stored(child, StatutoryItem.PlacementPlan);
        child.ChangeEpisode(D("2026-04-06"), LegalStatus.C2, PlacementMove.NewCarers, PlacementType.U4, ReasonForPlacementChange.CARPL,
            D("2026-04-06"), s_rules);
        Assert.NotEqual(placementBefore, Stored(child, StatutoryItem.PlacementPlan));
        AssertInStep(child, "2026-04-06");
    }

    [Fact]
    public void Ceasing_to_be_looked_after_clears_them()
    {
        var child = Deadlines.LookedAfter("2026-03-02");

        child.CeaseToBeLookedAfter(D("2026-03-10"), ReasonEpisodeCeased.E11, D("2026-03-10"), s_rules);

        Assert.Empty(child.Deadlines);
        Assert.Null(child.NextReviewDueOn);
    }
}
