using System.Security.Cryptography;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;

namespace CareReview.Domain.Research;

/// <summary>
/// The anonymised research extract for a window of dates (inclusive at both ends): a row per child looked after
/// in the window, a row per review held in it (not saying whose), and aggregate tables with small counts
/// suppressed. Children are known only by pseudonyms keyed afresh for each extract (<see cref="Pseudonyms"/>).
/// No date of a child is written: ages are in bands and a review's timing is at most its quarter. What an
/// outsider could know from the council's DfE return is generalised, and rows that would still stand out are
/// left out, until every row shares its published quasi-identifiers with rows of at least k - 1 other children
/// (<see cref="KAnonymity"/>, ADR-0024).
/// </summary>
public sealed class ResearchExtract
{
    public const string ChildrenByAgeAndSex = "children_age_sex";
    public const string ChildrenByLegalStatusAndSex = "children_legal_status_sex";
    public const string ReviewsByParticipationAndAge = "reviews_participation_age";
    public const string ReviewsByTimelinessAndAge = "reviews_timeliness_age";

    /// <summary>The aggregate tables, by name, in the order they are written.</summary>
    public static readonly IReadOnlyList<(string Name, string Title)> TableTitles =
    [
        (ChildrenByAgeAndSex, "Children in children.csv, by age band and sex"),
        (ChildrenByLegalStatusAndSex, "Children in children.csv, by legal status and sex"),
        (ReviewsByParticipationAndAge, "Reviews in reviews.csv, by participation and the child's age band at the review"),
        (ReviewsByTimelinessAndAge, "Reviews in reviews.csv, on time or late, by the child's age band at the review"),
    ];

    /// <summary>The most rows of a file left out, as a share of its rows (<see cref="KAnonymity.Apply"/>).</summary>
    public const double MaxSuppressedShare = 0.05;

    private static readonly IReadOnlyList<ReasonForNewEpisode> s_newPlacement =
        [ReasonForNewEpisode.S, ReasonForNewEpisode.P, ReasonForNewEpisode.T, ReasonForNewEpisode.B, ReasonForNewEpisode.U];

    private ResearchExtract(DateOnly from, DateOnly to, IReadOnlyList<ChildRow> children, IReadOnlyList<ReviewRow> reviews,
        IReadOnlyList<CountTable> tables, ExtractAnonymity anonymity)
    {
        From = from;
        To = to;
        Children = children;
        Reviews = reviews;
        Tables = tables;
        Anonymity = anonymity;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }

    /// <summary>Sorted by pid.</summary>
    public IReadOnlyList<ChildRow> Children { get; }

    /// <summary>Sorted by their values: no row says, by a pid or by where it sits, whose review it is.</summary>
    public IReadOnlyList<ReviewRow> Reviews { get; }

    /// <summary>Counted from <see cref="Children"/> and <see cref="Reviews"/> as published, so they add nothing to them.</summary>
    public IReadOnlyList<CountTable> Tables { get; }

    /// <summary>How the extract was made anonymous: k, each quasi-identifier's coding, and the rows generalised and left out.</summary>
    public ExtractAnonymity Anonymity { get; }

    /// <summary>Every published cell of every table, the totals included, for tables.csv.</summary>
    public IEnumerable<TableRow> TableRows()
    {
        foreach (var table in Tables)
        {
            var published = table.Published();
            for (var i = 0; i <= table.Rows.Count; i++)
            {
                for (var j = 0; j <= table.Columns.Count; j++)
                {
                    yield return new TableRow(table.Name, i < table.Rows.Count ? table.Rows[i] : CountTable.Total,
                        j < table.Columns.Count ? table.Columns[j] : CountTable.Total, published[i, j]);
                }
            }
        }
    }

    /// <summary>The window must run forwards; the fields are named as on the page.</summary>
    public static void CheckWindow(DateOnly from, DateOnly to, DateOnly today)
    {
        DateRules.RequireWindow(from, to);
        DateRules.RequireNotInTheFuture(to, today, "The end date", "To");
    }

    /// <summary>
    /// The extract of the children in <paramref name="facts"/> looked after between <paramref name="from"/> and
    /// <paramref name="to"/>, k-anonymous for <paramref name="k"/>. The pseudonyms' key is drawn from
    /// <paramref name="random"/> here and dropped when the extract is made, so no two extracts share one.
    /// </summary>
    public static ResearchExtract Build(IEnumerable<ResearchChildFacts> facts, DateOnly from, DateOnly to, RandomNumberGenerator random,
        int k = KAnonymity.DefaultK)
    {
        List<ResearchChild> children;
        using (var pseudonyms = Pseudonyms.Fresh(random))
        {
            children = Derive(facts, from, to, pseudonyms);
        }

        // A row left out loses every column, not only its quasi-identifiers, so leaving one out costs as much
        // as generalising that many of its values all the way.
        var childAnonymity = KAnonymity.Apply(children, ResearchQuasiIdentifiers.OfChildren, k, ResearchVariables.Children.Variables.Count,
            MaxSuppressedShare);
        var childLevels = new PublishedLevels<ResearchChild>(ResearchQuasiIdentifiers.OfChildren, childAnonymity.Levels);
        var childRows = childAnonymity.Kept.Select(c => PublishedRows.Child(childLevels, c)).OrderBy(r => r.Pid, StringComparer.Ordinal).ToList();

        // reviews.csv is checked over every review, those of children left out of children.csv included: it
        // cannot be joined to children.csv, so leaving a child out there hides nothing here.
        var reviews = children.SelectMany(c => c.Reviews.Select(r => new ReviewOfChild(c, r))).ToList();
        var reviewAnonymity = KAnonymity.Apply(reviews, ResearchQuasiIdentifiers.OfReviews, k, ResearchVariables.Reviews.Variables.Count,
            MaxSuppressedShare, r => r.Child.Pid);
        var reviewLevels = new PublishedLevels<ReviewOfChild>(ResearchQuasiIdentifiers.OfReviews, reviewAnonymity.Levels);

        // In the order of their values, so that neither a child's reviews nor the order they were held sit together.
        var reviewRows = reviewAnonymity.Kept.Select(r => PublishedRows.Review(reviewLevels, r))
            .OrderBy(r => string.Join(',', ResearchVariables.Reviews.Values(r)), StringComparer.Ordinal).ToList();

        var anonymity = new ExtractAnonymity(k,
            new FileAnonymity(ResearchVariables.Children.FileName, childLevels.Codings, childRows.Count, childAnonymity.Generalised,
                childAnonymity.Suppressed.Count, childAnonymity.SmallestClass),
            new FileAnonymity(ResearchVariables.Reviews.FileName, reviewLevels.Codings, reviewRows.Count, reviewAnonymity.Generalised,
                reviewAnonymity.Suppressed.Count, reviewAnonymity.SmallestClass));
        return new ResearchExtract(from, to, childRows, reviewRows, CountTables(childLevels, reviewLevels, childRows, reviewRows), anonymity);
    }

    /// <summary>
    /// Each child looked after in the window, with what the extract works out for it, before anything is made
    /// anonymous. Sorted by pid.
    /// </summary>
    public static List<ResearchChild> Derive(IEnumerable<ResearchChildFacts> facts, DateOnly from, DateOnly to, Pseudonyms pseudonyms)
    {
        if (to < from)
        {
            throw new DomainRuleException("The end date must be the same as or after the start date", "To");
        }

        var children = new List<ResearchChild>();
        foreach (var child in facts)
        {
            var episodes = child.Episodes
                .Where(e => e.StartedOn <= to && (e.EndedOn is null || e.EndedOn > from))
                .OrderBy(e => e.StartedOn).ThenBy(e => e.EndedOn ?? DateOnly.MaxValue)
                .ToList();
            if (episodes.Count == 0)
            {
                continue;
            }

            var (firstDay, lastDay) = DaysLookedAfter(episodes, from, to);
            var last = episodes[^1];
            var held = child.Reviews.Where(r => r.HeldOn >= from && r.HeldOn <= to).OrderBy(r => r.HeldOn).ToList();
            var recs = child.Recommendations.Where(r => r.MadeOn >= from && r.MadeOn <= to).ToList();
            var escalations = child.Escalations.Where(e => e.RaisedOn >= from && e.RaisedOn <= to).ToList();
            var iro = child.Allocations.LastOrDefault(a => (a.From ?? DateOnly.MinValue) <= lastDay)?.IroId;

            children.Add(new ResearchChild(
                pseudonyms.ForChild(child.ChildId),
                iro is { } iroId ? pseudonyms.ForIro(iroId) : null,
                child.Sex,
                Child.Age(child.DateOfBirth, lastDay),
                last.LegalStatus,
                last.CategoryOfNeed,
                last.PlacementType,
                firstDay > from,
                lastDay < to,
                1 + episodes.Skip(1).Count(e => s_newPlacement.Contains(e.Reason)),
                [.. held.Select(r => new ResearchReview(r.HeldOn, Child.Age(child.DateOfBirth, r.HeldOn), r.Participation, r.HeldOn > r.DueOn, r.Means, r.SeenAloneBefore, r.Rating))],
                IroChanges(child.Allocations, from, to),
                recs.Count,
                recs.Count(r => r.Status == RecommendationStatus.Done && r.CompletedOn <= r.DueOn),
                recs.Count(r => r.Status == RecommendationStatus.Done && r.CompletedOn > r.DueOn),
                recs.Count(r => r.Status == RecommendationStatus.Open),
                escalations.Count,
                escalations.Count == 0 ? null : escalations.Max(e => e.StageReached),
                child.CafcassReferrals.Any(d => d >= from && d <= to)));
        }

        if (children.Select(c => c.Pid).Distinct(StringComparer.Ordinal).Count() != children.Count)
        {
            // 80 bits make this all but impossible; if it happens, a new extract has a new key.
            throw new InvalidOperationException("Two children were given the same pseudonym. Make the extract again.");
        }

        return [.. children.OrderBy(c => c.Pid, StringComparer.Ordinal)];
    }

    private static List<CountTable> CountTables(PublishedLevels<ResearchChild> childLevels, PublishedLevels<ReviewOfChild> reviewLevels,
        IReadOnlyList<ChildRow> children, IReadOnlyList<ReviewRow> reviews)
    {
        var ages = childLevels.Codes(ResearchQuasiIdentifiers.AgeBand);
        var sexes = childLevels.Codes(ResearchQuasiIdentifiers.Sex);
        var statuses = childLevels.Codes(ResearchQuasiIdentifiers.LegalStatus).Where(s => children.Any(c => c.LegalStatus == s.Code)).ToList();
        var reviewAges = reviewLevels.Codes(ResearchQuasiIdentifiers.AgeBand);
        const string notRecorded = "Not recorded";
        var codes = reviewLevels.Codes(ResearchQuasiIdentifiers.Participation).Select(c => c.Code).Append(notRecorded).ToList();
        var late = reviewLevels.Codes(ResearchQuasiIdentifiers.Late).Select(c => Timeliness(c.Code)).ToList();
        return
        [
            CountTable.Count(ChildrenByAgeAndSex, TableTitles[0].Title, children, Labels(ages), c => Label(ages, c.AgeBand), Labels(sexes), c => Label(sexes, c.Sex)),
            CountTable.Count(ChildrenByLegalStatusAndSex, TableTitles[1].Title, children, [.. statuses.Select(s => s.Code)], c => c.LegalStatus,
                Labels(sexes), c => Label(sexes, c.Sex)),
            CountTable.Count(ReviewsByParticipationAndAge, TableTitles[2].Title, reviews, codes, r => r.Participation == "" ? notRecorded : r.Participation,
                Labels(reviewAges), r => Label(reviewAges, r.AgeBand)),
            CountTable.Count(ReviewsByTimelinessAndAge, TableTitles[3].Title, reviews, late, r => Timeliness(r.Late),
                Labels(reviewAges), r => Label(reviewAges, r.AgeBand)),
        ];
    }

    private static List<string> Labels(IReadOnlyList<ValueLabel> codes) => [.. codes.Select(c => c.Label)];

    private static string Label(IReadOnlyList<ValueLabel> codes, string code) => codes.First(c => c.Code == code).Label;

    private static string Timeliness(string late) => late switch
    {
        "0" => "On time",
        "1" => "Late",
        _ => ResearchQuasiIdentifiers.WithheldLabel.Label,
    };

    /// <summary>
    /// The first and last days looked after in the window. An episode covers its start day up to the day before
    /// it ended (the next episode starts that day); an open episode runs to the end of the window.
    /// </summary>
    private static (DateOnly First, DateOnly Last) DaysLookedAfter(IReadOnlyList<EpisodeFact> episodes, DateOnly from, DateOnly to)
    {
        var spans = episodes
            .Select(e => (Start: e.StartedOn < from ? from : e.StartedOn, End: e.EndedOn is { } ended && ended.AddDays(-1) < to ? ended.AddDays(-1) : to))
            .Where(s => s.End >= s.Start)
            .OrderBy(s => s.Start)
            .ToList();
        if (spans.Count == 0)
        {
            // An episode that started and ended on the same day: looked after on that day only.
            var day = episodes[0].StartedOn < from ? from : episodes[0].StartedOn;
            return (day, day);
        }

        return (spans[0].Start, spans.Max(s => s.End));
    }

    /// <summary>Changes from one IRO to another that took effect in the window.</summary>
    private static int IroChanges(IReadOnlyList<AllocationFact> allocations, DateOnly from, DateOnly to)
    {
        var changes = 0;
        int? previous = null;
        foreach (var allocation in allocations)
        {
            var on = allocation.From ?? DateOnly.MinValue;
            if (previous is not null && allocation.IroId is not null && allocation.IroId != previous && on >= from && on <= to)
            {
                changes++;
            }

            previous = allocation.IroId ?? previous;
        }

        return changes;
    }
}
