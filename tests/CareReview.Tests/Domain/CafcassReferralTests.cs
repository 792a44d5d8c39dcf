using CareReview.Domain.Escalations;
using static CareReview.Tests.Domain.Dates;
using static CareReview.Tests.Domain.ReviewFixtures;

namespace CareReview.Tests.Domain;

/// <summary>
/// A referral to Cafcass (CA 1989 s25B(3), statutory-rules.md §3.3 I11): made at any point, on at least one
/// ground, with the IRO's reasons, and followed until Cafcass or the council acts.
/// </summary>
/// <remarks>Today is Wednesday 18 November 2026.</remarks>
public sealed class CafcassReferralTests
{
    private const string Today = "2026-11-18";
    private const string Reasons = "The care plan has not been implemented for six months and contact has stopped";

    private static CafcassReferral Referral(string? referredOn = "2026-11-16", CafcassGrounds grounds = CafcassGrounds.CarePlanNotImplemented,
        string? reasons = Reasons, int? escalationId = 9) =>
        new(11, escalationId, OptionalD(referredOn), grounds, reasons, 7, "IRO Jo", D(Today));

    private static string Snapshot(CafcassReferral r) =>
        FormattableString.Invariant($"{r.Outcome} {r.OutcomeOn} {r.OutcomeNote} {r.IsOpen}");

    // ---- Making the referral -------------------------------------------------------------------

    [Fact]
    public void A_referral_records_what_was_referred_and_waits_for_Cafcass()
    {
        var referral = new CafcassReferral(11, 9, D("2026-11-16"), CafcassGrounds.CarePlanNotImplemented | CafcassGrounds.CaseNotReviewed,
            "  " + Reasons + "  ", 7, "IRO Jo", D(Today));

        Assert.Equal(11, referral.ChildId);
        Assert.Equal(9, referral.EscalationId);
        Assert.Equal(D("2026-11-16"), referral.ReferredOn);
        Assert.Equal(CafcassGrounds.CarePlanNotImplemented | CafcassGrounds.CaseNotReviewed, referral.Grounds);
        Assert.Equal(Reasons, referral.Reasons);
        Assert.Equal(7, referral.ReferredByStaffId);
        Assert.Equal("IRO Jo", referral.ReferredBy);
        Assert.Equal(CafcassOutcome.AwaitingCafcass, referral.Outcome);
        Assert.True(referral.IsOpen);
        Assert.Null(referral.OutcomeOn);
        Assert.Null(referral.OutcomeNote);
    }

    [Fact]
    public void A_referral_can_be_made_without_an_escalation()
    {
        var referral = Referral(escalationId: null);

        Assert.Null(referral.EscalationId);
        Assert.True(referral.IsOpen);
    }

    [Theory]
    [InlineData(Today)]
    [InlineData("2026-01-05")]
    public void A_referral_can_be_dated_today_or_in_the_past(string referredOn)
    {
        Assert.Equal(D(referredOn), Referral(referredOn).ReferredOn);
    }

    [Theory]
    [InlineData(null, CafcassGrounds.CaseNotReviewed, Reasons, "ReferredOn", "Enter the date of the referral")]
    [InlineData("2026-11-19", CafcassGrounds.CaseNotReviewed, Reasons, "ReferredOn", "The date of the referral must be today or in the past")]
    [InlineData("2026-11-16", CafcassGrounds.None, Reasons, "Grounds", "Choose at least one ground for the referral (s25B(3))")]
    [InlineData("2026-11-16", CafcassGrounds.CaseNotReviewed, null, "Reasons",
        "Enter why the referral is needed, and how the child's rights are at risk")]
    [InlineData("2026-11-16", CafcassGrounds.CaseNotReviewed, "   ", "Reasons",
        "Enter why the referral is needed, and how the child's rights are at risk")]
    public void An_incomplete_referral_is_refused(string? referredOn, CafcassGrounds grounds, string? reasons, string field, string message)
    {
        var refusal = AssertRefused(field, () => Referral(referredOn, grounds, reasons));

        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public void Reasons_longer_than_their_column_are_refused()
    {
        AssertRefused("Reasons", () => Referral(reasons: new string('r', Escalation.MaxTextLength + 1)));

        Assert.Equal(Escalation.MaxTextLength, Referral(reasons: new string('r', Escalation.MaxTextLength)).Reasons.Length);
    }

    // ---- The outcome ---------------------------------------------------------------------------

    [Theory]
    [InlineData(CafcassOutcome.AdviceGiven)]
    [InlineData(CafcassOutcome.ResolvedByCouncil)]
    [InlineData(CafcassOutcome.LegalProceedings)]
    [InlineData(CafcassOutcome.NotTakenForward)]
    public void Recording_the_outcome_closes_the_referral(CafcassOutcome outcome)
    {
        var referral = Referral();

        referral.RecordOutcome(outcome, D("2026-11-17"), "  Cafcass spoke to the council  ", D(Today));

        Assert.Equal(outcome, referral.Outcome);
        Assert.Equal(D("2026-11-17"), referral.OutcomeOn);
        Assert.Equal("Cafcass spoke to the council", referral.OutcomeNote);
        Assert.False(referral.IsOpen);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void The_outcome_note_is_optional(string? note)
    {
        var referral = Referral();

        referral.RecordOutcome(CafcassOutcome.AdviceGiven, D(Today), note, D(Today));

        Assert.Null(referral.OutcomeNote);
        Assert.False(referral.IsOpen);
    }

    [Fact]
    public void The_outcome_can_be_on_the_day_of_the_referral()
    {
        var referral = Referral("2026-11-16");

        referral.RecordOutcome(CafcassOutcome.AdviceGiven, D("2026-11-16"), null, D(Today));

        Assert.Equal(D("2026-11-16"), referral.OutcomeOn);
    }

    [Theory]
    [InlineData(null, "2026-11-17", "Outcome", "Choose the outcome")]
    [InlineData(CafcassOutcome.AwaitingCafcass, "2026-11-17", "Outcome", "Choose the outcome")]
    [InlineData(CafcassOutcome.AdviceGiven, null, "OutcomeOn", "Enter the date of the outcome")]
    [InlineData(CafcassOutcome.AdviceGiven, "2026-11-15", "OutcomeOn", "The outcome cannot be before the referral")]
    [InlineData(CafcassOutcome.AdviceGiven, "2026-11-19", "OutcomeOn", "The date of the outcome must be today or in the past")]
    public void An_outcome_that_is_missing_or_out_of_time_is_refused_and_changes_nothing(
        CafcassOutcome? outcome, string? on, string field, string message)
    {
        var referral = Referral("2026-11-16");
        var before = Snapshot(referral);

        var refusal = AssertRefused(field, () => referral.RecordOutcome(outcome, OptionalD(on), "A note", D(Today)));

        Assert.Equal(message, refusal.Message);
        Assert.Equal(before, Snapshot(referral));
        Assert.True(referral.IsOpen);
    }

    [Fact]
    public void An_outcome_note_longer_than_its_column_is_refused()
    {
        var referral = Referral();

        AssertRefused("OutcomeNote", () =>
            referral.RecordOutcome(CafcassOutcome.AdviceGiven, D(Today), new string('n', Escalation.MaxTextLength + 1), D(Today)));

        Assert.True(referral.IsOpen);
        Assert.Null(referral.OutcomeOn);
    }

    // ---- Words ---------------------------------------------------------------------------------

    [Theory]
    [InlineData(CafcassGrounds.CarePlanNotPrepared, "The council failed to prepare the care plan")]
    [InlineData(CafcassGrounds.CarePlanNotImplemented, "The council failed to implement the care plan")]
    [InlineData(CafcassGrounds.CaseNotReviewed, "The council failed to review the case")]
    [InlineData(CafcassGrounds.ReviewDecisionsNotImplemented, "The council failed to implement review decisions")]
    [InlineData(CafcassGrounds.OtherMaterialBreach, "The council is otherwise in material breach of its duties")]
    public void Each_ground_is_described_in_plain_words(CafcassGrounds ground, string words)
    {
        Assert.Equal(words, ground.Describe());
    }

    [Fact]
    public void Combined_grounds_are_described_in_order_separated_by_semicolons()
    {
        var grounds = CafcassGrounds.OtherMaterialBreach | CafcassGrounds.CarePlanNotPrepared | CafcassGrounds.CaseNotReviewed;

        Assert.Equal("The council failed to prepare the care plan; The council failed to review the case; "
            + "The council is otherwise in material breach of its duties", grounds.Describe());
    }

    [Fact]
    public void All_grounds_together_are_described_as_all_five()
    {
        var all = CafcassWords.AllGrounds.Aggregate(CafcassGrounds.None, (sum, g) => sum | g);

        Assert.Equal(5, CafcassWords.AllGrounds.Count);
        Assert.Equal(string.Join("; ", CafcassWords.AllGrounds.Select(g => g.Describe())), all.Describe());
        Assert.Equal(5, all.Describe().Split("; ").Length);
    }

    [Fact]
    public void No_grounds_are_described_as_nothing()
    {
        Assert.Equal("", CafcassGrounds.None.Describe());
    }

    [Theory]
    [InlineData(CafcassOutcome.AwaitingCafcass, "Waiting for Cafcass")]
    [InlineData(CafcassOutcome.AdviceGiven, "Cafcass gave advice")]
    [InlineData(CafcassOutcome.ResolvedByCouncil, "Resolved by the council")]
    [InlineData(CafcassOutcome.LegalProceedings, "Cafcass began legal proceedings")]
    [InlineData(CafcassOutcome.NotTakenForward, "Not taken forward by Cafcass")]
    public void Each_outcome_is_described_in_plain_words(CafcassOutcome outcome, string words)
    {
        Assert.Equal(words, outcome.Describe());
    }
}
