using System.Globalization;
using System.Net;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Children;

/// <summary>
/// Managers record a child becoming looked after, changes of placement or legal status and the end of
/// care, with the SSDA903 codes; the review clock follows at once; bad input changes nothing.
/// </summary>
public sealed class RecordingCareEpisodesTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private Team _team = null!;
    private StaffMember _iro = null!;
    private StaffMember _socialWorker = null!;
    private StaffMember _teamManager = null!;

    public async Task InitializeAsync()
    {
        _team = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        _iro = await app.AStaffMemberAsync("Irene Episodes", StaffRole.Iro);
        _socialWorker = await app.AStaffMemberAsync("Simon Episodes", StaffRole.SocialWorker, _team);
        _teamManager = await app.AStaffMemberAsync("Tara Episodes", StaffRole.TeamManager, _team);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> TeamManagerAsync()
    {
        var userName = $"tm-{Guid.NewGuid():N}";
        await app.AUserAsync(userName, Roles.TeamManager, _teamManager);
        return await app.SignedInClientAsync(userName);
    }

    private static Dictionary<string, string> Date(string field, DateOnly date) => new()
    {
        [$"Input.{field}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"Input.{field}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"Input.{field}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private Dictionary<string, string> NewChildForm(DateOnly startedOn, string familyName)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Nina",
            ["Input.FamilyName"] = familyName,
            ["Input.Sex"] = "F",
            ["Input.LegalStatus"] = "V2",
            ["Input.PlacementType"] = "U6",
            ["Input.CategoryOfNeed"] = "N1",
            ["Input.SocialWorkerId"] = _socialWorker.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.IroId"] = _iro.Id.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (k, v) in Date("DateOfBirth", new DateOnly(2014, 5, 17)).Concat(Date("StartedOn", startedOn)))
        {
            form[k] = v;
        }

        return form;
    }

    private Task<Child> ReloadAsync(int id) =>
        app.QueryDbAsync(db => db.Children.Include(c => c.Episodes).Include(c => c.Reviews).AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task A_team_manager_records_a_new_child_becoming_looked_after_and_the_first_review_is_due_in_20_working_days()
    {
        using var client = await TeamManagerAsync();

        using var response = await app.SubmitFormAsync(client, "/children/new", NewChildForm(new DateOnly(2026, 11, 16), "Newcomer"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var child = await app.QueryDbAsync(db => db.Children.Include(c => c.Episodes).SingleAsync(c => c.FamilyName == "Newcomer"));
        var episode = Assert.Single(child.Episodes);
        Assert.Equal(ReasonForNewEpisode.S, episode.ReasonForNewEpisode);
        Assert.Equal(LegalStatus.V2, episode.LegalStatus);
        Assert.Equal(PlacementType.U6, episode.PlacementType);
        Assert.Equal(CategoryOfNeed.N1, episode.CategoryOfNeed);
        Assert.Equal(_iro.Id, child.IroId);
        // 16 November 2026 + 20 working days (no bank holidays in between) = 14 December 2026.
        Assert.Equal(new DateOnly(2026, 12, 14), child.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.FirstReview, child.NextReviewRuleId);
        Assert.True(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ChildBecameLookedAfter && e.ChildId == child.Id)));

        var page = await client.GetPageAsync($"/children/{child.Id}");
        Assert.Contains("14 December 2026", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "", "Enter date the child became looked after")]
    [InlineData("31", "2", "2026", "Date the child became looked after must be a real date")]
    [InlineData("12", "", "2026", "Date the child became looked after must include a month")]
    [InlineData("1", "12", "2026", "The date the child became looked after must be today or in the past")]
    [InlineData("1", "1", "2014", "The date the child became looked after must be on or after their date of birth")]
    public async Task A_bad_start_date_is_explained_beside_the_field_and_nothing_is_saved(string day, string month, string year, string message)
    {
        using var client = await TeamManagerAsync();
        var familyName = $"Bad{Guid.NewGuid():N}";
        var form = NewChildForm(new DateOnly(2026, 11, 16), familyName);
        form["Input.StartedOn.Day"] = day;
        form["Input.StartedOn.Month"] = month;
        form["Input.StartedOn.Year"] = year;

        using var response = await app.SubmitFormAsync(client, "/children/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-StartedOn", message);
        Assert.False(await app.QueryDbAsync(db => db.Children.AnyAsync(c => c.FamilyName == familyName)));
    }

    [Fact]
    public async Task Missing_codes_are_each_explained_beside_their_field()
    {
        using var client = await TeamManagerAsync();
        var form = NewChildForm(new DateOnly(2026, 11, 16), "NoCodes");
        form.Remove("Input.LegalStatus");
        form.Remove("Input.PlacementType");
        form["Input.GivenName"] = "";

        using var response = await app.SubmitFormAsync(client, "/children/new", form);

        var html = await response.Content.ReadAsStringAsync();
        Pages.AssertFieldError(html, "Input-LegalStatus", "Select the legal status");
        Pages.AssertFieldError(html, "Input-PlacementType", "Select the placement type");
        Pages.AssertFieldError(html, "Input-GivenName", "Enter the child's first name");
    }

    [Fact]
    public async Task A_change_of_placement_closes_the_episode_with_X1_and_opens_one_with_reason_P()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), _iro, _socialWorker);
        await app.ReviewsHeldForAsync(child, new DateOnly(2026, 6, 25));
        var dueBefore = (await ReloadAsync(child.Id)).NextReviewDueOn;
        using var client = await TeamManagerAsync();

        var form = Date("ChangedOn", new DateOnly(2026, 11, 2));
        form["Input.LegalStatus"] = "C2";
        form["Input.Move"] = "NewCarers";
        form["Input.PlacementType"] = "K2";
        form["Input.ReasonForPlacementChange"] = "CREQB";
        form["Input.Version"] = (await ReloadAsync(child.Id)).Version.ToString(CultureInfo.InvariantCulture);
        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/change", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await ReloadAsync(child.Id);
        var episodes = after.Episodes.OrderBy(e => e.StartedOn).ToList();
        Assert.Equal(2, episodes.Count);
        Assert.Equal(ReasonEpisodeCeased.X1, episodes[0].ReasonEnded);
        Assert.Equal(new DateOnly(2026, 11, 2), episodes[0].EndedOn);
        Assert.Equal(ReasonForPlacementChange.CREQB, episodes[0].ReasonForPlacementChange);
        Assert.Equal(ReasonForNewEpisode.P, episodes[1].ReasonForNewEpisode);
        Assert.Equal(PlacementType.K2, episodes[1].PlacementType);
        // A move within the period does not restart the review sequence.
        Assert.Equal(dueBefore, after.NextReviewDueOn);
    }

    [Fact]
    public async Task A_placement_change_without_a_reason_is_refused_beside_the_field()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), _iro, _socialWorker);
        using var client = await TeamManagerAsync();

        var form = Date("ChangedOn", new DateOnly(2026, 11, 2));
        form["Input.LegalStatus"] = "C2";
        form["Input.Move"] = "NewCarers";
        form["Input.PlacementType"] = "K2";
        form["Input.Version"] = child.Version.ToString(CultureInfo.InvariantCulture);
        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/change", form);

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-ReasonForPlacementChange", "Select the reason the placement changed");
        Assert.Single((await ReloadAsync(child.Id)).Episodes);
    }

    [Fact]
    public async Task Ceasing_care_stops_the_clock_and_a_new_period_restarts_it_at_the_first_review()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 3, 2), _iro, _socialWorker);
        await app.ReviewsHeldForAsync(child, new DateOnly(2026, 3, 25), new DateOnly(2026, 6, 20));
        using var client = await TeamManagerAsync();

        var cease = Date("EndedOn", new DateOnly(2026, 9, 1));
        cease["Input.Reason"] = "E4A";
        cease["Input.Version"] = (await ReloadAsync(child.Id)).Version.ToString(CultureInfo.InvariantCulture);
        using (var ceased = await app.SubmitFormAsync(client, $"/children/{child.Id}/cease", cease))
        {
            Assert.Equal(HttpStatusCode.Redirect, ceased.StatusCode);
        }

        var afterCeasing = await ReloadAsync(child.Id);
        Assert.Null(afterCeasing.NextReviewDueOn);
        Assert.Equal(ReasonEpisodeCeased.E4A, afterCeasing.Episodes.Single().ReasonEnded);

        var again = Date("StartedOn", new DateOnly(2026, 11, 2));
        again["Input.LegalStatus"] = "C1";
        again["Input.PlacementType"] = "U6";
        again["Input.CategoryOfNeed"] = "N1";
        again["Input.Version"] = afterCeasing.Version.ToString(CultureInfo.InvariantCulture);
        using (var returned = await app.SubmitFormAsync(client, $"/children/{child.Id}/new-period", again))
        {
            Assert.Equal(HttpStatusCode.Redirect, returned.StatusCode);
        }

        var afterReturning = await ReloadAsync(child.Id);
        Assert.Equal(new DateOnly(2026, 11, 30), afterReturning.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.FirstReview, afterReturning.NextReviewRuleId);
    }

    [Fact]
    public async Task X1_is_not_a_reason_for_leaving_care()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), _iro, _socialWorker);
        using var client = await TeamManagerAsync();

        var cease = Date("EndedOn", new DateOnly(2026, 9, 1));
        cease["Input.Reason"] = "X1";
        cease["Input.Version"] = child.Version.ToString(CultureInfo.InvariantCulture);
        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/cease", cease);

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-Reason", "X1 is for a change of episode on the same day");
        Assert.NotNull((await ReloadAsync(child.Id)).NextReviewDueOn);
    }

    [Fact]
    public async Task The_second_of_two_people_saving_the_same_child_is_refused_and_the_first_change_is_kept()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), _iro, _socialWorker);
        using var first = await TeamManagerAsync();
        using var second = await TeamManagerAsync();
        var seenVersion = child.Version.ToString(CultureInfo.InvariantCulture);

        var legalChange = Date("ChangedOn", new DateOnly(2026, 10, 1));
        legalChange["Input.LegalStatus"] = "C1";
        legalChange["Input.Move"] = "None";
        legalChange["Input.PlacementType"] = "U4";
        legalChange["Input.Version"] = seenVersion;
        using (var saved = await app.SubmitFormAsync(first, $"/children/{child.Id}/change", legalChange))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var cease = Date("EndedOn", new DateOnly(2026, 11, 1));
        cease["Input.Reason"] = "E4A";
        cease["Input.Version"] = seenVersion;
        using var refused = await app.SubmitFormAsync(second, $"/children/{child.Id}/cease", cease);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Someone else changed this while you were working on it", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await ReloadAsync(child.Id);
        Assert.Equal(2, after.Episodes.Count);
        Assert.Contains(after.Episodes, e => e.ReasonForNewEpisode == ReasonForNewEpisode.L && e.IsOpen);
        Assert.NotNull(after.NextReviewDueOn);
    }

    [Fact]
    public async Task An_iro_cannot_record_episodes_and_a_team_manager_cannot_for_another_team()
    {
        await app.AUserAsync("iro-no-episodes", Roles.Iro, _iro);
        var otherTeam = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        var otherManager = await app.AStaffMemberAsync("Olga Elsewhere", StaffRole.TeamManager, otherTeam);
        await app.AUserAsync("tm-other-team-episodes", Roles.TeamManager, otherManager);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), _iro, _socialWorker);
        using var iro = await app.SignedInClientAsync("iro-no-episodes");
        using var otherTm = await app.SignedInClientAsync("tm-other-team-episodes");

        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync($"/children/{child.Id}/change"));
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync("/children/new"));
        Assert.Equal(HttpStatusCode.NotFound, await otherTm.StatusOfAsync($"/children/{child.Id}/change"));
        Assert.Equal(HttpStatusCode.NotFound, await otherTm.StatusOfAsync($"/children/{child.Id}/cease"));
    }
}
