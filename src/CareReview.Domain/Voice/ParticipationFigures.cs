using CareReview.Domain.Children;

namespace CareReview.Domain.Voice;

/// <summary>One held review, as the child's voice report sees it.</summary>
/// <param name="Code">The SSDA903 participation code; null until the IRO records it.</param>
/// <param name="Rating">The child's "Rate My Review" card; null when the child did not return one.</param>
public sealed record ParticipationFact(
    int ReviewId,
    int ChildId,
    DateOnly HeldOn,
    int AgeAtReview,
    ParticipationCode? Code,
    ParticipationMeans Means,
    bool SeenAloneBefore,
    ReviewRating? Rating,
    string IroName);

/// <summary>How many reviews took each participation code; a null code is the "not recorded" row.</summary>
public sealed record CodeCount(ParticipationCode? Code, int Count, double Share)
{
    public string Describe() => Code?.Describe() ?? "Not recorded";
}

/// <summary>Reviews in an age band and how many the child attended (PN1 to PN4).</summary>
public sealed record BandAttendance(ReportingAgeBand Band, int Reviews, int Attended, double Share);

/// <summary>The ratings returned in an age band; <see cref="Total"/> counts only rated reviews.</summary>
public sealed record BandRatings(ReportingAgeBand Band, int Good, int Ok, int NotHappy, int Total);

/// <summary>An IRO's reviews and the ratings returned for them; <see cref="Rated"/> counts only rated reviews.</summary>
public sealed record IroRatings(string IroName, int Reviews, int Good, int Ok, int NotHappy, int Rated);

/// <summary>How many reviews the child took part in by one means.</summary>
public sealed record MeansCount(ParticipationMeans Means, int Count);

/// <summary>
/// The child's voice figures for the IRO manager over a date range, inclusive at both ends on the day the
/// review was held.
/// </summary>
/// <remarks>
/// The unit of counting is a held review, not a child: a child with two reviews in the range counts twice in
/// every figure except <see cref="Children"/>. That is how the study's attendance figures are counted, so the
/// council's figures can be set beside them.
/// </remarks>
public sealed class ParticipationFigures
{
    private ParticipationFigures(
        DateOnly from,
        DateOnly to,
        int reviews,
        int children,
        IReadOnlyList<CodeCount> codes,
        IReadOnlyList<BandAttendance> attendance,
        IReadOnlyList<BandRatings> ratingsByBand,
        IReadOnlyList<IroRatings> ratingsByIro,
        int seenAloneBefore,
        int reviewsFourAndOver,
        IReadOnlyList<MeansCount> means)
    {
        From = from;
        To = to;
        Reviews = reviews;
        Children = children;
        Codes = codes;
        Attendance = attendance;
        RatingsByBand = ratingsByBand;
        RatingsByIro = ratingsByIro;
        SeenAloneBefore = seenAloneBefore;
        ReviewsFourAndOver = reviewsFourAndOver;
        SeenAloneShare = ShareOf(seenAloneBefore, reviewsFourAndOver);
        Means = means;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }

    /// <summary>Reviews held in the range.</summary>
    public int Reviews { get; }

    /// <summary>Distinct children with a review held in the range.</summary>
    public int Children { get; }

    /// <summary>PN0 to PN7 in order, then the "not recorded" row (null code); shares are of <see cref="Reviews"/>.</summary>
    public IReadOnlyList<CodeCount> Codes { get; }

    /// <summary>One row per <see cref="ReportingAgeBand"/>, youngest first, empty bands included.</summary>
    public IReadOnlyList<BandAttendance> Attendance { get; }

    /// <summary>One row per <see cref="ReportingAgeBand"/>, youngest first, empty bands included.</summary>
    public IReadOnlyList<BandRatings> RatingsByBand { get; }

    /// <summary>Each IRO with a review in the range, by name in ordinal order.</summary>
    public IReadOnlyList<IroRatings> RatingsByIro { get; }

    /// <summary>
    /// Reviews where the child was seen alone before the review. Reviews of children under 4 are left out:
    /// a child that young is not expected to be seen alone, and counting them would pull the figure down for
    /// a reason that is no one's failing.
    /// </summary>
    public int SeenAloneBefore { get; }

    /// <summary>Reviews of children aged 4 or over: the denominator of <see cref="SeenAloneShare"/>.</summary>
    public int ReviewsFourAndOver { get; }

    /// <summary>
    /// <see cref="SeenAloneBefore"/> over <see cref="ReviewsFourAndOver"/>; under-4s are out of both, for the
    /// reason given on <see cref="SeenAloneBefore"/>. 0 when there are no such reviews.
    /// </summary>
    public double SeenAloneShare { get; }

    /// <summary>
    /// One row per means in <see cref="ParticipationMeansWords.Each"/> order. The means combine, so a review
    /// counts under every means it has and the rows may sum to more than <see cref="Reviews"/>.
    /// </summary>
    public IReadOnlyList<MeansCount> Means { get; }

    public static ParticipationFigures For(IEnumerable<ParticipationFact> facts, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(facts);
        DateRules.RequireWindow(from, to);

        var held = facts.Where(f => f.HeldOn >= from && f.HeldOn <= to).ToList();
        var byBand = held.ToLookup(f => ReportingAgeBands.For(f.AgeAtReview));

        ParticipationCode?[] codeRows = [.. Enum.GetValues<ParticipationCode>().Select(c => (ParticipationCode?)c), null];
        var codes = codeRows
            .Select(code =>
            {
                var count = held.Count(f => f.Code == code);
                return new CodeCount(code, count, ShareOf(count, held.Count));
            })
            .ToList();

        var attendance = ReportingAgeBands.All
            .Select(band =>
            {
                var inBand = byBand[band].ToList();
                var attended = inBand.Count(f => Attended(f.Code));
                return new BandAttendance(band, inBand.Count, attended, ShareOf(attended, inBand.Count));
            })
            .ToList();

        var ratingsByBand = ReportingAgeBands.All
            .Select(band =>
            {
                var inBand = byBand[band].ToList();
                return new BandRatings(
                    band,
                    inBand.Count(f => f.Rating == ReviewRating.Good),
                    inBand.Count(f => f.Rating == ReviewRating.Ok),
                    inBand.Count(f => f.Rating == ReviewRating.NotHappy),
                    inBand.Count(f => f.Rating is not null));
            })
            .ToList();

        var ratingsByIro = held
            .GroupBy(f => f.IroName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new IroRatings(
                g.Key,
                g.Count(),
                g.Count(f => f.Rating == ReviewRating.Good),
                g.Count(f => f.Rating == ReviewRating.Ok),
                g.Count(f => f.Rating == ReviewRating.NotHappy),
                g.Count(f => f.Rating is not null)))
            .ToList();

        var fourAndOver = held.Where(f => ReportingAgeBands.For(f.AgeAtReview) != ReportingAgeBand.UnderFour).ToList();

        var means = ParticipationMeansWords.Each
            .Select(m => new MeansCount(m, held.Count(f => f.Means.HasFlag(m))))
            .ToList();

        return new ParticipationFigures(
            from,
            to,
            held.Count,
            held.Select(f => f.ChildId).Distinct().Count(),
            codes,
            attendance,
            ratingsByBand,
            ratingsByIro,
            fourAndOver.Count(f => f.SeenAloneBefore),
            fourAndOver.Count,
            means);
    }

    // PN4 (attended but did not convey views) still counts: the study's attendance figure is about being
    // in the room, not about speaking.
    private static bool Attended(ParticipationCode? code) =>
        code is ParticipationCode.PN1 or ParticipationCode.PN2 or ParticipationCode.PN3 or ParticipationCode.PN4;

    // An empty range or band reads as 0 on the page rather than NaN.
    private static double ShareOf(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
