using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CareReview.Domain.Children;
using CareReview.Domain.Voice;
using CareReview.Tests.Features.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.SubjectAccess;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using static CareReview.Tests.Features.Voice.VoiceSteps;

namespace CareReview.Tests.Features.SubjectAccess;

/// <summary>
/// A subject access request (ADR-0027): the IRO manager chooses what to remove of other people's details, and
/// downloads the child's whole record as a PDF and as JSON; what is removed is in neither; every download is
/// audited; anyone else is answered "Page not found".
/// </summary>
public sealed partial class ReleasingAChildsRecordTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Parent = "Jo Parentson";
    private const string ParentsWords = "Robin is settled but misses home";
    private const string Gran = "Morag Grant";
    private const string HomePostcode = "LS1 4AP";
    private const string Grandad = "Ken Oldfield";

    private sealed record Arranged(VoiceCast Cast, Child Child, string Sibling, int ReviewId);

    /// <summary>
    /// Robin, whose record names other people: a brother in care, a mum who was sent a link and sent views before the
    /// review (naming a grandfather), a grandmother named only in the free text (the letter and a recommendation), and the family home's postcode.
    /// </summary>
    private async Task<Arranged> ARecordNamingOtherPeopleAsync()
    {
        var cast = await app.AVoiceCastAsync();
        var child = await app.AChildOfAsync(cast, "Robin");
        var sibling = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-60), cast.Iro, cast.SocialWorker, givenName: "Sasha",
            familyName: $"Brother{cast.Suffix}");
        var reviewId = await app.ArrangedReviewAsync(child.Id, app.Today);
        await app.ExecuteDbAsync(async db =>
        {
            var group = new SiblingGroup();
            foreach (var linked in await db.Children.Include(c => c.Episodes).Where(c => c.Id == child.Id || c.Id == sibling.Id).ToListAsync())
            {
                linked.JoinSiblingGroup(group);
                if (linked.Id == child.Id)
                {
                    linked.CorrectPlacement(linked.Episodes[0], new PlacementDetails(null, HomePostcode, "BD1 1AA", null));
                }
            }

            var (invitation, _) = ParentInvitation.Create(child.Id, reviewId, InvitationPurpose.Views, Parent, "Mum", "Ida Reviewer",
                app.Time.GetUtcNow(), ParentInvitation.DefaultLifetime);
            db.ParentInvitations.Add(invitation);
            await db.SaveChangesAsync();
            var review = await db.Reviews.SingleAsync(r => r.Id == reviewId);
            db.ReviewViews.Add(ReviewViews.FromParent(review, invitation.Id, Parent, "Mum", new ViewsDraft(ParentsWords, null, $"More weekends at {Grandad}'s farm"), app.Today));
        });
        await app.HeldReviewAsync(child.Id, app.Today, recommendation: $"Arrange monthly contact with {Gran}",
            letter: $"Dear Robin, thank you for your review. {Parent} and {Gran} were glad to hear you are happy.", decisionsIssued: true);
        return new Arranged(cast, child, $"Sasha Brother{cast.Suffix}", reviewId);
    }

    private static string Url(Child child) => $"/children/{child.Id}/subject-access";

    /// <summary>Downloads the release in <paramref name="format"/> with these choices (keys of things to remove, and names typed).</summary>
    private static async Task<HttpResponseMessage> DownloadAsync(HttpClient client, Child child, string format, IEnumerable<string> remove, string names = "")
    {
        var fields = remove.Select(key => new KeyValuePair<string, string>("Input.Remove", key)).Append(new("Input.Names", names));
        return await client.PostFormAsync($"{Url(child)}?handler=Download&format={format}", fields, tokenFrom: Url(child));
    }

    private static async Task<string> PdfTextAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return string.Join(" ", pdf.GetPages().Select(p => Whitespace().Replace(ContentOrderTextExtractor.GetText(p), " ").Trim()));
    }

    private static async Task<(string Raw, SubjectAccessRelease Release)> JsonAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var raw = await response.Content.ReadAsStringAsync();
        return (raw, JsonSerializer.Deserialize<SubjectAccessRelease>(raw, SubjectAccessOutput.Json)!);
    }

    /// <summary>Neither the text read back nor the text with its spaces taken out holds <paramref name="removed"/>.</summary>
    private static void Absent(string text, string removed)
    {
        Assert.DoesNotContain(removed, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Whitespace().Replace(removed, ""), Whitespace().Replace(text, ""), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_first_step_lists_the_other_people_in_the_record_ticked_and_staff_names_not_and_is_audited_as_a_view()
    {
        var (cast, child, sibling, _) = await ARecordNamingOtherPeopleAsync();
        using var client = await app.SignedInClientAsync(cast.IroManagerUser);

        var page = await client.GetPageAsync(Url(child));

        var offered = Section(page, "third-parties", "fieldset")!;
        Assert.Matches($"value=\"person:{Parent}\"[^>]*checked", offered);
        Assert.Matches($"value=\"person:{sibling}\"[^>]*checked", offered);
        Assert.Matches("value=\"views:\\d+\"[^>]*checked", offered);
        Assert.Matches("value=\"postcodes\"[^>]*checked", offered);
        Assert.Contains("Named as: sent views before a review; was sent a link to give views or read decisions", offered, StringComparison.Ordinal);

        // Robin's own IRO (who sent the link) and social worker (who owns the recommendation) are never offered for removal.
        Assert.DoesNotContain("value=\"person:Ida Reviewer\"", offered, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"person:Sid Worker\"", offered, StringComparison.Ordinal);

        // The grandmother is named only in free text, which the page shows for the manager to read.
        Assert.Contains(Gran, Section(page, "free-text", "dl"), StringComparison.Ordinal);
        Assert.Single(await app.AuditAsync(AuditAction.ChildRecordViewed, cast.IroManagerUser),
            e => e.ChildId == child.Id && e.Details == "page:subject-access");
    }

    [Fact]
    public async Task The_iro_manager_downloads_the_whole_record_as_a_pdf_and_as_json_with_reviews_and_recommendations()
    {
        var (cast, child, sibling, _) = await ARecordNamingOtherPeopleAsync();
        using var client = await app.SignedInClientAsync(cast.IroManagerUser);

        using var pdfResponse = await DownloadAsync(client, child, "pdf", []);
        var pdf = await PdfTextAsync(pdfResponse);
        using var jsonResponse = await DownloadAsync(client, child, "json", []);
        var (raw, release) = await JsonAsync(jsonResponse);

        var held = GovukDate(app.Today);
        Assert.Equal($"subject-access-{child.LocalId}-{Iso(app.Today)}.pdf", pdfResponse.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains($"Robin {child.FamilyName}", pdf, StringComparison.Ordinal);
        Assert.Contains($"Review held on {held}", pdf, StringComparison.Ordinal);
        Assert.Contains($"Recommendation 1: Arrange monthly contact with {Gran}", pdf, StringComparison.Ordinal);
        Assert.Contains(ParentsWords, pdf, StringComparison.Ordinal);
        Assert.Contains(sibling, pdf, StringComparison.Ordinal);
        Assert.Contains("Nothing was removed.", pdf, StringComparison.Ordinal);

        Assert.Equal($"subject-access-{child.LocalId}-{Iso(app.Today)}.json", jsonResponse.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(SubjectAccessRelease.FormatName, release.Format);
        Assert.Equal(child.LocalId, release.Child.LocalId);
        Assert.Contains($"\"heldOn\": \"{Iso(app.Today)}\"", raw, StringComparison.Ordinal);
        Assert.Contains($"\"dateOfBirth\": \"{Iso(child.DateOfBirth)}\"", raw, StringComparison.Ordinal);
        var review = Assert.Single(release.Reviews);
        Assert.Equal(app.Today, review.HeldOn);
        Assert.Equal("PN1", review.Participation?.Code);
        var recommendation = Assert.Single(review.Recommendations);
        Assert.Equal($"Arrange monthly contact with {Gran}", recommendation.Action);
        Assert.Equal(app.Today.AddDays(28), recommendation.DueOn);
        Assert.Equal("Open", recommendation.Status);
        Assert.Contains(review.ViewsBeforeTheReview, v => v.Name == Parent && v.GoingWell == ParentsWords);
        Assert.Equal([sibling], release.BrothersAndSistersInCare);
        Assert.Equal(HomePostcode, Assert.Single(release.CareEpisodes).HomePostcode);
        Assert.Contains(release.LinksToParentsAndCarers, l => l.Name == Parent && l.Relationship == "Mum");
        Assert.Equal(0, release.Redactions.Total);

        // Read back and written again, the file is the same: the shape round-trips.
        Assert.Equal(raw, JsonSerializer.Serialize(release, SubjectAccessOutput.Json));
    }

    [Fact]
    public async Task Start_times_are_written_the_govuk_way_and_a_links_date_is_the_day_in_england()
    {
        var (cast, child, _, reviewId) = await ARecordNamingOtherPeopleAsync();
        await app.ExecuteDbAsync(db =>
        {
            // 11:30pm on 1 July in UTC is half past midnight on 2 July in England.
            db.ParentInvitations.Add(ParentInvitation.Create(child.Id, reviewId, InvitationPurpose.Decisions, "Lee Parentson", "Dad", "Ida Reviewer",
                new DateTimeOffset(2026, 7, 1, 23, 30, 0, TimeSpan.Zero), ParentInvitation.DefaultLifetime).Invitation);
            return Task.CompletedTask;
        });
        using var client = await app.SignedInClientAsync(cast.IroManagerUser);

        var pdf = await PdfTextAsync(await DownloadAsync(client, child, "pdf", []));
        var (_, release) = await JsonAsync(await DownloadAsync(client, child, "json", []));

        Assert.Contains($"{GovukDate(app.Today)} at 4pm, The foster home", pdf, StringComparison.Ordinal);
        Assert.Equal("16:00", Assert.Single(release.Reviews).StartsAt);
        Assert.Equal(new DateOnly(2026, 7, 2), Assert.Single(release.LinksToParentsAndCarers, l => l.Name == "Lee Parentson").SentOn);
    }

    [Fact]
    public async Task What_the_manager_removes_is_in_neither_the_pdf_nor_the_json()
    {
        var (cast, child, sibling, _) = await ARecordNamingOtherPeopleAsync();
        using var client = await app.SignedInClientAsync(cast.IroManagerUser);
        var page = await client.GetPageAsync(Url(child));
        var ticked = CheckedKeys().Matches(Section(page, "third-parties", "fieldset")!).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

        using var pdfResponse = await DownloadAsync(client, child, "pdf", ticked, names: $"{Gran}\n");
        var pdf = await PdfTextAsync(pdfResponse);
        using var jsonResponse = await DownloadAsync(client, child, "json", ticked, names: $"{Gran}\n");
        var (raw, release) = await JsonAsync(jsonResponse);

        foreach (var removed in new[] { Parent, Gran, sibling, ParentsWords, HomePostcode })
        {
            Absent(pdf, removed);
            Absent(raw, removed);
        }

        // The rest of the record is still there, with the marks where things were removed.
        Assert.Contains("Recommendation 1: Arrange monthly contact with [redacted]", pdf, StringComparison.Ordinal);
        Assert.Contains("Dear Robin, thank you for your review. [redacted] and [redacted] were glad", pdf, StringComparison.Ordinal);
        Assert.Contains("Sid Worker", pdf, StringComparison.Ordinal);
        Assert.Equal("Arrange monthly contact with [redacted]", Assert.Single(Assert.Single(release.Reviews).Recommendations).Action);
        Assert.Equal(["[redacted]"], release.BrothersAndSistersInCare);

        // The summary says what was removed and how many, never what it was.
        var counts = release.Redactions.Removed.ToDictionary(r => r.Code, r => r.Count);
        Assert.Equal(1, counts["views-of-parents-and-carers"]);
        Assert.Equal(2, counts["postcodes"]);
        Assert.Equal(0, counts["names-of-other-staff"]);
        Assert.Equal(2, counts["names-typed"]);
        Assert.Equal(3, counts["names-of-other-people"]); // the mum on her link and in the letter, the brother; her views went whole
        Assert.Equal(release.Redactions.Removed.Sum(r => r.Count), release.Redactions.Total);
        Assert.Contains("Views sent by parents and carers 1", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_in_a_parents_views_is_shown_to_read_and_when_typed_is_removed_from_both_files_though_the_views_are_kept()
    {
        var (cast, child, _, _) = await ARecordNamingOtherPeopleAsync();
        using var client = await app.SignedInClientAsync(cast.IroManagerUser);

        var freeText = Section(await client.GetPageAsync(Url(child)), "free-text", "dl")!;
        using var pdfResponse = await DownloadAsync(client, child, "pdf", [], names: Grandad);
        var pdf = await PdfTextAsync(pdfResponse);
        using var jsonResponse = await DownloadAsync(client, child, "json", [], names: Grandad);
        var (raw, _) = await JsonAsync(jsonResponse);

        Assert.Contains($"More weekends at {Grandad}&#x27;s farm", freeText, StringComparison.Ordinal);
        Assert.Contains($"Views of {Parent} sent on {GovukDate(app.Today)}: relationship", freeText, StringComparison.Ordinal);
        Absent(pdf, Grandad);
        Absent(raw, Grandad);
        Assert.Contains("More weekends at [redacted]'s farm", pdf, StringComparison.Ordinal);
        Assert.Contains("More weekends at [redacted]'s farm", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_names_other_than_the_childs_iro_and_social_worker_are_removed_only_when_chosen()
    {
        var (cast, child, _, reviewId) = await ARecordNamingOtherPeopleAsync();
        await app.ExecuteDbAsync(async db =>
        {
            var recommendation = await db.Recommendations.Include(r => r.Updates).SingleAsync(r => r.ReviewId == reviewId);
            recommendation.RecordProgress(app.Today, "Contact booked", "Pat Duty", app.Today);
        });
        using var client = await app.SignedInClientAsync(cast.IroManagerUser);

        var (keptRaw, _) = await JsonAsync(await DownloadAsync(client, child, "json", []));
        var (removedRaw, removed) = await JsonAsync(await DownloadAsync(client, child, "json", [SubjectAccessSources.StaffKey]));

        Assert.Contains("Pat Duty", keptRaw, StringComparison.Ordinal);
        Absent(removedRaw, "Pat Duty");
        Assert.Contains("Sid Worker", removedRaw, StringComparison.Ordinal);
        Assert.Contains("Ida Reviewer", removedRaw, StringComparison.Ordinal);
        Assert.True(removed.Redactions.Removed.Single(r => r.Code == "names-of-other-staff").Count >= 1);
    }

    [Fact]
    public async Task Checking_shows_how_much_will_be_removed_and_each_download_is_audited_with_its_format_and_count()
    {
        var (cast, child, _, _) = await ARecordNamingOtherPeopleAsync();
        using var client = await app.SignedInClientAsync(cast.IroManagerUser);

        using var check = await client.PostFormAsync($"{Url(child)}?handler=Check",
            [new("Input.Remove", "postcodes"), new("Input.Remove", "not-offered"), new("Input.Names", "")], tokenFrom: Url(child));
        var checkPage = await check.Content.ReadAsStringAsync();
        using var pdf = await DownloadAsync(client, child, "pdf", ["postcodes"]);
        using var json = await DownloadAsync(client, child, "json", [], names: Gran);

        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Equal([["Postcodes of the family home and placements", "2"]], TableRows(checkPage, "removed"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var exports = (await app.AuditAsync(AuditAction.SubjectAccessExported, cast.IroManagerUser)).Where(e => e.ChildId == child.Id).ToList();
        Assert.Equal(["format:pdf;redactions:2", "format:json;redactions:2"], exports.Select(e => e.Details));
    }

    [Fact]
    public async Task The_childs_own_name_cannot_be_typed_for_removal()
    {
        var (cast, child, _, _) = await ARecordNamingOtherPeopleAsync();
        using var client = await app.SignedInClientAsync(cast.IroManagerUser);

        using var response = await DownloadAsync(client, child, "pdf", [], names: "Morag\nrobin");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Pages.AssertFieldError(page, "Input-Names", "“robin” is Robin's own name, which is not removed from their own record");
        Assert.DoesNotContain(await app.AuditAsync(AuditAction.SubjectAccessExported), e => e.ChildId == child.Id);
    }

    [Fact]
    public async Task Step_one_shown_again_after_changing_the_choices_or_a_mistake_is_audited_as_a_view_each_time()
    {
        var (cast, child, _, _) = await ARecordNamingOtherPeopleAsync();
        using var client = await app.SignedInClientAsync(cast.IroManagerUser);

        var stepOne = await client.GetPageAsync(Url(child));
        using var change = await client.PostWithTokenOfAsync($"{Url(child)}?handler=Change", stepOne, new Dictionary<string, string> { ["Input.Names"] = Gran });
        using var check = await client.PostWithTokenOfAsync($"{Url(child)}?handler=Check", stepOne, new Dictionary<string, string> { ["Input.Names"] = "Robin" });
        using var download = await client.PostWithTokenOfAsync($"{Url(child)}?handler=Download&format=pdf", stepOne,
            new Dictionary<string, string> { ["Input.Names"] = "Robin" });

        foreach (var response in new[] { change, check, download })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(Gran, Section(await response.Content.ReadAsStringAsync(), "free-text", "dl"), StringComparison.Ordinal);
        }

        // The first showing and the three after it.
        Assert.Equal(4, (await app.AuditAsync(AuditAction.ChildRecordViewed, cast.IroManagerUser))
            .Count(e => e.ChildId == child.Id && e.Details == "page:subject-access"));
    }

    [Theory]
    [InlineData("iro")]
    [InlineData("social-worker")]
    [InlineData("team-manager")]
    [InlineData("other-iro")]
    [InlineData("child")]
    public async Task Anyone_but_the_iro_manager_is_answered_page_not_found(string who)
    {
        var (cast, child, _, _) = await ARecordNamingOtherPeopleAsync();
        var user = who switch
        {
            "iro" => cast.IroUser,
            "social-worker" => cast.SocialWorkerUser,
            "team-manager" => cast.TeamManagerUser,
            "other-iro" => cast.OtherIroUser,
            _ => await app.AChildSignInAsync(child),
        };
        using var client = await app.SignedInClientAsync(user);
        using var manager = await app.SignedInClientAsync(cast.IroManagerUser);
        var token = AppFactory.AntiforgeryTokenIn(await manager.GetPageAsync(Url(child)));

        var page = await client.StatusOfAsync(Url(child));
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Names"] = "" });
        using var download = await client.PostAsync(new Uri($"{Url(child)}?handler=Download&format=json", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.NotFound, page);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.DoesNotContain(await app.AuditAsync(AuditAction.SubjectAccessExported), e => e.ChildId == child.Id);
        Assert.Contains(await app.AuditAsync(AuditAction.AccessRefused, user), e => e.ChildId == child.Id);
    }

    private static string GovukDate(DateOnly date) => CareReview.Domain.GovukDate.Format(date);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("value=\"([^\"]+)\"[^>]*checked")]
    private static partial Regex CheckedKeys();
}
