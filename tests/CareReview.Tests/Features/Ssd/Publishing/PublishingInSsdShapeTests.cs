using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;
using CareReview.Domain.Escalations;
using CareReview.Domain.Reports;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Domain.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Features.Ssd;
using CareReview.Web.Features.Ssd.Publishing;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Ssd.Publishing;

/// <summary>
/// A small council on 23 November 2026: Zephyrine, looked after since 1 September 2026, had IRO Ada (0.8 FTE, in
/// the Reviewing team) from that day and IRO Ben from 1 October. Her first review was held on 25 September with
/// one recommendation (done on 20 October); the next is arranged for 10 December, and Ben spoke to her alone on
/// 20 November. Her care plan went from long-term fostering to adoption and relatives in parallel. She sent views
/// before the arranged review and a Rate My Review card after the held one. Ben's concern about drift went to
/// stage 1 and on to stage 2, and a Cafcass referral arose from it.
/// </summary>
public sealed class SsdPublishingApp : IAsyncLifetime
{
    public const string GivenName = "Zephyrine";
    public const string FamilyName = "Publishtest";
    public const string RecommendationText = "Arrange a tutor for maths";
    public const string ConcernText = "The plan has drifted for three months";

    public AppFactory App { get; private set; } = null!;
    public Child Child { get; private set; } = null!;
    public StaffMember Ada { get; private set; } = null!;
    public StaffMember Ben { get; private set; } = null!;
    public DateOnly NextReviewDueOn { get; private set; }
    public DateOnly FirstReviewDueOn { get; private set; }

    public async Task InitializeAsync()
    {
        App = await AppFactory.StartAsync();
        var team = await App.ATeamAsync("Reviewing team");
        Ada = await App.AStaffMemberAsync("Ada Reviewer", StaffRole.Iro, team, fte: 0.8m);
        Ben = await App.AStaffMemberAsync("Ben Reviewer", StaffRole.Iro);
        var sw = await App.AStaffMemberAsync("Sam Social", StaffRole.SocialWorker);
        var teamManager = await App.AStaffMemberAsync("Tia Manager", StaffRole.TeamManager);
        var head = await App.AStaffMemberAsync("Hal Head", StaffRole.SeniorManager, jobTitle: "Head of service");
        var child = await App.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), null, sw, new DateOnly(2014, 5, 1),
            givenName: GivenName, familyName: FamilyName);
        var today = App.Today;

        Child = await App.QueryDbAsync(async db =>
        {
            var loaded = await db.Children.Include(c => c.Episodes).Include(c => c.Allocations).Include(c => c.CarePlans)
                .Include(c => c.Reviews).ThenInclude(r => r.Recommendations).Include(c => c.CareEvents).Include(c => c.Deadlines)
                .AsSplitQuery().SingleAsync(c => c.Id == child.Id);
            var ada = await db.StaffMembers.SingleAsync(s => s.Id == Ada.Id);
            var ben = await db.StaffMembers.SingleAsync(s => s.Id == Ben.Id);
            var worker = await db.StaffMembers.SingleAsync(s => s.Id == sw.Id);
            loaded.Allocate(ada, worker, today, App.Rules, from: new DateOnly(2026, 9, 1));
            var held = loaded.RecordReview(
                new ReviewRecord(new DateOnly(2026, 9, 25), ParticipationCode.PN1, null, "She wants to see her gran", null, null, new Dictionary<int, string>(), null),
                [new RecommendationDraft(RecommendationText, "Sam Social", "Social worker", worker.Id, new DateOnly(2026, 10, 31), "The IRO asks the school",
                    [CaseTheme.Education])],
                [], "Ada Reviewer", today, App.Rules);
            loaded.Allocate(ben, worker, today, App.Rules, from: new DateOnly(2026, 10, 1));
            held.Recommendations[0].Complete(new DateOnly(2026, 10, 20), "The tutor started", "Sam Social", today);
            var arranged = loaded.ScheduleReview(new ReviewArrangements(new DateOnly(2026, 12, 10), null, "The council offices", null, null), today, App.Rules);
            arranged.RecordChildSeenAlone(new DateOnly(2026, 11, 20), null, today);
            loaded.ChangeCarePlan(new CarePlanDraft([PermanenceOption.LTFOST18], new Dictionary<CarePlanSection, string?>(), null), "Sam Social", today, App.Rules);
            loaded.ChangeCarePlan(new CarePlanDraft([PermanenceOption.ADOPTION, PermanenceOption.LTRELFR], new Dictionary<CarePlanSection, string?>(), null),
                "Sam Social", today, App.Rules);
            await db.SaveChangesAsync();

            db.ReviewViews.Add(ReviewViews.FromChild(arranged, loaded.FullName,
                new ViewsDraft("School is better", null, null, TalkToIroAlone: true, WantAdvocate: false), today));
            db.ReviewFeedback.Add(ReviewFeedback.Give(held, ReviewRating.Good, "It was fine", today));
            var escalation = new Escalation(loaded.Id, null,
                new ConcernDraft(ConcernCategory.DriftAndDelay, ConcernText, "A permanence decision", today.AddDays(10), held.Id, [], [CaseTheme.Delay]),
                ben.Id, ben.Name, today);
            escalation.RecordDiscussion(today, "The team manager", "We talked", "None agreed", ben.Name, today);
            escalation.StartFormal(DisputeResolutionProcess.Default, 1, teamManager.Id, teamManager.Name, today, App.Calendar);
            escalation.Escalate(DisputeResolutionProcess.Default, 2, head.Id, head.Name, "No answer came", ben.Name, today, App.Calendar);
            db.Escalations.Add(escalation);
            await db.SaveChangesAsync();
            db.CafcassReferrals.Add(new CafcassReferral(loaded.Id, escalation.Id, today,
                CafcassGrounds.CarePlanNotImplemented | CafcassGrounds.CaseNotReviewed, "The plan is not being carried out", ben.Id, ben.Name, today));
            await db.SaveChangesAsync();
            FirstReviewDueOn = held.DueOn;
            NextReviewDueOn = loaded.NextReviewDueOn!.Value;
            return loaded;
        });
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public Task<SsdPublication> PublishAsync() =>
        App.QueryDbAsync(async db => SsdPublication.Build(await SsdPublicationSource.LoadAsync(db, App.Today)));
}

/// <summary>What publish-ssd writes for the arranged council, table by table, read as rows.</summary>
public sealed class PublishingInSsdShapeTests(SsdPublishingApp fixture) : IClassFixture<SsdPublishingApp>
{
    private string Child => fixture.Child.LocalId;

    private static string Iso(DateOnly date) => SsdStore.Date(date);

    /// <summary>Values read from a row, which may be empty (null), in the order given.</summary>
    private static void Same(IEnumerable<string?> expected, IEnumerable<string?> actual) => Assert.Equal(expected, actual);

    private async Task<List<IReadOnlyDictionary<string, string?>>> RowsAsync(SsdTable table, string personColumn) =>
        [.. (await fixture.PublishAsync()).RowsByColumn(table).Where(r => r[personColumn] == Child)];

    [Fact]
    public async Task A_held_review_has_its_date_due_date_and_participation_and_an_arranged_one_its_due_date_from_the_clock()
    {
        var rows = (await fixture.PublishAsync()).RowsByColumn(SsdTables.Reviews).Where(r => r["clar_cla_review_id"]!.StartsWith($"{Child}-R", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, rows.Count);
        var held = rows.Single(r => r["clar_cla_review_id"] == $"{Child}-R1");
        Assert.Equal($"{Child}-C1", held["clar_cla_id"]);
        Assert.Equal("2026-09-25", held["clar_cla_review_date"]);
        // 20 working days from 1 September 2026 (reg 33(2)(a)).
        Assert.Equal("2026-09-29", held["clar_cla_review_due_date"]);
        Assert.Equal(Iso(fixture.FirstReviewDueOn), held["clar_cla_review_due_date"]);
        Assert.Equal("PN1", held["clar_cla_review_participation"]);
        Assert.Equal("N", held["clar_cla_review_cancelled"]);
        var arranged = rows.Single(r => r["clar_cla_review_id"] == $"{Child}-R2");
        Assert.Null(arranged["clar_cla_review_date"]);
        Assert.Equal(Iso(fixture.NextReviewDueOn), arranged["clar_cla_review_due_date"]);
        Assert.Null(arranged["clar_cla_review_participation"]);
        Assert.Equal($"{Child}-C1", arranged["clar_cla_id"]);
    }

    [Fact]
    public async Task The_episode_carries_the_last_iro_contact_the_child_seen_alone_after_the_review()
    {
        var episode = Assert.Single(await RowsAsync(SsdTables.Episodes, "clae_person_id"));

        Assert.Equal($"{Child}-E1", episode["clae_cla_episode_id"]);
        Assert.Equal("2026-09-01", episode["clae_cla_episode_start_date"]);
        Assert.Equal("S", episode["clae_cla_episode_start_reason"]);
        Assert.Equal("N1", episode["clae_cla_primary_need_code"]);
        Assert.Equal($"{Child}-C1", episode["clae_cla_id"]);
        Assert.Equal("2026-09-01", episode["clae_entered_care_date"]);
        Assert.Equal("2026-11-20", episode["clae_cla_last_iro_contact_date"]);
        Assert.Null(episode["clae_cla_episode_ceased_date"]);
    }

    [Fact]
    public async Task A_change_of_iro_ends_one_involvement_and_starts_the_next()
    {
        var rows = await RowsAsync(SsdTables.Involvements, "invo_person_id");

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(SsdTables.Iro, r["invo_professional_role_id"]));
        Same([$"{Child}-IRO1", $"CR{fixture.Ada.Id}", "Reviewing team", "2026-09-01", "2026-10-01"],
            [rows[0]["invo_involvements_id"], rows[0]["invo_professional_id"], rows[0]["invo_professional_team"], rows[0]["invo_involvement_start_date"], rows[0]["invo_involvement_end_date"]]);
        Same([$"{Child}-IRO2", $"CR{fixture.Ben.Id}", "2026-10-01", null],
            [rows[1]["invo_involvements_id"], rows[1]["invo_professional_id"], rows[1]["invo_involvement_start_date"], rows[1]["invo_involvement_end_date"]]);
    }

    [Fact]
    public async Task Each_iro_is_a_professional_with_the_caseload_they_held_on_30_september()
    {
        var publication = await fixture.PublishAsync();
        var professionals = publication.RowsByColumn(SsdTables.Professionals).ToDictionary(r => r["prof_professional_id"]!);

        Assert.Equal(new DateOnly(2026, 9, 30), publication.CaseloadDate);
        var ada = professionals[$"CR{fixture.Ada.Id}"];
        Assert.Equal("Ada Reviewer", ada["prof_professional_name"]);
        Assert.Equal("Independent Reviewing Officer", ada["prof_professional_job_title"]);
        Assert.Equal("Reviewing team", ada["prof_professional_department"]);
        Assert.Equal("0.8", ada["prof_full_time_equivalency"]);
        Assert.Equal("1", ada["prof_professional_caseload"]);
        Assert.Equal("0", professionals[$"CR{fixture.Ben.Id}"]["prof_professional_caseload"]);
        Assert.DoesNotContain(professionals.Values, r => r["prof_professional_name"] == "Sam Social");
    }

    [Fact]
    public async Task An_escalation_has_a_row_for_informal_resolution_each_formal_stage_and_the_cafcass_referral()
    {
        var rows = await RowsAsync(SsdIroTables.Escalations, "iroe_person_id");
        var today = Iso(fixture.App.Today);
        var escalation = $"{Child}-ESC1";

        Assert.Equal(["INFORMAL", "STAGE1", "STAGE2", "CAFCASS"], rows.Select(r => r["iroe_stage"]));
        Assert.All(rows, r => Assert.Equal(escalation, r["iroe_escalation_id"]));
        Assert.All(rows, r => Assert.Equal("DriftAndDelay", r["iroe_concern_category"]));
        Assert.All(rows, r => Assert.Equal($"{Child}-R1", r["iroe_cla_review_id"]));
        Same([$"{escalation}-INF", "Escalated", today], [rows[0]["iroe_escalation_stage_id"], rows[0]["iroe_stage_decision"], rows[0]["iroe_stage_end_date"]]);
        Same(["Team manager", today, "Escalated", today], [rows[1]["iroe_stage_level"], rows[1]["iroe_stage_start_date"], rows[1]["iroe_stage_decision"], rows[1]["iroe_stage_end_date"]]);
        Assert.Equal(Iso(fixture.App.Calendar.AddWorkingDays(fixture.App.Today, 5)), rows[2]["iroe_stage_response_due_date"]);
        Same(["Head of service", null, null], [rows[2]["iroe_stage_level"], rows[2]["iroe_stage_decision"], rows[2]["iroe_escalation_outcome"]]);
        Assert.Equal($"{Child}-CAF1", rows[3]["iroe_cafcass_referral_id"]);

        var referral = Assert.Single(await RowsAsync(SsdIroTables.CafcassReferrals, "iroc_person_id"));
        Same([escalation, "CarePlanNotImplemented CaseNotReviewed", "AwaitingCafcass", $"CR{fixture.Ben.Id}"],
            [referral["iroc_escalation_id"], referral["iroc_grounds"], referral["iroc_outcome"], referral["iroc_referred_by_professional_id"]]);
    }

    [Fact]
    public async Task Recommendations_contacts_care_plans_and_the_childs_views_are_published_as_codes_and_dates()
    {
        var recommendation = Assert.Single(await RowsAsync(SsdIroTables.Recommendations, "iror_person_id"));
        Same([$"{Child}-R1", "2026-09-25", "2026-10-31", "Done", "2026-10-20", "Social worker", "Education"],
            [recommendation["iror_cla_review_id"], recommendation["iror_made_date"], recommendation["iror_due_date"], recommendation["iror_status"],
                recommendation["iror_completed_date"], recommendation["iror_owner_role"], recommendation["iror_themes"]]);

        var contact = Assert.Single(await RowsAsync(SsdIroTables.MidwayContacts, "irom_person_id"));
        Same(["2026-11-20", SsdIroTables.SeenAloneBeforeReview, $"CR{fixture.Ben.Id}", $"{Child}-R2"],
            [contact["irom_contact_date"], contact["irom_contact_type"], contact["irom_professional_id"], contact["irom_cla_review_id"]]);

        var plans = await RowsAsync(SsdTables.CarePlan, "lacp_person_id");
        Assert.Equal([$"{Child}-CP1", $"{Child}-CP2"], plans.Select(p => p["lacp_table_id"]));
        Assert.Equal(Iso(fixture.App.Today), plans[0]["lacp_cla_care_plan_end_date"]);
        Assert.Null(plans[1]["lacp_cla_care_plan_end_date"]);
        Assert.Contains("\"LTFOST18\":\"Y\"", plans[0]["lacp_cla_care_plan_json"], StringComparison.Ordinal);
        Assert.Equal("{\"REMAINSUP\":\"\",\"RETURN1M\":\"\",\"RETURN6M\":\"\",\"RETURNEV\":\"\",\"LTRELFR\":\"Y\",\"LTFOST18\":\"\",\"RESPLMT\":\"\","
            + "\"SUPPLIV\":\"\",\"ADOPTION\":\"Y\",\"OTHERPLN\":\"\"}", plans[1]["lacp_cla_care_plan_json"]);

        var voice = await RowsAsync(SsdTables.VoiceOfChild, "voch_person_id");
        Assert.Equal([SsdPublication.ViewsSource, SsdPublication.CardSource], voice.Select(v => v["voch_source"]));
        Same([$"{Child}-R2", "Y", "N"], [voice[0]["voch_cla_review_id"], voice[0]["voch_talk_to_iro_alone"], voice[0]["voch_want_advocate"]]);
        Same([$"{Child}-R1", "Good"], [voice[1]["voch_cla_review_id"], voice[1]["voch_rate_my_review"]]);
    }

    [Fact]
    public async Task No_table_carries_the_childs_name_or_what_anyone_wrote()
    {
        var publication = await fixture.PublishAsync();
        var values = SsdPublication.Tables.SelectMany(t => publication.Rows(t)).SelectMany(r => r).OfType<string>().ToList();

        Assert.NotEmpty(values);
        foreach (var written in new[] { SsdPublishingApp.GivenName, SsdPublishingApp.FamilyName, SsdPublishingApp.RecommendationText,
                     SsdPublishingApp.ConcernText, "gran", "School is better", "It was fine", "The plan is not being carried out" })
        {
            Assert.DoesNotContain(values, v => v.Contains(written, StringComparison.OrdinalIgnoreCase));
        }
    }
}
