using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using static CareReview.Tests.Domain.Dates;
using static CareReview.Tests.Domain.ReviewFixtures;

namespace CareReview.Tests.Domain;

/// <summary>
/// Review recommendations written SMART (what, who by name and role, by when, how it is monitored),
/// tracked with progress notes until done, and accounted for at the next review: done, carried forward
/// (as a new recommendation linked to the old) or dropped with a reason (statutory-rules.md §4.2 reg 36,
/// §4.3, §6.4).
/// </summary>
/// <remarks>
/// The child became looked after on 1 June 2026; the first review was held on 24 June 2026 and the next on
/// 10 September 2026. Recommendations have Id 0 until saved; tests with more than one open recommendation
/// give them ids with <see cref="ReviewFixtures.Saved"/>.
/// </remarks>
public sealed class RecommendationTests
{
    private const string FirstReview = "2026-06-24";
    private const string NextReview = "2026-09-10";

    private static Child AChild() => AChildLookedAfterSince("2026-06-01");

    private static Recommendation OneRecommendationDueOn(Child child, string dueOn) =>
        Assert.Single(RecordWith(child, FirstReview, Draft(dueOn)).Recommendations);

    private static Review RecordNext(Child child, params RecommendationOutcome[] outcomes) =>
        child.RecordReview(Held(NextReview), [], outcomes, "IRO Jo", D(NextReview), Rules);

    // ---- SMART ----------------------------------------------------------------------------------

    [Theory]
    [InlineData(null, "Alex Green", "Social worker", "2026-08-01", "Reports to the IRO", "Action",
        "Enter what is to be done")]
    [InlineData("  ", "Alex Green", "Social worker", "2026-08-01", "Reports to the IRO", "Action",
        "Enter what is to be done")]
    [InlineData("Book the dentist", null, "Social worker", "2026-08-01", "Reports to the IRO", "OwnerName",
        "Enter who will do it: a named person. A recommendation without an owner cannot be followed up")]
    [InlineData("Book the dentist", " ", "Social worker", "2026-08-01", "Reports to the IRO", "OwnerName",
        "Enter who will do it: a named person. A recommendation without an owner cannot be followed up")]
    [InlineData("Book the dentist", "Alex Green", "", "2026-08-01", "Reports to the IRO", "OwnerRole",
        "Enter the role of the person who will do it, for example social worker")]
    [InlineData("Book the dentist", "Alex Green", null, "2026-08-01", "Reports to the IRO", "OwnerRole",
        "Enter the role of the person who will do it, for example social worker")]
    [InlineData("Book the dentist", "Alex Green", "Social worker", null, "Reports to the IRO", "DueOn",
        "Enter the date it must be done by. A recommendation without a date cannot be followed up")]
    [InlineData("Book the dentist", "Alex Green", "Social worker", FirstReview, "Reports to the IRO", "DueOn",
        "The date it must be done by must be after the review")]
    [InlineData("Book the dentist", "Alex Green", "Social worker", "2026-06-23", "Reports to the IRO", "DueOn",
        "The date it must be done by must be after the review")]
    [InlineData("Book the dentist", "Alex Green", "Social worker", "2026-08-01", null, "Monitoring",
        "Enter how the IRO will know it has been done")]
    [InlineData("Book the dentist", "Alex Green", "Social worker", "2026-08-01", "\t", "Monitoring",
        "Enter how the IRO will know it has been done")]
    public void A_recommendation_that_is_not_SMART_is_refused_with_a_clear_message(
        string? action, string? ownerName, string? ownerRole, string? dueOn, string? monitoring, string field, string message)
    {
        var child = AChild();

        var refusal = AssertRefused(field, () => RecordWith(child, FirstReview, Draft(dueOn, action, ownerName, ownerRole, monitoring)));

        Assert.Equal(message, refusal.Message);
        Assert.Empty(child.Reviews);
        Assert.Empty(child.Recommendations);
    }

    [Theory]
    [InlineData(1001, 1, 1, 1, "Action")]
    [InlineData(1, 201, 1, 1, "OwnerName")]
    [InlineData(1, 1, 101, 1, "OwnerRole")]
    [InlineData(1, 1, 1, 1001, "Monitoring")]
    public void A_recommendation_longer_than_its_column_is_refused(int action, int ownerName, int ownerRole, int monitoring, string field)
    {
        var child = AChild();

        AssertRefused(field, () => RecordWith(child, FirstReview, Draft("2026-08-01",
            new string('a', action), new string('n', ownerName), new string('r', ownerRole), new string('m', monitoring))));
        Assert.Empty(child.Reviews);
    }

    [Fact]
    public void A_recommendation_as_long_as_its_columns_allow_is_accepted()
    {
        var child = AChild();

        var longest = Assert.Single(RecordWith(child, FirstReview, Draft("2026-08-01",
            new string('a', 1000), new string('n', 200), new string('r', 100), new string('m', 1000))).Recommendations);

        Assert.Equal((1000, 200, 100, 1000), (longest.Action.Length, longest.OwnerName.Length, longest.OwnerRole.Length, longest.Monitoring.Length));
    }

    [Fact]
    public void A_SMART_recommendation_is_kept_trimmed_and_open()
    {
        var child = AChild();

        var review = RecordWith(child, FirstReview,
            Draft("2026-06-25", " Book the dentist ", " Alex Green ", " Social worker ", " Dental record sent to the IRO "),
            Draft("2026-12-31"));

        Assert.Equal(2, review.Recommendations.Count);
        var first = review.Recommendations[0];
        Assert.Equal("Book the dentist", first.Action);
        Assert.Equal("Alex Green", first.OwnerName);
        Assert.Equal("Social worker", first.OwnerRole);
        Assert.Equal(D("2026-06-25"), first.DueOn); // the day after the review is the earliest
        Assert.Equal("Dental record sent to the IRO", first.Monitoring);
        Assert.Equal(RecommendationStatus.Open, first.Status);
        Assert.True(first.IsOpen);
        Assert.Null(first.CompletedOn);
        Assert.Null(first.CarriedForwardFromId);
        Assert.Empty(first.Updates);
        Assert.Equal(review.Recommendations, child.Recommendations);
    }

    // ---- Progress and completion ---------------------------------------------------------------

    [Fact]
    public void Progress_is_recorded_with_a_note_and_leaves_the_recommendation_open()
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        recommendation.RecordProgress(D("2026-07-01"), "  First contact session held  ", "Alex Green", D("2026-07-02"));

        var update = Assert.Single(recommendation.Updates);
        Assert.Equal((D("2026-07-01"), RecommendationUpdateKind.Progress, "First contact session held", "Alex Green"),
            (update.On, update.Kind, update.Note, update.By));
        Assert.True(recommendation.IsOpen);
    }

    [Fact]
    public void Completing_records_the_date_and_a_note_and_closes_the_recommendation()
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");
        recommendation.RecordProgress(D("2026-07-01"), "Started", "Alex Green", D("2026-07-01"));

        recommendation.Complete(D("2026-07-20"), "Contact is weekly now", "Alex Green", D("2026-07-21"));

        Assert.Equal(RecommendationStatus.Done, recommendation.Status);
        Assert.False(recommendation.IsOpen);
        Assert.Equal(D("2026-07-20"), recommendation.CompletedOn);
        Assert.Equal(new[] { RecommendationUpdateKind.Progress, RecommendationUpdateKind.Done }, recommendation.Updates.Select(u => u.Kind));
    }

    [Theory]
    [InlineData("2026-07-01", "", "2026-07-01", "Note")]
    [InlineData("2026-07-01", "   ", "2026-07-01", "Note")]
    [InlineData("2026-07-02", "Done", "2026-07-01", "On")] // in the future
    public void Progress_and_completion_need_a_note_and_a_date_not_in_the_future(string on, string note, string today, string field)
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        AssertRefused(field, () => recommendation.RecordProgress(D(on), note, "Alex Green", D(today)));
        AssertRefused(field, () => recommendation.Complete(D(on), note, "Alex Green", D(today)));
        Assert.Empty(recommendation.Updates);
        Assert.True(recommendation.IsOpen);
    }

    [Fact]
    public void A_note_longer_than_2000_characters_is_refused()
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        AssertRefused("Note", () => recommendation.RecordProgress(D("2026-07-01"), new string('x', 2001), "Alex Green", D("2026-07-01")));
        recommendation.RecordProgress(D("2026-07-01"), new string('x', 2000), "Alex Green", D("2026-07-01"));
        Assert.Single(recommendation.Updates);
    }

    [Fact]
    public void A_closed_recommendation_takes_no_more_progress_or_completion()
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");
        recommendation.Complete(D("2026-07-20"), "Done", "Alex Green", D("2026-07-20"));

        var refusal = AssertRefused("Note", () => recommendation.RecordProgress(D("2026-07-21"), "More", "Alex Green", D("2026-07-21")));
        Assert.Equal("This recommendation is already closed", refusal.Message);
        AssertRefused("Note", () => recommendation.Complete(D("2026-07-21"), "Again", "Alex Green", D("2026-07-21")));

        Assert.Single(recommendation.Updates);
        Assert.Equal(D("2026-07-20"), recommendation.CompletedOn);
    }

    [Theory]
    [InlineData("2026-07-31", true)]
    [InlineData("2026-08-01", true)] // on the due date is on time
    [InlineData("2026-08-02", false)]
    [InlineData(null, false)]        // not done
    public void Done_on_time_means_done_by_the_due_date(string? completedOn, bool expected)
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        if (completedOn is not null)
        {
            recommendation.Complete(D(completedOn), "Done", "Alex Green", D("2026-09-01"));
        }

        Assert.Equal(expected, recommendation.DoneOnTime);
    }

    [Theory]
    [InlineData("2026-07-31", null, false)]
    [InlineData("2026-08-01", null, false)]      // due today is not yet overdue
    [InlineData("2026-08-02", null, true)]
    [InlineData("2027-01-01", null, true)]
    [InlineData("2026-08-02", "2026-08-05", false)] // done, even if late, is not overdue
    public void An_open_recommendation_is_overdue_the_day_after_it_was_due(string today, string? completedOn, bool expected)
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");
        if (completedOn is not null)
        {
            recommendation.Complete(D(completedOn), "Done", "Alex Green", D(completedOn));
        }

        Assert.Equal(expected, recommendation.IsOverdueOn(D(today)));
    }

    // ---- At the next review ---------------------------------------------------------------------

    [Fact]
    public void Every_open_recommendation_needs_an_outcome_at_the_next_review()
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        var refusal = AssertRefused("Outcomes[0].Outcome", () => RecordNext(child));

        Assert.Equal("Say what happened to \"Arrange weekly contact with Mum\": done, carried forward or no longer needed", refusal.Message);
        Assert.True(recommendation.IsOpen);
        Assert.Single(child.Reviews);
        Assert.Equal(D("2026-09-24"), child.NextReviewDueOn);
    }

    [Fact]
    public void A_review_from_the_past_entered_now_does_not_answer_for_recommendations_made_after_it()
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        child.RecordReviewHeld(D("2026-06-10"), ParticipationCode.PN1, D("2026-07-01"), Rules);

        Assert.True(recommendation.IsOpen);
        Assert.Equal(2, child.Reviews.Count);
        AssertRefused("Outcomes[0].Outcome", () => RecordNext(child)); // the next review still must
    }

    [Fact]
    public void A_long_action_is_shortened_in_the_message()
    {
        var child = AChild();
        RecordWith(child, FirstReview, Draft("2026-08-01", action: new string('a', 100)));

        var refusal = AssertRefused("Outcomes[0].Outcome", () => RecordNext(child));

        Assert.Contains($"\"{new string('a', 57)}...\"", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recommendation_closed_before_the_review_needs_no_outcome()
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");
        recommendation.Complete(D("2026-07-20"), "Done", "Alex Green", D("2026-07-20"));

        var review = RecordNext(child);

        Assert.True(review.IsHeld);
        Assert.Equal(RecommendationStatus.Done, recommendation.Status);
    }

    [Theory]
    [InlineData("Seen at the review: contact is weekly", "Seen at the review: contact is weekly")]
    [InlineData(null, "Confirmed done at the review")]
    [InlineData("  ", "Confirmed done at the review")]
    public void Done_at_the_review_closes_it_on_the_day_of_the_review(string? note, string expectedNote)
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        RecordNext(child, new RecommendationOutcome(0, RecommendationStatus.Done, note, null));

        Assert.Equal(RecommendationStatus.Done, recommendation.Status);
        Assert.Equal(D(NextReview), recommendation.CompletedOn);
        Assert.False(recommendation.DoneOnTime);
        var update = Assert.Single(recommendation.Updates);
        Assert.Equal((RecommendationUpdateKind.Done, expectedNote, "IRO Jo"), (update.Kind, update.Note, update.By));
    }

    [Fact]
    public void Carrying_forward_makes_a_new_recommendation_at_the_new_review_linked_to_the_old()
    {
        var child = AChild();
        var old = Saved(OneRecommendationDueOn(child, "2026-08-01"), 7);

        var review = RecordNext(child, new RecommendationOutcome(7, RecommendationStatus.CarriedForward, "Mum was unwell", D("2026-10-31")));

        Assert.Equal(RecommendationStatus.CarriedForward, old.Status);
        Assert.Null(old.CompletedOn);
        var update = Assert.Single(old.Updates);
        Assert.Equal((RecommendationUpdateKind.CarriedForward, "Mum was unwell", D(NextReview)), (update.Kind, update.Note, update.On));

        var carried = Assert.Single(review.Recommendations);
        Assert.Equal(7, carried.CarriedForwardFromId);
        Assert.Equal((old.Action, old.OwnerName, old.OwnerRole, old.Monitoring), (carried.Action, carried.OwnerName, carried.OwnerRole, carried.Monitoring));
        Assert.Equal(D("2026-10-31"), carried.DueOn);
        Assert.True(carried.IsOpen);
        Assert.Equal(2, child.Recommendations.Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData(NextReview)]   // the day of the review
    [InlineData("2026-09-01")] // before it
    public void Carrying_forward_needs_a_new_date_after_the_review(string? newDueOn)
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        AssertRefused("Outcomes[0].NewDueOn", () => RecordNext(child, new RecommendationOutcome(0, RecommendationStatus.CarriedForward, null, OptionalD(newDueOn))));

        Assert.True(recommendation.IsOpen);
        Assert.Single(child.Reviews);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Dropping_needs_a_reason(string? note)
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        var refusal = AssertRefused("Outcomes[0].Note", () => RecordNext(child, new RecommendationOutcome(0, RecommendationStatus.Dropped, note, null)));

        Assert.Equal("Say why the recommendation is no longer needed", refusal.Message);
        Assert.True(recommendation.IsOpen);
        Assert.Single(child.Reviews);
    }

    [Fact]
    public void Dropping_with_a_reason_closes_it()
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        RecordNext(child, new RecommendationOutcome(0, RecommendationStatus.Dropped, " Sam moved school ", null));

        Assert.Equal(RecommendationStatus.Dropped, recommendation.Status);
        var update = Assert.Single(recommendation.Updates);
        Assert.Equal((RecommendationUpdateKind.Dropped, "Sam moved school"), (update.Kind, update.Note));
    }

    [Fact]
    public void An_outcome_note_longer_than_2000_characters_is_refused()
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        AssertRefused("Outcomes[0].Note", () => RecordNext(child,
            new RecommendationOutcome(0, RecommendationStatus.CarriedForward, new string('x', 2001), D("2026-10-31"))));
        Assert.True(recommendation.IsOpen);
    }

    [Fact]
    public void Open_is_not_an_outcome()
    {
        var child = AChild();
        var recommendation = OneRecommendationDueOn(child, "2026-08-01");

        AssertRefused("Outcomes[0].Outcome", () => RecordNext(child, new RecommendationOutcome(0, RecommendationStatus.Open, "Still going", null)));
        Assert.True(recommendation.IsOpen);
    }

    [Fact]
    public void An_outcome_for_a_recommendation_that_is_not_open_is_refused()
    {
        var child = AChild();
        Saved(OneRecommendationDueOn(child, "2026-08-01"), 1);

        var refusal = AssertRefused("Outcomes[99]", () => RecordNext(child,
            new RecommendationOutcome(1, RecommendationStatus.Done, null, null),
            new RecommendationOutcome(99, RecommendationStatus.Done, null, null)));

        Assert.Equal("That recommendation is not open on this child's case", refusal.Message);
        Assert.True(child.Recommendations.Single().IsOpen);
    }

    [Fact]
    public void Two_outcomes_for_one_recommendation_are_refused()
    {
        var child = AChild();
        var recommendation = Saved(OneRecommendationDueOn(child, "2026-08-01"), 1);

        AssertRefused("Outcomes[1]", () => RecordNext(child,
            new RecommendationOutcome(1, RecommendationStatus.Done, null, null),
            new RecommendationOutcome(1, RecommendationStatus.Dropped, "Not needed", null)));

        Assert.True(recommendation.IsOpen);
        Assert.Empty(recommendation.Updates);
    }

    [Fact]
    public void Each_of_several_open_recommendations_gets_its_own_outcome()
    {
        var child = AChild();
        var first = RecordWith(child, FirstReview, Draft("2026-07-01", "Book the dentist"), Draft("2026-08-01", "Weekly contact"),
            Draft("2026-08-01", "Find a tutor"));
        var (dentist, contact, tutor) = (Saved(first.Recommendations[0], 1), Saved(first.Recommendations[1], 2), Saved(first.Recommendations[2], 3));

        AssertRefused("Outcomes[3].Outcome", () => RecordNext(child,
            new RecommendationOutcome(1, RecommendationStatus.Done, null, null),
            new RecommendationOutcome(2, RecommendationStatus.CarriedForward, null, D("2026-12-01"))));

        var review = RecordNext(child,
            new RecommendationOutcome(1, RecommendationStatus.Done, null, null),
            new RecommendationOutcome(2, RecommendationStatus.CarriedForward, null, D("2026-12-01")),
            new RecommendationOutcome(3, RecommendationStatus.Dropped, "Sam no longer wants one", null));

        Assert.Equal(RecommendationStatus.Done, dentist.Status);
        Assert.Equal(RecommendationStatus.CarriedForward, contact.Status);
        Assert.Equal(RecommendationStatus.Dropped, tutor.Status);
        Assert.Equal(2, Assert.Single(review.Recommendations).CarriedForwardFromId);
        Assert.Single(child.Recommendations, r => r.IsOpen);
    }

    [Fact]
    public void Every_problem_with_the_outcomes_is_found_at_once_each_beside_its_field()
    {
        var child = AChild();
        var first = RecordWith(child, FirstReview, Draft("2026-07-01", "Book the dentist"), Draft("2026-08-01", "Weekly contact"),
            Draft("2026-08-01", "Find a tutor"));
        Saved(first.Recommendations[0], 1);
        Saved(first.Recommendations[1], 2);
        Saved(first.Recommendations[2], 3);

        var problems = child.OutcomeProblems(D(NextReview),
        [
            new RecommendationOutcome(2, RecommendationStatus.CarriedForward, null, D(NextReview)),
            new RecommendationOutcome(3, RecommendationStatus.Dropped, " ", null),
        ]);

        Assert.Equal(["Outcomes[1].Outcome", "Outcomes[2].NewDueOn", "Outcomes[3].Note"], problems.Select(p => p.Field));
        Assert.Empty(child.OutcomeProblems(D("2026-06-10"), [])); // a review held before the first answers for none of them
    }

    [Fact]
    public void A_refused_review_record_changes_no_recommendation()
    {
        var child = AChild();
        var first = RecordWith(child, FirstReview, Draft("2026-07-01", "Book the dentist"), Draft("2026-08-01", "Weekly contact"));
        var (dentist, contact) = (Saved(first.Recommendations[0], 1), Saved(first.Recommendations[1], 2));
        var outcomes = new[]
        {
            new RecommendationOutcome(1, RecommendationStatus.Done, null, null),
            new RecommendationOutcome(2, RecommendationStatus.Dropped, "Not needed", null),
        };

        // The first outcome is fine but the second is not: the first must not have been applied.
        AssertRefused("Outcomes[2].Note", () => RecordNext(child, outcomes[0], new RecommendationOutcome(2, RecommendationStatus.Dropped, null, null)));

        // The outcomes are fine but a new recommendation is not.
        AssertRefused("DueOn", () => child.RecordReview(Held(NextReview), [Draft(dueOn: null)], outcomes, "IRO Jo", D(NextReview), Rules));

        // The outcomes are fine but the record is not.
        AssertRefused("Considerations", () => child.RecordReview(Held(NextReview, considerations: new Dictionary<int, string> { [20] = "?" }),
            [], outcomes, "IRO Jo", D(NextReview), Rules));

        Assert.All(new[] { dentist, contact }, r =>
        {
            Assert.True(r.IsOpen);
            Assert.Empty(r.Updates);
        });
        Assert.Single(child.Reviews);
    }

    [Fact]
    public void A_carried_forward_recommendation_is_itself_accounted_for_at_the_review_after()
    {
        var child = AChild();
        Saved(OneRecommendationDueOn(child, "2026-08-01"), 1);
        var carried = Saved(Assert.Single(RecordNext(child,
            new RecommendationOutcome(1, RecommendationStatus.CarriedForward, null, D("2026-10-31"))).Recommendations), 2);

        AssertRefused("Outcomes[2].Outcome", () => child.RecordReviewHeld(D("2027-02-01"), ParticipationCode.PN1, D("2027-02-01"), Rules));

        child.RecordReview(Held("2027-02-01"), [], [new RecommendationOutcome(2, RecommendationStatus.Done, null, null)], "IRO Jo",
            D("2027-02-01"), Rules);
        Assert.Equal(RecommendationStatus.Done, carried.Status);
        Assert.DoesNotContain(child.Recommendations, r => r.IsOpen);
    }
}
