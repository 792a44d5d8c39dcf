using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Domain.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Voice;

/// <summary>
/// The people around a child whose voice is heard: the child's IRO and social worker, the social worker's
/// team manager, the IRO manager, and an IRO and a social worker of other children. User names end in
/// <see cref="Suffix"/>, so each test's people are its own in a database the class shares.
/// </summary>
internal sealed class VoiceCast
{
    public required string Suffix { get; init; }
    public required Team Team { get; init; }
    public required StaffMember Iro { get; init; }
    public required StaffMember SocialWorker { get; init; }
    public required StaffMember TeamManager { get; init; }
    public required StaffMember IroManager { get; init; }
    public required StaffMember OtherIro { get; init; }
    public required StaffMember OtherSocialWorker { get; init; }

    public string IroUser => $"iro-{Suffix}";
    public string SocialWorkerUser => $"sw-{Suffix}";
    public string TeamManagerUser => $"tm-{Suffix}";
    public string IroManagerUser => $"irom-{Suffix}";
    public string OtherIroUser => $"iro2-{Suffix}";
    public string OtherSocialWorkerUser => $"sw2-{Suffix}";
}

/// <summary>The steps the child's-voice tests share: people, children, reviews, forms, tables and the audit log.</summary>
internal static class VoiceSteps
{
    private static readonly Regex s_tableRow = new("<tr class=\"govuk-table__row\">(.*?)</tr>", RegexOptions.Singleline | RegexOptions.Compiled);
    private static readonly Regex s_cell = new("<t[hd][^>]*>(.*?)</t[hd]>", RegexOptions.Singleline | RegexOptions.Compiled);
    private static readonly Regex s_tag = new("<[^>]+>", RegexOptions.Compiled);

    public static async Task<VoiceCast> AVoiceCastAsync(this AppFactory app)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var team = await app.ATeamAsync($"Team {suffix}");
        var otherTeam = await app.ATeamAsync($"Other team {suffix}");
        var cast = new VoiceCast
        {
            Suffix = suffix,
            Team = team,
            Iro = await app.AStaffMemberAsync("Ida Reviewer", StaffRole.Iro),
            SocialWorker = await app.AStaffMemberAsync("Sid Worker", StaffRole.SocialWorker, team),
            TeamManager = await app.AStaffMemberAsync("Tara Team", StaffRole.TeamManager, team),
            IroManager = await app.AStaffMemberAsync("Mo Manager", StaffRole.IroManager),
            OtherIro = await app.AStaffMemberAsync("Otto Other", StaffRole.Iro),
            OtherSocialWorker = await app.AStaffMemberAsync("Oona Other", StaffRole.SocialWorker, otherTeam),
        };
        await app.AUserAsync(cast.IroUser, Roles.Iro, cast.Iro);
        await app.AUserAsync(cast.SocialWorkerUser, Roles.SocialWorker, cast.SocialWorker);
        await app.AUserAsync(cast.TeamManagerUser, Roles.TeamManager, cast.TeamManager);
        await app.AUserAsync(cast.IroManagerUser, Roles.IroManager, cast.IroManager);
        await app.AUserAsync(cast.OtherIroUser, Roles.Iro, cast.OtherIro);
        await app.AUserAsync(cast.OtherSocialWorkerUser, Roles.SocialWorker, cast.OtherSocialWorker);
        return cast;
    }

    /// <summary>A child of the cast's IRO and social worker, looked after for two months, <paramref name="age"/> today.</summary>
    public static Task<Child> AChildOfAsync(this AppFactory app, VoiceCast cast, string givenName = "Robin", int age = 12) =>
        app.AChildLookedAfterSinceAsync(app.Today.AddDays(-60), cast.Iro, cast.SocialWorker, dateOfBirth: app.Today.AddYears(-age).AddDays(-40),
            givenName: givenName, familyName: $"Tester{cast.Suffix}");

    /// <summary>
    /// A child's own sign-in, made directly (the set-up link is tested through the pages in
    /// <see cref="ChildSignInTests"/>): a user in the Child role tied to the child, with <see cref="AppFactory.Password"/>.
    /// </summary>
    public static async Task<string> AChildSignInAsync(this AppFactory app, Child child)
    {
        var userName = $"child-{Guid.NewGuid():N}"[..20];
        var user = await app.AUserAsync(userName, Roles.Child);
        await app.ExecuteDbAsync(async db =>
        {
            var saved = await db.Users.SingleAsync(u => u.Id == user.Id);
            saved.ChildId = child.Id;
            saved.DisplayName = child.GivenName;
        });
        return userName;
    }

    /// <summary>Arranges the child's next review for <paramref name="on"/> (today or later), through the domain; returns its id.</summary>
    public static Task<int> ArrangedReviewAsync(this AppFactory app, int childId, DateOnly on) =>
        app.QueryDbAsync(async db =>
        {
            var child = await LoadAsync(db, childId);
            var review = child.ScheduleReview(new ReviewArrangements(on, new TimeOnly(16, 0), "The foster home", "Robin, Sid Worker",
                "Robin asked for a day after school"), app.Today, app.Rules);
            child.RecalculateDeadlines(app.Today, app.Rules);
            await db.SaveChangesAsync();
            return review.Id;
        });

    /// <summary>
    /// Records the child's review held on <paramref name="heldOn"/> (today or earlier), through the domain: the review
    /// arranged, if there is one, else a new one. Optionally with a recommendation, a letter to the child and the
    /// decisions issued on the day.
    /// </summary>
    public static Task<int> HeldReviewAsync(this AppFactory app, int childId, DateOnly heldOn, ParticipationCode? code = ParticipationCode.PN1,
        ParticipationMeans means = ParticipationMeans.None, string? letter = null, bool decisionsIssued = false, string? recommendation = null,
        DateOnly? seenAloneOn = null) =>
        app.QueryDbAsync(async db =>
        {
            var child = await LoadAsync(db, childId);
            if (seenAloneOn is { } alone)
            {
                // Seeing the child alone is preparation, recorded on the review arranged before it is held.
                var arranged = child.OpenReview ?? child.ScheduleReview(new ReviewArrangements(app.Today, null, "School", null,
                    "Arranged late in the test"), app.Today, app.Rules);
                arranged.RecordChildSeenAlone(alone, null, app.Today);
            }

            RecommendationDraft[] drafts = recommendation is null
                ? []
                : [new RecommendationDraft(recommendation, "Sid Worker", "Social worker", null, heldOn.AddDays(28), "Sid tells the IRO when it is done")];
            var review = child.RecordReview(new ReviewRecord(heldOn, code, "Robin; Sid Worker", null, null, null, new Dictionary<int, string>(), letter),
                drafts, [], "test", app.Today, app.Rules);
            review.RecordParticipationMeans(means);
            if (decisionsIssued)
            {
                review.IssueDecisions(heldOn, app.Today);
            }

            child.RecalculateDeadlines(app.Today, app.Rules);
            await db.SaveChangesAsync();
            return review.Id;
        });

    public static Task IssueDecisionsAsync(this AppFactory app, int childId, int reviewId) =>
        app.ExecuteDbAsync(async db =>
        {
            var child = await LoadAsync(db, childId);
            var review = child.Reviews.Single(r => r.Id == reviewId);
            review.IssueDecisions(app.Today, app.Today);
        });

    /// <summary>A Rate My Review card, given through the domain (the child's page is tested in <see cref="RateMyReviewTests"/>).</summary>
    public static Task<int> ACardAsync(this AppFactory app, int reviewId, ReviewRating rating, string? comment = null) =>
        app.QueryDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == reviewId);
            var card = ReviewFeedback.Give(review, rating, comment, app.Today);
            db.ReviewFeedback.Add(card);
            await db.SaveChangesAsync();
            return card.Id;
        });

    private static Task<Child> LoadAsync(AppDbContext db, int childId) =>
        db.Children.WithDeadlineFacts().Include(c => c.Reviews).ThenInclude(r => r.Recommendations).AsSplitQuery().SingleAsync(c => c.Id == childId);

    public static void Date(IDictionary<string, string> form, string name, DateOnly date)
    {
        form[$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        form[$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        form[$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The path a redirect points to, whether the Location header is absolute or relative.</summary>
    public static string RedirectPath(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    /// <summary>Moves the app's clock forward (it cannot go back).</summary>
    public static void MoveOn(this AppFactory app, TimeSpan by)
    {
        Assert.True(by >= TimeSpan.Zero, "The clock cannot go back");
        app.Time.Advance(by);
    }

    /// <summary>
    /// Posts fields to <paramref name="url"/> with an antiforgery token lifted from <paramref name="tokenFrom"/>
    /// (default: the same address), allowing a field to repeat, as checkboxes post.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields,
        string? tokenFrom = null)
    {
        using var page = await client.GetAsync(new Uri(tokenFrom ?? url, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {tokenFrom ?? url} answered {(int)page.StatusCode}, so there is no form token");
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", AppFactory.AntiforgeryTokenIn(html))]);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>Posts the fields with a token lifted from a page already read (a form the browser already has open).</summary>
    public static async Task<HttpResponseMessage> PostWithTokenOfAsync(this HttpClient client, string url, string pageHtml, IDictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", AppFactory.AntiforgeryTokenIn(pageHtml))]);
        return await client.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>The markup of the element carrying data-testid="<paramref name="testId"/>", up to its closing tag; null when there is none.</summary>
    public static string? Section(string html, string testId, string element)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        return start < 0 ? null : html[start..html.IndexOf($"</{element}>", start, StringComparison.Ordinal)];
    }

    /// <summary>The body rows of the table with data-testid="<paramref name="testId"/>": each its cells' text, header cell first.</summary>
    public static IReadOnlyList<string[]> TableRows(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page has no table {testId}");
        var body = html.IndexOf("<tbody", start, StringComparison.Ordinal);
        var end = html.IndexOf("</table>", start, StringComparison.Ordinal);
        return [.. s_tableRow.Matches(html[body..end]).Select(row => s_cell.Matches(row.Groups[1].Value).Select(c => Text(c.Groups[1].Value)).ToArray())];
    }

    /// <summary>Markup stripped and entities decoded, with runs of white space made one space.</summary>
    public static string Text(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(s_tag.Replace(html, " ")), @"\s+", " ").Trim();

    /// <summary>The audit events of one kind, by one user when given, oldest first.</summary>
    public static Task<List<AuditEvent>> AuditAsync(this AppFactory app, AuditAction action, string? userName = null) =>
        app.QueryDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == action && (userName == null || e.UserName == userName)).OrderBy(e => e.Id).ToListAsync());

    public static async Task<bool> RefusalAuditedAsync(this AppFactory app, string userName, string details) =>
        (await app.AuditAsync(AuditAction.AccessRefused, userName)).Any(e => e.Details == details);

    public static Task<List<ReviewViews>> ViewsForAsync(this AppFactory app, int reviewId) =>
        app.QueryDbAsync(db => db.ReviewViews.AsNoTracking().Where(v => v.ReviewId == reviewId).OrderBy(v => v.Id).ToListAsync());

    public static Task<ReviewFeedback?> CardForAsync(this AppFactory app, int reviewId) =>
        app.QueryDbAsync(db => db.ReviewFeedback.AsNoTracking().SingleOrDefaultAsync(f => f.ReviewId == reviewId));

    public static Task<Review> ReviewAsync(this AppFactory app, int reviewId) =>
        app.QueryDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
}
