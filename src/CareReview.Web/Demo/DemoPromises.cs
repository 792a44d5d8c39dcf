using CareReview.Domain.Returns;

namespace CareReview.Web.Demo;

/// <summary>
/// What the demo holds, as the promises read it: made by the generator in memory, or loaded back from
/// the database the seeder filled. <see cref="StaffOfAccounts"/> maps each demo sign-in to its member of
/// staff (null for the sign-ins that have none); <see cref="DemoChildId"/> is the child behind the demo-child sign-in.
/// </summary>
public sealed record DemoContents(
    DateOnly Today,
    Rulebook Rules,
    IReadOnlyList<StaffMember> Staff,
    IReadOnlyList<Child> Children,
    IReadOnlyList<Escalation> Escalations,
    IReadOnlyList<CafcassReferral> CafcassReferrals,
    IReadOnlyList<ReviewFeedback> Cards,
    IReadOnlyList<ReviewViews> Views,
    IReadOnlyList<ParentInvitation> Invitations,
    IReadOnlyDictionary<string, int?> StaffOfAccounts,
    int? DemoChildId)
{
    public int? StaffOf(string userName) => StaffOfAccounts.GetValueOrDefault(userName);
}

/// <summary>A promise the demo council keeps on any day: a short name for failure messages, and its check.</summary>
public sealed record DemoPromise(string Name, Func<DemoContents, bool> Holds);

/// <summary>
/// What the README and the browser journeys rely on the demo council to contain, written once. The
/// demo is generated for "today", so each promise must hold whatever the day; a fast test checks every
/// day of three years. Where a browser journey has to find a record, the predicate it filters with is
/// public here, so the journey and the promise cannot disagree about what fits.
/// </summary>
public static class DemoPromises
{
    /// <summary>The demo IRO's caseload: "about 70" in the README, and over the IRO's band on the caseload page.</summary>
    public const int DemoIroChildrenAtLeast = 50;

    public const int DemoIroChildrenAtMost = 70;

    public static readonly IReadOnlyList<DemoPromise> All =
    [
        new("every demo sign-in has its member of staff", EveryAccountHasItsStaff),

        // The demo IRO's caseload (README; CaseloadJourneyTests).
        new($"the demo IRO has {DemoIroChildrenAtLeast} to {DemoIroChildrenAtMost} children",
            d => DemoIroChildren(d).Count() is >= DemoIroChildrenAtLeast and <= DemoIroChildrenAtMost),
        new("some of the demo IRO's children are overdue a review", d => DemoIroChildren(d).Any(c => IsReviewOverdue(c, d.Today))),
        new("some of the demo IRO's children have a review due soon", d => DemoIroChildren(d).Any(c => IsReviewDueSoon(c, d.Today, d.Rules))),
        new("a child of the demo IRO has a plan change awaiting review", d => DemoIroChildren(d).Any(c => c.PlanChangeAwaitingReviewOn is not null)),

        // The browser journeys' records.
        new("the demo social worker has a child for the care plan journey",
            d => d.StaffOf(DemoAccounts.SocialWorker) is { } sw && d.Children.Any(c => FitsCarePlanJourney(c, sw, d.Today))),
        new("the demo IRO has a child for the review journey",
            d => d.StaffOf(DemoAccounts.Iro) is { } iro && d.Children.Any(c => FitsReviewJourney(c, iro, d.Today))),
        new("the demo IRO has a looked-after child with no escalation", d => d.StaffOf(DemoAccounts.Iro) is { } iro
            && EscalatedChildIds(d.Escalations) is var escalated && d.Children.Any(c => FitsEscalationJourney(c, iro, escalated))),
        new("the demo child can send views and rate their latest review", d => d.StaffOf(DemoAccounts.Iro) is { } iro
            && d.Children.SingleOrDefault(c => c.Id == d.DemoChildId) is { } child && FitsChildVoiceJourney(child, iro, d.Views, d.Cards, d.Today)),
        new("the demo IRO has an arranged review with no parent's link", d => d.StaffOf(DemoAccounts.Iro) is { } iro
            && d.Children.Any(c => FitsParentLinkJourney(c, iro, d.DemoChildId, d.Invitations))),
        new("a review was held late in this financial year", d => d.Children.SelectMany(c => c.Reviews).Any(r => HeldLateThisYear(r, d.Today))),
        new("the participation figures have reviews, cards and 13 to 15 year olds", HasParticipationFigures),
        new("the return the returns page opens on has no problems and comes back unchanged through the import check",
            d => ReturnIsClean(d.Children, ReturnsPageYear(d.Today), d.Today, d.Rules)),

        // Children's and parents' voices (README).
        new("a child has sent views for an arranged review", d => HasViewsForArrangedReview(d, ViewsAuthor.Child)),
        new("a parent has sent views for an arranged review", d => HasViewsForArrangedReview(d, ViewsAuthor.ParentOrCarer)),
        new("a \"Not happy\" card waits for the demo IRO's follow-up", d => d.StaffOf(DemoAccounts.Iro) is { } iro
            && d.Cards.Any(c => c.NeedsFollowUp && d.Children.Any(child => child.Id == c.ChildId && child.IroId == iro))),

        // Escalations at every stage and with every outcome (README).
        new("an escalation is open and informal", d => d.Escalations.Any(e => e.State == EscalationState.Informal)),
        .. Enumerable.Range(1, 4).Select(stage => new DemoPromise($"an escalation is open at stage {stage}",
            d => d.Escalations.Any(e => e.CurrentStage?.Number == stage))),
        .. Enum.GetValues<EscalationOutcome>().Select(outcome => new DemoPromise($"an escalation closed as {outcome}",
            d => d.Escalations.Any(e => e.Outcome == outcome))),
        new("a formal process has run past 20 working days", d => d.Escalations.Any(e => e.PassesTotalWorkingDays(d.Rules.Calendar, d.Today))),
        new("an escalation waits for the demo team manager at stage 1", d => WaitsFor(d, DemoAccounts.TeamManager, 1)),
        new("an escalation waits for the demo head of service at stage 2", d => WaitsFor(d, DemoAccounts.HeadOfService, 2)),
        new("a Cafcass referral goes with an escalation", d => d.CafcassReferrals.Any(r => r.EscalationId is not null)),
        new("a Cafcass referral stands on its own", d => d.CafcassReferrals.Any(r => r.EscalationId is null)),
    ];

    /// <summary>The names of the promises <paramref name="demo"/> breaks; empty when it keeps them all.</summary>
    public static IReadOnlyList<string> Broken(DemoContents demo) => [.. All.Where(p => !p.Holds(demo)).Select(p => p.Name)];

    /// <summary>A child on the IRO's caseload: looked after, with them as IRO.</summary>
    public static bool IsOnCaseload(Child child, int iroId) => child.IroId == iroId && child.IsLookedAfter;

    public static bool IsReviewOverdue(Child child, DateOnly today) => child.NextReviewDueOn < today;

    /// <summary>Due today or within the reminders' 15 working days, which the caseload's "due soon" also covers.</summary>
    public static bool IsReviewDueSoon(Child child, DateOnly today, Rulebook rules) =>
        child.NextReviewDueOn is { } due && due >= today && due <= rules.Calendar.AddWorkingDays(today, DueSoonPolicy.ReviewReminderWorkingDays);

    /// <summary>
    /// CarePlanJourneyTests: a child of the social worker who <see cref="SuitsCarePlanJourney"/>; the journey
    /// reallocates it to the demo IRO if need be. Needs the child's episodes, care plans and stored deadlines loaded.
    /// </summary>
    public static bool FitsCarePlanJourney(Child child, int socialWorkerId, DateOnly today) =>
        child.SocialWorkerId == socialWorkerId && SuitsCarePlanJourney(child, today);

    /// <summary>A child with what the care plan journey needs (<see cref="HasPlanAndUsualVisits"/>) and a visit overdue.</summary>
    public static bool SuitsCarePlanJourney(Child child, DateOnly today) =>
        HasPlanAndUsualVisits(child) && child.Deadlines.Any(d => d.Item == StatutoryItem.Visit && d.DoneOn is null && d.DueOn < today);

    /// <summary>
    /// A looked-after child with a care plan and no change awaiting review, not placed with a parent, and not on
    /// weekly visits (reg 28(3) and (4)), so a visit recorded today is done until well beyond the "due soon" weeks.
    /// </summary>
    public static bool HasPlanAndUsualVisits(Child child) =>
        child.CurrentEpisode is { } episode && episode.PlacementType != PlacementType.P1
        && child.CarePlans.Count > 0 && child.PlanChangeAwaitingReviewOn is null
        && !child.ConnectedPersonTemporarilyApproved && !child.ParentAssessmentIncomplete;

    /// <summary>
    /// ReviewJourneyTests: a child of the IRO whose next review can be arranged for tomorrow without a reason for
    /// lateness, and then recorded as held 20 days ago: no review arranged, none held since then, looked after
    /// since before then, not on short breaks, and old enough then (4) to say how they took part. Needs the
    /// child's episodes and reviews loaded.
    /// </summary>
    public static bool FitsReviewJourney(Child child, int iroId, DateOnly today)
    {
        var heldOn = ReviewJourneyHeldOn(today);
        return child.IroId == iroId && child.NextReviewDueOn > today.AddDays(1) && child.OpenReview is null
            && child.CurrentPeriodStart() < heldOn && child.Reviews.All(r => r.HeldOn < heldOn)
            && child.CurrentEpisode is { } episode && !episode.LegalStatus.IsShortBreak() && child.AgeOn(heldOn) >= 4;
    }

    /// <summary>The day the review journey records its review as held.</summary>
    public static DateOnly ReviewJourneyHeldOn(DateOnly today) => today.AddDays(-20);

    /// <summary>EscalationJourneyTests: a looked-after child of the IRO with no escalation yet. Needs the child's episodes loaded.</summary>
    public static bool FitsEscalationJourney(Child child, int iroId, IReadOnlySet<int> escalatedChildIds) =>
        IsOnCaseload(child, iroId) && !escalatedChildIds.Contains(child.Id);

    public static IReadOnlySet<int> EscalatedChildIds(IEnumerable<Escalation> escalations) => escalations.Select(e => e.ChildId).ToHashSet();

    /// <summary>
    /// VoiceJourneyTests, the demo child: one of the IRO's looked-after children, 8 or over, with one review
    /// arranged and no views of their own sent for it yet, and a latest held review whose decisions have gone
    /// out with a letter to them and that they have not rated yet. Needs the child's episodes and reviews loaded.
    /// </summary>
    public static bool FitsChildVoiceJourney(Child child, int iroId, IEnumerable<ReviewViews> views, IEnumerable<ReviewFeedback> cards, DateOnly today)
    {
        if (!IsOnCaseload(child, iroId) || child.AgeOn(today) < 8 || child.Reviews.Count(r => !r.IsHeld) != 1)
        {
            return false;
        }

        var arranged = child.OpenReview!;
        var latest = child.Reviews.Where(r => r.IsHeld).MaxBy(r => r.HeldOn);
        return latest is { DecisionsIssuedOn: not null } && !string.IsNullOrWhiteSpace(latest.LetterToChild)
            && !views.Any(v => v.ReviewId == arranged.Id && v.Author == ViewsAuthor.Child)
            && !cards.Any(c => c.ReviewId == latest.Id);
    }

    /// <summary>
    /// VoiceJourneyTests, the parent's link: a child of the IRO, other than the demo child, with a review arranged
    /// (see <see cref="ParentLinkReview"/>) for which no parent or carer has been sent a link. Needs the child's reviews loaded.
    /// </summary>
    public static bool FitsParentLinkJourney(Child child, int iroId, int? demoChildId, IEnumerable<ParentInvitation> invitations) =>
        child.IroId == iroId && child.Id != demoChildId && ParentLinkReview(child) is { } review && !invitations.Any(i => i.ReviewId == review.Id);

    /// <summary>The review a parent's link is for: the one arranged and not yet held.</summary>
    public static Review? ParentLinkReview(Child child) => child.OpenReview;

    /// <summary>AnnualReportJourneyTests: a review held after it was due, in the financial year to today.</summary>
    public static bool HeldLateThisYear(Review review, DateOnly today) =>
        review.HeldOn is { } held && FinancialYear.Containing(today).Contains(held) && held <= today && held > review.DueOn;

    /// <summary>The year the returns page opens on: the last whole collection year, the one the council sends next.</summary>
    public static FinancialYear ReturnsPageYear(DateOnly today) => FinancialYear.Containing(today).Previous;

    /// <summary>
    /// ReturnsJourneyTests: the year's return has over 100 children and passes the app's own checks, and the
    /// import page, checking those same files, finds no problem and every child as it is.
    /// </summary>
    public static bool ReturnIsClean(IEnumerable<Child> children, FinancialYear year, DateOnly today, Rulebook rules)
    {
        var files = ReturnExport.Build(children, year);
        if (files.Header.Count <= 100 || ReturnChecks.Run(files.Tables, year).Count > 0)
        {
            return false;
        }

        var plan = ReturnImport.Plan(new ReturnFileSet(files.Files.ToDictionary(f => f.Name, f => f.Content)), null, year, today, rules);
        return plan.IsClean && ReturnExport.Build(plan.Children, year).Files.SequenceEqual(files.Files, s_sameFile);
    }

    private static readonly FileComparer s_sameFile = new();

    private sealed class FileComparer : IEqualityComparer<(string Name, byte[] Content)>
    {
        public bool Equals((string Name, byte[] Content) x, (string Name, byte[] Content) y) =>
            x.Name == y.Name && x.Content.AsSpan().SequenceEqual(y.Content);

        public int GetHashCode((string Name, byte[] Content) obj) => obj.Name.GetHashCode(StringComparison.Ordinal);
    }

    /// <summary>VoiceJourneyTests: the participation page from 1 April two financial years back to today.</summary>
    public static DateOnly ParticipationFrom(DateOnly today) => FinancialYear.Containing(today).Start.AddYears(-2);

    private static bool HasParticipationFigures(DemoContents demo)
    {
        var from = ParticipationFrom(demo.Today);
        var held = demo.Children.SelectMany(c => c.Reviews.Where(r => r.HeldOn >= from && r.HeldOn <= demo.Today).Select(r => (Child: c, Review: r))).ToList();
        var ids = held.Select(h => h.Review.Id).ToHashSet();
        return held.Count > 0 && demo.Cards.Any(c => ids.Contains(c.ReviewId))
            && held.Any(h => h.Child.AgeOn(h.Review.HeldOn!.Value) is >= 13 and <= 15);
    }

    private static IEnumerable<Child> DemoIroChildren(DemoContents demo) =>
        demo.StaffOf(DemoAccounts.Iro) is { } iro ? demo.Children.Where(c => IsOnCaseload(c, iro)) : [];

    private static bool HasViewsForArrangedReview(DemoContents demo, ViewsAuthor author)
    {
        var arranged = demo.Children.Select(c => c.OpenReview?.Id).OfType<int>().ToHashSet();
        return demo.Views.Any(v => v.Author == author && arranged.Contains(v.ReviewId));
    }

    private static bool WaitsFor(DemoContents demo, string userName, int stage) =>
        demo.StaffOf(userName) is { } staff
        && demo.Escalations.Any(e => e.CurrentStage is { Response: null } open && open.Number == stage && open.RespondentStaffId == staff);

    private static bool EveryAccountHasItsStaff(DemoContents demo) =>
        DemoAccounts.All.All(a => RoleOfStaff(a.Role) is not { } role
            || (demo.StaffOf(a.UserName) is { } id && demo.Staff.Any(s => s.Id == id && s.Role == role
                && (a.UserName != DemoAccounts.HeadOfService || s.JobTitle == DemoCouncil.HeadOfService))));

    /// <summary>The role a demo sign-in's member of staff has; null for the sign-ins with no member of staff behind them.</summary>
    private static StaffRole? RoleOfStaff(string role) => role switch
    {
        Roles.Iro => StaffRole.Iro,
        Roles.IroManager => StaffRole.IroManager,
        Roles.SocialWorker => StaffRole.SocialWorker,
        Roles.TeamManager => StaffRole.TeamManager,
        Roles.SeniorManager => StaffRole.SeniorManager,
        _ => null,
    };
}
