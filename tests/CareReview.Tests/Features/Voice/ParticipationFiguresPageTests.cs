using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Domain.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using static CareReview.Tests.Features.Voice.VoiceSteps;

namespace CareReview.Tests.Features.Voice;

/// <summary>One held review as the figures tests seeded it, with what the figures should make of it.</summary>
public sealed record SeededReview(string Child, DateOnly HeldOn, int Age, ParticipationCode? Code, ParticipationMeans Means, bool SeenAlone,
    ReviewRating? Rating, string Iro);

/// <summary>
/// An app with a small, known set of held reviews for the participation figures, seeded once for the class
/// (the clock stays at <see cref="AppFactory.StartsAt"/>, Monday 23 November 2026). Two IROs; one child
/// moves from Ada to Ben between two reviews; one child is on short breaks, so has no participation code;
/// one is under 4; one crosses from the 5-to-9 band to 10-to-12; and one has reviews just outside the range.
/// </summary>
public sealed class ParticipationFiguresApp : IAsyncLifetime
{
    public const string Ada = "Ada Iro";
    public const string Ben = "Ben Iro";

    public static readonly DateOnly From = new(2026, 9, 24);
    public static readonly DateOnly To = new(2026, 11, 21);
    private static readonly DateOnly s_reallocatedOn = new(2026, 10, 15);

    public AppFactory App { get; private set; } = null!;

    public IReadOnlyList<SeededReview> Reviews { get; private set; } = [];

    public string IroUser => "figures-iro";
    public string SocialWorkerUser => "figures-sw";
    public string TeamManagerUser => "figures-tm";

    public async Task InitializeAsync()
    {
        App = await AppFactory.StartAsync();
        var team = await App.ATeamAsync("Figures team");
        var ada = await App.AStaffMemberAsync(Ada, StaffRole.Iro);
        var ben = await App.AStaffMemberAsync(Ben, StaffRole.Iro);
        await App.AUserAsync(IroUser, Roles.Iro, ada);
        await App.AUserAsync(SocialWorkerUser, Roles.SocialWorker, await App.AStaffMemberAsync("Fay Worker", StaffRole.SocialWorker, team));
        await App.AUserAsync(TeamManagerUser, Roles.TeamManager, await App.AStaffMemberAsync("Fin Manager", StaffRole.TeamManager, team));

        var since = new DateOnly(2026, 3, 2);
        async Task<Child> ChildAsync(string name, DateOnly born, StaffMember iro, LegalStatus status = LegalStatus.C2) =>
            await App.AChildLookedAfterSinceAsync(since, iro, dateOfBirth: born, legalStatus: status, givenName: name, familyName: "Figures");
        var children = new Dictionary<string, (Child Child, DateOnly Born)>();
        foreach (var (name, born, iro, status) in new[]
                 {
                     ("C1", new DateOnly(2023, 6, 1), ada, LegalStatus.C2),
                     ("C2", new DateOnly(2022, 5, 1), ada, LegalStatus.C2),
                     ("C3", new DateOnly(2016, 10, 15), ada, LegalStatus.C2),
                     ("C4", new DateOnly(2012, 3, 1), ben, LegalStatus.C2),
                     ("C5", new DateOnly(2010, 1, 1), ben, LegalStatus.C2),
                     ("C6", new DateOnly(2014, 2, 1), ada, LegalStatus.C2),
                     ("C7", new DateOnly(2019, 6, 1), ben, LegalStatus.V3),
                     ("C8", new DateOnly(2015, 7, 1), ada, LegalStatus.C2),
                 })
        {
            children[name] = (await ChildAsync(name, born, iro, status), born);
        }

        // In date order per child. C6 moves from Ada to Ben between its two reviews.
        var plan = new (string Child, DateOnly HeldOn, ParticipationCode? Code, ParticipationMeans Means, bool SeenAlone, ReviewRating? Rating)[]
        {
            ("C1", From, ParticipationCode.PN0, ParticipationMeans.None, true, null),
            ("C2", new(2026, 10, 1), ParticipationCode.PN1, ParticipationMeans.Attended, false, ReviewRating.Good),
            ("C3", new(2026, 10, 10), ParticipationCode.PN1, ParticipationMeans.Wrote | ParticipationMeans.App, true, ReviewRating.Ok),
            ("C3", To, ParticipationCode.PN2, ParticipationMeans.Attended | ParticipationMeans.Advocate, true, ReviewRating.NotHappy),
            ("C4", new(2026, 10, 20), ParticipationCode.PN5, ParticipationMeans.Advocate, false, ReviewRating.NotHappy),
            ("C5", new(2026, 11, 5), ParticipationCode.PN7, ParticipationMeans.None, true, null),
            ("C6", new(2026, 10, 5), ParticipationCode.PN6, ParticipationMeans.IroVisit, false, ReviewRating.Good),
            ("C6", new(2026, 11, 10), ParticipationCode.PN4, ParticipationMeans.Attended | ParticipationMeans.Phone | ParticipationMeans.IroVisit, true, ReviewRating.Good),
            ("C7", new(2026, 10, 25), null, ParticipationMeans.Phone, false, ReviewRating.Ok),
            ("C8", From.AddDays(-1), ParticipationCode.PN1, ParticipationMeans.Attended, true, ReviewRating.NotHappy),
            ("C8", To.AddDays(1), ParticipationCode.PN1, ParticipationMeans.Attended, false, ReviewRating.Good),
        };

        var seeded = new List<SeededReview>();
        foreach (var (name, heldOn, code, means, seenAlone, rating) in plan)
        {
            var (child, born) = children[name];
            if (name == "C6" && heldOn > s_reallocatedOn)
            {
                await App.ExecuteDbAsync(async db =>
                {
                    var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
                    loaded.Allocate(await db.StaffMembers.SingleAsync(s => s.Id == ben.Id), null, s_reallocatedOn, Rulebook.National, s_reallocatedOn);
                });
            }

            var reviewId = await App.HeldReviewAsync(child.Id, heldOn, code, means, seenAloneOn: seenAlone ? heldOn : null);
            if (rating is { } r)
            {
                await App.ACardAsync(reviewId, r);
            }

            var iro = name is "C4" or "C5" or "C7" || (name == "C6" && heldOn > s_reallocatedOn) ? Ben : Ada;
            seeded.Add(new SeededReview(name, heldOn, AgeOn(born, heldOn), code, means, seenAlone, rating, iro));
        }

        Reviews = seeded;
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>Whole years, worked out here rather than by the app.</summary>
    private static int AgeOn(DateOnly born, DateOnly on) =>
        on.Year - born.Year - (on.Month < born.Month || (on.Month == born.Month && on.Day < born.Day) ? 1 : 0);
}

/// <summary>
/// The IRO manager's participation figures: how children took part in the reviews held between two dates,
/// by code, age, rating, IRO, seeing the child alone and the means, as tables, charts and a CSV. Every number
/// expected here is counted from the seeded reviews by the test itself.
/// </summary>
public sealed class ParticipationFiguresPageTests(ParticipationFiguresApp figures) : IClassFixture<ParticipationFiguresApp>
{
    private static readonly string[] s_bands = ["Under 4", "4", "5 to 9", "10 to 12", "13 to 15", "16 and over"];

    private static readonly (ParticipationMeans Means, string Words)[] s_means =
    [
        (ParticipationMeans.Attended, "Attended the meeting"),
        (ParticipationMeans.Advocate, "Through an advocate"),
        (ParticipationMeans.Wrote, "Wrote or drew their views"),
        (ParticipationMeans.App, "Sent views through Care Review"),
        (ParticipationMeans.Phone, "By phone or video call"),
        (ParticipationMeans.IroVisit, "IRO visited them before the review"),
    ];

    private AppFactory App => figures.App;

    private static string Band(int age) => age switch
    {
        < 4 => "Under 4",
        4 => "4",
        <= 9 => "5 to 9",
        <= 12 => "10 to 12",
        <= 15 => "13 to 15",
        _ => "16 and over",
    };

    private static bool Attended(ParticipationCode? code) =>
        code is ParticipationCode.PN1 or ParticipationCode.PN2 or ParticipationCode.PN3 or ParticipationCode.PN4;

    private static string Percent(int count, int of) =>
        of == 0 ? "–" : Math.Round(100.0 * count / of, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture) + "%";

    private static string Share(int count, int of) =>
        of == 0 ? "" : Math.Round((double)count / of, 3, MidpointRounding.AwayFromZero).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static string Query(DateOnly from, DateOnly to) =>
        $"From.Day={from.Day}&From.Month={from.Month}&From.Year={from.Year}&To.Day={to.Day}&To.Month={to.Month}&To.Year={to.Year}";

    private List<SeededReview> HeldBetween(DateOnly from, DateOnly to) => [.. figures.Reviews.Where(r => r.HeldOn >= from && r.HeldOn <= to)];

    /// <summary>A new IRO manager for each test, so that its audit events are its own.</summary>
    private async Task<(HttpClient Client, string User)> ManagerAsync()
    {
        var user = $"irom-{Guid.NewGuid():N}"[..16];
        await App.AUserAsync(user, Roles.IroManager, await App.AStaffMemberAsync("Mo Manager", StaffRole.IroManager));
        return (await App.SignedInClientAsync(user), user);
    }

    /// <summary>The CSV the test expects, worked out from the seeded reviews.</summary>
    private static List<string> ExpectedCsv(List<SeededReview> held)
    {
        var lines = new List<string> { "measure,group,value,count,of,share" };
        void Line(string measure, string group, string value, int count, int of) =>
            lines.Add($"{measure},{group},{value},{count.ToString(CultureInfo.InvariantCulture)},{of.ToString(CultureInfo.InvariantCulture)},{Share(count, of)}");

        foreach (var code in Enum.GetValues<ParticipationCode>())
        {
            Line("participation_code", "all", code.ToString(), held.Count(r => r.Code == code), held.Count);
        }

        Line("participation_code", "all", "not_recorded", held.Count(r => r.Code is null), held.Count);
        foreach (var band in s_bands)
        {
            var inBand = held.Where(r => Band(r.Age) == band).ToList();
            Line("attended", band, "PN1-PN4", inBand.Count(r => Attended(r.Code)), inBand.Count);
        }

        foreach (var band in s_bands)
        {
            var rated = held.Where(r => Band(r.Age) == band && r.Rating is not null).ToList();
            Line("rate_my_review", band, "Good", rated.Count(r => r.Rating == ReviewRating.Good), rated.Count);
            Line("rate_my_review", band, "OK", rated.Count(r => r.Rating == ReviewRating.Ok), rated.Count);
            Line("rate_my_review", band, "Not happy", rated.Count(r => r.Rating == ReviewRating.NotHappy), rated.Count);
        }

        foreach (var iro in held.Select(r => r.Iro).Distinct().Order(StringComparer.Ordinal))
        {
            var rated = held.Where(r => r.Iro == iro && r.Rating is not null).ToList();
            Line("rate_my_review_by_iro", iro, "Good", rated.Count(r => r.Rating == ReviewRating.Good), rated.Count);
            Line("rate_my_review_by_iro", iro, "OK", rated.Count(r => r.Rating == ReviewRating.Ok), rated.Count);
            Line("rate_my_review_by_iro", iro, "Not happy", rated.Count(r => r.Rating == ReviewRating.NotHappy), rated.Count);
        }

        var fourAndOver = held.Where(r => r.Age >= 4).ToList();
        Line("seen_alone_before_review", "aged 4 and over", "yes", fourAndOver.Count(r => r.SeenAlone), fourAndOver.Count);
        foreach (var (means, _) in s_means)
        {
            Line("participation_means", "all", means.ToString(), held.Count(r => (r.Means & means) != 0), held.Count);
        }

        return lines;
    }

    [Fact]
    public async Task The_tables_count_the_reviews_held_in_the_range_and_viewing_them_is_audited()
    {
        var (managerClient, user) = await ManagerAsync();
        using var client = managerClient;
        var (from, to) = (ParticipationFiguresApp.From, ParticipationFiguresApp.To);
        var held = HeldBetween(from, to);

        // First a check on the test's own counting, before the app's is compared with it.
        Assert.Equal((9, 7), (held.Count, held.Select(r => r.Child).Distinct().Count()));
        Assert.Equal([3, 4, 9, 10, 14, 16, 12, 12, 7], held.Select(r => r.Age));
        Assert.Equal((4, 8), (held.Count(r => r.Age >= 4 && r.SeenAlone), held.Count(r => r.Age >= 4)));
        Assert.Equal((5, 4), (held.Count(r => r.Iro == ParticipationFiguresApp.Ada), held.Count(r => r.Iro == ParticipationFiguresApp.Ben)));

        var page = await client.GetPageAsync($"/participation?{Query(from, to)}");

        Assert.Contains($"data-testid=\"figures-summary\">{held.Count} reviews of {held.Select(r => r.Child).Distinct().Count()} children held from {Long(from)} to {Long(to)}.</p>",
            page, StringComparison.Ordinal);

        var codes = TableRows(page, "codes");
        ParticipationCode?[] codeRows = [.. Enum.GetValues<ParticipationCode>().Select(c => (ParticipationCode?)c), null];
        Assert.Equal(codeRows.Length, codes.Count);
        for (var i = 0; i < codeRows.Length; i++)
        {
            var code = codeRows[i];
            var count = held.Count(r => r.Code == code);
            Assert.StartsWith(code?.ToString() ?? "Not recorded", codes[i][0], StringComparison.Ordinal);
            Assert.Equal([count.ToString(CultureInfo.InvariantCulture), Percent(count, held.Count)], codes[i][1..]);
        }

        var attendance = TableRows(page, "attendance");
        Assert.Equal(s_bands, attendance.Select(r => r[0]));
        foreach (var row in attendance)
        {
            var inBand = held.Where(r => Band(r.Age) == row[0]).ToList();
            var attended = inBand.Count(r => Attended(r.Code));
            Assert.Equal([Number(inBand.Count), Number(attended), Percent(attended, inBand.Count)], row[1..]);
        }

        var byBand = TableRows(page, "ratings-by-band");
        Assert.Equal(s_bands, byBand.Select(r => r[0]));
        foreach (var row in byBand)
        {
            var cards = held.Where(r => Band(r.Age) == row[0] && r.Rating is not null).ToList();
            Assert.Equal([Number(cards.Count(c => c.Rating == ReviewRating.Good)), Number(cards.Count(c => c.Rating == ReviewRating.Ok)),
                Number(cards.Count(c => c.Rating == ReviewRating.NotHappy)), Number(cards.Count)], row[1..]);
        }

        var byIro = TableRows(page, "ratings-by-iro");
        Assert.Equal([ParticipationFiguresApp.Ada, ParticipationFiguresApp.Ben], byIro.Select(r => r[0]));
        foreach (var row in byIro)
        {
            var reviews = held.Where(r => r.Iro == row[0]).ToList();
            var cards = reviews.Where(r => r.Rating is not null).ToList();
            Assert.Equal([Number(reviews.Count), Number(cards.Count), Number(cards.Count(c => c.Rating == ReviewRating.Good)),
                Number(cards.Count(c => c.Rating == ReviewRating.Ok)), Number(cards.Count(c => c.Rating == ReviewRating.NotHappy))], row[1..]);
        }

        var fourAndOver = held.Where(r => r.Age >= 4).ToList();
        var seenAlone = fourAndOver.Count(r => r.SeenAlone);
        Assert.Equal($"The IRO saw the child alone before {seenAlone} of {fourAndOver.Count} reviews of children aged 4 and over ({Percent(seenAlone, fourAndOver.Count)}).",
            Text(Section(page, "seen-alone", "p")!.Split('>', 2)[1]));

        var means = TableRows(page, "means");
        Assert.Equal(s_means.Select(m => new[] { m.Words, Number(held.Count(r => (r.Means & m.Means) != 0)) }), means);

        var viewed = Assert.Single(await App.AuditAsync(AuditAction.ParticipationFiguresViewed, user));
        Assert.Equal($"from:{Iso(from)};to:{Iso(to)};reviews:{held.Count}", viewed.Details);
        Assert.Null(viewed.ChildId);
    }

    [Fact]
    public async Task The_page_has_three_charts_each_one_image_with_a_title_and_a_description()
    {
        using var client = (await ManagerAsync()).Client;
        var (from, to) = (ParticipationFiguresApp.From, ParticipationFiguresApp.To);
        var held = HeldBetween(from, to);

        var page = await client.GetPageAsync($"/participation?{Query(from, to)}");

        Assert.Equal(3, Regex.Matches(page, "<svg [^>]*role=\"img\"").Count);
        foreach (var (id, title) in new[]
                 {
                     ("codes-chart", "Reviews by participation code"),
                     ("attendance-chart", "Share of reviews the child attended, by age"),
                     ("ratings-chart", "Rate My Review cards by age"),
                 })
        {
            Assert.Contains($"aria-labelledby=\"{id}-title {id}-desc\"", page, StringComparison.Ordinal);
            Assert.Contains($"<title id=\"{id}-title\">{title}</title>", page, StringComparison.Ordinal);
        }

        ParticipationCode?[] codeRows = [.. Enum.GetValues<ParticipationCode>().Select(c => (ParticipationCode?)c), null];
        var codesDescription = string.Join("; ", codeRows.Select(c => $"{c?.ToString() ?? "Not recorded"}: {held.Count(r => r.Code == c)}"));
        Assert.Contains($"<desc id=\"codes-chart-desc\">{codesDescription}</desc>", page, StringComparison.Ordinal);
        var attendanceDescription = string.Join("; ", s_bands.Select(b =>
        {
            var inBand = held.Where(r => Band(r.Age) == b).ToList();
            var attended = inBand.Count(r => Attended(r.Code));
            return $"{b}: {(inBand.Count == 0 ? "0%" : Percent(attended, inBand.Count))} of {inBand.Count}";
        }));
        Assert.Contains($"<desc id=\"attendance-chart-desc\">{attendanceDescription}</desc>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_csv_has_one_row_per_figure_counted_from_the_same_reviews_and_is_audited()
    {
        var (managerClient, user) = await ManagerAsync();
        using var client = managerClient;
        var (from, to) = (ParticipationFiguresApp.From, ParticipationFiguresApp.To);
        var page = await client.GetPageAsync($"/participation?{Query(from, to)}");
        var link = Regex.Match(page, "href=\"(/participation\\?handler=Csv[^\"]*)\"");
        Assert.True(link.Success, "The page links to its CSV");

        using var response = await client.GetAsync(new Uri(WebUtility.HtmlDecode(link.Groups[1].Value), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"participation-{Iso(from)}-to-{Iso(to)}.csv", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal("", lines[^1]);
        Assert.Equal(ExpectedCsv(HeldBetween(from, to)), lines[..^1]);

        // A few lines written out in full, as a reader of the file would check them.
        Assert.Contains("participation_code,all,PN1,2,9,0.222", lines);
        Assert.Contains("attended,10 to 12,PN1-PN4,2,3,0.667", lines);
        Assert.Contains("rate_my_review,Under 4,Good,0,0,", lines);
        Assert.Contains("rate_my_review_by_iro,Ada Iro,Good,2,4,0.500", lines);
        Assert.Contains("seen_alone_before_review,aged 4 and over,yes,4,8,0.500", lines);
        Assert.Contains("participation_means,all,IroVisit,2,9,0.222", lines);

        var exported = Assert.Single(await App.AuditAsync(AuditAction.ParticipationFiguresExported, user));
        Assert.Equal($"from:{Iso(from)};to:{Iso(to)};reviews:9", exported.Details);
    }

    [Theory]
    [InlineData("2026-09-23", "2026-11-22", 11, 8)]
    [InlineData("2026-09-24", "2026-09-24", 1, 1)]
    [InlineData("2026-11-21", "2026-11-21", 1, 1)]
    [InlineData("2026-09-25", "2026-11-20", 7, 6)]
    [InlineData("2026-08-01", "2026-08-31", 0, 0)]
    public async Task Both_ends_of_the_range_are_counted_and_nothing_outside_it(string fromText, string toText, int reviews, int children)
    {
        using var client = (await ManagerAsync()).Client;
        var from = DateOnly.Parse(fromText, CultureInfo.InvariantCulture);
        var to = DateOnly.Parse(toText, CultureInfo.InvariantCulture);
        var held = HeldBetween(from, to);
        Assert.Equal((reviews, children), (held.Count, held.Select(r => r.Child).Distinct().Count()));

        var page = await client.GetPageAsync($"/participation?{Query(from, to)}");

        Assert.Contains($"data-testid=\"figures-summary\">{reviews} reviews of {children} children held from {Long(from)} to {Long(to)}.</p>",
            page, StringComparison.Ordinal);
        Assert.Equal(reviews, TableRows(page, "codes").Sum(r => int.Parse(r[1], CultureInfo.InvariantCulture)));
        var csv = (await client.GetStringAsync(new Uri($"/participation?handler=Csv&{Query(from, to)}", UriKind.Relative))).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal(ExpectedCsv(held), csv[..^1]);
        if (reviews == 0)
        {
            Assert.All(TableRows(page, "attendance"), row => Assert.Equal(["0", "0", "–"], row[1..]));
            Assert.Empty(TableRows(page, "ratings-by-iro"));
        }
    }

    [Fact]
    public async Task With_no_dates_the_figures_are_for_the_financial_year_to_today()
    {
        using var client = (await ManagerAsync()).Client;
        var held = HeldBetween(new DateOnly(2026, 4, 1), App.Today);

        var page = await client.GetPageAsync("/participation");

        Assert.Contains($"data-testid=\"figures-summary\">{held.Count} reviews of {held.Select(r => r.Child).Distinct().Count()} children held from 1 April 2026 to 23 November 2026.</p>",
            page, StringComparison.Ordinal);
        Assert.Equal(11, held.Count);
        Assert.Contains("id=\"From-Day\" name=\"From.Day\" type=\"text\" inputmode=\"numeric\" value=\"1\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("From", "31", "2", "2026", "1", "10", "2026", "must be a real date")]
    [InlineData("From", "1", "9", "26", "1", "10", "2026", "Year must include 4 numbers")]
    [InlineData("To", "1", "10", "2026", "1", "", "2026", "must include a month")]
    [InlineData("To", "1", "10", "2026", "30", "9", "2026", "The end date must be the same as or after the start date")]
    [InlineData("To", "1", "10", "2026", "31", "12", "9999", "The end date must be in 2100 or before")] // issue 19, finding 8
    [InlineData("To", "1", "10", "2014", "1", "10", "2026", "The start and end dates must be no more than 10 years apart")]
    public async Task A_date_that_is_not_right_is_shown_beside_its_field_and_no_figures_are_shown(string field,
        string fromDay, string fromMonth, string fromYear, string toDay, string toMonth, string toYear, string message)
    {
        var (managerClient, user) = await ManagerAsync();
        using var client = managerClient;
        var query = $"From.Day={fromDay}&From.Month={fromMonth}&From.Year={fromYear}&To.Day={toDay}&To.Month={toMonth}&To.Year={toYear}";

        var page = await client.GetPageAsync($"/participation?{query}");

        Pages.AssertFieldError(page, field, message);
        Assert.DoesNotContain("data-testid=\"figures-summary\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"codes\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Csv", page, StringComparison.Ordinal);

        using var csv = await client.GetAsync(new Uri($"/participation?handler=Csv&{query}", UriKind.Relative));
        Assert.NotEqual("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Pages.AssertFieldError(await csv.Content.ReadAsStringAsync(), field, message);

        Assert.Empty(await App.AuditAsync(AuditAction.ParticipationFiguresViewed, user));
        Assert.Empty(await App.AuditAsync(AuditAction.ParticipationFiguresExported, user));
    }

    [Fact]
    public async Task The_figures_are_for_the_iro_manager_only()
    {
        var query = Query(ParticipationFiguresApp.From, ParticipationFiguresApp.To);
        foreach (var user in new[] { figures.IroUser, figures.SocialWorkerUser, figures.TeamManagerUser })
        {
            using var client = await App.SignedInClientAsync(user);
            Assert.True(await client.StatusOfAsync($"/participation?{query}") == HttpStatusCode.NotFound, $"{user} saw the figures");
            using var csv = await client.GetAsync(new Uri($"/participation?handler=Csv&{query}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
            Assert.DoesNotContain("measure,group", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(await App.RefusalAuditedAsync(user, "path:/participation"), $"{user}'s refusal is audited");
            Assert.Empty(await App.AuditAsync(AuditAction.ParticipationFiguresExported, user));
        }

        using var nobody = App.AnonymousClient();
        using var anonymous = await nobody.GetAsync(new Uri($"/participation?handler=Csv&{query}", UriKind.Relative));
        Assert.Equal("/sign-in", RedirectPath(anonymous));
    }
}
