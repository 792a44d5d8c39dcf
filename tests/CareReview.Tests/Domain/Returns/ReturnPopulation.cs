using System.Globalization;
using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;

namespace CareReview.Tests.Domain.Returns;

/// <summary>
/// A council's worth of children for the return and Annex A tests, played forward from a seed through the
/// domain's own methods, so they obey the rules that children typed in obey: periods of care since 2019 with
/// moves and changes of legal status, some children leaving care and a few coming back, short breaks,
/// reviews (most on time, some late, children under 4 always PN0), what the return asks beyond the episode
/// codes, visits, health assessments and dental checks, care plans, and social workers in teams. The same
/// seed and day always give the same children. It uses the domain alone: the domain tests may not use the
/// web project's demo council.
/// </summary>
internal sealed class ReturnPopulation
{
    public const int ChildCount = 320;

    private static readonly string[] s_teams = ["Riverside", "Hillcrest", "Northgate", "Eastfield"];

    private static readonly Ethnicity[] s_ethnicities =
    [
        Ethnicity.WBRI, Ethnicity.WBRI, Ethnicity.WBRI, Ethnicity.WBRI, Ethnicity.WBRI, Ethnicity.WBRI, Ethnicity.WOTH, Ethnicity.WROM,
        Ethnicity.MWBC, Ethnicity.MWBA, Ethnicity.MWAS, Ethnicity.MOTH, Ethnicity.AIND, Ethnicity.APKN, Ethnicity.ABAN, Ethnicity.AOTH,
        Ethnicity.BCRB, Ethnicity.BAFR, Ethnicity.BOTH, Ethnicity.CHNE, Ethnicity.OOTH, Ethnicity.NOBT,
    ];

    private static readonly ReasonForPlacementChange[] s_moveReasons =
    [
        ReasonForPlacementChange.CARPL, ReasonForPlacementChange.CARPL, ReasonForPlacementChange.CARPL,
        ReasonForPlacementChange.CREQB, ReasonForPlacementChange.CREQO, ReasonForPlacementChange.CHILD,
        ReasonForPlacementChange.STAND, ReasonForPlacementChange.LAREQ, ReasonForPlacementChange.CLOSE,
    ];

    // Real West Yorkshire districts with made-up units, as the DfE's postcode rules expect real districts.
    private static readonly string[] s_homeDistricts = ["LS6", "LS7", "LS8", "LS9", "LS10", "LS11", "LS12", "LS13", "LS14", "LS15"];
    private static readonly string[] s_awayDistricts = ["BD3", "BD7", "WF1", "WF3", "HX1", "HD1", "YO24", "M14"];

    // Postcode units never use C, I, K, M, O or V.
    private const string UnitLetters = "ABDEFGHJLNPQRSTUWXYZ";

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly Rulebook _rules;
    private readonly List<StaffMember> _socialWorkers;

    private DateOnly _lastVisit;
    private DateOnly _lastHealth;
    private DateOnly _lastDental;

    private ReturnPopulation(int seed, DateOnly today, Rulebook rules)
    {
        _random = new Random(seed);
        _today = today;
        _rules = rules;
        _socialWorkers = [.. s_teams.SelectMany(team =>
        {
            var t = new Team(team);
            return new[] { new StaffMember($"{team} Worker A", StaffRole.SocialWorker, team: t), new StaffMember($"{team} Worker B", StaffRole.SocialWorker, team: t) };
        })];
    }

    /// <summary>Children as they stand on <paramref name="today"/>, local ids CR1000 onwards.</summary>
    public static IReadOnlyList<Child> Build(int seed, DateOnly today, Rulebook rules) =>
        new ReturnPopulation(seed, today, rules).Children();

    private List<Child> Children() => [.. Enumerable.Range(0, ChildCount).Select(NewChild)];

    private Child NewChild(int i)
    {
        // Few babies, most aged 10 to 17, as in the national looked-after population.
        var age = _random.NextDouble() switch
        {
            < 0.05 => 0,
            < 0.20 => _random.Next(1, 5),
            < 0.38 => _random.Next(5, 10),
            < 0.76 => _random.Next(10, 16),
            _ => _random.Next(16, 18),
        };
        var dateOfBirth = _today.AddYears(-age).AddDays(-_random.Next(0, 365));
        var sex = _random.NextDouble() < 0.56 ? Sex.M : Sex.F;
        var child = new Child($"CR{(1000 + i).ToString(CultureInfo.InvariantCulture)}", sex == Sex.M ? "Sam" : "Alex", "Taylor", dateOfBirth, sex);
        PlayCareHistory(child);
        FillReturnDetails(child);
        if (child.IsLookedAfter && _random.NextDouble() < 0.9)
        {
            WriteCarePlan(child);
        }

        return child;
    }

    /// <summary>Reviews as they fall due, moves and changes of legal status between them, and for some, leaving care.</summary>
    private void PlayCareHistory(Child child)
    {
        var earliest = Max(new DateOnly(2019, 1, 7), child.DateOfBirth.AddDays(3));
        var start = earliest.AddDays((int)((_today.DayNumber - earliest.DayNumber) * Math.Pow(_random.NextDouble(), 1.3)));
        start = Max(Min(start, _today.AddDays(-5)), child.DateOfBirth);

        var shortBreaks = _random.NextDouble() < 0.03 && child.AgeOn(start) >= 5;
        var legal = shortBreaks ? LegalStatus.V3 : InitialLegalStatus(child.AgeOn(start));
        child.BecomeLookedAfter(start, legal, PlacementFor(child.AgeOn(start), legal), CategoryOfNeedFor(shortBreaks), _today, _rules);
        child.Allocate(null, Pick(_socialWorkers), _today, _rules, start);
        StartPeriod(start);

        var leavesOn = _random.NextDouble() < 0.14 ? start.AddDays(_random.Next(60, 900)) : (DateOnly?)null;
        var day = start;
        var nextMove = day.AddDays(_random.Next(90, 700));
        while (true)
        {
            var due = child.NextReviewDue(_rules)!.DueOn;
            var heldOn = _random.NextDouble() < 0.12 ? due.AddDays(_random.Next(1, 35)) : due.AddDays(-_random.Next(0, 15));
            heldOn = Max(heldOn, day.AddDays(1));
            var next = Min(heldOn, nextMove);
            if (leavesOn is { } leaving && leaving <= next && leaving <= _today)
            {
                RecordEventsUpTo(child, leaving);
                child.CeaseToBeLookedAfter(leaving, LeavingReason(child.AgeOn(leaving)), _today, _rules);
                var returnsOn = leaving.AddDays(_random.Next(60, 400));
                if (_random.NextDouble() > 0.3 || returnsOn > _today.AddDays(-10) || child.AgeOn(returnsOn) >= 17)
                {
                    return;
                }

                // A new period of care: the review sequence starts again at the first review.
                child.BecomeLookedAfter(returnsOn, LegalStatus.V2, PlacementFor(child.AgeOn(returnsOn), LegalStatus.V2),
                    child.Episodes[0].CategoryOfNeed, _today, _rules);
                StartPeriod(returnsOn);
                leavesOn = null;
                day = returnsOn;
                nextMove = day.AddDays(_random.Next(90, 700));
                continue;
            }

            if (next > _today)
            {
                RecordEventsUpTo(child, _today);
                return;
            }

            RecordEventsUpTo(child, next);
            if (next == nextMove && nextMove < heldOn)
            {
                MoveOrChangeStatus(child, nextMove);
                day = nextMove;
                nextMove = day.AddDays(_random.Next(120, 900));
                continue;
            }

            child.RecordReviewHeld(heldOn, ParticipationFor(child, heldOn), _today, _rules);
            day = heldOn;
        }
    }

    private void StartPeriod(DateOnly start)
    {
        _lastVisit = start;
        _lastHealth = start.AddDays(-_random.Next(1, 60));
        _lastDental = start.AddDays(-_random.Next(1, 200));
    }

    /// <summary>Visits about every six weeks (a few without seeing the child), and a health assessment and dental check a year.</summary>
    private void RecordEventsUpTo(Child child, DateOnly until)
    {
        while (_lastVisit.AddDays(42) <= until)
        {
            _lastVisit = _lastVisit.AddDays(_random.Next(14, 43));
            var seen = _random.NextDouble() < 0.92;
            var alone = seen && _random.NextDouble() < 0.9;
            child.RecordCareEvent(new CareEventDraft(CareEventKind.Visit, _lastVisit, seen, seen ? alone : null,
                seen && !alone ? "The child asked for the carer to stay" : null, null), "Social worker", _today, _rules);
        }

        while (_lastHealth.AddYears(1) <= until)
        {
            _lastHealth = _lastHealth.AddYears(1).AddDays(-_random.Next(0, 30));
            child.RecordCareEvent(new CareEventDraft(CareEventKind.HealthAssessment, _lastHealth, null, null, null, null), "Nurse", _today, _rules);
        }

        while (_lastDental.AddYears(1) <= until)
        {
            _lastDental = _lastDental.AddYears(1).AddDays(-_random.Next(0, 60));
            child.RecordCareEvent(new CareEventDraft(CareEventKind.DentalCheck, _lastDental, null, null, null, null), "Carer", _today, _rules);
        }
    }

    private void MoveOrChangeStatus(Child child, DateOnly on)
    {
        var current = child.CurrentEpisode!;
        if (_random.NextDouble() < 0.2)
        {
            // Social workers move on: a new worker, sometimes in another team.
            child.Allocate(null, Pick(_socialWorkers.Where(s => s != child.SocialWorker).ToList()), _today, _rules, on);
        }

        if (current.LegalStatus.IsShortBreak())
        {
            return;
        }

        var age = child.AgeOn(on);
        if (current.LegalStatus is LegalStatus.C1 or LegalStatus.L1 or LegalStatus.L2 && _random.NextDouble() < 0.7)
        {
            var legal = age < 5 && _random.NextDouble() < 0.3 ? LegalStatus.E1 : LegalStatus.C2;
            child.ChangeEpisode(on, legal, PlacementMove.None, current.PlacementType, null, _today, _rules);
            return;
        }

        var placement = PlacementFor(age, current.LegalStatus);
        var move = placement == current.PlacementType || _random.NextDouble() < 0.85 ? PlacementMove.NewCarers : PlacementMove.SameCarers;
        child.ChangeEpisode(on, current.LegalStatus, move, placement,
            placement.IsTemporary() || current.PlacementType.IsTemporary() ? null : Pick(s_moveReasons), _today, _rules);
    }

    /// <summary>What the return asks beyond the episode codes, and each placement's provider, postcodes and URN.</summary>
    private void FillReturnDetails(Child child)
    {
        var isGirl = child.Sex == Sex.F;
        var ageNow = child.AgeOn(_today);
        var isMother = isGirl && ageNow >= 15 && _random.NextDouble() < 0.04;
        var shortBreaksOnly = child.Episodes.All(e => e.LegalStatus.IsShortBreak());
        var uasc = !isGirl && ageNow >= 15 && !shortBreaksOnly && _random.NextDouble() < 0.12;
        child.RecordReturnDetails(new ChildReturnDetails(
            Ethnicity: uasc ? Pick([Ethnicity.BAFR, Ethnicity.AOTH, Ethnicity.OOTH]) : Pick(s_ethnicities),
            Upn: child.AgeOn(child.Episodes[0].StartedOn) < 5 && ageNow < 5 ? "UN1" : Upn(),
            // SSDA903 rule 399: MOTHER is blank when every episode is a short break, and MC_DOB is asked only with it (rule 174).
            IsMother: isGirl && !shortBreaksOnly ? isMother : null,
            MothersChildBornOn: isMother && !shortBreaksOnly ? _today.AddDays(-_random.Next(30, 400)) : null,
            HasDisability: shortBreaksOnly || child.Episodes[0].CategoryOfNeed == CategoryOfNeed.N2 || _random.NextDouble() < 0.08,
            IsUasc: uasc,
            UascCeasedOn: null), _today);

        var home = Postcode(s_homeDistricts);
        PlacementDetails? previous = null;
        foreach (var episode in child.Episodes.OrderBy(e => e.StartedOn))
        {
            if (episode.ReasonForNewEpisode == ReasonForNewEpisode.S)
            {
                home = Postcode(s_homeDistricts);
            }

            // A change of legal status alone keeps the placement (SSDA903 rule 434).
            child.CorrectPlacement(episode, episode.ReasonForNewEpisode == ReasonForNewEpisode.L && previous is not null
                ? previous
                : Placement(episode.PlacementType, home));
            previous = episode.Placement;
        }
    }

    private PlacementDetails Placement(PlacementType type, string home)
    {
        var provider = type.ProviderNotRequired() ? (PlacementProvider?)null : type switch
        {
            PlacementType.P1 => PlacementProvider.PR0,
            PlacementType.K1 or PlacementType.K2 or PlacementType.K3 or PlacementType.S1 =>
                _random.NextDouble() < 0.7 ? PlacementProvider.PR4 : PlacementProvider.PR1,
            PlacementType.U4 or PlacementType.U5 or PlacementType.U6 =>
                _random.NextDouble() < 0.55 ? PlacementProvider.PR1 : PlacementProvider.PR4,
            _ => PlacementProvider.PR1,
        };
        var placement = type == PlacementType.P1 ? home : Postcode(_random.NextDouble() < 0.75 ? s_homeDistricts : s_awayDistricts);
        while (placement == home && type != PlacementType.P1)
        {
            placement = Postcode(s_homeDistricts);
        }

        var urn = type.UrnNotRequired() ? null : $"SC{_random.Next(100000, 1000000)}";
        return new PlacementDetails(provider, home, placement, urn);
    }

    /// <summary>A first plan soon after the current period began, and for some a second version since.</summary>
    private void WriteCarePlan(Child child)
    {
        var period = child.CurrentPeriodStart()!.Value;
        var first = Min(period.AddDays(_random.Next(0, 20)), _today);
        var shortBreaks = child.CurrentEpisode!.LegalStatus.IsShortBreak();
        PermanenceOption[] options = shortBreaks ? [PermanenceOption.REMAINSUP]
            : child.AgeOn(_today) >= 16 ? [PermanenceOption.SUPPLIV, PermanenceOption.LTFOST18]
            : [Pick([PermanenceOption.RETURN6M, PermanenceOption.LTFOST18, PermanenceOption.LTRELFR, PermanenceOption.ADOPTION])];
        child.ChangeCarePlan(new CarePlanDraft(options, Sections("first"), null), "Social worker", first, _rules);
        if (!shortBreaks && _random.NextDouble() < 0.4 && first.AddDays(30) <= _today)
        {
            var later = first.AddDays(_random.Next(30, _today.DayNumber - first.DayNumber + 1));
            child.ChangeCarePlan(new CarePlanDraft([PermanenceOption.LTFOST18], Sections("revised"), "Reviewed"), "Social worker", later, _rules);
        }
    }

    private static Dictionary<CarePlanSection, string?> Sections(string version) =>
        Enum.GetValues<CarePlanSection>().ToDictionary(s => s, s => (string?)$"The {version} {s} part of the plan");

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

    private ParticipationCode? ParticipationFor(Child child, DateOnly heldOn)
    {
        if (child.CurrentEpisode!.LegalStatus.IsShortBreak())
        {
            return null;
        }

        var age = child.AgeOn(heldOn);
        return age < 4 ? ParticipationCode.PN0
            : _random.NextDouble() < (age < 10 ? 0.35 : age < 13 ? 0.50 : age < 16 ? 0.65 : 0.80)
                ? Pick([ParticipationCode.PN1, ParticipationCode.PN1, ParticipationCode.PN1, ParticipationCode.PN2, ParticipationCode.PN3, ParticipationCode.PN4])
                : Pick([ParticipationCode.PN5, ParticipationCode.PN6, ParticipationCode.PN6, ParticipationCode.PN7]);
    }

    // A made-up UPN of the right shape: a letter (not I, O or S) and 12 digits.
    private string Upn()
    {
        const string letters = "ABCDEFGHJKLMNPQRTUVWXYZ";
        var digits = string.Concat(Enumerable.Range(0, 12).Select(_ => (char)('0' + _random.Next(10))));
        return letters[_random.Next(letters.Length)] + digits;
    }

    private string Postcode(string[] districts) =>
        $"{Pick(districts)} {_random.Next(1, 10)}{UnitLetters[_random.Next(UnitLetters.Length)]}{UnitLetters[_random.Next(UnitLetters.Length)]}";

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
