using System.Globalization;
using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Features.Escalations;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Records;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Security;

/// <summary>
/// Issue 19, finding 8: a double click on "Record a visit" answered 500 five times in five, and double submits made
/// duplicate escalations. Every form carries a one-time token saved with its change, so the same form sent many
/// times at once is saved once; every other send is answered with the page and a message, never a 500.
/// </summary>
public sealed class DoubleSubmitTests(AppOnFile app) : IClassFixture<AppOnFile>
{
    /// <summary>A double click and then some; more at once only measures SQLite queueing writers (see the session note).</summary>
    private const int Sends = 3;

    [Fact]
    public async Task A_visit_sent_many_times_at_once_is_recorded_once()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var worker = await app.AStaffMemberAsync("Dee Double", StaffRole.SocialWorker, await app.ATeamAsync($"Team {suffix}"));
        await app.AUserAsync($"sw-{suffix}", Roles.SocialWorker, worker);
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-20), socialWorker: worker);
        using var client = await app.SignedInClientAsync($"sw-{suffix}");

        var answers = await SendManyTimesAsync(client, $"/children/{child.Id}/record/visit", page => new Dictionary<string, string>
        {
            ["Input.Version"] = AppFactory.HiddenValueIn(page, "Input.Version"),
            ["Input.On.Day"] = app.Today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.On.Month"] = app.Today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.On.Year"] = app.Today.Year.ToString(CultureInfo.InvariantCulture),
            ["Input.ChildSeen"] = "true",
            ["Input.SeenAlone"] = "true",
        });

        AssertSavedOnce(answers);
        Assert.Equal(1, await app.QueryDbAsync(db => db.CareEvents.CountAsync(e => e.ChildId == child.Id)));
        Assert.Equal(1, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(a => a.ChildId == child.Id && a.Action == AuditAction.CareEventRecorded)));
    }

    [Fact]
    public async Task A_concern_sent_many_times_at_once_raises_one_escalation()
    {
        var cast = await app.AnEscalationCastAsync();
        var child = await app.AChildOfAsync(cast);
        using var client = await app.SignedInClientAsync(cast.IroUser);

        var answers = await SendManyTimesAsync(client, $"/children/{child.Id}/escalations/new",
            _ => EscalationSteps.ConcernForm("DriftAndDelay", "The plan has drifted", "A planning meeting", app.Today.AddDays(14)));

        AssertSavedOnce(answers);
        Assert.Equal(1, await app.QueryDbAsync(db => db.Escalations.CountAsync(e => e.ChildId == child.Id)));
    }

    [Fact]
    public async Task A_form_sent_again_later_from_the_same_page_is_not_saved_twice()
    {
        var cast = await app.AnEscalationCastAsync();
        var child = await app.AChildOfAsync(cast);
        using var client = await app.SignedInClientAsync(cast.IroUser);
        var url = $"/children/{child.Id}/escalations/new";
        var form = await FormFromPageAsync(client, url,
            _ => EscalationSteps.ConcernForm("DriftAndDelay", "The plan has drifted", "A planning meeting", app.Today.AddDays(14)));

        using var first = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form));
        using var again = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(RecordChanges.AlreadySentMessage, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryDbAsync(db => db.Escalations.CountAsync(e => e.ChildId == child.Id)));
    }

    [Fact]
    public async Task A_saved_forms_token_is_kept_for_thirty_days_then_forgotten_by_the_hourly_job()
    {
        await using var own = await AppFactory.StartAsync();
        var cast = await own.AnEscalationCastAsync();
        var child = await own.AChildOfAsync(cast);
        using var client = await own.SignedInClientAsync(cast.IroUser);
        var url = $"/children/{child.Id}/escalations/new";
        var form = await FormFromPageAsync(client, url,
            _ => EscalationSteps.ConcernForm("DriftAndDelay", "The plan has drifted", "A planning meeting", own.Today.AddDays(14)));
        using (var sent = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form)))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var token = form[FormToken.Field];
        var savedAt = own.Time.GetUtcNow().UtcDateTime;
        Assert.Equal(savedAt, await own.QueryDbAsync(db => db.FormSubmissions.Where(s => s.Token == token).Select(s => s.SavedAtUtc).SingleAsync()));

        own.Time.Advance(FormToken.Kept - TimeSpan.FromHours(1));
        await own.RunReminderJobAsync();
        Assert.True(await own.QueryDbAsync(db => db.FormSubmissions.AnyAsync(s => s.Token == token)));

        own.Time.Advance(TimeSpan.FromHours(2));
        await own.RunReminderJobAsync();
        Assert.False(await own.QueryDbAsync(db => db.FormSubmissions.AnyAsync(s => s.Token == token)));
    }

    private static void AssertSavedOnce(IReadOnlyList<(HttpStatusCode Status, string Body)> answers)
    {
        Assert.DoesNotContain(answers, a => a.Status == HttpStatusCode.InternalServerError);
        Assert.Single(answers, a => a.Status == HttpStatusCode.Redirect);
        Assert.All(answers.Where(a => a.Status != HttpStatusCode.Redirect), a =>
        {
            Assert.Equal(HttpStatusCode.OK, a.Status);
            Assert.Contains(RecordChanges.AlreadySentMessage, WebUtility.HtmlDecode(a.Body), StringComparison.Ordinal);
        });
    }

    /// <summary>The page once, then its form sent <see cref="Sends"/> times at once, as a hammered button sends it.</summary>
    private static async Task<IReadOnlyList<(HttpStatusCode Status, string Body)>> SendManyTimesAsync(HttpClient client, string url,
        Func<string, Dictionary<string, string>> fields)
    {
        var form = await FormFromPageAsync(client, url, fields);
        return await Task.WhenAll(Enumerable.Range(0, Sends).Select(async _ =>
        {
            using var response = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(form));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }));
    }

    private static async Task<Dictionary<string, string>> FormFromPageAsync(HttpClient client, string url, Func<string, Dictionary<string, string>> fields)
    {
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var form = fields(page);
        form["__RequestVerificationToken"] = AppFactory.AntiforgeryTokenIn(page);
        form[FormToken.Field] = AppFactory.HiddenValueIn(page, FormToken.Field);
        Assert.Matches("^[0-9a-f]{32}$", form[FormToken.Field]);
        return form;
    }
}
