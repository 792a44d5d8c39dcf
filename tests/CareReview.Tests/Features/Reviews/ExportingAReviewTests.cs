using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace CareReview.Tests.Features.Reviews;

/// <summary>
/// The record of a held review as a PDF (ADR-0008): the whole record in plain English, the
/// recommendations, and last the letter to the child; refused like the review page; every export audited.
/// The PDF is opened and its text read back with PdfPig.
/// </summary>
public sealed partial class ExportingAReviewTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private static readonly DateOnly s_heldOn = new(2026, 11, 23);

    private StaffMember _iro = null!;
    private StaffMember _socialWorker = null!;
    private string _iroUser = null!;

    public async Task InitializeAsync()
    {
        var team = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        _iro = await app.AStaffMemberAsync("Isla Chair", StaffRole.Iro);
        _socialWorker = await app.AStaffMemberAsync("Sol Worker", StaffRole.SocialWorker, team);
        _iroUser = $"iro-{Guid.NewGuid():N}";
        await app.AUserAsync(_iroUser, Roles.Iro, _iro);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_record_downloads_as_a_pdf_named_after_the_child_and_the_day()
    {
        var (child, review) = await AHeldReviewAsync();
        using var client = await app.SignedInClientAsync(_iroUser);

        using var response = await client.GetAsync(new Uri($"/children/{child.Id}/reviews/{review.Id}/pdf", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"review-{child.LocalId}-2026-11-23.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }

    [Fact]
    public async Task The_pdf_holds_the_whole_record_in_plain_english_and_ends_with_the_letter_to_the_child()
    {
        var (child, review) = await AHeldReviewAsync();
        using var client = await app.SignedInClientAsync(_iroUser);

        var pages = await PdfPagesAsync(client, child, review);
        var text = string.Join(" ", pages);

        Assert.Contains("Ruby Tester", text, StringComparison.Ordinal);
        Assert.Contains("Review held on 23 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("due by 30 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("PN1", text, StringComparison.Ordinal);
        Assert.Contains("Ruby; Sol Worker, social worker; Pat Carer, foster carer", text, StringComparison.Ordinal);
        Assert.Contains("Likes her school; wants to see her grandmother more", text, StringComparison.Ordinal);
        Assert.Contains("Mum would like more contact at weekends", text, StringComparison.Ordinal);
        Assert.Contains("Placement is stable and meeting Ruby's needs", text, StringComparison.Ordinal);
        Assert.Contains("Contact arrangements, and whether they need to change", text, StringComparison.Ordinal);
        Assert.Contains("Contact with grandmother to increase", text, StringComparison.Ordinal);

        // Each recommendation says what, who and their role, by when, how it is monitored, and where it stands.
        Assert.Contains("1. Arrange a PEP meeting with the school", text, StringComparison.Ordinal);
        Assert.Contains("Sol Worker, Social worker", text, StringComparison.Ordinal);
        Assert.Contains("4 December 2026", text, StringComparison.Ordinal);
        Assert.Contains("PEP minutes sent to the IRO", text, StringComparison.Ordinal);
        Assert.Contains("2. Book a dental check", text, StringComparison.Ordinal);
        Assert.Contains("Pat Carer, Foster carer", text, StringComparison.Ordinal);
        Assert.Contains("15 January 2027", text, StringComparison.Ordinal);
        Assert.Contains("Done on 23 November 2026", text, StringComparison.Ordinal);
        Assert.Contains("Booked for 1 December", text, StringComparison.Ordinal);
        Assert.Contains("Where it stands Open", text, StringComparison.Ordinal);

        // The letter comes last, on a page of its own that can be given to the child.
        var letter = pages[^1];
        Assert.StartsWith("A letter to Ruby", letter, StringComparison.Ordinal);
        Assert.Contains("Dear Ruby, Thank you for your review on 23 November 2026.", letter, StringComparison.Ordinal);
        Assert.Contains("From Isla Chair", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Dear Ruby", string.Join(" ", pages.Take(pages.Count - 1)), StringComparison.Ordinal);
        Assert.Contains($"Page {pages.Count} of {pages.Count}", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Long_text_runs_over_pages_and_characters_the_font_lacks_do_not_stop_the_export()
    {
        // Far more than the 255 different characters one embedded font can hold, and some it cannot draw at all.
        var alphabets = string.Join(' ', new[] { (0x100, 0x80), (0x391, 0x18), (0x410, 0x40) }
            .SelectMany(range => Enumerable.Range(range.Item1, range.Item2).Chunk(8))
            .Select(word => new string([.. word.Select(c => (char)c)])));
        var wishes = string.Join("\n\n", Enumerable.Repeat("Ruby wants to stay where she is and see her grandmother every week.", 60));
        var (child, review) = await AHeldReviewAsync(wishes: $"{wishes}\n{alphabets}\nZoë’s café – 中文 😀 done");
        using var client = await app.SignedInClientAsync(_iroUser);

        var pages = await PdfPagesAsync(client, child, review);

        Assert.True(pages.Count >= 4, $"Expected the wishes to run over pages, got {pages.Count} page(s)");
        var text = string.Join(" ", pages);
        Assert.Equal(60, Regex.Matches(text, "see her grandmother every week").Count);
        Assert.Contains("Zoë’s café – ?? ? done", text, StringComparison.Ordinal);
        Assert.Contains("АБВГДЕЖЗ", text, StringComparison.Ordinal);
        Assert.Contains("ΑΒΓΔ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_social_worker_is_refused_as_if_the_review_did_not_exist()
    {
        var (child, review) = await AHeldReviewAsync();
        var other = await app.AStaffMemberAsync("Other Worker", StaffRole.SocialWorker);
        var otherUser = $"sw-{Guid.NewGuid():N}";
        await app.AUserAsync(otherUser, Roles.SocialWorker, other);
        var allocatedUser = $"sw-{Guid.NewGuid():N}";
        await app.AUserAsync(allocatedUser, Roles.SocialWorker, _socialWorker);

        using var stranger = await app.SignedInClientAsync(otherUser);
        Assert.Equal(HttpStatusCode.NotFound, await stranger.StatusOfAsync($"/children/{child.Id}/reviews/{review.Id}/pdf"));
        Assert.False(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ReviewExported && e.ChildId == child.Id)));

        // The child's own social worker, who may see the review page, may take the record.
        using var allocated = await app.SignedInClientAsync(allocatedUser);
        Assert.Equal(HttpStatusCode.OK, await allocated.StatusOfAsync($"/children/{child.Id}/reviews/{review.Id}/pdf"));
    }

    [Fact]
    public async Task A_review_not_yet_held_has_no_record_to_export()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker);
        var review = await app.QueryDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            var arranged = loaded.ScheduleReview(new ReviewArrangements(new DateOnly(2026, 11, 27), null, "Foster home", null, null), app.Today, app.Rules);
            await db.SaveChangesAsync();
            return arranged;
        });
        using var client = await app.SignedInClientAsync(_iroUser);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/children/{child.Id}/reviews/{review.Id}/pdf"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/children/{child.Id}/reviews/{review.Id + 1000}/pdf"));
    }

    [Fact]
    public async Task Each_export_is_audited_with_ids_only()
    {
        var (child, review) = await AHeldReviewAsync();
        using var client = await app.SignedInClientAsync(_iroUser);

        await PdfPagesAsync(client, child, review);
        await PdfPagesAsync(client, child, review);

        var exports = await app.QueryDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Action == AuditAction.ReviewExported && e.ChildId == child.Id).ToListAsync());
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e =>
        {
            Assert.Equal($"review:{review.Id};format:pdf", e.Details);
            Assert.Equal(_iroUser, e.UserName);
            Assert.NotEmpty(e.UserId);
        });
    }

    /// <summary>
    /// Ruby, looked after since 2 November 2026, whose first review was held today (23 November 2026) with
    /// two recommendations, one done already, and a letter to her.
    /// </summary>
    private async Task<(Child Child, Review Review)> AHeldReviewAsync(string? wishes = null)
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker, givenName: "Ruby", dateOfBirth: new DateOnly(2014, 6, 1));
        var review = await app.QueryDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().Include(c => c.Reviews).ThenInclude(r => r.Recommendations)
                .SingleAsync(c => c.Id == child.Id);
            var record = new ReviewRecord(
                s_heldOn,
                ParticipationCode.PN1,
                "Ruby; Sol Worker, social worker; Pat Carer, foster carer",
                wishes ?? "Likes her school; wants to see her grandmother more",
                "Mum would like more contact at weekends",
                "Placement is stable and meeting Ruby's needs",
                new Dictionary<int, string> { [4] = "Contact with grandmother to increase" },
                "Dear Ruby,\n\nThank you for your review on 23 November 2026. We talked about how things are going for you.\n\n" +
                "Sol Worker will arrange a meeting with your school by 4 December 2026.\n\nFrom Isla Chair");
            RecommendationDraft[] drafts =
            [
                new("Arrange a PEP meeting with the school", "Sol Worker", "Social worker", _socialWorker.Id, new DateOnly(2026, 12, 4), "PEP minutes sent to the IRO"),
                new("Book a dental check", "Pat Carer", "Foster carer", null, new DateOnly(2027, 1, 15), "Carer tells the social worker"),
            ];
            var held = loaded.RecordReview(record, drafts, [], "Isla Chair", app.Today, app.Rules);
            held.Recommendations.Single(r => r.Action == "Book a dental check")
                .Complete(s_heldOn, "Booked for 1 December", "Pat Carer", app.Today);
            await db.SaveChangesAsync();
            return held;
        });
        return (child, review);
    }

    /// <summary>Downloads the PDF and reads back each page's text, with runs of white space made single spaces.</summary>
    private static async Task<IReadOnlyList<string>> PdfPagesAsync(HttpClient client, Child child, Review review)
    {
        using var response = await client.GetAsync(new Uri($"/children/{child.Id}/reviews/{review.Id}/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        return [.. pdf.GetPages().Select(p => Whitespace().Replace(ContentOrderTextExtractor.GetText(p), " ").Trim())];
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
