using System.Globalization;
using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Web.Demo;

namespace CareReview.Bench;

/// <summary>
/// A synthetic population of looked-after children, built through the domain's own methods so that every
/// record is one the application would accept. The same seed gives the same children. The mix follows the
/// DfE looked-after children statistics in broad strokes: ages 0 to 17 weighted to teenagers, about 10% on
/// short breaks (V3, V4), mostly foster placements with some children's homes and placements with parents
/// (P1), periods of care started up to 10 years ago (most recently), reviews, visits every 5 to 7 weeks
/// with a few overdue, health assessments, PEP meetings from age 3, and a care plan of 1 to 3 versions.
/// Free text is short and shared between children: the engine reads dates and codes, not prose.
/// </summary>
public static class Population
{
    /// <summary>The day the deadlines are worked out on (a Monday), fixed so that runs compare.</summary>
    public static readonly DateOnly Today = new(2026, 11, 2);

    public const int DefaultSeed = 903;

    public static Child[] Generate(int count, int seed, DateOnly today, Rulebook rules) => Generate(count, seed, today, rules, null).Children;

    /// <summary>
    /// The children and their IROs and social workers; with <paramref name="ids"/>, the staff are given ids first, as
    /// saved staff would have, so that each allocation names its worker (the SSD benchmark writes them as involvements).
    /// </summary>
    public static (Child[] Children, StaffMember[] Staff) Generate(int count, int seed, DateOnly today, Rulebook rules, DemoIds? ids)
    {
        var random = new Random(seed);
        var staff = new StaffPool(count);
        ids?.Save(staff.All);
        var children = new Child[count];
        for (var i = 0; i < count; i++)
        {
            children[i] = new ChildBuilder(random, staff, today, rules, i).Build();
        }

        return (children, staff.All);
    }

    /// <summary>IROs with about 60 children each and social workers with about 15.</summary>
    private sealed class StaffPool
    {
        private readonly StaffMember[] _iros;
        private readonly StaffMember[] _socialWorkers;

        public StaffPool(int children)
        {
            _iros = [.. Enumerable.Range(1, Math.Max(1, children / 60))
                .Select(i => new StaffMember(string.Create(CultureInfo.InvariantCulture, $"IRO {i}"), StaffRole.Iro))];
            _socialWorkers = [.. Enumerable.Range(1, Math.Max(1, children / 15))
                .Select(i => new StaffMember(string.Create(CultureInfo.InvariantCulture, $"Social worker {i}"), StaffRole.SocialWorker))];
        }

        public StaffMember[] All => [.. _iros, .. _socialWorkers];

        public StaffMember Iro(Random random) => _iros[random.Next(_iros.Length)];

        public StaffMember SocialWorker(Random random) => _socialWorkers[random.Next(_socialWorkers.Length)];
    }

    private sealed class ChildBuilder(Random random, StaffPool staff, DateOnly today, Rulebook rules, int index)
    {
        private const string By = "Bench";
        private const int TenYears = 3652;

        private static readonly string[] s_givenNames = ["Amara", "Ben", "Chloe", "Daniel", "Ellie", "Finn", "Grace", "Harry", "Isla", "Jayden", "Keira", "Leo", "Maya", "Noah", "Olivia", "Riley", "Sophie", "Tyler", "Zara"];
        private static readonly string[] s_familyNames = ["Ahmed", "Brown", "Clarke", "Davies", "Evans", "Hughes", "Jones", "Khan", "Lewis", "Murphy", "Patel", "Roberts", "Smith", "Taylor", "Walker", "Wilson", "Wright"];

        // Age bands as the DfE statistics give them (under 1: 5%, 1-4: 13%, 5-9: 17%, 10-15: 38%, 16-17: 27%).
        private static readonly (int From, int To, int Weight)[] s_ageBands = [(0, 1, 5), (1, 5, 13), (5, 10, 17), (10, 16, 38), (16, 18, 27)];

        private static readonly (PlacementType Type, int Weight)[] s_placements =
        [
            (PlacementType.U6, 38), (PlacementType.U3, 14), (PlacementType.U4, 8), (PlacementType.U1, 5), (PlacementType.U5, 1),
            (PlacementType.U2, 1), (PlacementType.K2, 11), (PlacementType.K3, 5), (PlacementType.P1, 8), (PlacementType.R3, 2),
            (PlacementType.S1, 1), (PlacementType.R1, 1), (PlacementType.K1, 1), (PlacementType.Z11, 1), (PlacementType.R2, 1),
            (PlacementType.R5, 1), (PlacementType.P3, 1),
        ];

        private static readonly (PlacementType Type, int Weight)[] s_shortBreakPlacements =
            [(PlacementType.U6, 50), (PlacementType.K2, 30), (PlacementType.R1, 15), (PlacementType.U3, 5)];

        private static readonly ReasonForPlacementChange[] s_moveReasons =
        [
            ReasonForPlacementChange.CARPL, ReasonForPlacementChange.CARPL, ReasonForPlacementChange.CARPL, ReasonForPlacementChange.CLOSE,
            ReasonForPlacementChange.CREQB, ReasonForPlacementChange.CREQO, ReasonForPlacementChange.CHILD, ReasonForPlacementChange.LAREQ,
            ReasonForPlacementChange.STAND, ReasonForPlacementChange.ALLEG, ReasonForPlacementChange.OTHER,
        ];

        private static readonly ParticipationCode[] s_spoke =
        [
            ParticipationCode.PN1, ParticipationCode.PN1, ParticipationCode.PN1, ParticipationCode.PN2, ParticipationCode.PN3,
            ParticipationCode.PN4, ParticipationCode.PN5, ParticipationCode.PN6, ParticipationCode.PN6, ParticipationCode.PN7,
        ];

        // Shared texts: each version of a plan changes the placement plan, so each version number has its own.
        private static readonly string[] s_placementPlans = [.. Enumerable.Range(0, 8).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"Placement plan, version {i}: day-to-day care, consent to health care, school, contact and delegated authority as agreed."))];

        private const string Permanence = "Long-term plan agreed at the review.";
        private const string Health = "Health plan: registered with a GP and dentist; immunisations up to date.";
        private const string Education = "PEP held with the designated teacher; attendance and targets reviewed.";
        private const string Contact = "Contact with mother fortnightly, supervised; with siblings monthly.";
        private const string ContactChanged = "Contact with mother monthly, supervised; with siblings fortnightly.";
        private const string Wishes = "Wants to stay at the same school and see their brother more often.";

        private readonly Dictionary<CareEventKind, HashSet<int>> _eventDays = [];
        private Child _child = null!;

        public Child Build()
        {
            var ageDays = PickAgeInDays();
            var dob = today.AddDays(-ageDays);
            _child = new Child(string.Create(CultureInfo.InvariantCulture, $"B{index:D6}"), s_givenNames[random.Next(s_givenNames.Length)],
                s_familyNames[random.Next(s_familyNames.Length)], dob, random.Next(2) == 0 ? Sex.F : Sex.M);

            // Most periods began recently: the square of a uniform number puts about a third in the last year.
            var back = Math.Min(ageDays, TenYears);
            var start = today.AddDays(-(int)(Math.Pow(random.NextDouble(), 2) * back));
            var socialWorker = staff.SocialWorker(random);

            // About 1 in 12 came into care once before, for a while, and went home.
            if (start.DayNumber - dob.DayNumber > 730 && random.NextDouble() < 0.08)
            {
                var priorStart = dob.AddDays(random.Next(0, start.DayNumber - dob.DayNumber - 400));
                var priorEnd = priorStart.AddDays(random.Next(30, 365));
                _child.Allocate(staff.Iro(random), socialWorker, today, rules, priorStart);
                _child.BecomeLookedAfter(priorStart, LegalStatus.V2, PlacementType.U6, CategoryOfNeed.N4, today, rules);
                _child.CeaseToBeLookedAfter(priorEnd, ReasonEpisodeCeased.E4A, today, rules);
            }

            var shortBreaks = random.NextDouble() < 0.10;
            Allocate(start, socialWorker);
            var placementStarts = shortBreaks ? StartShortBreaks(start) : StartAndMove(start);
            var reviews = RecordReviews(start, shortBreaks);
            SetVisitArrangements(placementStarts[^1]);
            RecordVisits(placementStarts, shortBreaks);
            if (!shortBreaks)
            {
                RecordHealthAssessments(start);
                RecordNeedsAssessment(start);
            }

            RecordPepMeetings(start, shortBreaks);
            MakeCarePlans(start, placementStarts, reviews);
            return _child;
        }

        private int PickAgeInDays()
        {
            var (from, to, _) = Pick(s_ageBands, b => b.Weight);
            var youngest = today.DayNumber - today.AddYears(-from).DayNumber;
            var oldest = today.DayNumber - today.AddYears(-to).DayNumber; // exclusive: the child is under `to`
            return random.Next(youngest, oldest);
        }

        private void Allocate(DateOnly start, StaffMember socialWorker)
        {
            var roll = random.NextDouble();
            var latest = _child.Allocations.Max(a => a.From);
            var from = latest > start ? latest.Value : start;
            if (roll < 0.04)
            {
                _child.Allocate(null, socialWorker, today, rules, from); // no IRO yet: P2 overdue
            }
            else if (roll < 0.85)
            {
                _child.Allocate(null, socialWorker, today, rules, from);
                var appointed = from.AddDays(random.Next(1, roll < 0.75 ? 8 : 30));
                if (appointed <= today)
                {
                    _child.Allocate(staff.Iro(random), socialWorker, today, rules, appointed);
                }
            }
            else
            {
                _child.Allocate(staff.Iro(random), socialWorker, today, rules, from); // the IRO was already allocated
            }

            // A change of IRO for some children in care a long time.
            var latestNow = _child.Allocations.Max(a => a.From)!.Value;
            if (today.DayNumber - start.DayNumber > 730 && latestNow < today && random.NextDouble() < 0.3)
            {
                var change = latestNow.AddDays(random.Next(1, today.DayNumber - latestNow.DayNumber + 1));
                _child.Allocate(staff.Iro(random), staff.SocialWorker(random), today, rules, change);
            }
        }

        private List<DateOnly> StartShortBreaks(DateOnly start)
        {
            var placement = Pick(s_shortBreakPlacements, p => p.Weight).Type;
            _child.BecomeLookedAfter(start, random.NextDouble() < 0.7 ? LegalStatus.V3 : LegalStatus.V4, placement, CategoryOfNeed.N2, today, rules);
            return [start];
        }

        /// <summary>Starts the period, then changes legal status and placement over it; returns the days placements started.</summary>
        private List<DateOnly> StartAndMove(DateOnly start)
        {
            var ageAtStart = _child.AgeOn(start);
            var roll = random.NextDouble();
            var legal = roll switch
            {
                < 0.45 => LegalStatus.C1,
                < 0.70 => LegalStatus.V2,
                < 0.88 => LegalStatus.C2,
                < 0.91 => LegalStatus.L1,
                < 0.94 => LegalStatus.L2,
                < 0.96 => LegalStatus.J1,
                < 0.98 => LegalStatus.J2,
                _ => LegalStatus.E1,
            };
            var placement = PickPlacement(ageAtStart);
            var need = (CategoryOfNeed)random.Next(0, 8);
            _child.BecomeLookedAfter(start, legal, placement, need, today, rules);

            // The changes over the period, in date order: (day, new legal status or null, move or null).
            var changes = new List<(DateOnly On, LegalStatus? Legal, bool Move)>();
            var days = today.DayNumber - start.DayNumber;
            if (legal is LegalStatus.L1 or LegalStatus.L2 && days > 8)
            {
                changes.Add((start.AddDays(random.Next(1, 8)), LegalStatus.C1, false));
            }

            if (legal is LegalStatus.C1 or LegalStatus.L1 or LegalStatus.L2 && days > 120 && random.NextDouble() < 0.8)
            {
                var order = start.AddDays(random.Next(90, Math.Min(days, 400)));
                changes.Add((order, LegalStatus.C2, false));
                if (ageAtStart < 4 && random.NextDouble() < 0.35 && today.DayNumber - order.DayNumber > 100)
                {
                    var placementOrder = order.AddDays(random.Next(60, Math.Min(today.DayNumber - order.DayNumber, 300)));
                    changes.Add((placementOrder, LegalStatus.E1, false));
                }
            }
            else if (legal == LegalStatus.V2 && days > 60 && random.NextDouble() < 0.1)
            {
                changes.Add((start.AddDays(random.Next(30, days)), LegalStatus.C1, false));
            }

            var moves = random.NextDouble() switch
            {
                < 0.45 => 0,
                < 0.75 => 1,
                < 0.90 => 2,
                _ => 3,
            };
            for (var i = 0; i < moves && days > 14; i++)
            {
                changes.Add((start.AddDays(random.Next(7, days)), null, true));
            }

            var placementStarts = new List<DateOnly> { start };
            var last = start;
            foreach (var (on, newLegal, move) in changes.OrderBy(c => c.On))
            {
                if (on <= last || on > today)
                {
                    continue;
                }

                var current = _child.CurrentEpisode!;
                var status = newLegal ?? current.LegalStatus;
                if (!move && status == current.LegalStatus)
                {
                    continue;
                }

                if (move)
                {
                    var next = status == LegalStatus.E1 && random.NextDouble() < 0.6
                        ? (random.NextDouble() < 0.5 ? PlacementType.A5 : PlacementType.A6)
                        : current.PlacementType switch
                        {
                            // Often a short-term foster placement becomes long term with the same carers.
                            PlacementType.U6 when random.NextDouble() < 0.3 => PlacementType.U4,
                            PlacementType.U3 when random.NextDouble() < 0.3 => PlacementType.U1,
                            _ => PickPlacement(_child.AgeOn(on)),
                        };
                    var sameCarers = (current.PlacementType, next) is (PlacementType.U6, PlacementType.U4) or (PlacementType.U3, PlacementType.U1);
                    _child.ChangeEpisode(on, status, sameCarers ? PlacementMove.SameCarers : PlacementMove.NewCarers, next,
                        s_moveReasons[random.Next(s_moveReasons.Length)], today, rules);
                    placementStarts.Add(on);
                }
                else
                {
                    _child.ChangeEpisode(on, status, PlacementMove.None, current.PlacementType, null, today, rules);
                }

                last = on;
            }

            return placementStarts;
        }

        private PlacementType PickPlacement(int age)
        {
            var type = Pick(s_placements, p => p.Weight).Type;
            return type switch
            {
                PlacementType.K3 or PlacementType.P3 or PlacementType.R5 when age < 16 => PlacementType.U6,
                PlacementType.R3 when age > 1 => PlacementType.U6,
                _ => type,
            };
        }

        /// <summary>Reviews on time for most children, late for some; returns the days held.</summary>
        private List<DateOnly> RecordReviews(DateOnly start, bool shortBreaks)
        {
            var held = new List<DateOnly>();
            var due = shortBreaks ? start.AddMonths(3) : rules.Calendar.AddWorkingDays(start, 20);
            while (true)
            {
                var on = random.NextDouble() < 0.85 ? due.AddDays(-random.Next(0, 12)) : due.AddDays(random.Next(1, 45));
                if (held.Count > 0 && on <= held[^1])
                {
                    on = held[^1].AddDays(1);
                }

                if (on < start)
                {
                    on = start;
                }

                if (on > today)
                {
                    return held;
                }

                var participation = shortBreaks ? (ParticipationCode?)null
                    : _child.AgeOn(on) < 4 ? ParticipationCode.PN0 : s_spoke[random.Next(s_spoke.Length)];
                _child.RecordReviewHeld(on, participation, today, rules);
                held.Add(on);
                due = on.AddMonths(shortBreaks || held.Count > 1 ? 6 : 3);
            }
        }

        private void SetVisitArrangements(DateOnly placementStart)
        {
            var current = _child.CurrentEpisode!;
            DateOnly? agreed = null;
            if (current.PlacementType is PlacementType.U1 or PlacementType.U4 && placementStart.AddMonths(12) < today && random.NextDouble() < 0.3)
            {
                var from = placementStart.AddMonths(12);
                agreed = from.AddDays(random.Next(0, today.DayNumber - from.DayNumber + 1));
                agreed = agreed < current.StartedOn ? current.StartedOn : agreed;
            }

            var parentAssessmentIncomplete = current.PlacementType == PlacementType.P1 && random.NextDouble() < 0.4;
            var connectedPerson = current.PlacementType == PlacementType.U3 && placementStart.AddDays(112) > today && random.NextDouble() < 0.5;
            if (agreed is not null || parentAssessmentIncomplete || connectedPerson)
            {
                _child.SetVisitArrangements(agreed, parentAssessmentIncomplete, connectedPerson, today, rules);
            }
        }

        /// <summary>A visit within a week of each placement, then every 5 to 7 weeks; about 8% of children are now overdue.</summary>
        private void RecordVisits(List<DateOnly> placementStarts, bool shortBreaks)
        {
            var stopAt = random.NextDouble() < 0.08 ? today.AddDays(-random.Next(50, 120)) : today;
            for (var p = 0; p < placementStarts.Count; p++)
            {
                var end = p + 1 < placementStarts.Count ? placementStarts[p + 1] : stopAt;
                var on = placementStarts[p].AddDays(random.Next(shortBreaks ? 20 : 1, shortBreaks ? 80 : 9));
                while (on <= end && on <= stopAt)
                {
                    var seen = random.NextDouble() >= 0.03;
                    var alone = seen && random.NextDouble() < 0.85;
                    Record(new CareEventDraft(CareEventKind.Visit, on, seen, seen ? alone : null,
                        seen && !alone ? "The child asked for the carer to stay." : null, null));
                    on = on.AddDays(shortBreaks ? random.Next(80, 180) : random.Next(35, 50));
                }
            }
        }

        /// <summary>An initial assessment near the start, then every 6 months under 5 and every 12 months after; a few missed.</summary>
        private void RecordHealthAssessments(DateOnly start)
        {
            if (random.NextDouble() < 0.08)
            {
                return;
            }

            var on = start.AddDays(random.Next(-20, 40));
            var stopAt = random.NextDouble() < 0.06 ? today.AddDays(-random.Next(200, 500)) : today;
            while (on <= stopAt)
            {
                if (on >= _child.DateOfBirth)
                {
                    Record(new CareEventDraft(CareEventKind.HealthAssessment, on, null, null, null, null));
                }

                on = on.AddMonths(_child.AgeOn(on) < 5 ? 6 : 12).AddDays(random.Next(-30, 30));
            }
        }

        /// <summary>A PEP meeting soon after the start (or the third birthday), then one a term.</summary>
        private void RecordPepMeetings(DateOnly start, bool shortBreaks)
        {
            if (shortBreaks && random.NextDouble() < 0.5)
            {
                return;
            }

            var third = _child.DateOfBirth.AddYears(3);
            var from = third > start ? third : start;
            var on = from.AddDays(random.Next(5, 40));
            var stopAt = random.NextDouble() < 0.1 ? today.AddDays(-random.Next(120, 300)) : today;
            while (on <= stopAt)
            {
                Record(new CareEventDraft(CareEventKind.PepMeeting, on, null, null, null, null));
                on = on.AddDays(random.Next(80, 130));
            }
        }

        /// <summary>The leaving-care needs assessment for most children who became eligible (16, and 13 weeks in care since 14).</summary>
        private void RecordNeedsAssessment(DateOnly start)
        {
            var fourteenth = _child.DateOfBirth.AddYears(14);
            var counted = start > fourteenth ? start : fourteenth;
            var eligible = counted.AddDays(91);
            var sixteenth = _child.DateOfBirth.AddYears(16);
            eligible = eligible > sixteenth ? eligible : sixteenth;
            var on = eligible.AddDays(random.Next(0, 100));
            if (on <= today && random.NextDouble() < 0.7)
            {
                Record(new CareEventDraft(CareEventKind.NeedsAssessment, on, null, null, null, null));
            }
        }

        /// <summary>A first plan for most children, then a new version for some moves and reviews, 3 at most.</summary>
        private void MakeCarePlans(DateOnly start, List<DateOnly> placementStarts, List<DateOnly> reviews)
        {
            if (random.NextDouble() < 0.08)
            {
                return;
            }

            var days = new List<(DateOnly On, bool Contact)> { (start.AddDays(random.Next(0, 20)), false) };
            days.AddRange(placementStarts.Skip(1).Where(_ => random.NextDouble() < 0.7).Select(p => (p.AddDays(random.Next(0, 10)), false)));
            if (reviews.Count > 0 && random.NextDouble() < 0.3)
            {
                days.Add((reviews[random.Next(reviews.Count)], true));
            }

            var placementPlan = 0;
            var contact = Contact;
            foreach (var (on, changesContact) in days.OrderBy(d => d.On).Take(3))
            {
                if (on > today)
                {
                    break;
                }

                // A plan made for a move rewrites the placement plan; one made at a review changes contact.
                placementPlan = changesContact && _child.CarePlans.Count > 0 ? placementPlan : placementPlan + 1;
                contact = changesContact ? (contact == Contact ? ContactChanged : Contact) : contact;
                var sections = new Dictionary<CarePlanSection, string?>
                {
                    [CarePlanSection.Permanence] = Permanence,
                    [CarePlanSection.HealthPlan] = Health,
                    [CarePlanSection.PersonalEducationPlan] = Education,
                    [CarePlanSection.Contact] = contact,
                    [CarePlanSection.PlacementPlan] = s_placementPlans[placementPlan],
                    [CarePlanSection.ChildsWishesAndFeelings] = Wishes,
                };
                var permanence = _child.AgeOn(on) < 5 ? PermanenceOption.ADOPTION
                    : _child.CurrentEpisode!.LegalStatus == LegalStatus.V2 ? PermanenceOption.RETURN6M : PermanenceOption.LTFOST18;
                _child.ChangeCarePlan(new CarePlanDraft([permanence], sections, null), By, on, rules);
            }
        }

        private void Record(CareEventDraft draft)
        {
            if (!_eventDays.TryGetValue(draft.Kind, out var taken))
            {
                _eventDays[draft.Kind] = taken = [];
            }

            if (taken.Add(draft.On.DayNumber))
            {
                _child.RecordCareEvent(draft, By, today, rules);
            }
        }

        private T Pick<T>(IReadOnlyList<T> options, Func<T, int> weight)
        {
            var total = options.Sum(weight);
            var roll = random.Next(total);
            foreach (var option in options)
            {
                roll -= weight(option);
                if (roll < 0)
                {
                    return option;
                }
            }

            return options[^1];
        }
    }
}
