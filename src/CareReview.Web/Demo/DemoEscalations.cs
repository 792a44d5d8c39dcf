namespace CareReview.Web.Demo;

/// <summary>
/// The demo council's escalations over the last nine months, each raised by the child's IRO and played
/// forward through the domain's own methods day by day, so every date obeys the same rules as one typed
/// in: every state and outcome, every kind of concern, stages skipped, responses late and on time, a few
/// formal processes that ran past the 20 working days the IRO Handbook expects, and the Cafcass referrals.
/// The children, their reviews and the staff must be saved first: an escalation names them by id.
/// </summary>
internal sealed class DemoEscalations
{
    /// <summary>
    /// What the IRO writes for each kind of concern: what is wrong, what is needed, how it was put right, and
    /// the youngest child it makes sense for (a baby does not ask for an advocate).
    /// </summary>
    private static readonly Dictionary<ConcernCategory, Concern[]> s_concerns = new()
    {
        [ConcernCategory.CarePlanning] =
        [
            new("{name}'s care plan has not been updated since the last review, although {their} placement and contact arrangements have changed. The plan on file no longer describes how {their} needs are met.",
                "An updated care plan, agreed with the team manager and shared with the IRO and the carers.",
                "The updated care plan has been shared with the IRO and the carers."),
            new("There is no up-to-date assessment behind {name}'s care plan. The plan for permanence has not been looked at again since it was first agreed.",
                "A fresh assessment of {name}'s needs and a revised care plan, ready for the next review.",
                "The assessment is done and the revised plan went to the review."),
        ],
        [ConcernCategory.CarePlanImplementation] =
        [
            new("Parts of {name}'s care plan are not happening. The plan says {name} should see {their} brothers every week; it has happened twice in the last two months.",
                "A written timetable for the contact in the plan, and confirmation to the IRO that it is taking place.",
                "Contact is happening every week as the plan says, and the carers have confirmed it."),
            new("The therapeutic support set out in {name}'s care plan has not started, because the referral was never made.",
                "The referral made, and a start date confirmed to the IRO and the carers.",
                "The referral is made and the sessions have started."),
        ],
        [ConcernCategory.Decisions] =
        [
            new("The decision to end {name}'s placement was made without a review and without asking {name}'s views. The IRO was told after notice had been given to the carers.",
                "A review before any move, with {name}'s wishes and feelings recorded and taken into account.",
                "A review was held before any move; {name}'s views are recorded and {name} has been told what was decided.", MinAge: 6),
            new("Contact with {name}'s mother was cut from weekly to monthly without a review or any discussion with the IRO, which goes against the care plan.",
                "The decision looked at again at a review, with the reasons written down and shared with {name}'s family.",
                "The decision was looked at again at a review, and the reasons are recorded and shared with the family."),
        ],
        [ConcernCategory.DriftAndDelay] =
        [
            new("The plan for permanence agreed at an earlier review has not moved on. The assessment of the connected carers has not started and no timescale has been set.",
                "A timetable for the assessment, agreed by the team manager, and the assessment started within 10 working days.",
                "The assessment has started, with a timetable the team manager has agreed."),
            new("Actions agreed at the last review are overdue and the case has drifted. Nobody has explained to {name} why things have not happened.",
                "Each overdue action completed or given a new date with a named person responsible, and {name} told.",
                "The overdue work is done or has firm dates, and {name} has been told what is happening.", MinAge: 6),
        ],
        [ConcernCategory.NoExitPlan] =
        [
            new("{name} has no clear plan for permanence: the care plan does not say where {they} will grow up, or how and when {they} will leave care.",
                "A clear plan for permanence with timescales, presented at a review within 20 working days.",
                "A plan for permanence with timescales was agreed at the review."),
            new("{name} will soon be 18 and there is no pathway plan saying where {they} will live or who will support {them}.",
                "A pathway plan written with {name} and the personal adviser, with housing options identified.",
                "The pathway plan is written with {name}, who has a copy, and a housing option is agreed.", MinAge: 16),
        ],
        [ConcernCategory.NoAllocatedSocialWorker] =
        [
            new("{name} had no allocated social worker for five weeks after {their} worker left. Statutory visits fell overdue and the review was nearly cancelled.",
                "A named social worker allocated, and a statutory visit within 5 working days.",
                "A social worker is allocated, has visited {name} and the visits are back on time."),
            new("{name}'s case was held on the duty system after the last review, and {name} does not know who {their} social worker is.",
                "An allocated social worker who visits {name} and introduces themselves before the next review.",
                "A social worker is allocated and has visited {name}, who now knows who they are.", MinAge: 6),
        ],
        [ConcernCategory.PoorPractice] =
        [
            new("The last three visits did not see {name} alone, and two of the visit records are missing from the file.",
                "Visits that see {name} alone, recorded within 5 working days, and the missing records written up.",
                "The records are up to date and the last two visits saw {name} alone.", MinAge: 6),
            new("The reports for {name}'s review were not shared with {their} parents beforehand, and the carers were not sent the consultation papers.",
                "Reports shared at least 3 working days before each review, and consultation papers sent to the carers and parents.",
                "The reports for the next review went out on time, with the consultation papers."),
        ],
        [ConcernCategory.ChildParticipation] =
        [
            new("{name} asked for an advocate at the last review and no referral has been made, so {name} has had no help to take part.",
                "A referral to the advocacy service, and a meeting between {name} and the advocate before the next review.",
                "{name} has met the advocate, who will help {them} at the next review.", MinAge: 7),
            new("{name}'s wishes about contact have not been recorded or considered in planning, although {name} has raised them with the carers several times.",
                "{name}'s views recorded and answered in writing, in words {name} can understand.",
                "{name}'s views are recorded in the plan and the social worker has answered them with {them}.", MinAge: 7),
        ],
    };

    /// <summary>How a concern about a review's overdue decisions begins, for the kinds of concern that can be about them.</summary>
    private static readonly Dictionary<ConcernCategory, string> s_aboutDecisions = new()
    {
        [ConcernCategory.CarePlanImplementation] = "Decisions from {name}'s last review that put {their} care plan into effect have not been carried out.",
        [ConcernCategory.DriftAndDelay] = "Actions agreed at {name}'s last review are overdue, and no new dates have been set.",
        [ConcernCategory.Decisions] = "The council has not acted on decisions made at {name}'s last review, nor said whether it disagrees with them.",
    };

    /// <summary>The first conversation and the action agreed, with the social worker (0), the team manager (1) or both (2).</summary>
    private static readonly (string[] Conversations, string[] Actions)[] s_conversations =
    [
        (
        [
            "Raised the concern by phone. The social worker agreed it was a problem and said the team's workload had held it up.",
            "Emailed, then spoke to the social worker, who said they would look into it and come back within a week.",
            "Talked it through after the review. The social worker explained the delay but could not give a date.",
        ],
        [
            "The social worker to confirm a date by the end of the week.",
            "The social worker to finish the work before the next supervision.",
            "The social worker to ask the team manager for help with it.",
        ]),
        (
        [
            "Met the team manager to go through the concern. The team manager accepted that the work is overdue.",
            "Spoke to the team manager, who said the team is short of staff and could not say when the work would be done.",
        ],
        [
            "The team manager to look at the case and reply within 5 working days.",
            "None: the team manager said the team cannot take the work on at present.",
            "The team manager to raise it at the service's allocation meeting.",
        ]),
        (
        [
            "Went through the concern with the social worker and the team manager after the review.",
            "Talked it through at a case consultation with the social worker and the team manager.",
        ],
        [
            "The social worker to confirm a date by the end of the week, and the team manager to check it is kept.",
            "The team manager to look at the case and reply within 5 working days.",
        ]),
    ];

    private static readonly string[] s_followUps =
    [
        "Chased by phone: nothing has changed since the last conversation.",
        "Asked again for a date. The work has still not been allocated.",
        "The work has started, but nobody can say when it will be finished.",
    ];

    private static readonly string[] s_responses1 =
    [
        "I accept the concern. The work is allocated to the social worker and will be done within 10 working days; I will confirm to the IRO when it is.",
        "The delay came from sickness in the team. I have moved the work to another worker and will update the IRO every week until it is done.",
        "I do not agree that the plan has drifted: the assessment is under way. I will send the IRO its timetable this week.",
    ];

    private static readonly string[] s_responses2 =
    [
        "I have met the team manager. Extra social work time is agreed and the work will be finished within 10 working days.",
        "I accept the concern. The team manager is putting a recovery plan in place and will report to me every week.",
    ];

    private static readonly string[] s_responses3 =
    [
        "I have gone through the case with the head of service. The funding for the support in the plan is approved from today.",
        "I agree the delay is not acceptable. A senior practitioner will take the case, and I will check progress in two weeks.",
    ];

    private static readonly string[] s_responses4 =
    [
        "I have read the case and the responses at each stage. I have directed that the work is finished and the outcome reported to me.",
        "The council accepts the concern. The assistant director will report to me each week until it is resolved.",
    ];

    private static readonly string[] s_notEnough =
    [
        "The response gives no date, and {name} cannot wait any longer.",
        "The response does not deal with the concern: nothing has changed for {name}.",
        "The response repeats what was promised informally and has not happened.",
    ];

    private readonly Random _random;
    private readonly DateOnly _today;
    private readonly WorkingDayCalendar _calendar;
    private readonly DisputeResolutionProcess _process = DisputeResolutionProcess.Default;
    private readonly IReadOnlyList<Child> _children;
    private readonly IReadOnlyList<StaffMember> _staff;
    private readonly StaffMember _demoIro;
    private readonly StaffMember _demoTeamManager;
    private readonly StaffMember[] _seniorManagers;
    private readonly HashSet<Child> _used = [];

    /// <summary>How each child's concern was put right, matching what was raised.</summary>
    private readonly Dictionary<Child, string> _resolvedNotes = [];

    private readonly Queue<ConcernCategory> _categories;

    /// <summary>The last working day up to today: the day a story that is still open has reached.</summary>
    private readonly DateOnly _lastWorkingDay;

    /// <summary>A kind of concern no child fitted in the last story, kept for the next.</summary>
    private ConcernCategory? _deferred;

    private (Escalation Escalation, Child Child)? _handedToCafcass;
    private (Escalation Escalation, Child Child)? _alongsideCafcass;

    public List<Escalation> Escalations { get; } = [];

    public DemoEscalations(Random random, DateOnly today, Rulebook rules, IReadOnlyList<Child> children, IReadOnlyList<StaffMember> staff,
        StaffMember demoIro, StaffMember demoTeamManager, StaffMember headOfService, StaffMember assistantDirector, StaffMember director)
    {
        _random = random;
        _today = today;
        _calendar = rules.Calendar;
        _children = children;
        _staff = staff;
        _demoIro = demoIro;
        _demoTeamManager = demoTeamManager;
        _seniorManagers = [headOfService, assistantDirector, director];
        _lastWorkingDay = today;
        while (!_calendar.IsWorkingDay(_lastWorkingDay))
        {
            _lastWorkingDay = _lastWorkingDay.AddDays(-1);
        }

        // Every kind of concern at least once, then the rest at random.
        var categories = ConcernCategories.All.Concat(Enumerable.Range(0, 30).Select(_ => Pick(ConcernCategories.All))).ToList();
        _categories = new Queue<ConcernCategory>(categories.Take(ConcernCategories.All.Count).OrderBy(_ => _random.Next())
            .Concat(categories.Skip(ConcernCategories.All.Count)));
    }

    /// <summary>What is wrong, what is needed, how it was put right, and the youngest child it fits.</summary>
    private sealed record Concern(string Wrong, string Needed, string Resolved, int MinAge = 0);

    private enum Act { Discuss, Formal, Respond, Escalate, Resolve, ResolveInformally, Cafcass, Withdraw, Wait }

    /// <summary>Whose child the story must be about.</summary>
    private enum Whose { Anyone, DemoIro, DemoTeam }

    /// <summary>One step of a story, taken a number of working days (from <see cref="Min"/> to <see cref="Max"/>) after the one before.</summary>
    private readonly record struct Step(Act Act, int Min, int Max, int Stage = 0);

    /// <summary>
    /// An escalation's story. One that ends in <see cref="Act.Wait"/> is still open today, that many working
    /// days after its last step; the others closed at least <see cref="Margin"/> working days ago.
    /// </summary>
    private sealed record Story(string Name, Whose Whose, Step[] Steps, int Margin = 3);

    private static Step Discuss(int min, int max) => new(Act.Discuss, min, max);

    private static Step Formal(int stage, int min, int max) => new(Act.Formal, min, max, stage);

    private static Step Respond(int min, int max) => new(Act.Respond, min, max);

    private static Step Escalate(int stage, int min, int max) => new(Act.Escalate, min, max, stage);

    private static Step Resolve(int min, int max) => new(Act.Resolve, min, max);

    private static Step ResolveInformally(int min, int max) => new(Act.ResolveInformally, min, max);

    private static Step Cafcass(int min, int max) => new(Act.Cafcass, min, max);

    private static Step Withdraw(int min, int max) => new(Act.Withdraw, min, max);

    private static Step Wait(int min, int max) => new(Act.Wait, min, max);

    /// <summary>
    /// Every state and outcome: informal (with and without conversations), each formal stage waiting for
    /// its response (some overdue), waiting for the IRO's decision, stages bypassed, and each way of closing.
    /// </summary>
    private static readonly Story[] s_stories =
    [
        // Still open.
        new("informal, just raised", Whose.Anyone, [Wait(0, 3)]),
        new("informal, just raised", Whose.Anyone, [Wait(1, 4)]),
        new("informal, one conversation", Whose.Anyone, [Discuss(1, 3), Wait(1, 5)]),
        new("informal, two conversations", Whose.DemoIro, [Discuss(1, 3), Discuss(4, 7), Wait(1, 3)]),
        new("stage 1 awaiting the demo team manager", Whose.DemoTeam, [Discuss(2, 4), Discuss(3, 5), Formal(1, 3, 6), Wait(1, 3)]),
        new("stage 1 overdue", Whose.Anyone, [Discuss(1, 3), Formal(1, 4, 8), Wait(7, 10)]),
        new("stage 1 awaiting the IRO's decision", Whose.DemoTeam, [Discuss(2, 4), Formal(1, 3, 5), Respond(2, 4), Wait(1, 2)]),
        new("stage 2 awaiting the head of service", Whose.DemoIro, [Discuss(2, 4), Formal(1, 3, 5), Respond(3, 5), Escalate(2, 1, 2), Wait(1, 3)]),
        new("stage 2 overdue, escalated without a response", Whose.Anyone, [Discuss(1, 3), Formal(1, 2, 5), Escalate(2, 7, 8), Wait(6, 9)]),
        new("formal start at stage 2", Whose.Anyone, [Discuss(1, 3), Formal(2, 2, 4), Wait(2, 4)]),
        new("stage 2 awaiting the IRO's decision", Whose.Anyone, [Discuss(1, 4), Formal(1, 2, 5), Respond(3, 5), Escalate(2, 1, 2), Respond(2, 4), Wait(1, 3)]),
        new("stage 3 awaiting the assistant director", Whose.Anyone,
            [Discuss(1, 3), Formal(1, 2, 4), Respond(3, 5), Escalate(2, 1, 2), Respond(3, 4), Escalate(3, 1, 2), Wait(1, 3)]),
        new("stages 1 to 3, skipping 2, overdue", Whose.Anyone, [Discuss(1, 3), Formal(1, 2, 4), Respond(6, 8), Escalate(3, 1, 1), Wait(6, 8)]),
        new("stage 4 overdue, past 20 working days", Whose.Anyone,
            [Discuss(1, 3), Formal(1, 2, 4), Respond(5, 7), Escalate(2, 1, 2), Respond(5, 6), Escalate(3, 1, 1), Respond(4, 5), Escalate(4, 1, 2), Wait(6, 8)]),

        // Closed.
        new("resolved informally", Whose.Anyone, [Discuss(1, 4), ResolveInformally(2, 6)]),
        new("resolved informally after two conversations", Whose.Anyone, [Discuss(1, 3), Discuss(3, 6), ResolveInformally(2, 5)]),
        new("resolved informally after two conversations", Whose.Anyone, [Discuss(2, 4), Discuss(4, 8), ResolveInformally(1, 4)]),
        new("resolved at stage 1", Whose.DemoTeam, [Discuss(1, 3), Formal(1, 3, 6), Respond(2, 5), Resolve(1, 3)]),
        new("resolved at stage 1", Whose.Anyone, [Discuss(1, 3), Discuss(3, 5), Formal(1, 2, 5), Respond(3, 5), Resolve(1, 2)]),
        new("resolved at stage 1", Whose.Anyone, [Discuss(2, 4), Formal(1, 2, 4), Respond(1, 4), Resolve(2, 4)]),
        new("resolved at stage 1, answered late", Whose.Anyone, [Discuss(1, 3), Formal(1, 3, 5), Respond(7, 9), Resolve(1, 2)]),
        new("resolved at stage 2", Whose.DemoIro, [Discuss(1, 3), Formal(1, 2, 4), Respond(3, 5), Escalate(2, 1, 2), Respond(3, 5), Resolve(1, 2)]),
        new("resolved at stage 2", Whose.Anyone, [Discuss(2, 3), Formal(1, 2, 5), Respond(4, 5), Escalate(2, 1, 1), Respond(2, 4), Resolve(1, 3)]),
        new("resolved at stage 2, started there", Whose.Anyone, [Discuss(1, 2), Formal(2, 1, 3), Respond(3, 5), Resolve(1, 2)]),
        new("resolved at stage 3, past 20 working days", Whose.Anyone,
            [Discuss(1, 3), Formal(1, 2, 4), Respond(7, 8), Escalate(2, 2, 3), Respond(7, 8), Escalate(3, 1, 2), Respond(4, 5), Resolve(1, 3)]),
        new("resolved at stage 3, skipping 2", Whose.Anyone, [Discuss(1, 3), Formal(1, 2, 4), Respond(4, 5), Escalate(3, 1, 2), Respond(3, 5), Resolve(1, 1)]),
        new("resolved at stage 4, past 20 working days", Whose.Anyone,
        [
            Discuss(1, 3), Formal(1, 2, 4), Respond(5, 5), Escalate(2, 1, 1), Respond(5, 7), Escalate(3, 1, 2), Respond(5, 6), Escalate(4, 1, 2),
            Respond(4, 6), Resolve(1, 3),
        ]),
        new("resolved at stage 4, skipping 3", Whose.Anyone,
            [Discuss(1, 3), Formal(1, 2, 3), Respond(3, 3), Escalate(2, 1, 1), Respond(3, 4), Escalate(4, 1, 1), Respond(3, 5), Resolve(1, 1)]),
        new("referred to Cafcass", Whose.DemoIro,
            [Discuss(1, 3), Discuss(3, 5), Formal(1, 2, 4), Respond(4, 5), Escalate(2, 1, 1), Respond(6, 7), Cafcass(2, 3)], Margin: 25),
        new("withdrawn at stage 1", Whose.Anyone, [Discuss(1, 3), Formal(1, 2, 4), Withdraw(2, 4)]),
    ];

    /// <summary>Plays every story on a child who fits it, then one withdrawn because the child left care.</summary>
    public void Generate()
    {
        foreach (var story in s_stories)
        {
            Play(story);
        }

        WithdrawnOnLeavingCare();
    }

    /// <summary>
    /// The Cafcass referrals: one with the escalation handed to Cafcass, one alongside an escalation still
    /// at stage 4, and two on their own (s25B(3): at any point). Needs the escalations saved.
    /// </summary>
    public List<CafcassReferral> CafcassReferrals()
    {
        var referrals = new List<CafcassReferral>();
        if (_handedToCafcass is ({ } handed, { } handedChild))
        {
            var on = handed.ClosedOn!.Value;
            var referral = new CafcassReferral(handedChild.Id, handed.Id, on,
                CafcassGrounds.ReviewDecisionsNotImplemented | CafcassGrounds.CarePlanNotImplemented,
                Fill($"The IRO's concern ({handed.Category.Describe().ToLowerInvariant()}) was taken to stage {handed.StageReached} of the formal process "
                    + "and the council has still not done what {name}'s reviews decided. {name} has gone months without the support and contact "
                    + "{their} plan promises, which puts {their} right to respect for family life (Article 8) at risk.",
                    handedChild),
                handed.RaisedByStaffId, handed.RaisedBy, on);
            var outcomeOn = _calendar.AddWorkingDays(on, _random.Next(8, 13));
            if (outcomeOn <= _today)
            {
                referral.RecordOutcome(CafcassOutcome.AdviceGiven, outcomeOn,
                    "Cafcass advised the IRO and spoke to the head of service. Contact has started again; Cafcass closed its file.", outcomeOn);
            }

            referrals.Add(referral);
        }

        if (_alongsideCafcass is ({ } alongside, { } alongsideChild))
        {
            var on = Min(_calendar.AddWorkingDays(alongside.CurrentStage!.OpenedOn, 1), _lastWorkingDay);
            referrals.Add(new CafcassReferral(alongsideChild.Id, alongside.Id, on, CafcassGrounds.CarePlanNotPrepared | CafcassGrounds.OtherMaterialBreach,
                Fill($"The IRO's concern ({alongside.Category.Describe().ToLowerInvariant()}) has not been put right at three stages of the formal "
                    + "process, and {name} has no settled plan for where {they} will grow up. {name} has moved twice this year and {their} stability "
                    + "is at risk. The formal process carries on at stage 4 alongside this referral.",
                    alongsideChild),
                alongside.RaisedByStaffId, alongside.RaisedBy, on));
        }

        if (Unused(c => c.CurrentPeriodStart() < _today.AddMonths(-9)) is { } first)
        {
            var on = NextWorkingDay(Between(_today.AddMonths(-7), _today.AddMonths(-3)));
            var referral = new CafcassReferral(first.Id, null, on, CafcassGrounds.CaseNotReviewed,
                Fill("{name}'s review is months overdue and the council has not arranged it, despite the IRO asking in writing twice. "
                    + "Nobody independent has looked at {their} plan since {their} placement changed.", first),
                first.Iro!.Id, first.Iro.Name, on);
            var outcomeOn = _calendar.AddWorkingDays(on, _random.Next(15, 26));
            referral.RecordOutcome(CafcassOutcome.ResolvedByCouncil, outcomeOn,
                "The council held the review within 15 working days of Cafcass getting in touch; Cafcass took no further action.", outcomeOn);
            referrals.Add(referral);
        }

        if (Unused(c => c.CurrentPeriodStart() < _today.AddMonths(-10)) is { } second)
        {
            var on = NextWorkingDay(Between(_today.AddMonths(-9), _today.AddMonths(-7)));
            var referral = new CafcassReferral(second.Id, null, on, CafcassGrounds.OtherMaterialBreach,
                Fill("{name} was moved to a placement 60 miles away without a review or a care plan for the move, away from {their} school and family.", second),
                second.Iro!.Id, second.Iro.Name, on);
            var outcomeOn = _calendar.AddWorkingDays(on, _random.Next(20, 31));
            referral.RecordOutcome(CafcassOutcome.NotTakenForward, outcomeOn,
                "Cafcass found that the council had since held a review and agreed a plan for the move; not taken forward.", outcomeOn);
            referrals.Add(referral);
        }

        return referrals;
    }

    private void Play(Story story)
    {
        var gaps = story.Steps.Select(s => _random.Next(s.Min, s.Max + 1)).ToArray();
        var total = gaps.Sum();
        var open = story.Steps[^1].Act == Act.Wait;
        DateOnly raisedOn;
        if (open)
        {
            raisedOn = _calendar.AddWorkingDays(_lastWorkingDay, -total);
        }
        else
        {
            var latest = _calendar.AddWorkingDays(_lastWorkingDay, -(total + story.Margin));
            raisedOn = Min(NextWorkingDay(Between(_today.AddMonths(-9), latest)), latest);
        }

        bool Fits(Child c, ConcernCategory category) =>
            c.CurrentPeriodStart() <= raisedOn.AddDays(-28) && c.AgeOn(raisedOn) >= MinAge(category) && story.Whose switch
            {
                Whose.DemoIro => c.Iro == _demoIro,
                Whose.DemoTeam => c.SocialWorker?.Team == _demoTeamManager.Team,
                _ => true,
            };

        var category = NextCategory();
        var child = Unused(c => Fits(c, category));
        if (child is null && MinAge(category) > 0)
        {
            // Only young children fit the story: a concern that fits any age, and the other kind for the next story.
            _deferred = category;
            category = Pick(ConcernCategories.All.Where(c => MinAge(c) == 0).ToList());
            child = Unused(c => Fits(c, category));
        }

        if (child is null)
        {
            return;
        }

        var escalation = Raise(child, category, raisedOn);
        var on = raisedOn;
        for (var i = 0; i < story.Steps.Length; i++)
        {
            on = _calendar.AddWorkingDays(on, gaps[i]);
            Take(escalation, child, story.Steps[i], on);
        }

        if (story.Steps.Any(s => s.Act == Act.Cafcass))
        {
            _handedToCafcass = (escalation, child);
        }
        else if (open && escalation.CurrentStage?.Number == 4)
        {
            _alongsideCafcass = (escalation, child);
        }
    }

    /// <summary>A child who stopped being looked after in the last few months while the IRO was challenging the plan.</summary>
    private void WithdrawnOnLeavingCare()
    {
        var category = NextCategory();
        var child = PickOrDefault(_children.Where(c => !c.IsLookedAfter && !_used.Contains(c) && IroOf(c) is not null && c.SocialWorker?.Team is not null
                && c.Episodes[^1].EndedOn is { } ended && ended >= _today.AddMonths(-9) && ended <= _today.AddDays(-21)
                && c.AgeOn(ended.AddMonths(-1)) >= MinAge(category)
                && c.Episodes.Where(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S).Max(e => e.StartedOn) <= ended.AddDays(-90))
            .ToList());
        if (child is null)
        {
            // No child left care at the right time for this seed: a looked-after child's escalation is withdrawn instead.
            Play(new Story("withdrawn while informal", Whose.Anyone, [Discuss(1, 4), Withdraw(3, 8)]));
            return;
        }

        var endedOn = child.Episodes[^1].EndedOn!.Value;
        var raisedOn = _calendar.AddWorkingDays(endedOn, -_random.Next(8, 16));
        var escalation = Raise(child, category, raisedOn);
        var discussedOn = _calendar.AddWorkingDays(raisedOn, _random.Next(1, 4));
        Take(escalation, child, Discuss(0, 0), discussedOn);
        var withdrawnOn = _calendar.AddWorkingDays(endedOn, _random.Next(1, 3));
        escalation.Withdraw(Fill($"{{name}} stopped being looked after on {GovukDate.Format(endedOn)}, so the concern no longer applies.", child),
            escalation.RaisedBy, withdrawnOn);
    }

    /// <summary>The IRO raises a concern about the child, tied to the last review and to its overdue decisions where there are some.</summary>
    private Escalation Raise(Child child, ConcernCategory category, DateOnly raisedOn)
    {
        _used.Add(child);
        var iro = IroOf(child)!;
        var chosen = Pick(s_concerns[category].Where(c => child.AgeOn(raisedOn) >= c.MinAge).ToList());
        _resolvedNotes[child] = chosen.Resolved;
        var concern = Fill(chosen.Wrong, child);
        var needed = Fill(chosen.Needed, child);
        var periodStart = child.Episodes.Where(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S && e.StartedOn <= raisedOn).Max(e => e.StartedOn);
        var review = child.Reviews.Where(r => r.HeldOn is { } held && held >= periodStart && held < raisedOn).MaxBy(r => r.HeldOn);
        var outstanding = review?.Recommendations.Where(r => r.DueOn < raisedOn && (r.IsOpen || r.CompletedOn > raisedOn)).ToList() ?? [];
        List<Recommendation> linked = [];
        if (outstanding.Count > 0 && s_aboutDecisions.TryGetValue(category, out var lead) && _random.NextDouble() < 0.8)
        {
            // The concern is the review's decisions themselves.
            linked = [.. outstanding.OrderBy(_ => _random.Next()).Take(_random.Next(1, 3))];
            var actions = string.Join("; ", linked.Select(r => $"\"{r.Action}\" by {GovukDate.Format(r.DueOn)}"));
            concern = Fill($"{lead} The review on {GovukDate.Format(review!.HeldOn!.Value)} decided: {actions}. "
                + (linked.Count == 1 ? "It has not been done." : "Neither has been done."), child);
            needed = Fill(linked.Count == 1
                ? "The decision carried out, or a new date agreed with the IRO and recorded on {name}'s file."
                : "Both decisions carried out, or new dates agreed with the IRO and recorded on {name}'s file.", child);
            _resolvedNotes[child] = linked.Count == 1 ? "The decision has been carried out and the IRO has seen the record of it."
                : "Both decisions have been carried out and the IRO has seen the record of them.";
        }

        var reviewId = linked.Count > 0 || (review is not null && _random.NextDouble() < 0.6) ? review?.Id : null;
        var draft = new ConcernDraft(category, concern, needed, _calendar.AddWorkingDays(raisedOn, _random.Next(10, 21)),
            reviewId, [.. linked.Select(r => r.Id)]);
        var escalation = new Escalation(child.Id, child.SocialWorker!.Team!.Id, draft, iro.Id, iro.Name, raisedOn);
        Escalations.Add(escalation);
        return escalation;
    }

    /// <summary>Takes one step of the story on <paramref name="on"/>, as the IRO or the respondent would record it that day.</summary>
    private void Take(Escalation escalation, Child child, Step step, DateOnly on)
    {
        var by = escalation.RaisedBy;
        switch (step.Act)
        {
            case Act.Discuss:
                var teamManager = TeamManagerOf(child);
                var whom = _random.Next(3);
                var with = whom switch
                {
                    0 => $"{child.SocialWorker!.Name}, social worker",
                    1 => $"{teamManager.Name}, team manager",
                    _ => $"{child.SocialWorker!.Name}, social worker, and {teamManager.Name}, team manager",
                };
                var (conversations, actions) = s_conversations[whom];
                var conversation = escalation.Discussions.Count == 0 ? Pick(conversations) : Pick(s_followUps);
                escalation.RecordDiscussion(on, with, conversation, Pick(actions), by, on);
                break;
            case Act.Formal:
                var first = Respondent(child, step.Stage);
                escalation.StartFormal(_process, step.Stage, first.Id, first.Name, on, _calendar);
                break;
            case Act.Respond:
                var stage = escalation.CurrentStage!;
                var responses = stage.Number switch { 1 => s_responses1, 2 => s_responses2, 3 => s_responses3, _ => s_responses4 };
                escalation.Respond(stage.RespondentStaffId, Pick(responses), on);
                break;
            case Act.Escalate:
                var current = escalation.CurrentStage!;
                var next = Respondent(child, step.Stage);
                var why = current.Response is null
                    ? $"No response by {GovukDate.Format(current.ResponseDueOn)}, the day it was due."
                    : Fill(Pick(s_notEnough), child);
                if (step.Stage > current.Number + 1)
                {
                    why += $" The concern is serious enough to go straight to stage {step.Stage}.";
                }

                escalation.Escalate(_process, step.Stage, next.Id, next.Name, why, by, on, _calendar);
                break;
            case Act.Resolve:
                escalation.Resolve(Fill(_resolvedNotes[child], child), by, on);
                break;
            case Act.ResolveInformally:
                escalation.ResolveInformally($"Resolved without the formal process. {Fill(_resolvedNotes[child], child)}", by, on);
                break;
            case Act.Cafcass:
                escalation.HandToCafcass(Fill("Two stages have not put it right and {name}'s rights are at risk: referred to Cafcass (s25B(3)).", child), by, on);
                break;
            case Act.Withdraw:
                escalation.Withdraw(escalation.IsFormal
                    ? "The court made a different order at the final hearing and the plan has changed; the concern no longer applies."
                    : Fill("{name} moved to a new placement where the concern does not arise.", child), by, on);
                break;
            case Act.Wait:
                break;
        }
    }

    private ConcernCategory NextCategory()
    {
        if (_deferred is { } deferred)
        {
            _deferred = null;
            return deferred;
        }

        return _categories.Count > 0 ? _categories.Dequeue() : Pick(ConcernCategories.All);
    }

    /// <summary>The youngest child some concern of this kind fits.</summary>
    private static int MinAge(ConcernCategory category) => s_concerns[category].Min(c => c.MinAge);

    /// <summary>
    /// The child's IRO, or for a child who has left care and is no longer allocated one, the IRO they had
    /// when they left (the staff were saved before the children, so the allocation history has their ids).
    /// </summary>
    private StaffMember? IroOf(Child child) =>
        child.Iro ?? (child.Allocations.LastOrDefault(a => a.IroId is not null) is { } last ? _staff.FirstOrDefault(s => s.Id == last.IroId) : null);

    /// <summary>Stage 1 goes to the team manager of the child's social worker; stages 2, 3 and 4 up the senior managers.</summary>
    private StaffMember Respondent(Child child, int stage) => stage == 1 ? TeamManagerOf(child) : _seniorManagers[stage - 2];

    private StaffMember TeamManagerOf(Child child) =>
        _staff.First(s => s.Role == StaffRole.TeamManager && s.Team == child.SocialWorker!.Team);

    /// <summary>A looked-after child with an IRO and a social worker in a team, not yet in a story, who fits; null when none does.</summary>
    private Child? Unused(Func<Child, bool> fits)
    {
        var child = PickOrDefault(_children.Where(c => c.IsLookedAfter && !_used.Contains(c) && c.Iro is not null && c.SocialWorker?.Team is not null && fits(c))
            .ToList());
        if (child is not null)
        {
            _used.Add(child);
        }

        return child;
    }

    private static string Fill(string template, Child child)
    {
        var (they, them, their) = child.Sex switch
        {
            Sex.M => ("he", "him", "his"),
            Sex.F => ("she", "her", "her"),
            _ => ("they", "them", "their"),
        };
        return template
            .Replace("{name}", child.GivenName, StringComparison.Ordinal)
            .Replace("{they}", they, StringComparison.Ordinal)
            .Replace("{them}", them, StringComparison.Ordinal)
            .Replace("{their}", their, StringComparison.Ordinal);
    }

    private DateOnly NextWorkingDay(DateOnly date)
    {
        while (!_calendar.IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private DateOnly Between(DateOnly from, DateOnly to) =>
        from >= to ? to : from.AddDays(_random.Next(0, to.DayNumber - from.DayNumber + 1));

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private T? PickOrDefault<T>(IReadOnlyList<T> items) where T : class => items.Count == 0 ? null : Pick(items);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
