using System.Globalization;
using System.Net;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Children;

/// <summary>
/// The DfE return's placement details (PLACE_PROVIDER, HOME_POST, PL_POST, URN): entered when an episode
/// starts or changes, corrected on their own page, refused beside their field when wrong; and a child who
/// returns to care is offered the IRO they had.
/// </summary>
public sealed class RecordingPlacementDetailsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private StaffMember _iro = null!;
    private StaffMember _otherIro = null!;
    private StaffMember _socialWorker = null!;
    private StaffMember _teamManager = null!;

    public async Task InitializeAsync()
    {
        var team = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        _iro = await app.AStaffMemberAsync("Ivy Placement", StaffRole.Iro);
        _otherIro = await app.AStaffMemberAsync("Abe Otheriro", StaffRole.Iro);
        _socialWorker = await app.AStaffMemberAsync("Sam Placement", StaffRole.SocialWorker, team);
        _teamManager = await app.AStaffMemberAsync("Tess Placement", StaffRole.TeamManager, team);
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

    private static void Add(Dictionary<string, string> form, IEnumerable<KeyValuePair<string, string>> fields)
    {
        foreach (var (k, v) in fields)
        {
            form[k] = v;
        }
    }

    private static Dictionary<string, string> Placement(string provider, string home, string placement, string urn) => new()
    {
        ["Input.Provider"] = provider,
        ["Input.HomePostcode"] = home,
        ["Input.PlacementPostcode"] = placement,
        ["Input.Urn"] = urn,
    };

    private Dictionary<string, string> NewChildForm(string familyName, string placementType = "K2")
    {
        var form = new Dictionary<string, string>
        {
            ["Input.GivenName"] = "Pia",
            ["Input.FamilyName"] = familyName,
            ["Input.Sex"] = "F",
            ["Input.LegalStatus"] = "C2",
            ["Input.PlacementType"] = placementType,
            ["Input.CategoryOfNeed"] = "N1",
            ["Input.SocialWorkerId"] = _socialWorker.Id.ToString(CultureInfo.InvariantCulture),
            ["Input.IroId"] = _iro.Id.ToString(CultureInfo.InvariantCulture),
        };
        Add(form, Date("DateOfBirth", new DateOnly(2013, 4, 9)));
        Add(form, Date("StartedOn", new DateOnly(2026, 11, 9)));
        return form;
    }

    private Task<Child> ReloadAsync(int id) =>
        app.QueryDbAsync(db => db.Children.Include(c => c.Episodes).Include(c => c.Allocations).AsNoTracking().SingleAsync(c => c.Id == id));

    private Task<bool> AuditedAsync(AuditAction action, int childId) =>
        app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == action && e.ChildId == childId));

    private static string Version(Child child) => child.Version.ToString(CultureInfo.InvariantCulture);

    // ---- Starting a period of care -----------------------------------------------------------------

    [Fact]
    public async Task A_new_childs_placement_details_are_saved_in_the_returns_form()
    {
        using var client = await TeamManagerAsync();
        var form = NewChildForm("Placed");
        Add(form, Placement("PR1", "ls1 4ap", "ls27ue", "sc123456"));

        using var response = await app.SubmitFormAsync(client, "/children/new", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var episode = await app.QueryDbAsync(db => db.Children.Where(c => c.FamilyName == "Placed").SelectMany(c => c.Episodes).SingleAsync());
        Assert.Equal(new PlacementDetails(PlacementProvider.PR1, "LS1 4AP", "LS2 7UE", "SC123456"), episode.Placement);
    }

    [Theory]
    [InlineData("LS1 4AP", "not a postcode", "SC123456", "Input-PlacementPostcode", "Enter the postcode of the placement in the right format")]
    [InlineData("12345", "LS2 7UE", "SC123456", "Input-HomePostcode", "Enter the postcode of the child's home in the right format")]
    [InlineData("LS1 4AP", "LS2 7UE", "SC12345", "Input-Urn", "Enter the Ofsted unique reference number (URN)")]
    [InlineData("LS1 4AP", "LS1 4AP", "", "Input-PlacementPostcode", "The placement postcode must differ from the home postcode")]
    public async Task A_bad_postcode_or_urn_is_explained_beside_its_field_and_nothing_is_saved(string home, string placement, string urn, string field, string message)
    {
        using var client = await TeamManagerAsync();
        var familyName = $"Bad{Guid.NewGuid():N}";
        var form = NewChildForm(familyName);
        Add(form, Placement("PR4", home, placement, urn));

        using var response = await app.SubmitFormAsync(client, "/children/new", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Pages.AssertFieldError(html, field, message);
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(placement)}\"", html, StringComparison.Ordinal);
        Assert.False(await app.QueryDbAsync(db => db.Children.AnyAsync(c => c.FamilyName == familyName)));
    }

    [Fact]
    public async Task A_provider_for_a_temporary_placement_is_refused_beside_the_provider()
    {
        using var client = await TeamManagerAsync();
        var familyName = $"Temp{Guid.NewGuid():N}";
        var form = NewChildForm(familyName, placementType: "T0");
        Add(form, Placement("PR1", "", "", ""));

        using var response = await app.SubmitFormAsync(client, "/children/new", form);

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-Provider", "A T0 placement has no placement provider");
        Assert.False(await app.QueryDbAsync(db => db.Children.AnyAsync(c => c.FamilyName == familyName)));
    }

    // ---- Changing an episode -------------------------------------------------------------------------

    private async Task<Child> AChildPlacedAsync()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), _iro, _socialWorker);
        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.Include(c => c.Episodes).SingleAsync(c => c.Id == child.Id);
            loaded.CorrectPlacement(loaded.CurrentEpisode!, new PlacementDetails(PlacementProvider.PR4, "LS6 1AA", "BD1 1AA", "SC111111"));
        });
        return await ReloadAsync(child.Id);
    }

    [Fact]
    public async Task A_move_is_offered_the_home_postcode_and_saves_the_new_placements_details()
    {
        var child = await AChildPlacedAsync();
        using var client = await TeamManagerAsync();
        var page = await client.GetPageAsync($"/children/{child.Id}/change");
        Assert.Equal("LS6 1AA", AppFactory.HiddenValueIn(page, "Input.HomePostcode"));

        var form = Date("ChangedOn", new DateOnly(2026, 11, 2));
        form["Input.LegalStatus"] = "C2";
        form["Input.Move"] = "NewCarers";
        form["Input.PlacementType"] = "K2";
        form["Input.ReasonForPlacementChange"] = "CREQB";
        form["Input.Version"] = Version(child);
        Add(form, Placement("PR5", "LS6 1AA", "HX1 1AA", "1234567"));
        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/change", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var episodes = (await ReloadAsync(child.Id)).Episodes.OrderBy(e => e.StartedOn).ToList();
        Assert.Equal(new PlacementDetails(PlacementProvider.PR4, "LS6 1AA", "BD1 1AA", "SC111111"), episodes[0].Placement);
        Assert.Equal(new PlacementDetails(PlacementProvider.PR5, "LS6 1AA", "HX1 1AA", "1234567"), episodes[1].Placement);
    }

    [Fact]
    public async Task A_change_of_legal_status_alone_keeps_the_placement_details_and_says_so()
    {
        var child = await AChildPlacedAsync();
        using var client = await TeamManagerAsync();
        var page = await client.GetPageAsync($"/children/{child.Id}/change");
        Assert.Contains("data-testid=\"placement-kept\"", page, StringComparison.Ordinal);
        Assert.Contains("SC111111", page, StringComparison.Ordinal);

        var form = Date("ChangedOn", new DateOnly(2026, 11, 2));
        form["Input.LegalStatus"] = "C1";
        form["Input.Move"] = "None";
        form["Input.PlacementType"] = "U4";
        form["Input.Version"] = Version(child);
        Add(form, Placement("", "", "", ""));
        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/change", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var current = (await ReloadAsync(child.Id)).Episodes.Single(e => e.IsOpen);
        Assert.Equal(ReasonForNewEpisode.L, current.ReasonForNewEpisode);
        Assert.Equal(new PlacementDetails(PlacementProvider.PR4, "LS6 1AA", "BD1 1AA", "SC111111"), current.Placement);
    }

    [Fact]
    public async Task A_bad_urn_on_a_move_is_explained_beside_the_field_and_the_episode_is_not_changed()
    {
        var child = await AChildPlacedAsync();
        using var client = await TeamManagerAsync();

        var form = Date("ChangedOn", new DateOnly(2026, 11, 2));
        form["Input.LegalStatus"] = "C2";
        form["Input.Move"] = "NewCarers";
        form["Input.PlacementType"] = "K2";
        form["Input.ReasonForPlacementChange"] = "CREQB";
        form["Input.Version"] = Version(child);
        Add(form, Placement("PR5", "LS6 1AA", "HX1 1AA", "ABC"));
        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/change", form);

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-Urn", "Enter the Ofsted unique reference number (URN)");
        Assert.Single((await ReloadAsync(child.Id)).Episodes);
    }

    // ---- A new period of care ------------------------------------------------------------------------

    private async Task<Child> AChildWhoLeftCareAsync(StaffMember? iroAfterwards = null, bool changeIroAfterwards = false)
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 3, 2), _iro, _socialWorker);
        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().Include(c => c.SocialWorker)
                .SingleAsync(c => c.Id == child.Id);
            loaded.CeaseToBeLookedAfter(new DateOnly(2026, 5, 1), ReasonEpisodeCeased.E4A, app.Today, app.Rules);
            if (changeIroAfterwards)
            {
                // The child's record moved on after they left care; the IRO they had is still the one to offer.
                var other = iroAfterwards is null ? null : await db.StaffMembers.SingleAsync(s => s.Id == iroAfterwards.Id);
                loaded.Allocate(other, loaded.SocialWorker, new DateOnly(2026, 6, 1), Rulebook.National, new DateOnly(2026, 6, 1));
            }

            loaded.RecalculateDeadlines(app.Today, app.Rules);
        });
        return await ReloadAsync(child.Id);
    }

    private Dictionary<string, string> NewPeriodForm(Child child, string? iroId)
    {
        var form = Date("StartedOn", new DateOnly(2026, 11, 2));
        form["Input.LegalStatus"] = "C1";
        form["Input.PlacementType"] = "U4";
        form["Input.CategoryOfNeed"] = "N1";
        form["Input.Version"] = Version(child);
        if (iroId is not null)
        {
            form["Input.IroId"] = iroId;
        }

        return form;
    }

    [Fact]
    public async Task A_child_returning_to_care_is_offered_the_iro_they_had_when_the_last_period_ended()
    {
        var child = await AChildWhoLeftCareAsync(iroAfterwards: null, changeIroAfterwards: true);
        using var client = await TeamManagerAsync();

        var page = await client.GetPageAsync($"/children/{child.Id}/new-period");

        Assert.Contains($"<option value=\"{_iro.Id.ToString(CultureInfo.InvariantCulture)}\" selected>", page, StringComparison.Ordinal);
        Assert.Contains("Ivy Placement was Alex&#39;s IRO when the last period of care ended", page, StringComparison.Ordinal);
        Assert.Contains("keeping the same IRO when a child returns to care is good practice", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_periods_placement_details_and_iro_are_saved()
    {
        var child = await AChildWhoLeftCareAsync(iroAfterwards: null, changeIroAfterwards: true);
        using var client = await TeamManagerAsync();
        var form = NewPeriodForm(child, _iro.Id.ToString(CultureInfo.InvariantCulture));
        Add(form, Placement("PR2", "WF1 1AA", "LS9 8AA", "XXXXXXX"));

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/new-period", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await ReloadAsync(child.Id);
        var current = after.Episodes.Single(e => e.IsOpen);
        Assert.Equal(ReasonForNewEpisode.S, current.ReasonForNewEpisode);
        Assert.Equal(new PlacementDetails(PlacementProvider.PR2, "WF1 1AA", "LS9 8AA", "XXXXXXX"), current.Placement);
        Assert.Equal(_iro.Id, after.IroId);
        Assert.Equal(new DateOnly(2026, 11, 2), after.Allocations.OrderBy(a => a.Id).Last().From);
    }

    [Fact]
    public async Task A_new_period_with_a_bad_postcode_is_explained_beside_the_field_and_nothing_is_saved()
    {
        var child = await AChildWhoLeftCareAsync();
        using var client = await TeamManagerAsync();
        var form = NewPeriodForm(child, _otherIro.Id.ToString(CultureInfo.InvariantCulture));
        Add(form, Placement("PR2", "WF1 1AA", "NOWHERE", ""));

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/new-period", form);

        var html = await response.Content.ReadAsStringAsync();
        Pages.AssertFieldError(html, "Input-PlacementPostcode", "Enter the postcode of the placement in the right format");
        var after = await ReloadAsync(child.Id);
        Assert.Single(after.Episodes);
        Assert.Equal(_iro.Id, after.IroId);
    }

    [Fact]
    public async Task A_new_period_refuses_an_iro_with_a_declared_conflict_beside_the_iro_and_records_the_refusal()
    {
        var child = await AChildWhoLeftCareAsync();
        await app.ExecuteDbAsync(async db =>
        {
            var other = await db.StaffMembers.SingleAsync(s => s.Id == _otherIro.Id);
            db.Add(new StaffConflict(other, child.Id, null, ConflictKind.HoldsResources, "Chairs the placement panel", new DateOnly(2026, 3, 3), "Mia", app.Today));
        });
        using var client = await TeamManagerAsync();
        var form = NewPeriodForm(child, _otherIro.Id.ToString(CultureInfo.InvariantCulture));

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/new-period", form);

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-IroId", "Abe Otheriro cannot be this child's IRO");
        var after = await ReloadAsync(child.Id);
        Assert.Single(after.Episodes);
        Assert.Equal(_iro.Id, after.IroId);
        Assert.True(await AuditedAsync(AuditAction.AllocationConflictRefused, child.Id));
    }

    // ---- Correcting an episode's details -------------------------------------------------------------

    private static string PlacementUrl(Child child) => $"/children/{child.Id}/episodes/{child.Episodes.Single().Id}/placement";

    [Fact]
    public async Task The_child_page_links_each_episode_to_its_placement_details()
    {
        var child = await AChildPlacedAsync();
        using var client = await TeamManagerAsync();

        var page = await client.GetPageAsync($"/children/{child.Id}");

        Assert.Contains($"href=\"{PlacementUrl(child)}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Correcting_the_placement_details_saves_them_and_is_audited()
    {
        var child = await AChildPlacedAsync();
        using var client = await TeamManagerAsync();
        var page = await client.GetPageAsync(PlacementUrl(child));
        var form = Placement("PR1", "LS6 1AA", "ls11 5aa", "SC222222");
        form["Input.Version"] = AppFactory.HiddenValueIn(page, "Input.Version");

        using var response = await app.SubmitFormAsync(client, PlacementUrl(child), form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var episode = (await ReloadAsync(child.Id)).Episodes.Single();
        Assert.Equal(new PlacementDetails(PlacementProvider.PR1, "LS6 1AA", "LS11 5AA", "SC222222"), episode.Placement);
        Assert.Equal(ReasonForNewEpisode.S, episode.ReasonForNewEpisode);
        Assert.True(await AuditedAsync(AuditAction.EpisodePlacementCorrected, child.Id));
    }

    [Fact]
    public async Task A_correction_from_a_stale_page_is_refused_and_neither_change_is_lost()
    {
        var child = await AChildPlacedAsync();
        using var first = await TeamManagerAsync();
        using var second = await TeamManagerAsync();
        var seen = Version(child);
        var firstForm = Placement("PR1", "LS6 1AA", "LS11 5AA", "SC222222");
        firstForm["Input.Version"] = seen;
        using (var saved = await app.SubmitFormAsync(first, PlacementUrl(child), firstForm))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var secondForm = Placement("PR2", "LS6 1AA", "LS12 3BB", "SC333333");
        secondForm["Input.Version"] = seen;
        using var refused = await app.SubmitFormAsync(second, PlacementUrl(child), secondForm);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this while you were working on it", html, StringComparison.Ordinal);
        // What the second person typed is still in the form, and the form now carries the saved version.
        Assert.Contains("value=\"SC333333\"", html, StringComparison.Ordinal);
        var after = await ReloadAsync(child.Id);
        Assert.Equal(Version(after), AppFactory.HiddenValueIn(html, "Input.Version"));
        Assert.Equal(new PlacementDetails(PlacementProvider.PR1, "LS6 1AA", "LS11 5AA", "SC222222"), after.Episodes.Single().Placement);

        using var retried = await app.SubmitFormAsync(second, PlacementUrl(child), new Dictionary<string, string>(secondForm) { ["Input.Version"] = Version(after) });
        Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
    }

    [Fact]
    public async Task A_bad_correction_is_explained_beside_the_field_and_nothing_is_saved()
    {
        var child = await AChildPlacedAsync();
        using var client = await TeamManagerAsync();
        var form = Placement("PR1", "LS6 1AA", "LS11 5AA", "SC2");
        form["Input.Version"] = Version(child);

        using var response = await app.SubmitFormAsync(client, PlacementUrl(child), form);

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-Urn", "Enter the Ofsted unique reference number (URN)");
        Assert.Equal("SC111111", (await ReloadAsync(child.Id)).Episodes.Single().Urn);
    }

    [Fact]
    public async Task The_correction_page_is_not_found_for_users_not_related_to_the_child_and_the_refusal_is_audited()
    {
        var child = await AChildPlacedAsync();
        var otherTeam = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        var otherManager = await app.AStaffMemberAsync("Olly Elsewhere", StaffRole.TeamManager, otherTeam);
        var otherName = $"tm-other-{Guid.NewGuid():N}";
        await app.AUserAsync(otherName, Roles.TeamManager, otherManager);
        var iroName = $"iro-{Guid.NewGuid():N}";
        await app.AUserAsync(iroName, Roles.Iro, _iro);
        using var otherTm = await app.SignedInClientAsync(otherName);
        using var iro = await app.SignedInClientAsync(iroName);
        using var ownTm = await TeamManagerAsync();
        var anotherChild = await AChildPlacedAsync();

        Assert.Equal(HttpStatusCode.NotFound, await otherTm.StatusOfAsync(PlacementUrl(child)));
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync(PlacementUrl(child)));
        // Another child's episode, through this child's address.
        Assert.Equal(HttpStatusCode.NotFound, await ownTm.StatusOfAsync($"/children/{child.Id}/episodes/{anotherChild.Episodes.Single().Id}/placement"));

        var refusals = await app.QueryDbAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Action == AuditAction.AccessRefused).ToListAsync());
        Assert.Contains(refusals, e => e.UserName == otherName && e.Details == $"child:{child.Id}");
        // The IRO sees the child but may not record episodes: refused on the child's own record.
        Assert.Contains(refusals, e => e.UserName == iroName && e.ChildId == child.Id && e.Details == $"page:correct-placement;episode:{child.Episodes.Single().Id}");
        Assert.Contains(refusals, e => e.ChildId == child.Id && e.Details == $"page:correct-placement;episode:{anotherChild.Episodes.Single().Id}");
    }
}
