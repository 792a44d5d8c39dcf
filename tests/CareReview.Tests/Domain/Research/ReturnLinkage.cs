using System.Globalization;
using CareReview.Domain.Children;
using CareReview.Domain.Research;
using CareReview.Domain.Returns;
using ReviewRow = CareReview.Domain.Research.ReviewRow;

namespace CareReview.Tests.Domain.Research;

/// <summary>
/// The penetration test's attack (issue 19), written down: someone holding the council's own DfE return for a
/// year looks for each row of a research extract of that year in it. A CHILD of the return matches a row of
/// children.csv when it agrees with everything the row publishes that the return also says: sex; the age band
/// and legal status, category of need and placement on the last day looked after, worked out from DOB and the
/// episodes; whether the child started or ceased in the window, and how many placements it had; how many
/// reviews it had and how it took part in them. A review of the return matches a row of reviews.csv when its
/// child's sex and age that day, its quarter and its participation code agree. The extract's values are read
/// as the files write them, and the codings from the codebook (<see cref="ResearchQuasiIdentifiers"/>) at the
/// levels the README names.
/// </summary>
internal static class ReturnLinkage
{
    /// <summary>The columns of each file the return is compared with.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Compared = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["children.csv"] = ["sex", "age_band", "legal_status", "cin", "placement", "period", "placements", "reviews_held", "took_part"],
        ["reviews.csv"] = ["sex", "age_band", "quarter", "participation"],
    };

    /// <summary>
    /// The columns of each file a return does not hold. Whether a review was late needs every review since the
    /// child's period of care began and the statutory timescales, which one year's return does not give; the
    /// extract counts it as a quasi-identifier all the same.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> NotInTheReturn = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["children.csv"] = ["pid", "iro_pid", "reviews_late", "iro_changes", "recs_made", "recs_done_on_time", "recs_done_late", "recs_open",
            "escalations", "escalation_max_stage", "cafcass_referred"],
        ["reviews.csv"] = ["late", "means_attended", "means_advocate", "means_wrote", "means_app", "means_phone", "means_iro_visit",
            "seen_alone_before", "rating"],
    };

    private static readonly ReasonForNewEpisode[] s_newPlacement =
        [ReasonForNewEpisode.S, ReasonForNewEpisode.P, ReasonForNewEpisode.T, ReasonForNewEpisode.B, ReasonForNewEpisode.U];

    /// <summary>For each pid of children.csv, the CHILDs of the return that match it.</summary>
    public static Dictionary<string, List<string>> LinkChildren(ResearchExtract extract, ReturnFiles returned)
    {
        var candidates = Candidates(returned, extract.From, extract.To);
        var levels = extract.Anonymity.Children.Codings.ToDictionary(c => c.Column, c => c.Level, StringComparer.Ordinal);
        var exact = ResearchQuasiIdentifiers.OfChildren.Where(q => q.Name != ResearchQuasiIdentifiers.ReviewsHeld.Column && Compared["children.csv"].Contains(q.Name)).ToList();
        var held = ResearchQuasiIdentifiers.ReviewsHeld;
        var links = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var row in extract.Children)
        {
            var published = Named(ResearchVariables.Children.Header, ResearchVariables.Children.Values(row));

            // The return leaves out reviews with no participation code (short breaks), so a child may have had more.
            links[published["pid"]] = [.. candidates
                .Where(c => exact.All(q => published[q.Name] == q.Value(c, levels[q.Name])))
                .Where(c => Enumerable.Range(c.Reviews.Count, 20)
                    .Any(n => published[held.Column] == held.Code(ResearchQuasiIdentifiers.ReviewsHeldCodes(n), levels[held.Column])))
                .Select(c => c.Pid)];
        }

        return links;
    }

    /// <summary>
    /// For each row of reviews.csv with a participation code (the return holds no other), the reviews of the
    /// return that match it, as (CHILD, date).
    /// </summary>
    public static List<(ReviewRow Row, List<(string Child, DateOnly On)> Matches)> LinkReviews(ResearchExtract extract, ReturnFiles returned)
    {
        var levels = extract.Anonymity.Reviews.Codings.ToDictionary(c => c.Column, c => c.Level, StringComparer.Ordinal);
        var compared = ResearchQuasiIdentifiers.OfReviews.Where(q => Compared["reviews.csv"].Contains(q.Name)).ToList();
        var candidates = Candidates(returned, extract.From, extract.To)
            .SelectMany(c => c.Reviews.Select(r => new ReviewOfChild(c, r))).ToList();
        return [.. extract.Reviews
            .Select(row => (Row: row, Published: Named(ResearchVariables.Reviews.Header, ResearchVariables.Reviews.Values(row))))
            .Where(r => r.Published["participation"] != "")
            .Select(r => (r.Row, candidates
                .Where(c => compared.All(q => r.Published[q.Name] == q.Value(c, levels[q.Name])))
                .Select(c => (c.Child.Pid, c.Review.HeldOn)).ToList()))];
    }

    /// <summary>
    /// Every CHILD of the return looked after on a day of the window, worked out from the return alone as the
    /// extract works it out from the record; their pid is the CHILD.
    /// </summary>
    public static List<ResearchChild> Candidates(ReturnFiles returned, DateOnly from, DateOnly to)
    {
        var episodes = returned.Episodes.ToLookup(e => e[0]!, StringComparer.Ordinal);
        var reviews = returned.Reviews.ToLookup(r => r[0]!, StringComparer.Ordinal);
        var children = new List<ResearchChild>();
        foreach (var header in returned.Header)
        {
            var child = header[0]!;
            var dob = Date(header[2])!.Value;
            var inWindow = episodes[child]
                .Select(e => (Decom: Date(e[1])!.Value, Rne: Enum.Parse<ReasonForNewEpisode>(e[2]!), Ls: Enum.Parse<LegalStatus>(e[3]!),
                    Cin: Enum.Parse<CategoryOfNeed>(e[4]!), Place: Enum.Parse<PlacementType>(e[5]!), Dec: Date(e[7])))
                .Where(e => e.Decom <= to && (e.Dec is null || e.Dec > from))
                .OrderBy(e => e.Decom)
                .ToList();
            if (inWindow.Count == 0)
            {
                continue;
            }

            var spans = inWindow.Select(e => (Start: Max(e.Decom, from), End: e.Dec is { } dec && dec.AddDays(-1) < to ? dec.AddDays(-1) : to))
                .Where(s => s.End >= s.Start).ToList();
            var (first, last) = spans.Count == 0
                ? (Max(inWindow[0].Decom, from), Max(inWindow[0].Decom, from))
                : (spans.Min(s => s.Start), spans.Max(s => s.End));
            var end = inWindow[^1];
            var held = reviews[child].Select(r => (On: Date(r[2])!.Value, Code: Enum.Parse<ParticipationCode>(r[3]!)))
                .Where(r => r.On >= from && r.On <= to).OrderBy(r => r.On)
                .Select(r => new ResearchReview(r.On, Child.Age(dob, r.On), r.Code, false, default, false, null)).ToList();
            children.Add(new ResearchChild(child, null, Enum.Parse<Sex>(header[1]!), Child.Age(dob, last), end.Ls, end.Cin, end.Place,
                first > from, last < to, 1 + inWindow.Skip(1).Count(e => s_newPlacement.Contains(e.Rne)), held, 0, 0, 0, 0, 0, 0, null, false));
        }

        return children;
    }

    private static Dictionary<string, string> Named(IReadOnlyList<string> header, IReadOnlyList<string> values) =>
        header.Zip(values).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);

    private static DateOnly? Date(string? text) =>
        string.IsNullOrEmpty(text) ? null : DateOnly.ParseExact(text, "dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
