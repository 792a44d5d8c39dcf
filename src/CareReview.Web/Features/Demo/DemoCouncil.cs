using System.Globalization;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Web.Authorization;

namespace CareReview.Web.Features.Demo;

/// <summary>
/// A synthetic council, generated from a seed: the same seed and the same day always give the same
/// people, episodes and reviews. Care histories are played forward through the domain's own methods,
/// so the data obeys the same rules as data typed in, and the review clock is the real one.
/// </summary>
public sealed class DemoCouncil
{
    public const int ChildCount = 320;

    private static readonly string[] s_girls =
    [
        "Amelia", "Ava", "Chloe", "Daisy", "Ella", "Evie", "Freya", "Grace", "Hannah", "Isla", "Jasmine", "Layla",
        "Leah", "Lily", "Maisie", "Maya", "Mia", "Nadia", "Olivia", "Poppy", "Rosie", "Ruby", "Sofia", "Zara",
        "Aisha", "Amira", "Bethany", "Courtney", "Demi", "Esme", "Holly", "Imani", "Kayla", "Megan", "Niamh", "Tia",
    ];

    private static readonly string[] s_boys =
    [
        "Adam", "Alfie", "Archie", "Ben", "Callum", "Charlie", "Dylan", "Ethan", "Finley", "George", "Harry", "Isaac",
        "Jack", "Jacob", "Jayden", "Kai", "Kian", "Leo", "Liam", "Logan", "Mason", "Max", "Noah", "Oliver", "Oscar",
        "Reece", "Riley", "Ryan", "Sam", "Theo", "Tyler", "Yusuf", "Zain", "Mohammed", "Kacper", "Tomasz",
    ];

    private static readonly string[] s_familyNames =
    [
        "Ahmed", "Atkinson", "Bailey", "Barnes", "Begum", "Bennett", "Brooks", "Carter", "Clarke", "Collins", "Cooper",
        "Davies", "Dawson", "Edwards", "Evans", "Fisher", "Foster", "Gray", "Green", "Hall", "Harris", "Hughes", "Hussain",
        "Jackson", "James", "Johnson", "Kaur", "Kelly", "Khan", "King", "Kowalski", "Lee", "Lewis", "Marshall", "Mason",
        "Mitchell", "Moore", "Morgan", "Murphy", "Nowak", "Owen", "Palmer", "Parker", "Patel", "Phillips", "Price",
        "Reid", "Richards", "Roberts", "Robinson", "Russell", "Shaw", "Simpson", "Singh", "Smith", "Taylor", "Thomas",
        "Thompson", "Turner", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wood", "Wright", "Young",
    ];

    private static readonly string[] s_teamNames = ["Riverside", "Hillcrest", "Northgate", "Eastfield"];

    private static readonly (string Action, string Role, string Monitoring)[] s_actions =
    [
        ("Arrange a personal education plan meeting with the designated teacher", "Social worker", "PEP minutes sent to the IRO"),
        ("Complete the review health assessment", "Looked-after children's nurse", "Health assessment report on the file"),
        ("Refer to the advocacy service so an advocate can help with the next review", "Social worker", "Advocate confirms the first visit"),
        ("Agree a written contact plan with mum and share it with the carers", "Social worker", "Contact plan on the file and sent to the IRO"),
        ("Start life-story work sessions", "Social worker", "Social worker updates the IRO after the third session"),
        ("Book a dental check-up", "Foster carer", "Carer tells the social worker the date it took place"),
        ("Update the care plan to show the permanence plan agreed at this review", "Social worker", "Updated care plan sent to the IRO"),
        ("Convene a permanence planning meeting", "Team manager", "Meeting notes sent to the IRO"),
        ("Arrange a visit with brothers and sisters placed elsewhere", "Social worker", "Visit recorded on the file"),
        ("Confirm the school transport arrangements for next term", "Virtual school head", "Email confirmation to the social worker"),
        ("Apply for a passport so the holiday abroad can go ahead", "Social worker", "Passport application reference sent to the IRO"),
        ("Meet the child alone before the next review", "IRO", "Date recorded on the review preparation checklist"),
    ];

    private static readonly (string Action, string Role, string Monitoring)[] s_olderActions =
    [
        ("Start the pathway plan needs assessment", "Social worker", "Needs assessment on the file"),
        ("Talk through Staying Put with the young person and the carers", "Social worker", "Views recorded for the next review"),
        ("Open a bank account and arrange a weekly allowance", "Personal adviser", "Confirmed at the next review"),
    ];

    private static readonly string[] s_wishes =
    [
        "Happy where they live and wants to stay. Would like more time with friends after school.",
        "Misses mum and wants to see her more often. Likes the new school.",
        "Does not want to change school. Wants to choose their own clothes.",
        "Wants to learn to cook and to get a Saturday job.",
        "Unhappy about contact being cancelled twice; wants to know why.",
    ];

    private static readonly string[] s_iroViews =
    [
        "The plan is meeting the child's needs. Contact needs to be more reliable.",
        "Good progress since the last review. The permanence plan should be confirmed without delay.",
        "The placement is stable. Health and education plans are up to date.",
        "Some drift since the last review; the actions below must be completed before the next one.",
    ];

    private static readonly string[] s_doneNotes =
    [
        "Done; notes are on the file.", "Completed and shared with the IRO.", "Meeting held; minutes sent.", "Done and confirmed with the carers.",
    ];

    private static readonly string[] s_progressNotes =
    [
        "Date booked; waiting for the school to confirm.", "First session held; two more planned.", "Referral sent; awaiting a reply.",
    ];

    private static readonly string[] s_venues = ["Foster home", "School, after lessons", "Children's home", "Council offices, room 2", "Video call"];

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly Rulebook _rules;
    private int _nextLocalId = 100001;

    public List<Team> Teams { get; } = [];
    public List<StaffMember> Staff { get; } = [];
    public List<Child> Children { get; } = [];

    private DemoCouncil(int seed, DateOnly today, Rulebook rules)
    {
        _random = new Random(seed);
        _today = today;
        _rules = rules;
    }

    public static DemoCouncil Generate(int seed, DateOnly today, Rulebook rules)
    {
        var council = Staffed(seed, today, rules);
        council.AddChildren();
        return council;
    }

    /// <summary>
    /// The council's teams and staff only. Save them before <see cref="AddChildren"/> when the
    /// recommendations must name their owners' saved staff ids.
    /// </summary>
    public static DemoCouncil Staffed(int seed, DateOnly today, Rulebook rules)
    {
        var council = new DemoCouncil(seed, today, rules);
        council.AddStaff();
        return council;
    }

    /// <summary>The staff member behind each demo sign-in: the first of each role.</summary>
    public StaffMember? DemoStaffFor(string role) => role switch
    {
        Roles.Iro => Staff.First(s => s.Role == StaffRole.Iro),
        Roles.IroManager => Staff.First(s => s.Role == StaffRole.IroManager),
        Roles.SocialWorker => Staff.First(s => s.Role == StaffRole.SocialWorker),
        Roles.TeamManager => Staff.First(s => s.Role == StaffRole.TeamManager),
        _ => null,
    };

    private void AddStaff()
    {
        var usedNames = new HashSet<string>();
        string AdultName()
        {
            while (true)
            {
                var given = Pick(_random.Next(2) == 0 ? s_girls : s_boys);
                var name = $"{given} {Pick(s_familyNames)}";
                if (usedNames.Add(name))
                {
                    return name;
                }
            }
        }

        foreach (var teamName in s_teamNames)
        {
            var team = new Team($"{teamName} children in care team");
            Teams.Add(team);
            Staff.Add(new StaffMember(AdultName(), StaffRole.TeamManager, 1m, team));
            for (var i = 0; i < 5; i++)
            {
                Staff.Add(new StaffMember(AdultName(), StaffRole.SocialWorker, i == 4 ? 0.6m : 1m, team));
            }
        }

        Staff.Add(new StaffMember(AdultName(), StaffRole.IroManager));
        decimal[] iroFte = [1m, 1m, 1m, 0.8m, 0.6m, 1m];
        foreach (var fte in iroFte)
        {
            Staff.Add(new StaffMember(AdultName(), StaffRole.Iro, fte));
        }
    }

    public void AddChildren()
    {
        var iros = Staff.Where(s => s.Role == StaffRole.Iro).ToList();
        var socialWorkers = Staff.Where(s => s.Role == StaffRole.SocialWorker).ToList();

        // Weight allocation by FTE, with the first IRO a little over the band so the caseload page has a story.
        var iroWeights = iros.Select((iro, i) => (double)iro.Fte * (i == 0 ? 1.25 : 1.0)).ToArray();
        var swWeights = socialWorkers.Select(sw => (double)sw.Fte).ToArray();

        for (var i = 0; i < ChildCount; i++)
        {
            var child = NewChild();
            var iro = Weighted(iros, iroWeights);
            var socialWorker = Weighted(socialWorkers, swWeights);
            PlayCareHistory(child, iro, socialWorker);
            if (!child.IsLookedAfter && _random.NextDouble() < 0.5)
            {
                // Some children who left care are kept on the IRO's record but are no longer allocated.
                child.Allocate(null, child.SocialWorker, child.Episodes.Max(e => e.EndedOn));
            }

            Children.Add(child);
        }
    }

    private Child NewChild()
    {
        // Ages at today roughly follow the national looked-after population: few babies, most aged 10–17.
        var age = WeightedAge();
        var dateOfBirth = _today.AddYears(-age).AddDays(-_random.Next(0, 365));
        var sex = _random.NextDouble() < 0.56 ? Sex.M : Sex.F;
        var given = Pick(sex == Sex.M ? s_boys : s_girls);
        var localId = $"CR{_nextLocalId++.ToString(CultureInfo.InvariantCulture)}";
        return new Child(localId, given, Pick(s_familyNames), dateOfBirth, sex);
    }

    private int WeightedAge()
    {
        var roll = _random.NextDouble();
        return roll switch
        {
            < 0.05 => 0,
            < 0.20 => _random.Next(1, 5),
            < 0.38 => _random.Next(5, 10),
            < 0.76 => _random.Next(10, 16),
            _ => _random.Next(16, 18),
        };
    }

    /// <summary>
    /// Plays a child's care forward from the day they became looked after to today: placement moves,
    /// legal status changes, reviews (mostly on time, some late, a few still overdue) and, for some,
    /// leaving care and sometimes coming back.
    /// </summary>
    private void PlayCareHistory(Child child, StaffMember iro, StaffMember socialWorker)
    {
        PlayEpisodesAndReviews(child, iro, socialWorker);
        FinishRecommendations(child);
        if (child.IsLookedAfter)
        {
            ArrangeNextReview(child);
        }
    }

    private void PlayEpisodesAndReviews(Child child, StaffMember iro, StaffMember socialWorker)
    {
        var earliest = Max(new DateOnly(2019, 1, 7), child.DateOfBirth.AddDays(3));
        var spanDays = _today.DayNumber - earliest.DayNumber;
        var start = earliest.AddDays((int)(spanDays * Math.Pow(_random.NextDouble(), 1.3)));
        start = Min(start, _today.AddDays(-5));
        if (start < child.DateOfBirth)
        {
            start = child.DateOfBirth;
        }

        var shortBreaks = _random.NextDouble() < 0.03 && child.AgeOn(start) >= 5;
        var legal = shortBreaks ? LegalStatus.V3 : InitialLegalStatus(child.AgeOn(start));
        child.BecomeLookedAfter(start, legal, PlacementFor(child.AgeOn(start), legal), CategoryOfNeedFor(shortBreaks), start, _rules);
        child.Allocate(iro, socialWorker, start);

        var leavesOn = _random.NextDouble() < 0.14 ? start.AddDays(_random.Next(60, 900)) : (DateOnly?)null;
        var neglectful = _random.NextDouble() < 0.07;
        var day = start;
        var nextMove = day.AddDays(_random.Next(90, 700));
        while (true)
        {
            var due = child.NextReviewDue(_rules)!;
            var late = _random.NextDouble() < 0.12;
            var heldOn = late ? due.DueOn.AddDays(_random.Next(1, 35)) : due.DueOn.AddDays(-_random.Next(0, 15));
            heldOn = Max(heldOn, day);
            var next = Min(heldOn, nextMove);
            if (leavesOn is { } leaving && leaving <= next && leaving <= _today)
            {
                child.CeaseToBeLookedAfter(leaving, LeavingReason(child.AgeOn(leaving)), _today, _rules);
                var returnsOn = leaving.AddDays(_random.Next(60, 400));
                if (_random.NextDouble() > 0.3 || returnsOn > _today.AddDays(-10) || child.AgeOn(returnsOn) >= 17)
                {
                    return;
                }

                // A new period of care: the review sequence starts again at the first review.
                child.BecomeLookedAfter(returnsOn, LegalStatus.V2, PlacementFor(child.AgeOn(returnsOn), LegalStatus.V2),
                    child.Episodes[0].CategoryOfNeed, _today, _rules);
                leavesOn = null;
                day = returnsOn;
                nextMove = day.AddDays(_random.Next(90, 700));
                continue;
            }

            if (next > _today || (neglectful && next > _today.AddDays(-60)))
            {
                // Stop here: reviews still to come, or (for a few children) a review that has been missed.
                return;
            }

            if (next == nextMove && nextMove < heldOn)
            {
                MoveOrChangeStatus(child, nextMove);
                day = nextMove;
                nextMove = day.AddDays(_random.Next(120, 900));
                continue;
            }

            HoldReview(child, heldOn);
            day = heldOn;
        }
    }

    /// <summary>
    /// Holds a review as an IRO would record it: what was said, two to four SMART recommendations, and
    /// the decisions and record sent out (mostly on time). Whatever the last review asked for is done
    /// first, most of it on time and some late.
    /// </summary>
    private void HoldReview(Child child, DateOnly heldOn)
    {
        foreach (var open in child.Recommendations.Where(r => r.IsOpen).ToList())
        {
            var onTime = _random.NextDouble() < 0.75 && open.DueOn < heldOn;
            var from = onTime ? MadeOn(child, open).AddDays(1) : open.DueOn.AddDays(1);
            var to = Min(onTime ? open.DueOn : heldOn.AddDays(-1), _today);
            open.Complete(Between(from, to), Pick(s_doneNotes), open.OwnerName, _today);
        }

        var participation = ParticipationFor(child, heldOn);
        var record = new ReviewRecord(heldOn, participation,
            $"{child.GivenName}; {child.SocialWorker?.Name}, social worker; {child.Iro?.Name}, IRO; foster carer",
            Pick(s_wishes), "Mother sent her views by email; she supports the plan.", Pick(s_iroViews),
            new Dictionary<int, string> { [4] = "Contact is going well and continues as planned.", [6] = "Settled at school; PEP up to date." },
            null);
        var drafts = Enumerable.Range(0, _random.Next(2, 5)).Select(_ => RecommendationFor(child, heldOn)).ToList();
        var review = child.RecordReview(record, drafts, [], child.Iro?.Name ?? "IRO", _today, _rules);
        review.WriteLetterToChild(Reviews.ChildLetter.Draft(child, heldOn, drafts, child.NextReviewDueOn, child.Iro?.Name));

        var decisionsOn = _rules.Calendar.AddWorkingDays(heldOn, _random.NextDouble() < 0.85 ? _random.Next(1, 6) : _random.Next(6, 12));
        if (decisionsOn <= _today)
        {
            review.IssueDecisions(decisionsOn, _today);
        }

        var recordOn = _rules.Calendar.AddWorkingDays(heldOn, _random.NextDouble() < 0.8 ? _random.Next(8, 21) : _random.Next(21, 35));
        if (recordOn <= _today)
        {
            review.IssueRecord(recordOn, _today);
        }
    }

    private RecommendationDraft RecommendationFor(Child child, DateOnly heldOn)
    {
        var (action, role, monitoring) = Pick(child.AgeOn(heldOn) >= 15 ? [.. s_actions, .. s_olderActions] : s_actions);
        var dueOn = heldOn.AddDays(7 * _random.Next(2, 11));
        var owner = role switch
        {
            "Social worker" => child.SocialWorker,
            "IRO" => child.Iro,
            "Team manager" => Staff.FirstOrDefault(s => s.Role == StaffRole.TeamManager && s.Team is not null && s.Team == child.SocialWorker?.Team),
            _ => null,
        };
        return new RecommendationDraft(action, owner?.Name ?? $"{Pick(s_girls)} {Pick(s_familyNames)}", role, owner?.Id, dueOn, monitoring);
    }

    /// <summary>Recommendations from the latest review: some done, some overdue, some with progress noted.</summary>
    private void FinishRecommendations(Child child)
    {
        foreach (var open in child.Recommendations.Where(r => r.IsOpen).ToList())
        {
            var made = MadeOn(child, open);
            if (made >= _today)
            {
                continue;
            }

            if (open.DueOn < _today && _random.NextDouble() < 0.6)
            {
                open.Complete(Between(made.AddDays(1), _today), Pick(s_doneNotes), open.OwnerName, _today);
            }
            else if (_random.NextDouble() < 0.35)
            {
                open.RecordProgress(Between(made.AddDays(1), _today), Pick(s_progressNotes), open.OwnerName, _today);
            }
        }
    }

    /// <summary>Children whose review is close have it arranged, with some of the preparation done.</summary>
    private void ArrangeNextReview(Child child)
    {
        var due = child.NextReviewDueOn!.Value;
        if (due < _today.AddDays(3) || due > _today.AddDays(45) || _random.NextDouble() < 0.25)
        {
            return;
        }

        var on = _rules.Calendar.AddWorkingDays(due, -_random.Next(1, 6));
        if (on < _today.AddDays(1))
        {
            return;
        }

        var review = child.ScheduleReview(new ReviewArrangements(on, new TimeOnly(_random.Next(9, 16), _random.Next(0, 2) * 30),
            Pick(s_venues), $"{child.GivenName}\n{child.SocialWorker?.Name}, social worker\nFoster carer\nBirth mother", null), _today, _rules);
        var consultBy = _rules.Calendar.AddWorkingDays(on, -Review.ConsultationWorkingDays);
        if (consultBy <= _today && _random.NextDouble() < 0.7)
        {
            review.RecordConsultation(Min(consultBy.AddDays(-_random.Next(0, 5)), _today), _today);
        }

        if (_random.NextDouble() < 0.5)
        {
            review.RecordParentsViewsSought(_today.AddDays(-_random.Next(0, 10)), _today);
        }
    }

    private void MoveOrChangeStatus(Child child, DateOnly on)
    {
        var current = child.CurrentEpisode!;
        if (_random.NextDouble() < 0.2 && child.SocialWorker?.Team is { } team)
        {
            // Social workers move on: a new worker in the same team.
            var colleagues = Staff.Where(s => s.Role == StaffRole.SocialWorker && s.Team == team && s != child.SocialWorker).ToList();
            child.Allocate(child.Iro, Pick(colleagues), on);
        }

        var age = child.AgeOn(on);
        if (current.LegalStatus.IsShortBreak())
        {
            return;
        }

        if (current.LegalStatus is LegalStatus.C1 or LegalStatus.L1 or LegalStatus.L2 && _random.NextDouble() < 0.7)
        {
            var legal = age < 5 && _random.NextDouble() < 0.3 ? LegalStatus.E1 : LegalStatus.C2;
            child.ChangeEpisode(on, legal, PlacementMove.None, current.PlacementType, null, _today, _rules);
            return;
        }

        var placement = PlacementFor(age, current.LegalStatus);
        var move = placement == current.PlacementType || _random.NextDouble() < 0.85 ? PlacementMove.NewCarers : PlacementMove.SameCarers;
        ReasonForPlacementChange[] reasons =
        [
            ReasonForPlacementChange.CARPL, ReasonForPlacementChange.CARPL, ReasonForPlacementChange.CARPL,
            ReasonForPlacementChange.CREQB, ReasonForPlacementChange.CREQO, ReasonForPlacementChange.CHILD,
            ReasonForPlacementChange.STAND, ReasonForPlacementChange.LAREQ, ReasonForPlacementChange.CLOSE,
        ];
        child.ChangeEpisode(on, current.LegalStatus, move, placement,
            placement.IsTemporary() || current.PlacementType.IsTemporary() ? null : Pick(reasons), _today, _rules);
    }

    private LegalStatus InitialLegalStatus(int age) => _random.NextDouble() switch
    {
        < 0.35 => LegalStatus.C1,
        < 0.62 => LegalStatus.C2,
        < 0.88 => LegalStatus.V2,
        < 0.92 when age < 5 => LegalStatus.E1,
        < 0.95 => LegalStatus.L2,
        < 0.97 when age >= 10 => LegalStatus.J1,
        _ => LegalStatus.C2,
    };

    private PlacementType PlacementFor(int age, LegalStatus legal)
    {
        if (legal.IsShortBreak())
        {
            return PlacementType.K2;
        }

        if (legal == LegalStatus.E1)
        {
            return Pick([PlacementType.A5, PlacementType.A6, PlacementType.U6]);
        }

        var roll = _random.NextDouble();
        return age switch
        {
            < 10 => roll switch
            {
                < 0.55 => PlacementType.U6,
                < 0.70 => PlacementType.U3,
                < 0.80 => PlacementType.U4,
                < 0.88 => PlacementType.U1,
                < 0.95 => PlacementType.P1,
                _ => PlacementType.R3,
            },
            < 16 => roll switch
            {
                < 0.45 => PlacementType.U6,
                < 0.60 => PlacementType.U4,
                < 0.70 => PlacementType.U3,
                < 0.88 => PlacementType.K2,
                < 0.93 => PlacementType.S1,
                < 0.97 => PlacementType.P1,
                _ => PlacementType.U1,
            },
            _ => roll switch
            {
                < 0.35 => PlacementType.U6,
                < 0.50 => PlacementType.U4,
                < 0.70 => PlacementType.K3,
                < 0.88 => PlacementType.K2,
                < 0.94 => PlacementType.Z12,
                _ => PlacementType.U1,
            },
        };
    }

    private CategoryOfNeed CategoryOfNeedFor(bool shortBreaks) => shortBreaks
        ? CategoryOfNeed.N2
        : _random.NextDouble() switch
        {
            < 0.62 => CategoryOfNeed.N1,
            < 0.75 => CategoryOfNeed.N5,
            < 0.83 => CategoryOfNeed.N4,
            < 0.90 => CategoryOfNeed.N8,
            < 0.94 => CategoryOfNeed.N3,
            < 0.97 => CategoryOfNeed.N2,
            < 0.99 => CategoryOfNeed.N6,
            _ => CategoryOfNeed.N7,
        };

    private ReasonEpisodeCeased LeavingReason(int age) => age switch
    {
        >= 17 => Pick([ReasonEpisodeCeased.E17, ReasonEpisodeCeased.E5, ReasonEpisodeCeased.E4A]),
        < 5 => Pick([ReasonEpisodeCeased.E11, ReasonEpisodeCeased.E12, ReasonEpisodeCeased.E45, ReasonEpisodeCeased.E4A]),
        _ => Pick([ReasonEpisodeCeased.E4A, ReasonEpisodeCeased.E4A, ReasonEpisodeCeased.E41, ReasonEpisodeCeased.E46, ReasonEpisodeCeased.E13]),
    };

    /// <summary>Attendance rises with age, as the study found: about 35% at 5–9, 50% at 10–12, 65% at 13–15, 80% at 16+.</summary>
    private ParticipationCode? ParticipationFor(Child child, DateOnly heldOn)
    {
        if (child.CurrentEpisode!.LegalStatus.IsShortBreak())
        {
            return null;
        }

        var age = child.AgeOn(heldOn);
        if (age < 4)
        {
            return ParticipationCode.PN0;
        }

        var attends = age switch { < 10 => 0.35, < 13 => 0.50, < 16 => 0.65, _ => 0.80 };
        return _random.NextDouble() < attends
            ? Pick([ParticipationCode.PN1, ParticipationCode.PN1, ParticipationCode.PN1, ParticipationCode.PN2, ParticipationCode.PN3, ParticipationCode.PN4])
            : Pick([ParticipationCode.PN5, ParticipationCode.PN6, ParticipationCode.PN6, ParticipationCode.PN7]);
    }

    private static DateOnly MadeOn(Child child, Recommendation recommendation) =>
        child.Reviews.Single(r => r.Recommendations.Contains(recommendation)).HeldOn!.Value;

    /// <summary>A day from <paramref name="from"/> to <paramref name="to"/>; <paramref name="to"/> when the range is empty.</summary>
    private DateOnly Between(DateOnly from, DateOnly to) =>
        from >= to ? to : from.AddDays(_random.Next(0, to.DayNumber - from.DayNumber + 1));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T Weighted<T>(IReadOnlyList<T> items, double[] weights)
    {
        var roll = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < items.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return items[i];
            }
        }

        return items[^1];
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
