using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Voice;

namespace CareReview.Tests.Domain.Voice;

/// <summary>
/// The child's voice figures for the IRO manager: participation codes, attendance by age band, Rate My Review
/// ratings, seen alone before the review, and the means the child took part by. Every figure counts held
/// reviews, not children.
/// </summary>
public sealed class ParticipationFiguresTests
{
    private static readonly DateOnly s_from = new(2025, 4, 1);
    private static readonly DateOnly s_to = new(2025, 6, 30);

    private static int s_nextReviewId;

    private static ParticipationFact Fact(
        DateOnly? heldOn = null,
        int age = 10,
        ParticipationCode? code = ParticipationCode.PN1,
        ParticipationMeans means = ParticipationMeans.Attended,
        bool seenAlone = false,
        ReviewRating? rating = null,
        string iro = "Ann Iro",
        int childId = 1) =>
        new(Interlocked.Increment(ref s_nextReviewId), childId, heldOn ?? new DateOnly(2025, 5, 15), age, code, means, seenAlone, rating, iro);

    [Fact]
    public void The_range_includes_reviews_held_on_its_first_and_last_days_and_none_outside()
    {
        var figures = ParticipationFigures.For(
        [
            Fact(heldOn: s_from.AddDays(-1), childId: 1),
            Fact(heldOn: s_from, childId: 2),
            Fact(heldOn: new DateOnly(2025, 5, 15), childId: 3),
            Fact(heldOn: s_to, childId: 4),
            Fact(heldOn: s_to.AddDays(1), childId: 5),
        ], s_from, s_to);

        Assert.Equal(s_from, figures.From);
        Assert.Equal(s_to, figures.To);
        Assert.Equal(3, figures.Reviews);
        Assert.Equal(3, figures.Children);
    }

    [Fact]
    public void A_range_of_one_day_is_allowed()
    {
        var figures = ParticipationFigures.For([Fact(heldOn: s_from)], s_from, s_from);

        Assert.Equal(1, figures.Reviews);
    }

    [Fact]
    public void A_child_with_two_reviews_counts_once_as_a_child_and_twice_as_reviews()
    {
        var figures = ParticipationFigures.For(
        [
            Fact(childId: 7, heldOn: new DateOnly(2025, 4, 10)),
            Fact(childId: 7, heldOn: new DateOnly(2025, 6, 10)),
            Fact(childId: 8),
        ], s_from, s_to);

        Assert.Equal(3, figures.Reviews);
        Assert.Equal(2, figures.Children);
        Assert.Equal(3, figures.Attendance.Single(a => a.Band == ReportingAgeBand.TenToTwelve).Attended);
    }

    [Fact]
    public void The_codes_run_PN0_to_PN7_then_not_recorded_with_counts_and_shares_of_reviews()
    {
        var figures = ParticipationFigures.For(
        [
            Fact(age: 2, code: ParticipationCode.PN0),
            Fact(code: ParticipationCode.PN1),
            Fact(code: ParticipationCode.PN1),
            Fact(code: ParticipationCode.PN4),
            Fact(code: ParticipationCode.PN7),
            Fact(code: null),
            Fact(code: ParticipationCode.PN1, heldOn: s_to.AddDays(1)),
        ], s_from, s_to);

        Assert.Equal(
        [
            ParticipationCode.PN0, ParticipationCode.PN1, ParticipationCode.PN2, ParticipationCode.PN3,
            ParticipationCode.PN4, ParticipationCode.PN5, ParticipationCode.PN6, ParticipationCode.PN7, null,
        ], figures.Codes.Select(c => c.Code));
        Assert.Equal([1, 2, 0, 0, 1, 0, 0, 1, 1], figures.Codes.Select(c => c.Count));
        Assert.Equal(2.0 / 6, figures.Codes[1].Share, 10);
        Assert.Equal(1.0 / 6, figures.Codes[^1].Share, 10);
        Assert.Equal(0, figures.Codes[2].Share);
        Assert.Equal(1.0, figures.Codes.Sum(c => c.Share), 10);
    }

    [Fact]
    public void The_not_recorded_row_is_described_as_such_and_the_others_in_the_guide_s_words()
    {
        var figures = ParticipationFigures.For([], s_from, s_to);

        Assert.Equal("Not recorded", figures.Codes[^1].Describe());
        Assert.Equal("Attended and spoke for themselves", figures.Codes[1].Describe());
    }

    [Theory]
    [InlineData(ParticipationCode.PN1, true)]
    [InlineData(ParticipationCode.PN2, true)]
    [InlineData(ParticipationCode.PN3, true)]
    [InlineData(ParticipationCode.PN4, true)]
    [InlineData(ParticipationCode.PN5, false)]
    [InlineData(ParticipationCode.PN6, false)]
    [InlineData(ParticipationCode.PN7, false)]
    public void PN1_to_PN4_count_as_attended_and_PN5_to_PN7_do_not(ParticipationCode code, bool attended)
    {
        var figures = ParticipationFigures.For([Fact(age: 14, code: code)], s_from, s_to);

        var band = figures.Attendance.Single(a => a.Band == ReportingAgeBand.ThirteenToFifteen);
        Assert.Equal(1, band.Reviews);
        Assert.Equal(attended ? 1 : 0, band.Attended);
        Assert.Equal(attended ? 1.0 : 0.0, band.Share);
    }

    [Fact]
    public void A_review_with_no_code_recorded_does_not_count_as_attended_but_does_count_in_its_band()
    {
        var figures = ParticipationFigures.For([Fact(age: 6, code: null)], s_from, s_to);

        var band = figures.Attendance.Single(a => a.Band == ReportingAgeBand.FiveToNine);
        Assert.Equal(1, band.Reviews);
        Assert.Equal(0, band.Attended);
    }

    [Fact]
    public void Attendance_has_a_row_for_every_band_in_order_with_reviews_placed_by_age_at_the_review()
    {
        var figures = ParticipationFigures.For(
        [
            Fact(age: 3, code: ParticipationCode.PN0),
            Fact(age: 4, code: ParticipationCode.PN3),
            Fact(age: 4, code: ParticipationCode.PN6),
            Fact(age: 9, code: ParticipationCode.PN1),
            Fact(age: 16, code: ParticipationCode.PN5),
            Fact(age: 17, code: ParticipationCode.PN2),
            Fact(age: 17, code: ParticipationCode.PN7),
            Fact(age: 17, code: ParticipationCode.PN1),
        ], s_from, s_to);

        Assert.Equal(ReportingAgeBands.All, figures.Attendance.Select(a => a.Band));
        Assert.Equal([1, 2, 1, 0, 0, 4], figures.Attendance.Select(a => a.Reviews));
        Assert.Equal([0, 1, 1, 0, 0, 2], figures.Attendance.Select(a => a.Attended));
        Assert.Equal([0.0, 0.5, 1.0, 0.0, 0.0, 0.5], figures.Attendance.Select(a => a.Share));
    }

    [Fact]
    public void A_band_with_no_reviews_has_a_share_of_nought_not_NaN()
    {
        var figures = ParticipationFigures.For([Fact(age: 10)], s_from, s_to);

        var empty = figures.Attendance.Single(a => a.Band == ReportingAgeBand.SixteenAndOver);
        Assert.Equal(0, empty.Reviews);
        Assert.Equal(0.0, empty.Share);
        Assert.False(double.IsNaN(empty.Share));
    }

    [Fact]
    public void Ratings_by_band_count_only_rated_reviews()
    {
        var figures = ParticipationFigures.For(
        [
            Fact(age: 11, rating: ReviewRating.Good),
            Fact(age: 12, rating: ReviewRating.Good),
            Fact(age: 10, rating: ReviewRating.NotHappy),
            Fact(age: 10, rating: null),
            Fact(age: 15, rating: ReviewRating.Ok),
            Fact(age: 15, rating: ReviewRating.Good, heldOn: s_from.AddDays(-1)),
        ], s_from, s_to);

        Assert.Equal(ReportingAgeBands.All, figures.RatingsByBand.Select(r => r.Band));
        Assert.Equal(
            new BandRatings(ReportingAgeBand.TenToTwelve, Good: 2, Ok: 0, NotHappy: 1, Total: 3),
            figures.RatingsByBand.Single(r => r.Band == ReportingAgeBand.TenToTwelve));
        Assert.Equal(
            new BandRatings(ReportingAgeBand.ThirteenToFifteen, Good: 0, Ok: 1, NotHappy: 0, Total: 1),
            figures.RatingsByBand.Single(r => r.Band == ReportingAgeBand.ThirteenToFifteen));
        Assert.Equal(
            new BandRatings(ReportingAgeBand.UnderFour, 0, 0, 0, 0),
            figures.RatingsByBand.Single(r => r.Band == ReportingAgeBand.UnderFour));
    }

    [Fact]
    public void Ratings_by_IRO_list_each_IRO_with_a_review_in_range_in_ordinal_order_of_name()
    {
        var figures = ParticipationFigures.For(
        [
            Fact(iro: "bea Iro", rating: ReviewRating.Good),
            Fact(iro: "Zoe Iro", rating: ReviewRating.NotHappy),
            Fact(iro: "Zoe Iro", rating: ReviewRating.Ok),
            Fact(iro: "Zoe Iro", rating: null),
            Fact(iro: "Ann Iro", rating: null),
            Fact(iro: "Out Of Range", rating: ReviewRating.Good, heldOn: s_to.AddDays(1)),
        ], s_from, s_to);

        // Ordinal: capitals sort before lower case, so the order does not shift with the server's culture.
        Assert.Equal(
        [
            new IroRatings("Ann Iro", Reviews: 1, Good: 0, Ok: 0, NotHappy: 0, Rated: 0),
            new IroRatings("Zoe Iro", Reviews: 3, Good: 0, Ok: 1, NotHappy: 1, Rated: 2),
            new IroRatings("bea Iro", Reviews: 1, Good: 1, Ok: 0, NotHappy: 0, Rated: 1),
        ], figures.RatingsByIro);
    }

    [Fact]
    public void Seen_alone_leaves_under_fours_out_of_both_the_count_and_the_reviews_it_is_a_share_of()
    {
        var figures = ParticipationFigures.For(
        [
            Fact(age: 1, code: ParticipationCode.PN0, seenAlone: true),
            Fact(age: 3, code: ParticipationCode.PN0, seenAlone: false),
            Fact(age: 4, seenAlone: true),
            Fact(age: 8, seenAlone: false),
            Fact(age: 12, seenAlone: true),
            Fact(age: 16, seenAlone: false),
        ], s_from, s_to);

        Assert.Equal(6, figures.Reviews);
        Assert.Equal(2, figures.SeenAloneBefore);
        Assert.Equal(4, figures.ReviewsFourAndOver);
        Assert.Equal(0.5, figures.SeenAloneShare);
    }

    [Fact]
    public void Seen_alone_share_is_nought_when_every_review_is_of_an_under_four()
    {
        var figures = ParticipationFigures.For([Fact(age: 2, code: ParticipationCode.PN0, seenAlone: true)], s_from, s_to);

        Assert.Equal(0, figures.SeenAloneBefore);
        Assert.Equal(0, figures.ReviewsFourAndOver);
        Assert.Equal(0.0, figures.SeenAloneShare);
    }

    [Fact]
    public void A_review_counts_under_every_means_it_combines()
    {
        var figures = ParticipationFigures.For(
        [
            Fact(means: ParticipationMeans.Attended | ParticipationMeans.Wrote),
            Fact(means: ParticipationMeans.Attended),
            Fact(means: ParticipationMeans.Advocate | ParticipationMeans.Phone | ParticipationMeans.IroVisit),
            Fact(means: ParticipationMeans.None),
        ], s_from, s_to);

        Assert.Equal(ParticipationMeansWords.Each, figures.Means.Select(m => m.Means));
        Assert.Equal(2, Count(ParticipationMeans.Attended));
        Assert.Equal(1, Count(ParticipationMeans.Wrote));
        Assert.Equal(1, Count(ParticipationMeans.Advocate));
        Assert.Equal(0, Count(ParticipationMeans.App));
        Assert.Equal(1, Count(ParticipationMeans.Phone));
        Assert.Equal(1, Count(ParticipationMeans.IroVisit));

        int Count(ParticipationMeans means) => figures.Means.Single(m => m.Means == means).Count;
    }

    [Fact]
    public void No_reviews_gives_every_row_with_zeros_and_no_NaN()
    {
        var figures = ParticipationFigures.For([Fact(heldOn: s_from.AddDays(-30))], s_from, s_to);

        Assert.Equal(0, figures.Reviews);
        Assert.Equal(0, figures.Children);
        Assert.Equal(9, figures.Codes.Count);
        Assert.All(figures.Codes, c => Assert.Equal((0, 0.0), (c.Count, c.Share)));
        Assert.Equal(ReportingAgeBands.All.Count, figures.Attendance.Count);
        Assert.All(figures.Attendance, a => Assert.Equal((0, 0, 0.0), (a.Reviews, a.Attended, a.Share)));
        Assert.All(figures.RatingsByBand, r => Assert.Equal(0, r.Total));
        Assert.Empty(figures.RatingsByIro);
        Assert.Equal(0, figures.SeenAloneBefore);
        Assert.Equal(0.0, figures.SeenAloneShare);
        Assert.Equal(ParticipationMeansWords.Each.Count, figures.Means.Count);
        Assert.All(figures.Means, m => Assert.Equal(0, m.Count));
    }

    [Fact]
    public void An_end_date_before_the_start_date_is_refused_against_the_To_field()
    {
        var ex = Assert.Throws<DomainRuleException>(() => ParticipationFigures.For([], s_to, s_from));

        Assert.Equal("The end date must be the same as or after the start date", ex.Message);
        Assert.Equal("To", ex.Field);
    }

    [Fact]
    public void Random_facts_keep_the_figures_consistent_with_each_other()
    {
        var random = new Random(903);
        ParticipationCode?[] codes = [.. Enum.GetValues<ParticipationCode>().Select(c => (ParticipationCode?)c), null];
        ReviewRating?[] ratings = [.. ReviewRatingWords.All.Select(r => (ReviewRating?)r), null];
        string[] iros = ["Ann Iro", "Ben Iro", "cal Iro", "Dee Iro"];
        var start = new DateOnly(2025, 1, 1);

        var facts = Enumerable.Range(1, 500)
            .Select(id => new ParticipationFact(
                id,
                random.Next(1, 150),
                start.AddDays(random.Next(0, 365)),
                random.Next(0, 19),
                codes[random.Next(codes.Length)],
                (ParticipationMeans)random.Next(0, 64),
                random.Next(2) == 0,
                ratings[random.Next(ratings.Length)],
                iros[random.Next(iros.Length)]))
            .ToList();
        var inRange = facts.Where(f => f.HeldOn >= s_from && f.HeldOn <= s_to).ToList();

        var figures = ParticipationFigures.For(facts, s_from, s_to);

        Assert.Equal(inRange.Count, figures.Reviews);
        Assert.InRange(figures.Reviews, 1, 499);
        Assert.Equal(inRange.Select(f => f.ChildId).Distinct().Count(), figures.Children);
        Assert.Equal(figures.Reviews, figures.Codes.Sum(c => c.Count));
        Assert.Equal(figures.Reviews, figures.Attendance.Sum(a => a.Reviews));
        Assert.Equal(figures.Reviews, figures.RatingsByIro.Sum(r => r.Reviews));
        Assert.All(figures.Attendance, a => Assert.InRange(a.Attended, 0, a.Reviews));
        Assert.All(figures.Attendance, a => Assert.InRange(a.Share, 0.0, 1.0));
        Assert.All(figures.Codes, c => Assert.InRange(c.Share, 0.0, 1.0));
        Assert.Equal(inRange.Count(f => f.Rating is not null), figures.RatingsByBand.Sum(r => r.Total));
        Assert.Equal(inRange.Count(f => f.Rating is not null), figures.RatingsByIro.Sum(r => r.Rated));
        Assert.All(figures.RatingsByBand, r => Assert.Equal(r.Total, r.Good + r.Ok + r.NotHappy));
        Assert.All(figures.RatingsByIro, r => Assert.Equal(r.Rated, r.Good + r.Ok + r.NotHappy));
        Assert.All(figures.RatingsByIro, r => Assert.InRange(r.Rated, 0, r.Reviews));
        Assert.Equal(figures.RatingsByIro.Select(r => r.IroName).Order(StringComparer.Ordinal), figures.RatingsByIro.Select(r => r.IroName));
        Assert.InRange(figures.SeenAloneBefore, 0, figures.ReviewsFourAndOver);
        Assert.InRange(figures.SeenAloneShare, 0.0, 1.0);
        Assert.Equal(figures.Reviews - figures.Attendance[0].Reviews, figures.ReviewsFourAndOver);
        Assert.All(figures.Means, m => Assert.Equal(inRange.Count(f => (f.Means & m.Means) != 0), m.Count));
    }
}
