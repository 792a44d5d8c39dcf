using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain.Staff;
using CareReview.Tests.Features.Escalations;
using CareReview.Tests.Support;
using CareReview.Web;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.BreakGlass;
using CareReview.Web.Records;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.BreakGlass;

/// <summary>
/// Emergency ("break-glass") access (ADR-0028): a member of staff not working with a child asks for the record
/// with a reason, sees it until the access ends by the app's clock, and the IRO manager reviews every use.
/// </summary>
public sealed partial class EmergencyAccessTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string Reason = "Placement broke down tonight and the police need the contact arrangements.";

    private StaffMember _iro = null!;
    private StaffMember _socialWorker = null!;
    private StaffMember _duty = null!;
    private StaffMember _manager = null!;
    private Team _dutyTeam = null!;

    public async Task InitializeAsync()
    {
        _dutyTeam = await app.ATeamAsync($"Duty {Guid.NewGuid():N}");
        _iro = await app.AStaffMemberAsync("Iris Reviewer", StaffRole.Iro);
        _socialWorker = await app.AStaffMemberAsync("Sam Allocated", StaffRole.SocialWorker);
        _duty = await app.AStaffMemberAsync("Dee Duty", StaffRole.SocialWorker, _dutyTeam);
        _manager = await app.AStaffMemberAsync("Morgan Manager", StaffRole.IroManager);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_social_worker_not_allocated_asks_with_a_reason_and_sees_the_record_until_the_access_ends()
    {
        var start = app.Time.GetUtcNow();
        var userName = await ADutyWorkerAsync();
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker, givenName: "Rowan");
        using (var before = await app.SignedInClientAsync(userName))
        {
            Assert.Equal(HttpStatusCode.NotFound, await before.StatusOfAsync($"/children/{child.Id}"));

            using var asked = await AskAsync(before, child.LocalId, Reason);

            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            Assert.Equal($"/children/{child.Id}", asked.Headers.Location?.OriginalString);
            var page = WebUtility.HtmlDecode(await before.GetPageAsync($"/children/{child.Id}"));
            // 8 hours by default: a duty shift.
            Assert.Contains($"You have emergency access to this record until {Clock.AtTimeOnDayInEngland(start.AddHours(8).UtcDateTime)}.", page,
                StringComparison.Ordinal);
            Assert.Contains($"Reason: {Reason}", page, StringComparison.Ordinal);
        }

        // A grant ends at its end time exactly: a second before it the record opens; at it, it does not.
        app.Time.SetUtcNow(start.AddHours(8).AddSeconds(-1));
        using (var lastSecond = await app.SignedInClientAsync(userName))
        {
            Assert.Equal(HttpStatusCode.OK, await lastSecond.StatusOfAsync($"/children/{child.Id}"));
        }

        app.Time.SetUtcNow(start.AddHours(8));
        using var after = await app.SignedInClientAsync(userName);
        Assert.Equal(HttpStatusCode.NotFound, await after.StatusOfAsync($"/children/{child.Id}"));
        Assert.DoesNotContain(child.LocalId, await after.GetPageAsync("/caseload"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_grant_and_each_view_under_it_are_audited_with_the_reason_and_a_break_glass_mark()
    {
        var userName = await ADutyWorkerAsync();
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);
        var until = app.Time.GetUtcNow().AddHours(8);

        using var asked = await AskAsync(client, child.LocalId, Reason);
        await client.GetPageAsync($"/children/{child.Id}");
        // Linking brothers and sisters is for the child's own social worker: refused, and the refusal is marked too.
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/children/{child.Id}/siblings"));

        var grant = await app.QueryDbAsync(db => db.BreakGlassGrants.SingleAsync(g => g.ChildId == child.Id));
        var events = await EventsAboutAsync(child.Id);
        var granted = Assert.Single(events, e => e.Action == AuditAction.BreakGlassGranted);
        Assert.Equal(userName, granted.UserName);
        Assert.Equal($"grant:{grant.Id};until:{until:yyyy-MM-dd'T'HH:mm:ss'Z'};reason:{Reason}", granted.Details);
        Assert.Equal($"break-glass:{grant.Id}", Assert.Single(events, e => e.Action == AuditAction.ChildViewed).Details);
        Assert.Equal($"page:siblings;break-glass:{grant.Id}", Assert.Single(events, e => e.Action == AuditAction.AccessRefused).Details);
    }

    [Fact]
    public async Task A_team_manager_with_emergency_access_cannot_allocate_the_child_to_themselves()
    {
        var team = await app.ATeamAsync($"Takeover {Guid.NewGuid():N}");
        var teamManager = await app.AStaffMemberAsync("Terry Takeover", StaffRole.TeamManager, team);
        var userName = $"tm-{Guid.NewGuid():N}";
        await app.AUserAsync(userName, Roles.TeamManager, teamManager);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);
        using var asked = await AskAsync(client, child.LocalId, Reason);
        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync($"/children/{child.Id}"));

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/children/{child.Id}/allocation"));
        using var posted = await PostAsync(client, $"/children/{child.Id}/allocation", await client.GetPageAsync("/break-glass"), new Dictionary<string, string>
        {
            ["Input.Version"] = child.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.SocialWorkerId"] = teamManager.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.From.Day"] = app.Today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.From.Month"] = app.Today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.From.Year"] = app.Today.Year.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(_socialWorker.Id, await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => c.SocialWorkerId).SingleAsync()));
        var grant = await app.QueryDbAsync(db => db.BreakGlassGrants.SingleAsync(g => g.ChildId == child.Id));
        Assert.Equal(2, (await EventsAboutAsync(child.Id)).Count(e => e.Action == AuditAction.AccessRefused && e.Details == $"page:allocation;break-glass:{grant.Id}"));
    }

    [Fact]
    public async Task A_social_worker_with_emergency_access_reads_the_record_but_cannot_record_a_visit()
    {
        var userName = await ADutyWorkerAsync();
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);
        using var asked = await AskAsync(client, child.LocalId, Reason);

        var page = WebUtility.HtmlDecode(await client.GetPageAsync($"/children/{child.Id}"));
        using var posted = await PostAsync(client, $"/children/{child.Id}/record/visit", await client.GetPageAsync("/break-glass"), new Dictionary<string, string>
        {
            ["Input.Version"] = child.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.On.Day"] = app.Today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.On.Month"] = app.Today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.On.Year"] = app.Today.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.ChildSeen"] = "true",
            ["Input.SeenAlone"] = "true",
        });

        Assert.Contains("You can read this record but not change it.", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/children/{child.Id}/record/visit", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.DoesNotContain(await EventsAboutAsync(child.Id), e => e.Action == AuditAction.CareEventRecorded);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).SelectMany(c => c.CareEvents).CountAsync()));
    }

    [Fact]
    public async Task A_child_seen_only_under_emergency_access_cannot_be_linked_as_a_sibling_from_the_workers_own_child()
    {
        var userName = await ADutyWorkerAsync();
        var own = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _duty);
        var other = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);
        using var asked = await AskAsync(client, other.LocalId, Reason);
        Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync($"/children/{other.Id}"));

        var page = await client.GetPageAsync($"/children/{own.Id}/siblings");
        using var linked = await app.SubmitFormAsync(client, $"/children/{own.Id}/siblings", new Dictionary<string, string>
        {
            ["Input.Version"] = AppFactory.HiddenValueIn(page, "Input.Version"),
            ["Input.LocalId"] = other.LocalId,
        });

        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        Assert.Contains("No child you can see has that reference", await linked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await app.QueryDbAsync(db => db.Children.Where(c => c.Id == other.Id).Select(c => c.SiblingGroupId).SingleAsync()));
    }

    [Fact]
    public async Task An_escalation_opened_under_emergency_access_is_audited_with_the_break_glass_mark_and_shows_the_banner()
    {
        var cast = await app.AnEscalationCastAsync();
        var child = await app.AChildOfAsync(cast);
        var escalationId = await app.RaiseAsync(cast.IroUser, child.Id);
        var userName = await ADutyWorkerAsync();
        using var client = await app.SignedInClientAsync(userName);
        using var asked = await AskAsync(client, child.LocalId, Reason);
        var grant = await app.QueryDbAsync(db => db.BreakGlassGrants.SingleAsync(g => g.ChildId == child.Id));

        var page = WebUtility.HtmlDecode(await client.GetPageAsync($"/escalations/{escalationId}"));

        Assert.Contains($"You have emergency access to this record until {Clock.AtTimeOnDayInEngland(grant.EndsAtUtc)}.", page, StringComparison.Ordinal);
        var seen = (await EventsAboutAsync(child.Id)).Where(e => e.UserName == userName && e.Action != AuditAction.BreakGlassGranted).ToList();
        Assert.NotEmpty(seen);
        Assert.All(seen, e => Assert.EndsWith($"break-glass:{grant.Id}", e.Details, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_family_name_is_answered_as_an_unknown_reference_and_audited()
    {
        var userName = await ADutyWorkerAsync();
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker, familyName: "Okafor");
        using var client = await app.SignedInClientAsync(userName);

        using var wrong = await AskAsync(client, child.LocalId, Reason, "Tester");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Matches("<p id=\"Input-LocalId-error\" class=\"govuk-error-message\">.*No emergency access was given: no child matches this local reference and family name",
            WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.Empty(await app.QueryDbAsync(db => db.BreakGlassGrants.Where(g => g.ChildId == child.Id).ToListAsync()));
        var refused = Assert.Single(await EventsAboutAsync(child.Id), e => e.Action == AuditAction.BreakGlassNotGranted);
        Assert.Equal((userName, $"local-id:{child.LocalId};family-name-differs"), (refused.UserName, refused.Details));

        // The family name is matched whatever its case, and without spaces around it.
        using var right = await AskAsync(client, child.LocalId, Reason, "  oKAFOR ");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
    }

    [Fact]
    public async Task A_second_emergency_access_while_one_lasts_is_refused_beside_the_field()
    {
        var userName = await ADutyWorkerAsync();
        var first = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        var second = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);
        using var granted = await AskAsync(client, first.LocalId, Reason);

        using var refused = await AskAsync(client, second.LocalId, Reason);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches("<p id=\"Input-LocalId-error\" class=\"govuk-error-message\">.*You already have emergency access to a child's record. Wait until it ends, or ask the IRO manager to end it",
            WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.Empty(await app.QueryDbAsync(db => db.BreakGlassGrants.Where(g => g.ChildId == second.Id).ToListAsync()));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/children/{second.Id}"));
    }

    [Fact]
    public async Task A_fourth_emergency_access_in_a_day_in_England_is_refused_beside_the_field()
    {
        var userName = await ADutyWorkerAsync();
        var userId = await app.QueryDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        var dayStarted = app.Time.StartOfTodayInEngland();
        // Three uses already today, each ended, and one yesterday that does not count.
        await app.ExecuteDbAsync(async db =>
        {
            db.BreakGlassGrants.Add(new BreakGlassGrant(_duty.Id, userId, child.Id, Reason, dayStarted.AddMinutes(-2), TimeSpan.FromMinutes(1)));
            db.BreakGlassGrants.Add(new BreakGlassGrant(_duty.Id, userId, child.Id, Reason, dayStarted, TimeSpan.FromSeconds(1)));
            db.BreakGlassGrants.Add(new BreakGlassGrant(_duty.Id, userId, child.Id, Reason, dayStarted.AddSeconds(1), TimeSpan.FromSeconds(1)));
            await db.SaveChangesAsync();
        });
        var other = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);
        using (var third = await AskAsync(client, other.LocalId, Reason))
        {
            Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        }

        await app.ExecuteDbAsync(async db =>
        {
            var running = await db.BreakGlassGrants.SingleAsync(g => g.ChildId == other.Id);
            running.EndEarly("iro-manager", app.Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        var fourthChild = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);

        using var fourth = await AskAsync(client, fourthChild.LocalId, Reason);

        Assert.Equal(HttpStatusCode.OK, fourth.StatusCode);
        Assert.Matches("<p id=\"Input-LocalId-error\" class=\"govuk-error-message\">.*You have asked for emergency access 3 times today, which is the most allowed in a day",
            WebUtility.HtmlDecode(await fourth.Content.ReadAsStringAsync()));
        Assert.Empty(await app.QueryDbAsync(db => db.BreakGlassGrants.Where(g => g.ChildId == fourthChild.Id).ToListAsync()));
    }

    [Fact]
    public async Task Emergency_access_belongs_to_the_sign_in_that_asked_not_to_another_of_the_same_member_of_staff()
    {
        var asker = await ADutyWorkerAsync();
        var otherSignIn = await ADutyWorkerAsync();
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var askerClient = await app.SignedInClientAsync(asker);
        using var asked = await AskAsync(askerClient, child.LocalId, Reason);

        using var other = await app.SignedInClientAsync(otherSignIn);

        Assert.Equal(HttpStatusCode.OK, await askerClient.StatusOfAsync($"/children/{child.Id}"));
        Assert.Equal(HttpStatusCode.NotFound, await other.StatusOfAsync($"/children/{child.Id}"));
    }

    [Fact]
    public async Task A_reason_too_short_is_refused_beside_the_field_and_nothing_is_written()
    {
        var userName = await ADutyWorkerAsync();
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);

        using var asked = await AskAsync(client, child.LocalId, "Urgent.");

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        Assert.Matches(
            $"<p id=\"Input-Reason-error\" class=\"govuk-error-message\">.*Give the reason in at least a sentence \\({BreakGlassGrant.MinReasonLength} characters or more\\)",
            page);
        Assert.Empty(await app.QueryDbAsync(db => db.BreakGlassGrants.Where(g => g.ChildId == child.Id).ToListAsync()));
        Assert.Empty(await EventsAboutAsync(child.Id));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/children/{child.Id}"));
    }

    [Fact]
    public async Task An_unknown_reference_gives_nothing_and_says_only_that_no_child_has_it()
    {
        var userName = await ADutyWorkerAsync();
        using var client = await app.SignedInClientAsync(userName);

        using var asked = await AskAsync(client, "NOSUCH1", Reason);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains(IndexModel.UnknownChildMessage, WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Empty(await app.QueryDbAsync(db => db.BreakGlassGrants.Where(g => g.StaffMemberId == _duty.Id).ToListAsync()));
        var refused = await app.QueryDbAsync(db => db.AuditEvents.Where(e => e.UserName == userName && e.Action == AuditAction.BreakGlassNotGranted).ToListAsync());
        Assert.Equal("local-id:NOSUCH1;no-such-child", Assert.Single(refused).Details);
    }

    [Fact]
    public async Task A_reference_matches_exactly_or_not_at_all()
    {
        var userName = await ADutyWorkerAsync();
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);

        using var part = await AskAsync(client, child.LocalId[..^1], Reason);
        using var lowerCase = await AskAsync(client, child.LocalId.ToLowerInvariant(), Reason);

        Assert.Equal(HttpStatusCode.OK, part.StatusCode);
        Assert.Equal(HttpStatusCode.OK, lowerCase.StatusCode);
        Assert.Empty(await app.QueryDbAsync(db => db.BreakGlassGrants.Where(g => g.ChildId == child.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_child_the_user_already_sees_needs_no_emergency_access()
    {
        var userName = $"allocated-{Guid.NewGuid():N}";
        await app.AUserAsync(userName, Roles.SocialWorker, _socialWorker);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);

        using var asked = await AskAsync(client, child.LocalId, Reason);

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal($"/children/{child.Id}", asked.Headers.Location?.OriginalString);
        Assert.Empty(await app.QueryDbAsync(db => db.BreakGlassGrants.Where(g => g.ChildId == child.Id).ToListAsync()));
    }

    [Fact]
    public async Task The_IRO_manager_sees_each_use_with_the_pages_viewed_and_records_an_outcome()
    {
        var userName = await ADutyWorkerAsync();
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker, givenName: "Quinn", familyName: "Reviewed");
        using (var duty = await app.SignedInClientAsync(userName))
        {
            using var asked = await AskAsync(duty, child.LocalId, Reason, "Reviewed");
            await duty.GetPageAsync($"/children/{child.Id}");
            await duty.GetPageAsync($"/children/{child.Id}");
            await duty.GetPageAsync($"/children/{child.Id}/care-plan");
        }

        var grant = await app.QueryDbAsync(db => db.BreakGlassGrants.SingleAsync(g => g.ChildId == child.Id));
        var managerName = await AManagerAsync();
        using (var manager = await app.SignedInClientAsync(managerName))
        {
            Assert.Matches(@"\d+ uses? of emergency access to review", await manager.GetPageAsync("/caseload"));
            var row = RowOf(await manager.GetPageAsync("/break-glass/reviews"), "to-review", "Quinn Reviewed");
            Assert.Contains("Dee Duty", row, StringComparison.Ordinal);
            Assert.Contains($"Social worker, {_dutyTeam.Name}", row, StringComparison.Ordinal);
            Assert.Contains(Reason, WebUtility.HtmlDecode(row), StringComparison.Ordinal);
            Assert.Matches("govuk-table__cell--numeric\">3</td>", row);

            // Still lasting: the manager may end it, not yet review it.
            Assert.Contains("End this access now", await manager.GetPageAsync($"/break-glass/reviews/{grant.Id}"), StringComparison.Ordinal);
        }

        app.Time.Advance(TimeSpan.FromHours(9));
        using var later = await app.SignedInClientAsync(managerName);
        using var reviewed = await app.SubmitFormAsync(later, $"/break-glass/reviews/{grant.Id}", new Dictionary<string, string>
        {
            ["Input.Outcome"] = nameof(BreakGlassOutcome.NotAppropriate),
            ["Input.ReviewNote"] = "Discussed with Dee: the duty log had what was needed.",
            ["Input.Version"] = grant.Version.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        var saved = await app.QueryDbAsync(db => db.BreakGlassGrants.SingleAsync(g => g.Id == grant.Id));
        Assert.Equal(BreakGlassOutcome.NotAppropriate, saved.Outcome);
        Assert.Equal("Discussed with Dee: the duty log had what was needed.", saved.ReviewNote);
        Assert.Equal("Morgan Manager", saved.ReviewedBy);
        var lists = await later.GetPageAsync("/break-glass/reviews");
        Assert.Contains("Not appropriate", RowOf(lists, "reviewed", "Quinn Reviewed"), StringComparison.Ordinal);
        Assert.DoesNotContain("Quinn Reviewed", TableOf(lists, "to-review"), StringComparison.Ordinal);
        var review = Assert.Single(await EventsAboutAsync(child.Id), e => e.Action == AuditAction.BreakGlassReviewed);
        Assert.Equal(managerName, review.UserName);
        Assert.Equal($"grant:{grant.Id};outcome:NotAppropriate", review.Details);
    }

    [Fact]
    public async Task A_review_from_a_page_someone_else_has_changed_since_is_refused()
    {
        var userName = await ADutyWorkerAsync();
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using (var duty = await app.SignedInClientAsync(userName))
        {
            using var asked = await AskAsync(duty, child.LocalId, Reason);
        }

        var grant = await app.QueryDbAsync(db => db.BreakGlassGrants.SingleAsync(g => g.ChildId == child.Id));
        using var first = await app.SignedInClientAsync(await AManagerAsync());
        using var second = await app.SignedInClientAsync(await AManagerAsync());
        var stalePage = await second.GetPageAsync($"/break-glass/reviews/{grant.Id}");

        // One manager ends the access early; the other, from the page as it was, records a review.
        var firstPage = await first.GetPageAsync($"/break-glass/reviews/{grant.Id}");
        using var ended = await PostAsync(first, $"/break-glass/reviews/{grant.Id}?handler=End", firstPage, new Dictionary<string, string>
        {
            ["Input.Version"] = grant.Version.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        using var stale = await PostAsync(second, $"/break-glass/reviews/{grant.Id}", stalePage, new Dictionary<string, string>
        {
            ["Input.Outcome"] = nameof(BreakGlassOutcome.Appropriate),
            ["Input.Version"] = grant.Version.ToString(CultureInfo.InvariantCulture),
        });

        Assert.Contains(RecordChanges.ConcurrencyMessage, WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var saved = await app.QueryDbAsync(db => db.BreakGlassGrants.SingleAsync(g => g.Id == grant.Id));
        Assert.Null(saved.Outcome);
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime, saved.EndsAtUtc);
        Assert.Single(await EventsAboutAsync(child.Id), e => e.Action == AuditAction.BreakGlassEndedEarly);
        Assert.DoesNotContain(await EventsAboutAsync(child.Id), e => e.Action == AuditAction.BreakGlassReviewed);
    }

    [Theory]
    [InlineData(Roles.Iro)]
    [InlineData(Roles.SocialWorker)]
    [InlineData(Roles.TeamManager)]
    [InlineData(Roles.SeniorManager)]
    [InlineData(Roles.Administrator)]
    public async Task Only_the_IRO_manager_reaches_the_reviews(string role)
    {
        var userName = $"not-reviewer-{Guid.NewGuid():N}";
        await app.AUserAsync(userName, role, role is Roles.Administrator ? null : await app.AStaffMemberAsync("Not Reviewer", StaffRole.Iro));
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        var grant = await app.QueryDbAsync(async db =>
        {
            var granted = new BreakGlassGrant(_duty.Id, "someone", child.Id, Reason, app.Time.GetUtcNow().UtcDateTime, TimeSpan.FromHours(8));
            db.BreakGlassGrants.Add(granted);
            await db.SaveChangesAsync();
            return granted;
        });
        using var client = await app.SignedInClientAsync(userName);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync("/break-glass/reviews"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/break-glass/reviews/{grant.Id}"));
    }

    [Theory]
    [InlineData(Roles.Administrator, false)]
    [InlineData(Roles.Researcher, false)]
    [InlineData(Roles.SeniorManager, true)]
    [InlineData(Roles.SocialWorker, false)]
    public async Task Only_IROs_social_workers_and_team_managers_with_a_staff_record_may_ask(string role, bool withStaffRecord)
    {
        var userName = $"cannot-ask-{Guid.NewGuid():N}";
        await app.AUserAsync(userName, role, withStaffRecord ? await app.AStaffMemberAsync("Cannot Ask", StaffRole.SeniorManager) : null);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(userName);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync("/break-glass"));
        using var posted = await client.PostAsync(new Uri("/break-glass", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.LocalId"] = child.LocalId,
            ["Input.Reason"] = Reason,
            ["Input.Confirmed"] = "true",
        }));
        Assert.NotEqual(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Empty(await app.QueryDbAsync(db => db.BreakGlassGrants.Where(g => g.ChildId == child.Id).ToListAsync()));
    }

    [Theory]
    [InlineData("2026-11-23T18:00:00Z", "6pm on 23 November 2026")]
    [InlineData("2026-03-03T15:30:00Z", "3:30pm on 3 March 2026")]
    [InlineData("2026-07-01T14:05:00Z", "3:05pm on 1 July 2026")]
    [InlineData("2026-07-01T11:00:00Z", "midday on 1 July 2026")]
    [InlineData("2026-11-23T00:00:00Z", "midnight on 23 November 2026")]
    [InlineData("2026-11-23T09:15:00Z", "9:15am on 23 November 2026")]
    public void An_instant_is_shown_as_the_clocks_in_England_showed_it(string utc, string shown) =>
        Assert.Equal(shown, Clock.AtTimeOnDayInEngland(DateTime.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)));

    private async Task<string> ADutyWorkerAsync()
    {
        var userName = $"duty-{Guid.NewGuid():N}";
        await app.AUserAsync(userName, Roles.SocialWorker, _duty);
        return userName;
    }

    private async Task<string> AManagerAsync()
    {
        var userName = $"iro-manager-{Guid.NewGuid():N}";
        await app.AUserAsync(userName, Roles.IroManager, _manager);
        return userName;
    }

    private Task<HttpResponseMessage> AskAsync(HttpClient client, string localId, string reason, string familyName = "Tester") =>
        app.SubmitFormAsync(client, "/break-glass", new Dictionary<string, string>
        {
            ["Input.LocalId"] = localId,
            ["Input.FamilyName"] = familyName,
            ["Input.Reason"] = reason,
            ["Input.Confirmed"] = "true",
        });

    /// <summary>Posts a form from a page already fetched, as a browser left open on it would.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = AppFactory.AntiforgeryTokenIn(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private Task<List<AuditEvent>> EventsAboutAsync(int childId) =>
        app.QueryDbAsync(db => db.AuditEvents.Where(e => e.ChildId == childId).OrderBy(e => e.Id).ToListAsync());

    private static string TableOf(string page, string testId)
    {
        var start = page.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no {testId}");
        var end = page.IndexOf("</table>", start, StringComparison.Ordinal);
        return end < 0 ? page[start..] : page[start..end];
    }

    private static string RowOf(string page, string testId, string childName) =>
        Assert.Single(Row().Matches(TableOf(page, testId)), m => m.Value.Contains(childName, StringComparison.Ordinal)).Value;

    [GeneratedRegex("<tr class=\"govuk-table__row\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex Row();
}
