using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Domain.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Api;

/// <summary>
/// Issue 21 points 2 and 3: the API under /api/v1 with real bearer tokens (signed by the tests' key, validated by the
/// app's own JwtBearer handler), for people (their token's sub linked to their user) and integrations (client id).
/// </summary>
public sealed class ApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int s_next;

    private sealed record Setting(StaffMember Iro, StaffMember OtherIro, StaffMember SocialWorker, Team Team, Child Child, Child OtherChild,
        AppUser IroUser, AppUser SocialWorkerUser, AppUser ManagerUser, AppUser TeamManagerUser, AppUser AdminUser, string Tag);

    /// <summary>Two IROs, each with a child; the first child's social worker is in a team with a team manager.</summary>
    private async Task<Setting> ASettingAsync()
    {
        var tag = Interlocked.Increment(ref s_next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var team = await app.ATeamAsync($"Team {tag}");
        var iro = await app.AStaffMemberAsync($"Iro {tag}", StaffRole.Iro);
        var otherIro = await app.AStaffMemberAsync($"Other Iro {tag}", StaffRole.Iro);
        var socialWorker = await app.AStaffMemberAsync($"Social Worker {tag}", StaffRole.SocialWorker, team);
        var teamManager = await app.AStaffMemberAsync($"Team Manager {tag}", StaffRole.TeamManager, team);
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-5), iro, socialWorker);
        var otherChild = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-5), otherIro);
        return new Setting(iro, otherIro, socialWorker, team, child, otherChild,
            await app.AUserAsync($"api-iro-{tag}", Roles.Iro, iro),
            await app.AUserAsync($"api-sw-{tag}", Roles.SocialWorker, socialWorker),
            await app.AUserAsync($"api-manager-{tag}", Roles.IroManager),
            await app.AUserAsync($"api-tm-{tag}", Roles.TeamManager, teamManager),
            await app.AUserAsync($"api-admin-{tag}", Roles.Administrator),
            tag);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static Uri Url(string path) => new(path, UriKind.Relative);

    [Fact]
    public async Task Without_a_token_the_api_answers_401_with_a_bearer_challenge_not_the_sign_in_page()
    {
        using var client = app.ApiClient();

        using var response = await client.GetAsync(Url("/api/v1/children"));

        await ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_token_for_another_audience_signed_by_another_key_expired_or_for_no_one_known_is_refused()
    {
        var s = await ASettingAsync();
        var good = await app.UserTokenAsync(s.IroUser);
        string[] bad =
        [
            ApiTokens.Token(sub: $"sub-{s.IroUser.Id}", audience: "someone-else", scopes: ApiTokens.AllScopes),
            ApiTokens.Token(sub: $"sub-{s.IroUser.Id}", scopes: ApiTokens.AllScopes, key: new Microsoft.IdentityModel.Tokens.RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048))),
            ApiTokens.Token(sub: $"sub-{s.IroUser.Id}", scopes: ApiTokens.AllScopes, expires: ApiTokens.LongAgo.AddHours(1)),
            ApiTokens.Token(sub: "nobody-linked", clientId: "not-registered", scopes: ApiTokens.AllScopes),
        ];

        foreach (var token in bad)
        {
            using var client = app.ApiClient(token);
            using var response = await client.GetAsync(Url("/api/v1/children"));
            await ProblemAsync(response, HttpStatusCode.Unauthorized);
        }

        using var ok = await app.ApiClient(good).GetAsync(Url("/api/v1/children"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    [Fact]
    public async Task A_childs_fields_follow_the_ssd_and_an_iro_sees_their_own_child_but_not_another_iros()
    {
        var s = await ASettingAsync();
        using var client = app.ApiClient(await app.UserTokenAsync(s.IroUser));

        using var own = await client.GetAsync(Url($"/api/v1/children/{s.Child.Id}"));
        using var other = await client.GetAsync(Url($"/api/v1/children/{s.OtherChild.Id}"));

        var child = await JsonAsync(own);
        Assert.Equal(s.Child.LocalId, child.GetProperty("person_id").GetString());
        Assert.Equal("C2", child.GetProperty("legal_status").GetString());
        Assert.Equal(s.Child.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), child.GetProperty("dob").GetString());
        Assert.Equal(s.Iro.Id, child.GetProperty("iro").GetProperty("professional_id").GetInt32());
        await ProblemAsync(other, HttpStatusCode.NotFound);
        var refusals = await app.QueryDbAsync(db => db.AuditEvents.Where(e => e.UserId == s.IroUser.Id && e.Action == AuditAction.AccessRefused).ToListAsync());
        Assert.Contains(refusals, e => e.ChildId == s.OtherChild.Id);
        Assert.Contains(await app.AuditOfAsync(s.IroUser.Id), e => e.Action == AuditAction.ChildViewed && e.ChildId == s.Child.Id && e.Details == "api:child");
    }

    /// <summary>Each caller, each read endpoint of one child: 200 where the pages would show the child, 404 where they would not.</summary>
    [Fact]
    public async Task Every_read_endpoint_answers_each_role_and_integration_as_the_pages_would()
    {
        var s = await ASettingAsync();
        await app.AnIntegrationAsync($"warehouse-{s.Tag}", IntegrationReach.AllChildren);
        await app.AnIntegrationAsync($"team-app-{s.Tag}", IntegrationReach.Team, teamId: s.Team.Id);
        await app.AnIntegrationAsync($"voice-{s.Tag}", IntegrationReach.OnlyWhatItCreates);
        var callers = new (string Name, string Token, bool SeesChild)[]
        {
            ("IRO", await app.UserTokenAsync(s.IroUser), true),
            ("another IRO's child", await app.UserTokenAsync(s.IroUser), false),
            ("social worker", await app.UserTokenAsync(s.SocialWorkerUser), true),
            ("team manager", await app.UserTokenAsync(s.TeamManagerUser), true),
            ("IRO manager", await app.UserTokenAsync(s.ManagerUser), true),
            ("administrator", await app.UserTokenAsync(s.AdminUser), false),
            ("integration, all children", AppFactory.IntegrationToken($"warehouse-{s.Tag}"), true),
            ("integration, one team", AppFactory.IntegrationToken($"team-app-{s.Tag}"), true),
            ("integration, none but what it creates", AppFactory.IntegrationToken($"voice-{s.Tag}"), false),
        };
        string[] parts = ["", "/episodes", "/reviews", "/recommendations", "/deadlines", "/escalations"];

        foreach (var (name, token, seesChild) in callers)
        {
            var childId = name == "another IRO's child" ? s.OtherChild.Id : s.Child.Id;
            using var client = app.ApiClient(token);
            foreach (var part in parts)
            {
                using var response = await client.GetAsync(Url($"/api/v1/children/{childId}{part}"));
                Assert.True(response.StatusCode == (seesChild ? HttpStatusCode.OK : HttpStatusCode.NotFound),
                    $"{name}, {part}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            using var list = await client.GetAsync(Url("/api/v1/children?pageSize=200"));
            var ids = (await JsonAsync(list)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).ToList();
            Assert.True(seesChild == ids.Contains(childId), $"{name}: the list {(seesChild ? "lacks" : "shows")} the child");
        }

        Assert.Contains(await app.AuditOfAsync($"integration:warehouse-{s.Tag}"), e => e.Action == AuditAction.ChildViewed && e.ChildId == s.Child.Id);
    }

    [Fact]
    public async Task A_token_without_the_scope_answers_403_and_the_refusal_is_audited()
    {
        var s = await ASettingAsync();
        using var client = app.ApiClient(ApiTokens.Token(sub: (await LinkedSubAsync(s.IroUser)), scopes: ["children:read"]));
        await app.AnIntegrationAsync($"narrow-{s.Tag}", IntegrationReach.AllChildren, scopes: ["children:read"]);
        using var integration = app.ApiClient(AppFactory.IntegrationToken($"narrow-{s.Tag}", ["children:read", "reviews:read"]));

        using var reviews = await client.GetAsync(Url($"/api/v1/children/{s.Child.Id}/reviews"));
        using var children = await client.GetAsync(Url($"/api/v1/children/{s.Child.Id}"));
        using var notGiven = await integration.GetAsync(Url($"/api/v1/children/{s.Child.Id}/reviews"));
        // A token that carries scopes, none of them the API's, may use none of the integration's.
        using var othersOnly = app.ApiClient(AppFactory.IntegrationToken($"narrow-{s.Tag}", ["openid", "profile"]));
        using var withOthersOnly = await othersOnly.GetAsync(Url($"/api/v1/children/{s.Child.Id}"));

        var problem = await ProblemAsync(reviews, HttpStatusCode.Forbidden);
        Assert.Contains("reviews:read", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, children.StatusCode);
        await ProblemAsync(notGiven, HttpStatusCode.Forbidden);
        await ProblemAsync(withOthersOnly, HttpStatusCode.Forbidden);
        Assert.Contains(await app.AuditOfAsync(s.IroUser.Id), e => e.Action == AuditAction.ApiScopeMissing && e.Details!.StartsWith("scope:reviews:read", StringComparison.Ordinal));
    }

    private async Task<string> LinkedSubAsync(AppUser user)
    {
        await app.UserTokenAsync(user);
        return $"sub-{user.Id}";
    }

    [Fact]
    public async Task The_children_list_comes_a_page_at_a_time_and_updatedSince_gives_only_those_changed_since()
    {
        var s = await ASettingAsync();
        var more = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-5), s.Iro, s.SocialWorker);
        var third = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-5), s.Iro);
        using var client = app.ApiClient(await app.UserTokenAsync(s.IroUser));

        var first = await JsonAsync(await client.GetAsync(Url("/api/v1/children?pageSize=2")));
        var next = first.GetProperty("next").GetString()!;
        var second = await JsonAsync(await client.GetAsync(Url(next)));

        Assert.Equal(3, first.GetProperty("total").GetInt32());
        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Equal(1, second.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal([s.Child.Id, more.Id, third.Id],
            first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(c => c.GetProperty("id").GetInt32()));

        app.Time.Advance(TimeSpan.FromMinutes(5));
        var since = app.Time.GetUtcNow();
        app.Time.Advance(TimeSpan.FromMinutes(1));
        var version = (await JsonAsync(await client.GetAsync(Url($"/api/v1/children/{more.Id}")))).GetProperty("version").GetInt64();
        using var arranged = await client.PostAsJsonAsync(Url($"/api/v1/children/{more.Id}/reviews"),
            new { date = app.Today.AddDays(7), venue = "School", version });
        Assert.Equal(HttpStatusCode.OK, arranged.StatusCode);
        // A child's views change a record of its own, not the child's version; the child still counts as changed.
        await app.ExecuteDbAsync(async db =>
        {
            var child = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == third.Id);
            child.ScheduleReview(new ReviewArrangements(app.Today.AddDays(7), null, "Home", null, null), app.Today, app.Rules);
            await db.SaveChangesAsync();
        });
        app.Time.Advance(TimeSpan.FromMinutes(1));
        await app.ExecuteDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.ChildId == third.Id);
            db.ReviewViews.Add(ReviewViews.FromChild(review, "Sam", new ViewsDraft("Football", null, null), app.Today));
        });
        var sinceViews = app.Time.GetUtcNow().AddSeconds(-1);

        using var changed = await client.GetAsync(Url($"/api/v1/children?updatedSince={Uri.EscapeDataString(since.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}"));
        using var viewsOnly = await client.GetAsync(Url($"/api/v1/children?updatedSince={Uri.EscapeDataString(sinceViews.ToString("O", System.Globalization.CultureInfo.InvariantCulture))}"));
        using var bad = await client.GetAsync(Url("/api/v1/children?updatedSince=yesterday&pageSize=0"));

        Assert.Equal([more.Id, third.Id], (await JsonAsync(changed)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
        Assert.Equal([third.Id], (await JsonAsync(viewsOnly)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));
        var errors = (await ProblemAsync(bad, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("updatedSince", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Arranging_a_review_saves_it_with_its_audit_names_bad_fields_and_refuses_a_stale_version_with_409()
    {
        var s = await ASettingAsync();
        using var client = app.ApiClient(await app.UserTokenAsync(s.SocialWorkerUser));
        var version = (await JsonAsync(await client.GetAsync(Url($"/api/v1/children/{s.Child.Id}")))).GetProperty("version").GetInt64();

        using var invalid = await client.PostAsJsonAsync(Url($"/api/v1/children/{s.Child.Id}/reviews"), new { date = app.Today.AddDays(7), starts_at = "teatime" });
        var errors = (await ProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.Equal("Enter where the review will be held", errors.GetProperty("venue")[0].GetString());
        Assert.True(errors.TryGetProperty("starts_at", out _));
        Assert.True(errors.TryGetProperty("version", out _));

        using var arranged = await client.PostAsJsonAsync(Url($"/api/v1/children/{s.Child.Id}/reviews"),
            new { date = app.Today.AddDays(7), starts_at = "14:30", venue = "The foster home", version });
        var review = await JsonAsync(arranged);
        Assert.Equal(HttpStatusCode.OK, arranged.StatusCode);
        Assert.Equal("14:30", review.GetProperty("starts_at").GetString());
        Assert.Contains(await app.AuditOfAsync(s.SocialWorkerUser.Id), e => e.Action == AuditAction.ReviewArranged && e.ChildId == s.Child.Id);

        using var stale = await client.PostAsJsonAsync(Url($"/api/v1/children/{s.Child.Id}/reviews"),
            new { date = app.Today.AddDays(8), venue = "School", version });
        await ProblemAsync(stale, HttpStatusCode.Conflict);
        using var notTheirs = await client.PostAsJsonAsync(Url($"/api/v1/children/{s.OtherChild.Id}/reviews"),
            new { date = app.Today.AddDays(8), venue = "School", version });
        await ProblemAsync(notTheirs, HttpStatusCode.NotFound);
        using var notJson = await client.PostAsync(Url($"/api/v1/children/{s.Child.Id}/reviews"), new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        await ProblemAsync(notJson, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_iro_records_the_review_held_and_its_recommendations_a_social_worker_may_not_and_progress_follows()
    {
        var s = await ASettingAsync();
        using var iro = app.ApiClient(await app.UserTokenAsync(s.IroUser));
        using var socialWorker = app.ApiClient(await app.UserTokenAsync(s.SocialWorkerUser));
        var version = (await JsonAsync(await iro.GetAsync(Url($"/api/v1/children/{s.Child.Id}")))).GetProperty("version").GetInt64();
        var arranged = await JsonAsync(await iro.PostAsJsonAsync(Url($"/api/v1/children/{s.Child.Id}/reviews"),
            new { date = app.Today, venue = "School", version }));
        var reviewId = arranged.GetProperty("cla_review_id").GetInt32();
        version = (await JsonAsync(await iro.GetAsync(Url($"/api/v1/children/{s.Child.Id}")))).GetProperty("version").GetInt64();
        var outcome = Url($"/api/v1/children/{s.Child.Id}/reviews/{reviewId}/outcome");

        using var refused = await socialWorker.PostAsJsonAsync(outcome, new { cla_review_date = app.Today, version });
        await ProblemAsync(refused, HttpStatusCode.NotFound);
        using var invalid = await iro.PostAsJsonAsync(outcome, new
        {
            cla_review_participation = "PN1",
            recommendations = new[] { new { action = "Arrange contact with grandparents", monitoring = "At the next review" } },
            version,
        });
        var errors = (await ProblemAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("cla_review_date", out _), errors.ToString());
        Assert.Contains(errors.EnumerateObject(), e => e.Name.StartsWith("recommendations[0].", StringComparison.Ordinal));

        using var recorded = await iro.PostAsJsonAsync(outcome, new
        {
            cla_review_date = app.Today,
            cla_review_participation = "PN1",
            participation_means = new[] { "Attended" },
            recommendations = new[]
            {
                new { action = "Arrange contact with grandparents", owner_professional_id = s.SocialWorker.Id, due_date = app.Today.AddDays(30), monitoring = "At the next review" },
            },
            version,
        });
        var held = await JsonAsync(recorded);
        Assert.Equal(HttpStatusCode.OK, recorded.StatusCode);
        Assert.Equal("Held", held.GetProperty("state").GetString());
        Assert.Contains(await app.AuditOfAsync(s.IroUser.Id), e => e.Action == AuditAction.ReviewRecorded && e.ChildId == s.Child.Id);

        var recommendations = await JsonAsync(await socialWorker.GetAsync(Url($"/api/v1/children/{s.Child.Id}/recommendations")));
        var recommendation = recommendations[0];
        Assert.Equal("Social worker", recommendation.GetProperty("owner_role").GetString());
        var id = recommendation.GetProperty("recommendation_id").GetInt32();
        version = (await JsonAsync(await socialWorker.GetAsync(Url($"/api/v1/children/{s.Child.Id}")))).GetProperty("version").GetInt64();
        using var noNote = await socialWorker.PostAsJsonAsync(Url($"/api/v1/recommendations/{id}/progress"), new { date = app.Today, done = true, version });
        Assert.True((await ProblemAsync(noNote, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("note", out _));
        using var done = await socialWorker.PostAsJsonAsync(Url($"/api/v1/recommendations/{id}/progress"),
            new { date = app.Today, note = "Contact arranged for Saturdays", done = true, version });
        Assert.Equal("Done", (await JsonAsync(done)).GetProperty("status").GetString());
        Assert.Contains(await app.AuditOfAsync(s.SocialWorkerUser.Id), e => e.Action == AuditAction.RecommendationCompleted && e.ChildId == s.Child.Id);
        using var otherIro = app.ApiClient(await app.UserTokenAsync(await app.AUserAsync($"api-other-iro-{s.Tag}", Roles.Iro, s.OtherIro)));
        using var notVisible = await otherIro.PostAsJsonAsync(Url($"/api/v1/recommendations/{id}/progress"), new { date = app.Today, note = "x", done = false, version });
        await ProblemAsync(notVisible, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_child_voice_app_sends_a_childs_views_once_and_then_sees_only_that_child_while_staff_may_not_send_them()
    {
        var s = await ASettingAsync();
        await app.AnIntegrationAsync($"voice-app-{s.Tag}", IntegrationReach.OnlyWhatItCreates, ["children:read", "views:write"]);
        using var voiceApp = app.ApiClient(AppFactory.IntegrationToken($"voice-app-{s.Tag}"));
        using var iro = app.ApiClient(await app.UserTokenAsync(s.IroUser));
        var version = (await JsonAsync(await iro.GetAsync(Url($"/api/v1/children/{s.Child.Id}")))).GetProperty("version").GetInt64();
        var views = new { going_well = "School is good", talk_to_iro_alone = true, want_advocate = false };

        using var noReview = await voiceApp.PostAsJsonAsync(Url($"/api/v1/children/{s.Child.Id}/views"), views);
        await ProblemAsync(noReview, HttpStatusCode.Conflict);
        await iro.PostAsJsonAsync(Url($"/api/v1/children/{s.Child.Id}/reviews"), new { date = app.Today.AddDays(7), venue = "School", version });
        using var before = await voiceApp.GetAsync(Url($"/api/v1/children/{s.Child.Id}"));
        await ProblemAsync(before, HttpStatusCode.NotFound);
        using var empty = await voiceApp.PostAsJsonAsync(Url($"/api/v1/children/{s.Child.Id}/views"), new { talk_to_iro_alone = true });
        Assert.True((await ProblemAsync(empty, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("going_well", out _));

        using var sent = await voiceApp.PostAsJsonAsync(Url($"/api/v1/children/{s.Child.Id}/views"), views);
        using var again = await voiceApp.PostAsJsonAsync(Url($"/api/v1/children/{s.Child.Id}/views"), views);
        using var after = await voiceApp.GetAsync(Url($"/api/v1/children/{s.Child.Id}"));
        using var other = await voiceApp.GetAsync(Url($"/api/v1/children/{s.OtherChild.Id}"));
        using var byStaff = await iro.PostAsJsonAsync(Url($"/api/v1/children/{s.Child.Id}/views"), views);

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        await ProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        await ProblemAsync(other, HttpStatusCode.NotFound);
        await ProblemAsync(byStaff, HttpStatusCode.Forbidden);
        var saved = await app.QueryDbAsync(db => db.ReviewViews.SingleAsync(v => v.ChildId == s.Child.Id));
        Assert.Equal(true, saved.TalkToIroAlone);
        Assert.Contains(await app.AuditOfAsync($"integration:voice-app-{s.Tag}"), e => e.Action == AuditAction.ChildViewsSent && e.ChildId == s.Child.Id);
    }

    [Fact]
    public async Task Every_call_is_audited_with_its_caller_and_an_unknown_address_is_a_problem_not_a_page()
    {
        var s = await ASettingAsync();
        await app.AnIntegrationAsync($"auditing-{s.Tag}", IntegrationReach.AllChildren);
        using var client = app.ApiClient(AppFactory.IntegrationToken($"auditing-{s.Tag}"));

        using var list = await client.GetAsync(Url("/api/v1/children"));
        using var missing = await client.GetAsync(Url("/api/v1/no-such-thing"));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        await ProblemAsync(missing, HttpStatusCode.NotFound);
        var audit = await app.AuditOfAsync($"integration:auditing-{s.Tag}");
        Assert.Contains(audit, e => e.Action == AuditAction.ApiChildrenListed);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_the_app_maps_under_api_v1()
    {
        using var client = app.ApiClient();

        using var response = await client.GetAsync(Url("/api/v1/openapi.json"));
        var document = await JsonAsync(response);

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .Order().ToList();
        Assert.Equal(app.ApiEndpoints().Order().ToList(), documented);
        Assert.True(documented.Count >= 13, string.Join(", ", documented));
    }

    [Fact]
    public async Task The_docs_page_is_served_from_the_app_under_a_strict_policy_with_a_nonce()
    {
        using var client = app.ApiClient();

        using var redirect = await client.GetAsync(Url("/api/docs"));
        using var page = redirect.StatusCode == HttpStatusCode.OK ? redirect : await client.GetAsync(redirect.Headers.Location!.IsAbsoluteUri
            ? redirect.Headers.Location : new Uri(new Uri("http://localhost/api/docs"), redirect.Headers.Location));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.StartsWith("default-src 'self'; script-src 'self' 'nonce-", policy, StringComparison.Ordinal);
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        var script = System.Text.RegularExpressions.Regex.Match(html, "<script[^>]*src=\"([^\"]+)\"").Groups[1].Value;
        using var asset = await client.GetAsync(new Uri(new Uri("http://localhost/api/docs/"), script));
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
    }

    [Fact]
    public async Task Only_an_administrator_registers_an_integration_on_its_page()
    {
        var s = await ASettingAsync();
        using var admin = await app.SignedInClientAsync(s.AdminUser.UserName!);
        using var manager = await app.SignedInClientAsync(s.ManagerUser.UserName!);

        using var saved = await app.SubmitFormAsync(admin, "/admin/integrations", new Dictionary<string, string>
        {
            ["Input.ClientId"] = $"warehouse-page-{s.Tag}",
            ["Input.Name"] = "Data warehouse",
            ["Input.Scopes"] = "children:read",
            ["Input.Reach"] = "AllChildren",
        });
        using var refused = await manager.GetAsync(Url("/admin/integrations"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var integration = await app.QueryDbAsync(db => db.ApiIntegrations.SingleAsync(i => i.ClientId == $"warehouse-page-{s.Tag}"));
        Assert.Equal("children:read", integration.Scopes);
        using var client = app.ApiClient(AppFactory.IntegrationToken($"warehouse-page-{s.Tag}"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url($"/api/v1/children/{s.Child.Id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Url($"/api/v1/children/{s.Child.Id}/reviews"))).StatusCode);
    }
}

/// <summary>Each caller has its own limit a minute; over it, 429 with Retry-After as problem details, and others go on.</summary>
public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task A_caller_over_its_limit_gets_429_with_retry_after_while_another_caller_goes_on()
    {
        await using var app = await AppFactory.StartAsync(new Dictionary<string, string?> { ["RateLimits:ApiPerMinute"] = "3" });
        await app.AnIntegrationAsync("busy", IntegrationReach.AllChildren);
        await app.AnIntegrationAsync("quiet", IntegrationReach.AllChildren);
        using var busy = app.ApiClient(AppFactory.IntegrationToken("busy"));
        using var quiet = app.ApiClient(AppFactory.IntegrationToken("quiet"));

        for (var call = 0; call < 3; call++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync(new Uri("/api/v1/children", UriKind.Relative))).StatusCode);
        }

        using var limited = await busy.GetAsync(new Uri("/api/v1/children", UriKind.Relative));
        using var other = await quiet.GetAsync(new Uri("/api/v1/children", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
