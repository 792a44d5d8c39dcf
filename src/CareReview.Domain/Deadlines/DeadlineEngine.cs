using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;

namespace CareReview.Domain.Deadlines;

/// <summary>Every statutory item due for a child, and the day on which they must be worked out again though nothing was recorded.</summary>
public sealed record DeadlineSchedule(IReadOnlyList<Deadline> Items, DateOnly? RecomputeOn);

/// <summary>
/// Works out every statutory deadline for a child from the rule catalogue (statutory-rules.md §10.3).
/// For each item it takes the first rule, in catalogue order, whose conditions the child meets: a
/// "first" rule counts from the event that starts the schedule (becoming looked after, a placement
/// starting); once that is met, a "previous" rule counts from the last time the item was done.
/// </summary>
public static class DeadlineEngine
{
    /// <summary>Looked after for 13 weeks since the 14th birthday (CPPCR 2010 reg 40(1)).</summary>
    private const int EligibleAfterDays = 13 * 7;

    /// <summary>The needs assessment shows this many months before the child becomes eligible, so that work can start.</summary>
    private const int NeedsAssessmentNoticeMonths = 3;

    public static DeadlineSchedule Compute(Child child, DateOnly today, Rulebook rules)
    {
        if (child.CurrentEpisode is not { } current)
        {
            return new DeadlineSchedule([], null);
        }

        var facts = new Facts(child, current);
        var items = new List<Deadline>();
        DateOnly? recomputeOn = null;

        if (child.NextReviewDue(rules) is { } review)
        {
            var rule = rules.Catalogue.InForce(review.RuleId, review.DueOn) ?? rules.Catalogue.Current(review.RuleId);
            items.Add(new Deadline(StatutoryItem.Review, review.DueOn, review.RuleId, rule.Version, review.Explanation,
                facts.ReviewsHeld.Count > 0 ? facts.ReviewsHeld[^1] : null, null));
        }

        foreach (var item in s_engineItems)
        {
            if (item == StatutoryItem.NeedsAssessment && facts.EligibleOn is { } eligible)
            {
                var showFrom = eligible.AddMonths(-NeedsAssessmentNoticeMonths);
                if (today < showFrom)
                {
                    recomputeOn = showFrom;
                    continue;
                }
            }

            if (Next(item, facts, rules) is { } deadline)
            {
                items.Add(deadline);
            }
        }

        items.Sort(static (a, b) => a.Item.CompareTo(b.Item));
        return new DeadlineSchedule(items, recomputeOn);
    }

    private static readonly StatutoryItem[] s_engineItems =
    [
        StatutoryItem.IroAppointed, StatutoryItem.CarePlan, StatutoryItem.PlacementPlan, StatutoryItem.Visit,
        StatutoryItem.HealthAssessment, StatutoryItem.PersonalEducationPlan, StatutoryItem.NeedsAssessment,
    ];

    private static Deadline? Next(StatutoryItem item, Facts facts, Rulebook rules)
    {
        var catalogue = rules.Catalogue;
        foreach (var first in catalogue.EngineRules(item, first: true))
        {
            if (!catalogue.IsInForce(first, facts.PeriodStart) || facts.TriggerDate(first) is not { } anchor || !catalogue.IsInForce(first, anchor))
            {
                continue;
            }

            // A one-off item due from a start Care Review never saw was the old system's to track.
            if (IsOneOff(item) && facts.StartNotLoaded && anchor == facts.PeriodStart)
            {
                return null;
            }

            var due = first.Period!.After(anchor, rules.Calendar);
            if (!facts.Meets(first, anchor, due))
            {
                continue;
            }

            var countsFrom = first.EarlierCounts?.Before(anchor, rules.Calendar) ?? anchor;
            var (firstDone, last) = facts.DoneSince(item, countsFrom);
            if (firstDone is null)
            {
                return new Deadline(item, due, first.Id, first.Version,
                    $"{first.Title}: within {first.Period.Describe()} of {facts.TriggerWords(first, anchor)} ({Cite(first)})", null, null);
            }

            if (IsOneOff(item))
            {
                return new Deadline(item, due, first.Id, first.Version,
                    $"{first.Title}: done on {GovukDate.Format(firstDone)}, due by {GovukDate.Format(due)} ({Cite(first)})", last, firstDone);
            }

            foreach (var next in catalogue.EngineRules(item, first: false))
            {
                if (!catalogue.IsInForce(next, last!.Value))
                {
                    continue;
                }

                var nextDue = next.Period!.After(last.Value, rules.Calendar);
                if (facts.Meets(next, last.Value, nextDue))
                {
                    var within = next.Period.Unit == PeriodUnit.SchoolTerms
                        ? $"by the end of the school term after {Facts.LastWords(item)} on {GovukDate.Format(last)}"
                        : $"not more than {next.Period.Describe()} after {Facts.LastWords(item)} on {GovukDate.Format(last)}";
                    return new Deadline(item, nextDue, next.Id, next.Version, $"{next.Title}: {within} ({Cite(next)})", last.Value, null);
                }
            }

            return null;
        }

        return null;
    }

    private static bool IsOneOff(StatutoryItem item) =>
        item is StatutoryItem.IroAppointed or StatutoryItem.CarePlan or StatutoryItem.PlacementPlan or StatutoryItem.NeedsAssessment;

    private static string Cite(StatutoryRule rule) =>
        rule.CouncilChange is null ? $"rule {rule.Cite}" : $"rule {rule.Cite}, the council's setting";

    /// <summary>What the engine needs to know about the child, worked out once.</summary>
    private sealed class Facts
    {
        private readonly Child _child;
        private readonly CareEpisode _current;

        public DateOnly PeriodStart { get; }

        /// <summary>The period began before the history loaded from the council's old system.</summary>
        public bool StartNotLoaded { get; }
        public DateOnly PlacementStart { get; }
        public DateOnly LegalStatusStart { get; }
        public bool ShortBreaks { get; }
        public List<DateOnly> ReviewsHeld { get; }
        public DateOnly? EligibleOn { get; }

        public Facts(Child child, CareEpisode current)
        {
            _child = child;
            _current = current;
            PeriodStart = child.CurrentPeriodStart()!.Value;
            var period = child.Episodes.Where(e => e.StartedOn >= PeriodStart).OrderBy(e => e.StartedOn).ThenBy(e => e.Id).ToList();
            StartNotLoaded = child.PeriodStartNotLoaded(PeriodStart);

            // A record loaded part-way through its period may not hold the episode that started the placement
            // or the legal status: the first episode loaded stands in for it.
            PlacementStart = period.LastOrDefault(e => e.ReasonForNewEpisode != ReasonForNewEpisode.L)?.StartedOn ?? PeriodStart;
            LegalStatusStart = period.LastOrDefault(e => e.ReasonForNewEpisode is ReasonForNewEpisode.S or ReasonForNewEpisode.L
                or ReasonForNewEpisode.B or ReasonForNewEpisode.U)?.StartedOn ?? PeriodStart;
            ShortBreaks = current.LegalStatus.IsShortBreak();
            ReviewsHeld = [.. child.Reviews.Where(r => r.HeldOn >= PeriodStart).Select(r => r.HeldOn!.Value).Order()];
            EligibleOn = ShortBreaks ? null : EligibleForLeavingCareOn(child);
        }

        public DateOnly? TriggerDate(StatutoryRule rule)
        {
            DateOnly? anchor = rule.Trigger switch
            {
                Trigger.BecameLookedAfter => PeriodStart,
                Trigger.PlacementStarted => PlacementStart,
                Trigger.LegalStatusStarted => LegalStatusStart,
                Trigger.EligibleForLeavingCare => EligibleOn,
                _ => null,
            };

            // A child too young for the rule when the clock would start is due from the birthday that brings it in.
            if (anchor is { } start && rule.When.Count > 0 && rule.When.All(w => w.AgeAtLeast is not null))
            {
                var birthday = _child.DateOfBirth.AddYears(rule.When.Min(w => w.AgeAtLeast!.Value));
                anchor = birthday > start ? birthday : start;
            }

            return anchor;
        }

        public string TriggerWords(StatutoryRule rule, DateOnly anchor) => rule.Trigger switch
        {
            _ when StartNotLoaded && anchor == PeriodStart => $"the first episode loaded from the council's old system, on {GovukDate.Format(anchor)}",
            _ when anchor != PeriodStart && rule.Trigger == Trigger.BecameLookedAfter => $"the birthday on {GovukDate.Format(anchor)} that brings the rule in",
            Trigger.BecameLookedAfter => $"becoming looked after on {GovukDate.Format(anchor)}",
            Trigger.PlacementStarted => $"the placement starting on {GovukDate.Format(anchor)}",
            Trigger.LegalStatusStarted => $"the legal status starting on {GovukDate.Format(anchor)}",
            Trigger.EligibleForLeavingCare => $"becoming an eligible child on {GovukDate.Format(anchor)}",
            _ => GovukDate.Format(anchor),
        };

        public static string LastWords(StatutoryItem item) => item switch
        {
            StatutoryItem.Visit => "the last visit",
            StatutoryItem.HealthAssessment => "the last health assessment",
            StatutoryItem.PersonalEducationPlan => "the last PEP meeting",
            _ => "the last time",
        };

        /// <summary>The first day on or after <paramref name="from"/> on which the item was done, and the last day it was done.</summary>
        public (DateOnly? First, DateOnly? Last) DoneSince(StatutoryItem item, DateOnly from)
        {
            DateOnly? first = null;
            DateOnly? last = null;
            switch (item)
            {
                case StatutoryItem.IroAppointed:
                    if (IroAppointedOn() is { } appointed)
                    {
                        Count(appointed);
                    }

                    break;
                case StatutoryItem.CarePlan or StatutoryItem.PlacementPlan:
                    for (var i = 0; i < _child.CarePlans.Count; i++)
                    {
                        var version = _child.CarePlans[i];
                        if (item == StatutoryItem.CarePlan || (version.Text(CarePlanSection.PlacementPlan).Length > 0
                            && version.ChangedOn(CarePlanSection.PlacementPlan) == version.MadeOn))
                        {
                            Count(version.MadeOn);
                        }
                    }

                    break;
                default:
                    for (var i = 0; i < _child.CareEvents.Count; i++)
                    {
                        var done = _child.CareEvents[i];
                        if (done.Counts && CareEvent.ItemMet(done.Kind) == item)
                        {
                            Count(done.On);
                        }
                    }

                    break;
            }

            return last >= from ? (first, last) : (null, null);

            // One pass instead of sorting: the engine asks this of every item of 100,000 children a night.
            void Count(DateOnly day)
            {
                if (day >= from && (first is null || day < first))
                {
                    first = day;
                }

                if (last is null || day > last)
                {
                    last = day;
                }
            }
        }

        /// <summary>The day this period's IRO was appointed: the start of the period if one was already allocated.</summary>
        private DateOnly? IroAppointedOn()
        {
            var ordered = _child.Allocations.OrderBy(a => a.From ?? DateOnly.MinValue).ThenBy(a => a.Id).ToList();
            var atStart = ordered.LastOrDefault(a => a.From is null || a.From <= PeriodStart);
            if (atStart?.IroName is not null)
            {
                return PeriodStart;
            }

            return ordered.FirstOrDefault(a => a.From > PeriodStart && a.IroName is not null)?.From;
        }

        public bool Meets(StatutoryRule rule, DateOnly anchor, DateOnly due)
        {
            if (rule.When.Count == 0)
            {
                return true;
            }

            for (var i = 0; i < rule.When.Count; i++)
            {
                if (Meets(rule.When[i], anchor, due))
                {
                    return true;
                }
            }

            return false;
        }

        private bool Meets(RuleConditions when, DateOnly anchor, DateOnly due) =>
            (when.ShortBreaks is null || when.ShortBreaks == ShortBreaks)
            && (when.AgeAtLeast is null || _child.AgeOn(due) >= when.AgeAtLeast)
            && (when.AgeUnder is null || _child.AgeOn(due) < when.AgeUnder)
            && (when.LegalStatuses is null || when.LegalStatuses.Contains(_current.LegalStatus))
            && (when.PlacementTypes is null || when.PlacementTypes.Contains(_current.PlacementType))
            && (when.PlacementHeldMonthsAtLeast is null || PlacementStart.AddMonths(when.PlacementHeldMonthsAtLeast.Value) <= anchor)
            && (when.PlacementHeldMonthsUnder is null || PlacementStart.AddMonths(when.PlacementHeldMonthsUnder.Value) > anchor)
            && (when.FirstReviewHeld is null || when.FirstReviewHeld == (ReviewsHeld.Count > 0))
            && (when.ChildAgreedToFewerVisits is null || when.ChildAgreedToFewerVisits == (_child.ChildAgreedToFewerVisitsOn is not null))
            && (when.ParentAssessmentIncomplete is null || when.ParentAssessmentIncomplete == _child.ParentAssessmentIncomplete)
            && (when.ConnectedPersonTemporarilyApproved is null || when.ConnectedPersonTemporarilyApproved == _child.ConnectedPersonTemporarilyApproved);

        /// <summary>
        /// The day the child becomes an eligible child (reg 40): 16 or over, and looked after for 13 weeks in
        /// all since the 14th birthday, counting the open period as if it goes on. Null if that will not
        /// happen before 18. Short breaks do not count (reg 40(2)).
        /// </summary>
        private static DateOnly? EligibleForLeavingCareOn(Child child)
        {
            var fourteenth = child.DateOfBirth.AddYears(14);
            var sixteenth = child.DateOfBirth.AddYears(16);
            var counted = 0;
            foreach (var episode in child.Episodes.Where(e => !e.LegalStatus.IsShortBreak()).OrderBy(e => e.StartedOn))
            {
                var from = episode.StartedOn > fourteenth ? episode.StartedOn : fourteenth;
                var to = episode.EndedOn ?? DateOnly.MaxValue;
                if (to <= from)
                {
                    continue;
                }

                var days = to == DateOnly.MaxValue ? int.MaxValue : to.DayNumber - from.DayNumber;
                if (counted + (long)days >= EligibleAfterDays)
                {
                    var reached = from.AddDays(EligibleAfterDays - counted);
                    var eligible = reached > sixteenth ? reached : sixteenth;
                    return eligible < child.DateOfBirth.AddYears(18) ? eligible : null;
                }

                counted += days;
            }

            return null;
        }
    }
}
