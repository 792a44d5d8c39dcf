using System.Globalization;
using CareReview.Domain.Children;
using CareReview.Domain.Escalations;
using CareReview.Domain.Voice;

namespace CareReview.Domain.Reports;

/// <summary>One period of care (or episode) of a child: started, and ended if it has.</summary>
public sealed record CarePeriodFact(int ChildId, DateOnly StartedOn, DateOnly? EndedOn);

/// <summary>A held review: when it was due by the statutory clock, and what the child did.</summary>
public sealed record ReviewFact(int ReviewId, int ChildId, DateOnly HeldOn, DateOnly DueOn, int AgeAtReview, bool SeenAlone,
    ParticipationCode? Code, ReviewRating? Rating);

/// <summary>
/// A recommendation: made on, due by, done on (if done), and closed without being done (carried forward or no
/// longer needed) on, if it was.
/// </summary>
public sealed record RecommendationFact(int Id, int ChildId, DateOnly MadeOn, DateOnly DueOn, DateOnly? CompletedOn, DateOnly? ClosedUndoneOn,
    IReadOnlyList<CaseTheme> Themes);

/// <summary>An escalation, with the working days from raising to closing when it closed.</summary>
public sealed record EscalationFact(int Id, int ChildId, DateOnly RaisedOn, ConcernCategory Category, int StageReached,
    EscalationOutcome? Outcome, DateOnly? ClosedOn, int? WorkingDaysToClose, IReadOnlyList<CaseTheme> Themes);

public sealed record CafcassFact(int Id, int ChildId, DateOnly ReferredOn, CafcassOutcome Outcome);

/// <summary>One row of a child's allocation history: from when (null is unknown), and the IRO then.</summary>
public sealed record AllocationFact(int ChildId, DateOnly? From, int? IroId, string? IroName);

/// <summary>An IRO and their current FTE (there is no FTE history).</summary>
public sealed record IroFact(int Id, string Name, decimal Fte);

/// <summary>
/// One figure of the report in long form: the measure, the group within it, the value counted, how many, out of
/// how many (null when a share means nothing), and the key of the drill-down listing the children behind it.
/// </summary>
public sealed record ReportLine(string Measure, string Group, string Value, int Count, int? Of, string? Figure)
{
    public double? Share => Of is null or 0 ? null : (double)Count / Of.Value;
}

/// <summary>An IRO's caseload at the end of the range against 50 to 70 per full-time post, pro rata to the current FTE.</summary>
public sealed record IroCaseloadLine(string IroName, int Children, decimal Fte, int Lower, int Upper);

/// <summary>
/// The IRO annual report over a date range, inclusive at both ends (usually a financial year, 1 April to
/// 31 March). Pure: fed with facts, so tests can count by hand. Every figure is a <see cref="ReportLine"/>;
/// the figures about children carry a drill-down key, and <see cref="ChildrenBehind"/> gives their ids.
/// </summary>
public sealed class AnnualReport
{
    private readonly Dictionary<string, HashSet<int>> _children = new(StringComparer.Ordinal);
    private readonly List<ReportLine> _lines = [];

    private AnnualReport(DateOnly from, DateOnly to)
    {
        From = from;
        To = to;
    }

    public DateOnly From { get; }
    public DateOnly To { get; }
    public IReadOnlyList<ReportLine> Lines => _lines;
    public IReadOnlyList<IroCaseloadLine> Caseloads { get; private set; } = [];

    /// <summary>The median working days from raising to closing, of escalations closed in the range; null when none.</summary>
    public double? MedianDaysToResolve { get; private set; }

    public IEnumerable<ReportLine> Measure(string measure) => _lines.Where(l => l.Measure == measure);

    public ReportLine? Line(string figure) => _lines.FirstOrDefault(l => l.Figure == figure);

    /// <summary>The children behind a figure, by id; null when there is no such figure.</summary>
    public IReadOnlySet<int>? ChildrenBehind(string figure) => _children.TryGetValue(figure, out var ids) ? ids : null;

    /// <summary>The quarter of the financial year a date falls in, as the report names it: "2025-26 Q1" is April to June 2025.</summary>
    public static string Quarter(DateOnly date)
    {
        var year = FinancialYear.Containing(date);
        return string.Create(CultureInfo.InvariantCulture, $"{year.StartingYear}-{year.EndingYear % 100:00} Q{FinancialYear.QuarterOf(date)}");
    }

    public static AnnualReport For(DateOnly from, DateOnly to, IEnumerable<CarePeriodFact> periods, IEnumerable<ReviewFact> reviews,
        IEnumerable<RecommendationFact> recommendations, IEnumerable<EscalationFact> escalations, IEnumerable<CafcassFact> cafcass,
        IEnumerable<AllocationFact> allocations, IEnumerable<IroFact> iros)
    {
        DateRules.RequireWindow(from, to);

        var report = new AnnualReport(from, to);
        var allocationList = allocations.ToList();
        var (inCare, atEnd) = report.AddChildren(periods.ToList());
        report.AddCaseloads(allocationList, iros.ToList(), atEnd);
        report.AddContinuity(allocationList, inCare);
        report.AddReviews([.. reviews.Where(r => r.HeldOn >= from && r.HeldOn <= to)]);
        report.AddRecommendations([.. recommendations.Where(r => r.MadeOn >= from && r.MadeOn <= to)]);
        report.AddEscalations([.. escalations.Where(e => e.RaisedOn >= from && e.RaisedOn <= to)], [.. escalations]);
        report.AddCafcass([.. cafcass.Where(c => c.ReferredOn >= from && c.ReferredOn <= to)]);
        return report;
    }

    private void Add(string measure, string group, string value, IEnumerable<int> childIds, int count, int? of, string? figure)
    {
        _lines.Add(new ReportLine(measure, group, value, count, of, figure));
        if (figure is not null)
        {
            _children[figure] = [.. childIds];
        }
    }

    /// <summary>Children looked after at the end, at any time in the range, starting and ceasing in it. Returns those in care during and at the end.</summary>
    private (HashSet<int> During, HashSet<int> AtEnd) AddChildren(List<CarePeriodFact> periods)
    {
        var during = periods.Where(p => p.StartedOn <= To && (p.EndedOn is null || p.EndedOn >= From)).Select(p => p.ChildId).ToHashSet();
        var atEnd = periods.Where(p => p.StartedOn <= To && (p.EndedOn is null || p.EndedOn > To)).Select(p => p.ChildId).ToHashSet();

        // A child who started or ceased only by moving from one episode to the next did neither: only the
        // first start of a run of periods and its last end count.
        var started = periods.Where(p => p.StartedOn >= From && p.StartedOn <= To && !periods.Any(o => o.ChildId == p.ChildId && o.EndedOn == p.StartedOn))
            .Select(p => p.ChildId).ToHashSet();
        var ceased = periods.Where(p => p.EndedOn >= From && p.EndedOn <= To && !periods.Any(o => o.ChildId == p.ChildId && o.StartedOn == p.EndedOn))
            .Select(p => p.ChildId).ToHashSet();
        Add("children_in_care", "all", "during the period", during, during.Count, null, "children-during");
        Add("children_in_care", "all", "at the end of the period", atEnd, atEnd.Count, null, "children-at-end");
        Add("children_in_care", "all", "started to be looked after", started, started.Count, null, "children-started");
        Add("children_in_care", "all", "ceased to be looked after", ceased, ceased.Count, null, "children-ceased");
        return (during, atEnd);
    }

    /// <summary>Children in care on the last day, by the IRO allocated to them then (the last change on or before it).</summary>
    private void AddCaseloads(List<AllocationFact> allocations, List<IroFact> iros, HashSet<int> atEnd)
    {
        var iroAtEnd = allocations.Where(a => atEnd.Contains(a.ChildId)).GroupBy(a => a.ChildId)
            .Select(g => (Child: g.Key, Iro: g.OrderBy(a => a.From ?? DateOnly.MinValue).Where(a => (a.From ?? DateOnly.MinValue) <= To).LastOrDefault()?.IroId))
            .Where(x => x.Iro is not null)
            .ToList();
        Caseloads = [.. iros.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i =>
        {
            var load = new Staff.IroCaseload(iroAtEnd.Count(x => x.Iro == i.Id), i.Fte);
            return new IroCaseloadLine(i.Name, load.Children, i.Fte, load.Lower, load.Upper);
        })];
        foreach (var line in Caseloads)
        {
            _lines.Add(new ReportLine("caseload_at_end", line.IroName, string.Create(CultureInfo.InvariantCulture, $"FTE {line.Fte:0.##}"),
                line.Children, null, null));
        }
    }

    /// <summary>Changes of IRO in the range for each child in care during it: 0, 1, 2, 3 or more.</summary>
    private void AddContinuity(List<AllocationFact> allocations, HashSet<int> inCare)
    {
        var byChild = allocations.ToLookup(a => a.ChildId);
        var changes = inCare.ToDictionary(c => c, c => IroChanges(byChild[c], From, To));
        foreach (var (value, key, match) in new (string, string, Func<int, bool>)[]
                 {
                     ("0", "continuity-0", n => n == 0), ("1", "continuity-1", n => n == 1), ("2", "continuity-2", n => n == 2),
                     ("3 or more", "continuity-3", n => n >= 3),
                 })
        {
            var ids = changes.Where(c => match(c.Value)).Select(c => c.Key).ToList();
            Add("iro_changes", "children in care during the period", value, ids, ids.Count, inCare.Count, key);
        }
    }

    // The counting of Staff.IroContinuity, over the report's facts rather than tracked allocations.
    // A change is a move from one named IRO to a different named IRO, dated in the range. Rows with no IRO (a
    // gap) are skipped, so a gap between two spells with the same IRO is not a change.
    private static int IroChanges(IEnumerable<AllocationFact> history, DateOnly from, DateOnly to)
    {
        var changes = 0;
        int? last = null;
        foreach (var row in history.OrderBy(a => a.From ?? DateOnly.MinValue))
        {
            if (row.IroId is not { } iro || string.IsNullOrEmpty(row.IroName))
            {
                continue;
            }

            if (last is not null && last != iro && row.From is { } on && on >= from && on <= to)
            {
                changes++;
            }

            last = iro;
        }

        return changes;
    }

    private void AddReviews(List<ReviewFact> held)
    {
        var onTime = held.Where(r => r.HeldOn <= r.DueOn).ToList();
        var late = held.Where(r => r.HeldOn > r.DueOn).ToList();
        Add("reviews", "all", "held", held.Select(r => r.ChildId), held.Count, null, "reviews-held");
        Add("reviews", "all", "held on time", onTime.Select(r => r.ChildId), onTime.Count, held.Count, "reviews-on-time");
        Add("reviews", "all", "held late", late.Select(r => r.ChildId), late.Count, held.Count, "reviews-late");

        // Under-4s are left out, as in the participation figures: a child that young is not expected to be seen alone.
        var fourAndOver = held.Where(r => r.AgeAtReview >= 4).ToList();
        var seen = fourAndOver.Where(r => r.SeenAlone).ToList();
        var notSeen = fourAndOver.Where(r => !r.SeenAlone).ToList();
        Add("seen_alone_before_review", "aged 4 and over", "seen alone", seen.Select(r => r.ChildId), seen.Count, fourAndOver.Count, "seen-alone");
        Add("seen_alone_before_review", "aged 4 and over", "not seen alone", notSeen.Select(r => r.ChildId), notSeen.Count, fourAndOver.Count, "not-seen-alone");

        foreach (var band in ReportingAgeBands.All)
        {
            var inBand = held.Where(r => ReportingAgeBands.For(r.AgeAtReview) == band).ToList();
            var attended = inBand.Where(r => r.Code is ParticipationCode.PN1 or ParticipationCode.PN2 or ParticipationCode.PN3 or ParticipationCode.PN4).ToList();
            Add("attended_review", band.Describe(), "PN1-PN4", attended.Select(r => r.ChildId), attended.Count, inBand.Count, $"attended-{band}");
        }

        var rated = held.Where(r => r.Rating is not null).ToList();
        foreach (var (rating, words) in new[] { (ReviewRating.Good, "Good"), (ReviewRating.Ok, "OK"), (ReviewRating.NotHappy, "Not happy") })
        {
            var these = rated.Where(r => r.Rating == rating).ToList();
            Add("rate_my_review", "cards returned", words, these.Select(r => r.ChildId), these.Count, rated.Count, $"rating-{rating}");
        }
    }

    private void AddRecommendations(List<RecommendationFact> made)
    {
        // As at the end of the range, from the dates: what has happened since does not change last year's figures.
        var done = made.Where(r => r.CompletedOn <= To).ToList();
        var onTime = done.Where(r => r.CompletedOn <= r.DueOn).ToList();
        var late = done.Where(r => r.CompletedOn > r.DueOn).ToList();
        var closedUndone = made.Where(r => !(r.CompletedOn <= To) && r.ClosedUndoneOn <= To).ToList();
        var open = made.Where(r => !(r.CompletedOn <= To) && !(r.ClosedUndoneOn <= To)).ToList();
        Add("recommendations", "made in the period", "made", made.Select(r => r.ChildId), made.Count, null, "recommendations-made");
        Add("recommendations", "made in the period", "done on time", onTime.Select(r => r.ChildId), onTime.Count, made.Count, "recommendations-on-time");
        Add("recommendations", "made in the period", "done late", late.Select(r => r.ChildId), late.Count, made.Count, "recommendations-late");
        Add("recommendations", "made in the period", "still open", open.Select(r => r.ChildId), open.Count, made.Count, "recommendations-open");
        Add("recommendations", "made in the period", "carried forward or no longer needed", closedUndone.Select(r => r.ChildId), closedUndone.Count,
            made.Count, "recommendations-closed-undone");
        AddThemes("recommendation_themes", "recommendations", made.Select(r => (r.ChildId, r.MadeOn, r.Themes)).ToList());
    }

    private void AddEscalations(List<EscalationFact> raised, List<EscalationFact> all)
    {
        Add("escalations", "raised in the period", "raised", raised.Select(e => e.ChildId), raised.Count, null, "escalations-raised");
        foreach (var stage in raised.Select(e => e.StageReached).Append(0).Distinct().Order())
        {
            var these = raised.Where(e => e.StageReached == stage).ToList();
            Add("escalations_by_stage", "raised in the period", EscalationWords.StageName(stage), these.Select(e => e.ChildId), these.Count, raised.Count,
                string.Create(CultureInfo.InvariantCulture, $"escalations-stage-{stage}"));
        }

        foreach (var category in ConcernCategories.All)
        {
            var these = raised.Where(e => e.Category == category).ToList();
            Add("escalations_by_category", "raised in the period", category.Describe(), these.Select(e => e.ChildId), these.Count, raised.Count,
                $"escalations-category-{category}");
        }

        // The outcome as at the end of the range: one closed later was still open then.
        foreach (var outcome in Enum.GetValues<EscalationOutcome>())
        {
            var these = raised.Where(e => e.Outcome == outcome && e.ClosedOn <= To).ToList();
            Add("escalations_by_outcome", "raised in the period", outcome.Describe(), these.Select(e => e.ChildId), these.Count, raised.Count,
                $"escalations-outcome-{outcome}");
        }

        var stillOpen = raised.Where(e => !(e.ClosedOn <= To)).ToList();
        Add("escalations_by_outcome", "raised in the period", "Still open", stillOpen.Select(e => e.ChildId), stillOpen.Count, raised.Count, "escalations-open");

        var days = all.Where(e => e.ClosedOn >= From && e.ClosedOn <= To && e.WorkingDaysToClose is not null)
            .Select(e => e.WorkingDaysToClose!.Value).Order().ToList();
        MedianDaysToResolve = days.Count == 0 ? null
            : days.Count % 2 == 1 ? days[days.Count / 2] : (days[(days.Count / 2) - 1] + days[days.Count / 2]) / 2.0;
        var withinTwenty = days.Count(d => d <= 20);
        _lines.Add(new ReportLine("escalations_resolution", "closed in the period", "closed within 20 working days", withinTwenty, days.Count, null));
        AddThemes("escalation_themes", "escalations", raised.Select(e => (e.ChildId, e.RaisedOn, e.Themes)).ToList());
    }

    private void AddCafcass(List<CafcassFact> referred)
    {
        Add("cafcass_referrals", "referred in the period", "referred", referred.Select(c => c.ChildId), referred.Count, null, "cafcass-referred");
        foreach (var outcome in Enum.GetValues<CafcassOutcome>())
        {
            var these = referred.Where(c => c.Outcome == outcome).ToList();
            Add("cafcass_referrals_by_outcome", "referred in the period", outcome.Describe(), these.Select(c => c.ChildId), these.Count, referred.Count,
                $"cafcass-{outcome}");
        }
    }

    /// <summary>
    /// Items by theme (an item with two themes counts under each, so rows may sum to more than the items), the
    /// untagged as "Not tagged", then the same by quarter of the financial year.
    /// </summary>
    private void AddThemes(string measure, string what, List<(int ChildId, DateOnly On, IReadOnlyList<CaseTheme> Themes)> items)
    {
        var slug = what == "recommendations" ? "recommendation" : "escalation";
        foreach (var (value, key, match) in ThemeRows())
        {
            var these = items.Where(i => match(i.Themes)).ToList();
            Add(measure, $"all {what}", value, these.Select(i => i.ChildId), these.Count, items.Count, $"{slug}-theme-{key}");
        }

        foreach (var quarter in Quarters())
        {
            var inQuarter = items.Where(i => Quarter(i.On) == quarter).ToList();
            foreach (var (value, key, match) in ThemeRows())
            {
                var these = inQuarter.Where(i => match(i.Themes)).ToList();
                Add($"{measure}_by_quarter", quarter, value, these.Select(i => i.ChildId), these.Count, inQuarter.Count, $"{slug}-theme-{key}-{quarter.Replace(' ', '-')}");
            }
        }
    }

    private static IEnumerable<(string Value, string Key, Func<IReadOnlyList<CaseTheme>, bool> Match)> ThemeRows() =>
        CaseThemes.All.Select(t => (t.Describe(), t.ToString(), (Func<IReadOnlyList<CaseTheme>, bool>)(themes => themes.Contains(t))))
            .Append(("Not tagged", "none", themes => themes.Count == 0));

    /// <summary>The quarters the range touches, in order.</summary>
    public IReadOnlyList<string> Quarters()
    {
        var quarters = new List<string>();
        for (var d = new DateOnly(From.Year, From.Month, 1); d <= To; d = d.AddMonths(1))
        {
            var q = Quarter(d);
            if (!quarters.Contains(q))
            {
                quarters.Add(q);
            }
        }

        return quarters;
    }
}
