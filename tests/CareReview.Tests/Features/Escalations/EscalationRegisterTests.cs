using System.Net;
using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Escalations;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;

using static CareReview.Tests.Features.Escalations.EscalationSteps;

namespace CareReview.Tests.Features.Escalations;

/// <summary>
/// The escalation register: the IRO manager sees every escalation, an IRO those of their caseload, open and
/// closed, filtered by state, stage, category, team, age and outcome, with a CSV of the same rows and no names.
/// </summary>
public sealed class EscalationRegisterTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string Header =
        "escalation_id,child_local_id,age_band_when_raised,team,category,raised_on,stage_reached,skipped_stages,status,outcome,closed_on,"
        + "working_days_to_close,formal_working_days,over_20_working_days";

    private EscalationCast _cast = null!;
    private Team _otherTeam = null!;
    private StaffMember _otherIro = null!;
    private string _otherIroUser = null!;
    private Child _eight = null!;
    private Child _fourteen = null!;
    private Child _three = null!;

    /// <summary>The cast's IRO; the social worker's team; drift and delay; a child of 8; informal and open.</summary>
    private int _a;

    /// <summary>The cast's IRO; the other team; poor practice; a child of 14; resolved informally.</summary>
    private int _b;

    /// <summary>Another IRO; the social worker's team; care planning; a child of 3; open at formal stage 1.</summary>
    private int _c;

    /// <summary>The cast's IRO; the social worker's team; no exit plan; the child of 8, raised a year ago and still informal.</summary>
    private int _d;

    public async Task InitializeAsync()
    {
        _cast = await app.AnEscalationCastAsync();
        _otherTeam = await app.ATeamAsync($"Other team {_cast.Suffix}");
        var otherWorker = await app.AStaffMemberAsync("Oona Worker", StaffRole.SocialWorker, _otherTeam);
        _otherIro = await app.AStaffMemberAsync("Otto Reviewer", StaffRole.Iro);
        _otherIroUser = $"iro2-{_cast.Suffix}";
        await app.AUserAsync(_otherIroUser, Roles.Iro, _otherIro);

        _eight = await app.AChildOfAsync(_cast, "Orla", $"Q{_cast.Suffix}", app.Today.AddYears(-8));
        _fourteen = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-30), _cast.Iro, otherWorker, app.Today.AddYears(-14),
            givenName: "Piers", familyName: $"R{_cast.Suffix}");
        _three = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-30), _otherIro, _cast.SocialWorker, app.Today.AddYears(-3),
            givenName: "Quin", familyName: $"S{_cast.Suffix}");

        _a = await app.RaiseAsync(_cast.IroUser, _eight.Id, "DriftAndDelay");
        _b = await app.RaiseAsync(_cast.IroUser, _fourteen.Id, "PoorPractice");
        await app.DiscussAsync(_cast.IroUser, _b);
        await app.DecideAsync(_cast.IroUser, _b, "resolve", note: "Visits are back on track");
        _c = await app.RaiseAsync(_otherIroUser, _three.Id, "CarePlanning");
        await app.StartFormalAsync(_otherIroUser, _c, 1, _cast.TeamManager);

        // The clock cannot go back a year, so last year's escalation is made through the domain, as raising it then would have.
        var yearAgo = app.Today.AddYears(-1);
        _d = await app.QueryDbAsync(async db =>
        {
            var escalation = new Escalation(_eight.Id, _cast.Team.Id,
                new ConcernDraft(ConcernCategory.NoExitPlan, "No plan for leaving care", "A pathway plan", yearAgo.AddDays(10), null, []),
                _cast.Iro.Id, _cast.Iro.Name, yearAgo);
            db.Escalations.Add(escalation);
            await db.SaveChangesAsync();
            return escalation.Id;
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private int[] Ours => [_a, _b, _c, _d];

    private async Task<IReadOnlyList<int>> ListedAsync(HttpClient client, string query) =>
        [.. RegisterIds(await client.GetPageAsync($"/escalations{query}")).Where(Ours.Contains).Order()];

    [Fact]
    public async Task Each_filter_keeps_the_rows_that_match_and_only_those()
    {
        // The register names a financial year by the year it starts in.
        var thisYear = FinancialYear.Containing(app.Today).StartingYear;
        var cases = new (string Query, int[] Expected)[]
        {
            ("", [_a, _b, _c, _d]),
            ("?Filter.State=open", [_a, _c, _d]),
            ("?Filter.State=closed", [_b]),
            ("?Filter.Stage=0", [_a, _b, _d]),
            ("?Filter.Stage=1", [_c]),
            ("?Filter.Stage=2", []),
            ("?Filter.Category=PoorPractice", [_b]),
            ("?Filter.Category=CarePlanning", [_c]),
            ("?Filter.Category=Decisions", []),
            ($"?Filter.TeamId={_otherTeam.Id}", [_b]),
            ($"?Filter.TeamId={_cast.Team.Id}", [_a, _c, _d]),
            ("?Filter.AgeBand=UnderFour", [_c]),
            ("?Filter.AgeBand=ThirteenToFifteen", [_b]),
            ("?Filter.AgeBand=FiveToNine", [_a, _d]),
            ("?Filter.Outcome=ResolvedInformally", [_b]),
            ("?Filter.Outcome=ResolvedFormally", []),
            ($"?Filter.Year={thisYear}", [_a, _b, _c]),
            ($"?Filter.Year={thisYear - 1}", [_d]),
            ($"?Filter.State=open&Filter.Stage=0&Filter.TeamId={_cast.Team.Id}", [_a, _d]),
        };
        using var manager = await app.SignedInClientAsync(_cast.IroManagerUser);

        foreach (var (query, expected) in cases)
        {
            var listed = await ListedAsync(manager, query);
            Assert.True(expected.Order().SequenceEqual(listed),
                $"/escalations{query} listed [{string.Join(", ", listed)}], expected [{string.Join(", ", expected.Order())}] (a={_a}, b={_b}, c={_c}, d={_d})");
        }
    }

    [Fact]
    public async Task An_iro_sees_only_the_escalations_of_their_caseload_while_the_iro_manager_sees_all()
    {
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        using var otherIro = await app.SignedInClientAsync(_otherIroUser);
        using var manager = await app.SignedInClientAsync(_cast.IroManagerUser);

        Assert.Equal([_a, _b, _d], await ListedAsync(iro, ""));
        Assert.Equal([_c], await ListedAsync(otherIro, ""));
        Assert.Equal([_a, _b, _c, _d], await ListedAsync(manager, ""));
        Assert.Contains("on your caseload", await iro.GetPageAsync("/escalations"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_say_where_each_escalation_stands()
    {
        using var manager = await app.SignedInClientAsync(_cast.IroManagerUser);
        var table = RegisterTable(await manager.GetPageAsync("/escalations"));

        Assert.Contains("Informal resolution", RowFor(table, _a), StringComparison.Ordinal);
        var closed = RowFor(table, _b)!;
        Assert.Contains("Resolved informally", closed, StringComparison.Ordinal);
        Assert.Contains("govuk-table__cell--numeric\">0</td>", closed, StringComparison.Ordinal);
        Assert.Contains("Stage 1: waiting for a response", RowFor(table, _c), StringComparison.Ordinal);
        Assert.Contains("Under 4", RowFor(table, _c), StringComparison.Ordinal);
        Assert.Contains(_otherTeam.Name, closed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_the_header_one_line_per_row_no_names_and_is_audited()
    {
        using var manager = await app.SignedInClientAsync(_cast.IroManagerUser);
        var query = $"Filter.TeamId={_cast.Team.Id}";
        var onPage = RegisterIds(await manager.GetPageAsync($"/escalations?{query}"));

        using var response = await manager.GetAsync(new Uri($"/escalations?handler=Csv&{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split("\r\n");
        Assert.Equal("", lines[^1]);
        lines = lines[..^1];
        Assert.Equal(Header, lines[0].TrimStart('\uFEFF'));
        Assert.Equal(onPage.Count, lines.Length - 1);
        Assert.Equal(onPage.Order(), lines[1..].Select(l => int.Parse(l.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal(3, lines.Length - 1);
        Assert.All(lines, l => Assert.Equal(14, l.Split(',').Length));

        foreach (var name in new[] { "Orla", "Quin", $"Q{_cast.Suffix}", $"S{_cast.Suffix}", "Ida Challenger" })
        {
            Assert.DoesNotContain(name, csv, StringComparison.Ordinal);
        }

        var today = Iso(app.Today);
        var formal = app.Calendar.WorkingDaysUntil(app.Today, app.Today);
        Assert.Contains($"{_c},{_three.LocalId},Under 4,{_cast.Team.Name},Care planning,{today},Stage 1,,Stage 1: waiting for a response,,,,{formal},no", lines);
        Assert.Contains($"{_a},{_eight.LocalId},5 to 9,{_cast.Team.Name},Drift and delay,{today},Informal,,Informal resolution,,,,,no", lines);

        var exported = Assert.Single(await app.AuditAsync(AuditAction.EscalationRegisterExported, _cast.IroManagerUser));
        Assert.Equal("rows:3", exported.Details);
    }

    [Fact]
    public async Task A_closed_escalation_in_the_csv_has_its_outcome_and_time_to_close()
    {
        using var manager = await app.SignedInClientAsync(_cast.IroManagerUser);

        using var response = await manager.GetAsync(new Uri($"/escalations?handler=Csv&Filter.State=closed&Filter.TeamId={_otherTeam.Id}", UriKind.Relative));

        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        var today = Iso(app.Today);
        Assert.Equal([Header, $"{_b},{_fourteen.LocalId},13 to 15,{_otherTeam.Name},Poor practice,{today},Informal,,Resolved informally,Resolved informally,{today},0,,no", ""],
            lines.Select(l => l.TrimStart('\uFEFF')));
    }

    [Theory]
    [InlineData("sw")]
    [InlineData("tm")]
    [InlineData("hos")]
    public async Task The_register_is_for_iros_and_their_manager(string who)
    {
        using var client = await app.SignedInClientAsync($"{who}-{_cast.Suffix}");

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync("/escalations"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync("/escalations?handler=Csv"));
    }
}
