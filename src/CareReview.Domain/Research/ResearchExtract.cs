using CareReview.Domain.Children;
using CareReview.Domain.Reviews;

namespace CareReview.Domain.Research;

/// <summary>
/// The anonymised research extract for a window of dates (inclusive at both ends): a row per child looked after
/// in the window, a row per review held in it, and aggregate tables with small counts suppressed. Children and
/// reviews are known only by pseudonyms (<see cref="Pseudonyms"/>); ages are whole years and days are counted
/// from the first day of the window, so no calendar date of a child is written.
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
        (ChildrenByAgeAndSex, "Children looked after in the window, by age at the end of the window and sex"),
        (ChildrenByLegalStatusAndSex, "Children looked after in the window, by legal status at the end of the window and sex"),
        (ReviewsByParticipationAndAge, "Reviews held in the window, by participation code and age band at the review"),
        (ReviewsByTimelinessAndAge, "Reviews held in the window, on time or late, by age band at the review"),
    ];

    private static readonly IReadOnlyList<ReasonForNewEpisode> s_newPlacement =
        [ReasonForNewEpisode.S, ReasonForNewEpisode.P, ReasonForNewEpisode.T, ReasonForNewEpisode.B, ReasonForNewEpisode.U];

    private ResearchExtract(DateOnly from, DateOnly to, IReadOnlyList<ChildRow> children, IReadOnlyList<ReviewRow> reviews, IReadOnlyList<CountTable> tables)
    {
        From = from;
        To = to;
        Children = children;
        Reviews = reviews;
        Tables = tables;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }

    /// <summary>Sorted by pid.</summary>
    public IReadOnlyList<ChildRow> Children { get; }

    /// <summary>Sorted by pid, then by the order the reviews were held.</summary>
    public IReadOnlyList<ReviewRow> Reviews { get; }

    public IReadOnlyList<CountTable> Tables { get; }

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
        if (to < from)
        {
            throw new DomainRuleException("The end date must be the same as or after the start date", "To");
        }

        DateRules.RequireNotInTheFuture(to, today, "The end date", "To");
    }

    public static ResearchExtract Build(IEnumerable<ResearchChildFacts> facts, DateOnly from, DateOnly to, Pseudonyms pseudonyms)
    {
        if (to < from)
        {
            throw new DomainRuleException("The end date must be the same as or after the start date", "To");
        }

        var children = new List<(ChildRow Row, DateOnly LastDay)>();
        var reviews = new List<(ReviewRow Row, ReportingAgeBand Band)>();
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

            var pid = pseudonyms.ForChild(child.ChildId);
            var (firstDay, lastDay, days) = DaysLookedAfter(episodes, from, to);
            var last = episodes[^1];
            var held = child.Reviews.Where(r => r.HeldOn >= from && r.HeldOn <= to).OrderBy(r => r.HeldOn).ToList();
            var recs = child.Recommendations.Where(r => r.MadeOn >= from && r.MadeOn <= to).ToList();
            var escalations = child.Escalations.Where(e => e.RaisedOn >= from && e.RaisedOn <= to).ToList();
            var iro = child.Allocations.LastOrDefault(a => (a.From ?? DateOnly.MinValue) <= lastDay)?.IroId;

            children.Add((new ChildRow(
                pid,
                iro is { } iroId ? pseudonyms.ForIro(iroId) : null,
                child.Sex,
                Child.Age(child.DateOfBirth, firstDay),
                Child.Age(child.DateOfBirth, lastDay),
                last.LegalStatus,
                last.CategoryOfNeed,
                last.PlacementType,
                1 + episodes.Skip(1).Count(e => s_newPlacement.Contains(e.Reason)),
                days,
                episodes.Any(e => e.LegalStatus.IsShortBreak()),
                held.Count,
                held.Count(r => r.HeldOn > r.DueOn),
                IroChanges(child.Allocations, from, to),
                recs.Count,
                recs.Count(r => r.Status == RecommendationStatus.Done && r.CompletedOn <= r.DueOn),
                recs.Count(r => r.Status == RecommendationStatus.Done && r.CompletedOn > r.DueOn),
                recs.Count(r => r.Status == RecommendationStatus.Open),
                escalations.Count,
                escalations.Count == 0 ? null : escalations.Max(e => e.StageReached),
                child.CafcassReferrals.Any(d => d >= from && d <= to)), lastDay));

            for (var i = 0; i < held.Count; i++)
            {
                var review = held[i];
                var age = Child.Age(child.DateOfBirth, review.HeldOn);
                reviews.Add((new ReviewRow(
                    pid,
                    i + 1,
                    age,
                    review.HeldOn.DayNumber - from.DayNumber,
                    review.DueRuleId,
                    review.HeldOn > review.DueOn,
                    Math.Max(0, review.HeldOn.DayNumber - review.DueOn.DayNumber),
                    review.Participation,
                    review.Means,
                    review.SeenAloneBefore,
                    review.Rating), ReportingAgeBands.For(age)));
            }
        }

        if (children.Select(c => c.Row.Pid).Distinct(StringComparer.Ordinal).Count() != children.Count)
        {
            // 80 bits make this all but impossible; if it happens, a new extract has a new salt.
            throw new InvalidOperationException("Two children were given the same pseudonym. Make the extract again.");
        }

        return new ResearchExtract(
            from,
            to,
            [.. children.Select(c => c.Row).OrderBy(r => r.Pid, StringComparer.Ordinal)],
            [.. reviews.Select(r => r.Row).OrderBy(r => r.Pid, StringComparer.Ordinal).ThenBy(r => r.ReviewSeq)],
            CountTables([.. children.Select(c => c.Row)], reviews));
    }

    private static List<CountTable> CountTables(IReadOnlyList<ChildRow> children, IReadOnlyList<(ReviewRow Row, ReportingAgeBand Band)> reviews)
    {
        var sexes = Enum.GetValues<Sex>().Select(s => s.Describe()).ToList();
        var bands = ReportingAgeBands.All.Select(b => b.Describe()).ToList();
        var statuses = Enum.GetValues<LegalStatus>().Where(s => children.Any(c => c.LegalStatusEnd == s)).Select(s => s.ToString()).ToList();
        const string notRecorded = "Not recorded";
        var codes = Enum.GetValues<ParticipationCode>().Select(c => c.ToString()).Append(notRecorded).ToList();
        return
        [
            CountTable.Count(ChildrenByAgeAndSex, TableTitles[0].Title, children, bands, c => ReportingAgeBands.For(c.AgeEnd).Describe(), sexes, c => c.Sex.Describe()),
            CountTable.Count(ChildrenByLegalStatusAndSex, TableTitles[1].Title, children, statuses, c => c.LegalStatusEnd.ToString(), sexes, c => c.Sex.Describe()),
            CountTable.Count(ReviewsByParticipationAndAge, TableTitles[2].Title, reviews, codes, r => r.Row.Participation?.ToString() ?? notRecorded,
                bands, r => r.Band.Describe()),
            CountTable.Count(ReviewsByTimelinessAndAge, TableTitles[3].Title, reviews, ["On time", "Late"], r => r.Row.Late ? "Late" : "On time",
                bands, r => r.Band.Describe()),
        ];
    }

    /// <summary>
    /// The first and last days looked after in the window and the number of days between, counting each day
    /// once. An episode covers its start day up to the day before it ended (the next episode starts that day);
    /// an open episode runs to the end of the window.
    /// </summary>
    private static (DateOnly First, DateOnly Last, int Days) DaysLookedAfter(IReadOnlyList<EpisodeFact> episodes, DateOnly from, DateOnly to)
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
            return (day, day, 1);
        }

        var days = 0;
        DateOnly? coveredTo = null;
        foreach (var (start, end) in spans)
        {
            var from1 = coveredTo is { } c && c >= start ? c.AddDays(1) : start;
            if (end >= from1)
            {
                days += end.DayNumber - from1.DayNumber + 1;
            }

            coveredTo = coveredTo is { } before && before > end ? before : end;
        }

        return (spans[0].Start, spans.Max(s => s.End), days);
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
