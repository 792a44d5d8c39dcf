using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Reviews;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>Children, review records and recommendation drafts for the review domain tests.</summary>
internal static class ReviewFixtures
{
    public static readonly Rulebook Rules = Rulebook.National;
    public static readonly WorkingDayCalendar Calendar = Rules.Calendar;

    public static Child AChildLookedAfterSince(string startedOn, LegalStatus legalStatus = LegalStatus.C1,
        string dateOfBirth = "2015-05-01")
    {
        var child = new Child("LOC-0001", "Sam", "Taylor", D(dateOfBirth), Sex.F);
        child.BecomeLookedAfter(D(startedOn), legalStatus, PlacementType.U6, CategoryOfNeed.N1, D(startedOn), Rules);
        return child;
    }

    public static ReviewArrangements Arrangements(string? date, string? venue = "Family centre", string? latenessReason = null) =>
        new(OptionalD(date), new TimeOnly(10, 0), venue, "Sam, carers, social worker", latenessReason);

    public static ReviewRecord Held(string heldOn, ParticipationCode? participation = ParticipationCode.PN1,
        IReadOnlyDictionary<int, string>? considerations = null) =>
        new(D(heldOn), participation, "Sam, carers, social worker, IRO", "Sam wants to stay with the carers", "Mum agrees",
            "The plan is working", considerations ?? new Dictionary<int, string>(), "Dear Sam, ...");

    public static RecommendationDraft Draft(string? dueOn = "2027-03-01", string? action = "Arrange weekly contact with Mum",
        string? ownerName = "Alex Green", string? ownerRole = "Social worker", string? monitoring = "Contact records sent to the IRO") =>
        new(action, ownerName, ownerRole, null, OptionalD(dueOn), monitoring);

    /// <summary>Records a review with the given recommendations and no earlier ones to account for.</summary>
    public static Review RecordWith(Child child, string heldOn, params RecommendationDraft[] drafts) =>
        child.RecordReview(Held(heldOn), drafts, [], "IRO Jo", D(heldOn), Rules);

    public static DomainRuleException AssertRefused(string expectedField, Action action)
    {
        var refusal = Assert.Throws<DomainRuleException>(action);
        Assert.Equal(expectedField, refusal.Field);
        Assert.False(string.IsNullOrWhiteSpace(refusal.Message));
        return refusal;
    }

    /// <summary>
    /// Gives a recommendation the id the database would. Ids are 0 until a recommendation is saved, and
    /// outcomes at the next review are keyed by id, so pure tests with more than one open recommendation
    /// must give them distinct ids. The setter is private (EF sets it); reflection is the only way in.
    /// </summary>
    public static Recommendation Saved(Recommendation recommendation, int id)
    {
        typeof(Recommendation).GetProperty(nameof(Recommendation.Id))!.SetValue(recommendation, id);
        return recommendation;
    }
}
