using System.Globalization;
using System.Net;
using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Tests.Shared;
using CareReview.Tests.Support;
using CareReview.Web;
using CareReview.Web.Demo;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Data;

/// <summary>
/// An app in demo mode, started on the test database (SQLite, or PostgreSQL when asked for), running as if it
/// were the suite's day through its own Clock:Today setting, as the browser journeys' app does.
/// </summary>
public sealed class DemoApp() : AppFactory(new Dictionary<string, string?>
{
    ["Demo:Enabled"] = "true",
    [DemonstrationClock.Setting] = SuiteToday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
});

/// <summary>
/// The app migrates the test database at start-up and, in demo mode, fills it with a synthetic
/// council: the staff, children and sign-ins that the demo and the browser tests rely on.
/// </summary>
public sealed class DemoDataTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static readonly DateOnly s_today = SuiteToday.Date;

    /// <summary>The council the demo app makes, as the generator builds it before it is saved; built once for the tests that read it.</summary>
    private static readonly Lazy<DemoCouncil> s_council = new(() => DemoCouncil.Generate(new DemoOptions().Seed, s_today, Rulebook.National));

    [Fact]
    public async Task The_app_runs_on_its_own_test_database_with_every_migration_applied()
    {
        var connection = await app.QueryDbAsync(db => Task.FromResult(db.Database.GetConnectionString()));
        var provider = await app.QueryDbAsync(db => Task.FromResult(db.Database.ProviderName));
        var pending = await app.QueryDbAsync(db => db.Database.GetPendingMigrationsAsync());
        var applied = await app.QueryDbAsync(db => db.Database.GetAppliedMigrationsAsync());

        Assert.Contains("carereview_test_", connection, StringComparison.Ordinal);
        Assert.EndsWith(TestDatabase.PostgresRequested ? "PostgreSQL" : "Sqlite", provider, StringComparison.Ordinal);
        Assert.Empty(pending);
        Assert.NotEmpty(applied);
    }

    [Fact]
    public async Task Demo_mode_fills_an_empty_database_with_a_synthetic_council()
    {
        var staff = await app.QueryDbAsync(db => db.StaffMembers.AsNoTracking().ToListAsync());
        var children = await app.QueryDbAsync(db => db.Children.CountAsync());
        var teams = await app.QueryDbAsync(db => db.Teams.CountAsync());

        Assert.True(children >= 300, $"{children} children on {app.DatabaseDescription}");
        Assert.Equal(6, staff.Count(s => s.Role == StaffRole.Iro));
        Assert.Equal(1, staff.Count(s => s.Role == StaffRole.IroManager));
        Assert.Equal(4, staff.Count(s => s.Role == StaffRole.TeamManager));
        var socialWorkers = staff.Where(s => s.Role == StaffRole.SocialWorker).ToList();
        Assert.Equal(20, socialWorkers.Count);
        Assert.Equal(4, teams);
        Assert.Equal(4, socialWorkers.Select(s => s.TeamId).Distinct().Count());
        Assert.All(socialWorkers, s => Assert.NotNull(s.TeamId));
    }

    [Theory]
    [InlineData(DemoAccounts.Iro)]
    [InlineData(DemoAccounts.IroManager)]
    [InlineData(DemoAccounts.SocialWorker)]
    [InlineData(DemoAccounts.TeamManager)]
    [InlineData(DemoAccounts.Administrator)]
    public async Task Every_demo_account_can_sign_in_with_the_demo_password(string userName)
    {
        using var client = await app.SignedInClientAsync(userName, DemoOptions.Password);

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task The_council_the_seeder_saved_keeps_every_promise_of_the_demo()
    {
        var demo = await app.QueryDbAsync(async db =>
        {
            var users = await db.Users.AsNoTracking().Select(u => new { u.UserName, u.StaffMemberId, u.ChildId }).ToListAsync();
            return new DemoContents(
                app.Today,
                app.Rules,
                await db.StaffMembers.AsNoTracking().ToListAsync(),
                await db.Children.AsNoTracking().Include(c => c.Episodes).Include(c => c.Reviews).Include(c => c.CarePlans).Include(c => c.Deadlines)
                    .AsSplitQuery().ToListAsync(),
                await db.Escalations.AsNoTracking().Include(e => e.Stages).ToListAsync(),
                await db.CafcassReferrals.AsNoTracking().ToListAsync(),
                await db.ReviewFeedback.AsNoTracking().ToListAsync(),
                await db.ReviewViews.AsNoTracking().ToListAsync(),
                await db.ParentInvitations.AsNoTracking().ToListAsync(),
                users.Where(u => DemoAccounts.All.Any(a => a.UserName == u.UserName)).ToDictionary(u => u.UserName!, u => u.StaffMemberId, StringComparer.Ordinal),
                users.SingleOrDefault(u => u.UserName == DemoAccounts.Child)?.ChildId);
        });

        Assert.Empty(DemoPromises.Broken(demo));

        // The fast test checks the demo built in memory; it must be the demo the seeder saves.
        Assert.Equal(Outline(await DemoPromisesTests.BuildAsync(app.Today)), Outline(demo));
    }

    /// <summary>What the promises look at, in words that do not depend on how the ids were given.</summary>
    private static List<string> Outline(DemoContents demo)
    {
        var localIds = demo.Children.ToDictionary(c => c.Id, c => c.LocalId);
        var demoIro = demo.StaffOf(DemoAccounts.Iro);
        return
        [
            $"staff: {string.Join(", ", demo.Staff.Select(s => $"{s.Name} {s.Role}").Order(StringComparer.Ordinal))}",
            $"demo IRO's: {string.Join(", ", demo.Children.Where(c => c.IroId == demoIro).Select(c => c.LocalId).Order(StringComparer.Ordinal))}",
            $"demo child: {localIds.GetValueOrDefault(demo.DemoChildId ?? 0)}",
            $"reviews: {demo.Children.Sum(c => c.Reviews.Count)}, deadlines: {demo.Children.Sum(c => c.Deadlines.Count)}",
            $"escalations: {string.Join(", ", demo.Escalations.Select(e => $"{localIds[e.ChildId]} {e.State} {e.StageReached} {e.Outcome}").Order(StringComparer.Ordinal))}",
            $"Cafcass: {string.Join(", ", demo.CafcassReferrals.Select(r => $"{localIds[r.ChildId]} {r.Outcome} {r.EscalationId is not null}").Order(StringComparer.Ordinal))}",
            $"cards: {string.Join(", ", demo.Cards.GroupBy(c => (c.Rating, c.NeedsFollowUp)).Select(g => $"{g.Key} {g.Count()}").Order(StringComparer.Ordinal))}",
            $"views: {string.Join(", ", demo.Views.Select(v => $"{localIds[v.ChildId]} {v.Author}").Order(StringComparer.Ordinal))}",
            $"links: {string.Join(", ", demo.Invitations.Select(i => localIds[i.ChildId]).Order(StringComparer.Ordinal))}",
        ];
    }

    [Fact]
    public async Task Some_reviews_were_held_late_and_some_children_are_overdue_now()
    {
        var today = app.Today;
        var late = await app.QueryDbAsync(db => db.Reviews.CountAsync(r => r.HeldOn > r.DueOn));
        var onTime = await app.QueryDbAsync(db => db.Reviews.CountAsync(r => r.HeldOn <= r.DueOn));
        var overdue = await app.QueryDbAsync(db => db.Children.CountAsync(c => c.NextReviewDueOn < today));

        Assert.True(late > 0, "no late reviews");
        Assert.True(onTime > late, $"{onTime} reviews on time, {late} late");
        Assert.True(overdue > 0, "no child is overdue a review");
    }

    [Fact]
    public async Task Care_histories_go_back_to_2019()
    {
        var first = await app.QueryDbAsync(db => db.CareEpisodes.MinAsync(e => e.StartedOn));

        Assert.Equal(2019, first.Year);
    }

    [Fact]
    public async Task Most_looked_after_children_have_a_care_plan_and_many_have_later_versions()
    {
        var lookedAfter = await app.QueryDbAsync(db => db.Children.CountAsync(c => c.NextReviewDueOn != null));
        var withPlan = await app.QueryDbAsync(db => db.Children.CountAsync(c => c.NextReviewDueOn != null && c.CarePlans.Any()));
        var withLaterVersions = await app.QueryDbAsync(db => db.Children.CountAsync(c => c.NextReviewDueOn != null && c.CarePlans.Count > 1));

        Assert.True(withPlan >= lookedAfter * 0.9, $"{withPlan} of {lookedAfter} looked-after children have a care plan");
        Assert.True(withLaterVersions >= lookedAfter / 3, $"{withLaterVersions} of {lookedAfter} have more than one version");
    }

    [Fact]
    public async Task Some_statutory_deadlines_are_overdue_and_most_are_not()
    {
        var today = app.Today;
        var deadlines = await app.QueryDbAsync(db => db.Children.Where(c => c.NextReviewDueOn != null).SelectMany(c => c.Deadlines)
            .Select(d => new { d.Item, Overdue = d.DoneOn == null && d.DueOn < today }).ToListAsync());

        foreach (var item in new[] { StatutoryItem.Visit, StatutoryItem.HealthAssessment, StatutoryItem.PersonalEducationPlan })
        {
            var all = deadlines.Count(d => d.Item == item);
            var overdue = deadlines.Count(d => d.Item == item && d.Overdue);
            Assert.True(overdue > 0, $"no {item} is overdue");
            Assert.True(overdue * 4 < all, $"{overdue} of {all} {item} deadlines are overdue");
        }
    }

    [Fact]
    public async Task Every_looked_after_child_has_stored_deadlines_including_a_review_and_a_visit()
    {
        var missing = await app.QueryDbAsync(db => db.Children.Where(c => c.NextReviewDueOn != null)
            .Where(c => !c.Deadlines.Any(d => d.Item == StatutoryItem.Review) || !c.Deadlines.Any(d => d.Item == StatutoryItem.Visit))
            .Select(c => c.LocalId).ToListAsync());
        Assert.Empty(missing);

        // The app works them out again at start-up, so check the generator stored them itself too.
        var lookedAfter = s_council.Value.Children.Where(c => c.IsLookedAfter).ToList();
        Assert.NotEmpty(lookedAfter);
        Assert.All(lookedAfter, c =>
        {
            Assert.Contains(c.Deadlines, d => d.Item == StatutoryItem.Review);
            Assert.Contains(c.Deadlines, d => d.Item == StatutoryItem.Visit);
        });
        Assert.All(s_council.Value.Children.Where(c => !c.IsLookedAfter), c => Assert.Empty(c.Deadlines));
    }

    [Fact]
    public async Task Some_brothers_and_sisters_share_an_iro_and_one_has_another_with_the_reason_and_a_declared_conflict()
    {
        var linked = await app.QueryDbAsync(db => db.Children.AsNoTracking().Where(c => c.SiblingGroupId != null)
            .Select(c => new { c.Id, Group = c.SiblingGroupId!.Value, c.IroId }).ToListAsync());
        var conflict = await app.QueryDbAsync(db => db.Set<StaffConflict>().AsNoTracking().SingleAsync());
        var reasons = await app.QueryDbAsync(db => db.Set<Allocation>().AsNoTracking().Where(a => a.SiblingIroReason != null).ToListAsync());
        var families = linked.GroupBy(c => c.Group).ToList();

        Assert.Equal(DemoSiblings.SharedIroFamilies + 1, families.Count);
        Assert.All(families, f => Assert.InRange(f.Count(), 2, 3));
        Assert.Equal(DemoSiblings.SharedIroFamilies, families.Count(f => f.Select(c => c.IroId).Distinct().Count() == 1));
        var parted = Assert.Single(families, f => f.Select(c => c.IroId).Distinct().Count() == 2);
        var reason = Assert.Single(reasons);
        Assert.Contains(parted, c => c.Id == reason.ChildId && c.IroId == reason.IroId);
        Assert.Equal((reason.ChildId, ConflictKind.HoldsResources), (conflict.ChildId!.Value, conflict.Kind));
        Assert.Contains(parted, c => c.IroId == conflict.StaffMemberId && c.Id != reason.ChildId);
    }

    [Fact]
    public async Task The_demo_IRO_has_a_child_whose_plan_changed_since_the_last_review_and_only_a_handful_are_flagged()
    {
        var iro = await app.QueryDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Iro).Select(u => u.StaffMemberId).SingleAsync());
        var onCaseload = await app.QueryDbAsync(db => db.Children.CountAsync(c => c.IroId == iro && c.PlanChangeAwaitingReviewOn != null));
        var flagged = await app.QueryDbAsync(db => db.Children.CountAsync(c => c.NextReviewDueOn != null && c.PlanChangeAwaitingReviewOn != null));
        var lookedAfter = await app.QueryDbAsync(db => db.Children.CountAsync(c => c.NextReviewDueOn != null));
        var reviewedSince = await app.QueryDbAsync(db => db.Children.CountAsync(c =>
            c.PlanChangeAwaitingReviewOn != null && c.Reviews.Any(r => r.HeldOn >= c.PlanChangeAwaitingReviewOn)));

        Assert.True(onCaseload >= 1, "no child on the demo IRO's caseload has a plan change awaiting review");
        Assert.True(flagged * 10 <= lookedAfter, $"{flagged} of {lookedAfter} looked-after children are flagged");
        Assert.Equal(0, reviewedSince);
    }

    [Fact]
    public void Visits_run_from_each_placement_start_and_a_few_children_have_different_visit_arrangements()
    {
        var lookedAfter = s_council.Value.Children.Where(c => c.IsLookedAfter).ToList();
        var visited = lookedAfter.Count(c => PlacementStart(c) > s_today.AddDays(-7)
            || c.CareEvents.Any(e => e.Kind == CareEventKind.Visit && e.Counts && e.On >= PlacementStart(c)));
        var visits = lookedAfter.SelectMany(c => c.CareEvents).Where(e => e.Kind == CareEventKind.Visit).ToList();

        Assert.True(visited >= lookedAfter.Count * 0.95, $"{visited} of {lookedAfter.Count} have been visited in their placement");
        Assert.True(visits.Count(e => e.ChildSeen == true) >= visits.Count * 0.9, "most visits saw the child");
        Assert.Contains(visits, e => e.ChildSeen == false);
        Assert.Contains(visits, e => e.SeenAlone == false && !string.IsNullOrEmpty(e.NotSeenAloneReason));
        Assert.Contains(lookedAfter, c => c.ChildAgreedToFewerVisitsOn is not null && c.CurrentEpisode!.PlacementType is PlacementType.U1 or PlacementType.U4);
        Assert.Contains(lookedAfter, c => c.ParentAssessmentIncomplete && c.CurrentEpisode!.PlacementType == PlacementType.P1);
        foreach (var kind in new[] { CareEventKind.HealthAssessment, CareEventKind.DentalCheck, CareEventKind.PepMeeting, CareEventKind.NeedsAssessment })
        {
            Assert.Contains(lookedAfter, c => c.CareEvents.Any(e => e.Kind == kind));
        }
    }

    [Fact]
    public void Care_plans_are_filled_in_and_their_plans_for_permanence_fit_the_child()
    {
        var lookedAfter = s_council.Value.Children.Where(c => c.IsLookedAfter && c.CurrentCarePlan is not null).ToList();
        var plans = lookedAfter.Select(c => c.CurrentCarePlan!).ToList();
        var withEmptySection = plans.Count(p => p.Sections.Any(s => s.Text.Length == 0));

        Assert.All(plans, p => Assert.Equal(Enum.GetValues<CarePlanSection>().Length, p.Sections.Count));
        Assert.All(plans.SelectMany(p => p.Sections), s => Assert.DoesNotContain("{", s.Text, StringComparison.Ordinal));
        Assert.True(withEmptySection > 0 && withEmptySection < plans.Count / 4, $"{withEmptySection} of {plans.Count} plans leave a section empty");
        Assert.All(plans, p => Assert.NotEmpty(p.Text(CarePlanSection.PlacementPlan)));
        Assert.Contains(plans, p => p.Permanence.Count == 2);

        Assert.All(lookedAfter.Where(c => c.CurrentEpisode!.LegalStatus.IsShortBreak()),
            c => Assert.Equal(new[] { PermanenceOption.REMAINSUP }, c.CurrentCarePlan!.Permanence));

        // A long-term foster placement gets its placement plan within days, and the plan for permanence follows it.
        Assert.All(lookedAfter.Where(c => c.CurrentEpisode!.PlacementType == PlacementType.U4 && c.CurrentCarePlan!.ChangedOn(CarePlanSection.PlacementPlan) >= PlacementStart(c)),
            c => Assert.Contains(PermanenceOption.LTFOST18, c.CurrentCarePlan!.Permanence));
    }

    [Fact]
    public void The_same_seed_and_day_give_the_same_children()
    {
        var today = new DateOnly(2026, 11, 23);
        var first = DemoCouncil.Generate(42, today, Rulebook.National);
        var second = DemoCouncil.Generate(42, today, Rulebook.National);
        var other = DemoCouncil.Generate(43, today, Rulebook.National);

        Assert.Equal(Describe(first), Describe(second));
        Assert.NotEqual(Describe(first), Describe(other));
        Assert.Equal(first.Staff.Select(s => (s.Name, s.Role, s.Fte)), second.Staff.Select(s => (s.Name, s.Role, s.Fte)));
    }

    private static List<string> Describe(DemoCouncil council) =>
        council.Children.Select(c => string.Join(" | ",
            c.LocalId, c.FullName, c.DateOfBirth.ToString("O", CultureInfo.InvariantCulture), c.Sex,
            c.Iro?.Name, c.SocialWorker?.Name,
            string.Join(";", c.Episodes.Select(e => $"{e.StartedOn:O} {e.ReasonForNewEpisode} {e.LegalStatus} {e.PlacementType} {e.EndedOn:O} {e.ReasonEnded}")),
            string.Join(";", c.Reviews.Select(r => $"{r.HeldOn:O} due {r.DueOn:O} {r.DueRuleId} {r.ParticipationCode}")),
            c.NextReviewDueOn?.ToString("O", CultureInfo.InvariantCulture),
            $"{c.ReviewBroughtForwardTo:O} {c.PlanChangeAwaitingReviewOn:O} {c.ChildAgreedToFewerVisitsOn:O} {c.ParentAssessmentIncomplete} {c.ConnectedPersonTemporarilyApproved}",
            string.Join(";", c.CarePlans.Select(v => $"{v.Number} {v.MadeOn:O} {v.MadeBy} {v.IroName} {v.PermanenceCodes} [{v.SignificantChanges}] {v.ChangeNote} "
                + string.Join("/", v.Sections.Select(s => $"{s.Section} {s.ChangedOn:O} {s.Text}")))),
            string.Join(";", c.CareEvents.Select(e => $"{e.Kind} {e.On:O} {e.ChildSeen} {e.SeenAlone} {e.NotSeenAloneReason} {e.Note} {e.RecordedBy} {e.RecordedOn:O}")),
            string.Join(";", c.Deadlines.Select(d => $"{d.Item} {d.DueOn:O} {d.RuleId} {d.LastDoneOn:O} {d.DoneOn:O}"))))
        .ToList();

    private static DateOnly PlacementStart(Child child)
    {
        var period = child.CurrentPeriodStart()!.Value;
        return child.Episodes.Last(e => e.StartedOn >= period && e.ReasonForNewEpisode != ReasonForNewEpisode.L).StartedOn;
    }
}
