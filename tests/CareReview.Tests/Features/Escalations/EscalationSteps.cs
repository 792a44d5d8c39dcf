using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain.Children;
using CareReview.Domain.Escalations;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Escalations;

/// <summary>
/// The people an escalation involves, each a real user: the child's IRO, the social worker and their team
/// manager, two senior managers (head of service, assistant director) and the IRO manager. User names end
/// in <see cref="Suffix"/>, so each test's people are its own in a database the class shares.
/// </summary>
internal sealed class EscalationCast
{
    public required string Suffix { get; init; }
    public required Team Team { get; init; }
    public required StaffMember Iro { get; init; }
    public required StaffMember SocialWorker { get; init; }
    public required StaffMember TeamManager { get; init; }
    public required StaffMember HeadOfService { get; init; }
    public required StaffMember AssistantDirector { get; init; }
    public required StaffMember IroManager { get; init; }

    public string IroUser => $"iro-{Suffix}";
    public string SocialWorkerUser => $"sw-{Suffix}";
    public string TeamManagerUser => $"tm-{Suffix}";
    public string HeadOfServiceUser => $"hos-{Suffix}";
    public string AssistantDirectorUser => $"ad-{Suffix}";
    public string IroManagerUser => $"irom-{Suffix}";
}

/// <summary>The steps of an escalation as the pages take them, and readers of what they saved.</summary>
internal static class EscalationSteps
{
    private static readonly Regex s_escalationAddress = new(@"^/escalations/(\d+)$", RegexOptions.Compiled);

    public static async Task<EscalationCast> AnEscalationCastAsync(this AppFactory app)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var team = await app.ATeamAsync($"Team {suffix}");
        var cast = new EscalationCast
        {
            Suffix = suffix,
            Team = team,
            Iro = await app.AStaffMemberAsync("Ida Challenger", StaffRole.Iro),
            SocialWorker = await app.AStaffMemberAsync("Sid Worker", StaffRole.SocialWorker, team),
            TeamManager = await app.AStaffMemberAsync("Tara Team", StaffRole.TeamManager, team),
            HeadOfService = await app.AStaffMemberAsync("Hana Head", StaffRole.SeniorManager, jobTitle: "Head of service"),
            AssistantDirector = await app.AStaffMemberAsync("Ash Director", StaffRole.SeniorManager, jobTitle: "Assistant director"),
            IroManager = await app.AStaffMemberAsync("Mo Manager", StaffRole.IroManager),
        };
        await app.AUserAsync(cast.IroUser, Roles.Iro, cast.Iro);
        await app.AUserAsync(cast.SocialWorkerUser, Roles.SocialWorker, cast.SocialWorker);
        await app.AUserAsync(cast.TeamManagerUser, Roles.TeamManager, cast.TeamManager);
        await app.AUserAsync(cast.HeadOfServiceUser, Roles.SeniorManager, cast.HeadOfService);
        await app.AUserAsync(cast.AssistantDirectorUser, Roles.SeniorManager, cast.AssistantDirector);
        await app.AUserAsync(cast.IroManagerUser, Roles.IroManager, cast.IroManager);
        return cast;
    }

    /// <summary>A child looked after for a month, with the cast's IRO and social worker.</summary>
    public static Task<Child> AChildOfAsync(this AppFactory app, EscalationCast cast, string givenName = "Alex", string familyName = "Tester",
        DateOnly? dateOfBirth = null) =>
        app.AChildLookedAfterSinceAsync(app.Today.AddDays(-30), cast.Iro, cast.SocialWorker, dateOfBirth: dateOfBirth,
            givenName: givenName, familyName: familyName);

    public static void Date(Dictionary<string, string> form, string name, DateOnly date)
    {
        form[$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        form[$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        form[$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Moves the app's clock forward to 10:00 UTC on <paramref name="day"/> (it cannot go back).</summary>
    public static void MoveTo(this AppFactory app, DateOnly day)
    {
        Assert.True(day >= app.Today, $"The clock cannot go back from {Iso(app.Today)} to {Iso(day)}");
        app.Time.Advance(TimeSpan.FromDays(day.DayNumber - app.Today.DayNumber));
    }

    /// <summary>Moves the clock to the next working day.</summary>
    public static void NextWorkingDay(this AppFactory app) => app.MoveTo(app.Calendar.AddWorkingDays(app.Today, 1));

    public static Dictionary<string, string> ConcernForm(string? category, string? concern, string? needed, DateOnly? neededBy)
    {
        var form = new Dictionary<string, string>();
        if (category is not null)
        {
            form["Input.Category"] = category;
        }

        form["Input.Concern"] = concern ?? "";
        form["Input.Needed"] = needed ?? "";
        if (neededBy is { } by)
        {
            Date(form, "Input.NeededBy", by);
        }

        return form;
    }

    /// <summary>The escalation's id from the address a page redirected to ("/escalations/12").</summary>
    public static int EscalationIdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var match = s_escalationAddress.Match(response.Headers.Location!.OriginalString);
        Assert.True(match.Success, $"Redirected to {response.Headers.Location}, not to an escalation");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The IRO raises a concern on the child's case through the page and gets its id.</summary>
    public static async Task<int> RaiseAsync(this AppFactory app, string user, int childId, string category = "DriftAndDelay",
        string concern = "The plan for permanence has drifted for four months", string needed = "A permanence planning meeting",
        Action<Dictionary<string, string>>? more = null)
    {
        using var client = await app.SignedInClientAsync(user);
        var form = ConcernForm(category, concern, needed, app.Today.AddDays(14));
        more?.Invoke(form);
        using var response = await app.SubmitFormAsync(client, $"/children/{childId}/escalations/new", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return EscalationIdFrom(response);
    }

    public static Dictionary<string, string> DiscussionForm(long version, DateOnly? on, string? with = "Tara Team, team manager",
        string? conversation = "Talked through the drift in the plan", string? agreedAction = "Team manager to book the meeting within a week")
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = Number(version),
            ["Input.With"] = with ?? "",
            ["Input.Conversation"] = conversation ?? "",
            ["Input.AgreedAction"] = agreedAction ?? "",
        };
        if (on is { } day)
        {
            Date(form, "Input.On", day);
        }

        return form;
    }

    /// <summary>The IRO records an informal discussion held today.</summary>
    public static async Task DiscussAsync(this AppFactory app, string user, int id)
    {
        using var client = await app.SignedInClientAsync(user);
        using var response = await app.SubmitFormAsync(client, $"/escalations/{id}/discussion",
            DiscussionForm(await app.EscalationVersionAsync(id), app.Today));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    public static Dictionary<string, string> DecisionForm(long version, string? decision, int? stage = null, int? respondentStaffId = null, string? note = null)
    {
        var form = new Dictionary<string, string> { ["Input.Version"] = Number(version) };
        if (decision is not null)
        {
            form["Input.Decision"] = decision;
        }

        if (stage is { } s)
        {
            form["Input.Stage"] = Number(s);
        }

        if (respondentStaffId is { } r)
        {
            form["Input.RespondentStaffId"] = Number(r);
        }

        if (note is not null)
        {
            form["Input.Note"] = note;
        }

        return form;
    }

    /// <summary>Posts a decision on the escalation as it is saved now (its current version).</summary>
    public static async Task<HttpResponseMessage> PostDecisionAsync(this AppFactory app, HttpClient client, int id, string? decision,
        int? stage = null, int? respondentStaffId = null, string? note = null) =>
        await app.SubmitFormAsync(client, $"/escalations/{id}/decide",
            DecisionForm(await app.EscalationVersionAsync(id), decision, stage, respondentStaffId, note));

    /// <summary>The IRO decides, and the page accepts it.</summary>
    public static async Task DecideAsync(this AppFactory app, string user, int id, string decision, int? stage = null,
        int? respondentStaffId = null, string? note = null)
    {
        using var client = await app.SignedInClientAsync(user);
        using var response = await app.PostDecisionAsync(client, id, decision, stage, respondentStaffId, note);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Records a discussion, then starts the formal process at <paramref name="stage"/>.</summary>
    public static async Task StartFormalAsync(this AppFactory app, string iroUser, int id, int stage, StaffMember respondent)
    {
        await app.DiscussAsync(iroUser, id);
        await app.DecideAsync(iroUser, id, "escalate", stage, respondent.Id);
    }

    /// <summary>The respondent answers the open stage.</summary>
    public static async Task RespondAsync(this AppFactory app, string user, int id, string response = "The meeting is booked for next week")
    {
        using var client = await app.SignedInClientAsync(user);
        using var posted = await app.SubmitFormAsync(client, $"/escalations/{id}/respond", new Dictionary<string, string>
        {
            ["Input.Version"] = Number(await app.EscalationVersionAsync(id)),
            ["Input.Response"] = response,
        });
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
    }

    /// <summary>The escalation as saved, with its discussions, stages and recommendations.</summary>
    public static Task<Escalation> EscalationAsync(this AppFactory app, int id) =>
        app.QueryDbAsync(db => db.Escalations.Include(e => e.Discussions).Include(e => e.Stages).Include(e => e.Recommendations)
            .AsNoTracking().AsSplitQuery().SingleAsync(e => e.Id == id));

    public static Task<long> EscalationVersionAsync(this AppFactory app, int id) =>
        app.QueryDbAsync(db => db.Escalations.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());

    public static Task<int> EscalationCountAsync(this AppFactory app, int childId) =>
        app.QueryDbAsync(db => db.Escalations.CountAsync(e => e.ChildId == childId));

    /// <summary>The audit events of one kind by one user (any user when null).</summary>
    public static Task<List<AuditEvent>> AuditAsync(this AppFactory app, AuditAction action, string? userName = null) =>
        app.QueryDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == action && (userName == null || e.UserName == userName)).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The audit events of one kind about one escalation ("escalation:12", "escalation:12;stage:1").</summary>
    public static async Task<List<AuditEvent>> AuditOfEscalationAsync(this AppFactory app, AuditAction action, int id) =>
        [.. (await app.AuditAsync(action)).Where(e => e.Details == $"escalation:{id}"
            || (e.Details ?? "").StartsWith($"escalation:{id};", StringComparison.Ordinal))];

    /// <summary>The row of a table that links to the escalation, from its &lt;tr to its &lt;/tr&gt;; null when there is none.</summary>
    public static string? RowFor(string html, int id)
    {
        var link = html.IndexOf($"href=\"/escalations/{id}\"", StringComparison.Ordinal);
        if (link < 0)
        {
            return null;
        }

        var start = html.LastIndexOf("<tr", link, StringComparison.Ordinal);
        var end = html.IndexOf("</tr>", link, StringComparison.Ordinal);
        return html[start..end];
    }

    /// <summary>The escalation register's table only (not its totals or filters).</summary>
    public static string RegisterTable(string html)
    {
        var start = html.IndexOf("data-testid=\"register\"", StringComparison.Ordinal);
        return start < 0 ? "" : html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    /// <summary>The ids of the escalations the register's table lists.</summary>
    public static IReadOnlyList<int> RegisterIds(string html) =>
        [.. Regex.Matches(RegisterTable(html), "href=\"/escalations/(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
}
