using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CareReview.Domain.Children;
using CareReview.Domain.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

using static CareReview.Tests.Features.Voice.VoiceSteps;

namespace CareReview.Tests.Features.Voice;

/// <summary>
/// A parent or carer, who has no account, is sent a single-use link by the child's IRO or social worker:
/// before the review to give their views, after it to read the decisions. Opening the page does not use the
/// link; continuing does, once, and gives a short session of its own that reaches nothing else. Only a hash
/// of the link is kept.
/// </summary>
public sealed class ParentLinkTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string AlreadyUsed = "This link has already been used. Ask the child&#x27;s social worker or IRO for a new one.";

    private VoiceCast _cast = null!;
    private Child _child = null!;
    private int _reviewId;

    public async Task InitializeAsync()
    {
        _cast = await app.AVoiceCastAsync();
        _child = await app.AChildOfAsync(_cast, "Robin");
        _reviewId = await app.ArrangedReviewAsync(_child.Id, app.Today.AddDays(10));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private string InvitationsAddress(int? reviewId = null, int? childId = null) =>
        $"/children/{childId ?? _child.Id}/reviews/{reviewId ?? _reviewId}/invitations";

    private static string LinkIn(string html)
    {
        var match = Regex.Match(html, "data-testid=\"invitation-link\">([^<]+)</code>");
        Assert.True(match.Success, "The page shows no link");
        var link = new Uri(WebUtility.HtmlDecode(match.Groups[1].Value));
        Assert.StartsWith("/invite/", link.AbsolutePath, StringComparison.Ordinal);
        return link.AbsolutePath["/invite/".Length..];
    }

    private async Task<HttpResponseMessage> PostInvitationAsync(HttpClient client, string name, string relationship, int? reviewId = null,
        int? childId = null) =>
        await app.SubmitFormAsync(client, InvitationsAddress(reviewId, childId),
            new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Relationship"] = relationship });

    /// <summary>The worker makes a link through the page; returns its secret and the invitation's id.</summary>
    private async Task<(string Token, int Id)> ALinkAsync(string? staffUser = null, string name = "Pat Parent", string relationship = "Mum",
        int? reviewId = null, int? childId = null)
    {
        using var staff = await app.SignedInClientAsync(staffUser ?? _cast.SocialWorkerUser);
        using var made = await PostInvitationAsync(staff, name, relationship, reviewId, childId);
        var page = await made.Content.ReadAsStringAsync();
        Assert.True(made.StatusCode == HttpStatusCode.OK, page);
        var token = LinkIn(page);
        var id = await app.QueryDbAsync(db => db.ParentInvitations.Where(i => i.ReviewId == (reviewId ?? _reviewId)).MaxAsync(i => i.Id));
        return (token, id);
    }

    /// <summary>The parent opens the link and presses Continue, in a browser of their own.</summary>
    private async Task<HttpClient> ParentSessionAsync(string token)
    {
        var parent = app.AnonymousClient();
        using var opened = await app.SubmitFormAsync(parent, $"/invite/{token}", new Dictionary<string, string>());
        Assert.Equal("/family", RedirectPath(opened));
        return parent;
    }

    private Task<ParentInvitation> InvitationAsync(int id) =>
        app.QueryDbAsync(db => db.ParentInvitations.AsNoTracking().SingleAsync(i => i.Id == id));

    private static async Task<string> FamilyRedirectAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/family", UriKind.Relative));
        return RedirectPath(response);
    }

    [Fact]
    public async Task The_social_worker_makes_a_link_that_is_shown_once_and_only_its_hash_is_kept()
    {
        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);
        var form = await sw.GetPageAsync(InvitationsAddress());
        Assert.Contains("Ask a parent or carer for their views", form, StringComparison.Ordinal);

        using var made = await PostInvitationAsync(sw, " Pat Parent ", " Mum ");
        var page = await made.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Contains("Link made for Pat Parent", page, StringComparison.Ordinal);
        var token = LinkIn(page);

        var invitation = Assert.Single(await app.QueryDbAsync(db => db.ParentInvitations.AsNoTracking().Where(i => i.ReviewId == _reviewId).ToListAsync()));
        Assert.Equal((_child.Id, InvitationPurpose.Views, "Pat Parent", "Mum", "Sid Worker"),
            (invitation.ChildId, invitation.Purpose, invitation.Name, invitation.Relationship, invitation.CreatedBy));
        Assert.Equal((app.Time.GetUtcNow(), app.Time.GetUtcNow().AddDays(14)), (invitation.CreatedAt, invitation.ExpiresAt));
        Assert.Null(invitation.UsedAt);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token))), invitation.TokenHash, ignoreCase: true);

        // The secret itself is in no column of the table, nor in the audit log.
        var stored = await app.QueryDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM \"ParentInvitations\"";
            await using var reader = await command.ExecuteReaderAsync();
            var values = new List<string>();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values.Add(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "");
                }
            }

            return values;
        });
        Assert.Contains(stored, v => v.Equals(invitation.TokenHash, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(stored, v => v.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(await app.QueryDbAsync(db => db.AuditEvents.AsNoTracking().Select(e => e.Details ?? "").ToListAsync()),
            d => d.Contains(token, StringComparison.Ordinal));

        var invited = Assert.Single(await app.AuditAsync(AuditAction.ParentInvited, _cast.SocialWorkerUser));
        Assert.Equal((_child.Id, $"invitation:{invitation.Id} review:{_reviewId} purpose:Views"), (invited.ChildId, invited.Details));

        // Shown only then: the page lists the link, but not its address.
        var later = await sw.GetPageAsync(InvitationsAddress());
        Assert.DoesNotContain(token, later, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"invitation-link\"", later, StringComparison.Ordinal);
        Assert.Contains("Pat Parent (Mum) by Sid Worker Views not opened yet", Text(later), StringComparison.Ordinal);
        Assert.Contains("Pat Parent (Mum): views link, not opened yet", Text(await sw.GetPageAsync($"/children/{_child.Id}/reviews/{_reviewId}")),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Mum", "Input-Name", "Enter the parent's or carer's name")]
    [InlineData("Pat Parent", " ", "Input-Relationship", "Enter who they are to the child, for example Mum or Foster carer")]
    public async Task A_link_needs_a_name_and_who_they_are_to_the_child(string name, string relationship, string field, string message)
    {
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        using var refused = await PostInvitationAsync(iro, name, relationship);

        var page = await refused.Content.ReadAsStringAsync();
        Pages.AssertFieldError(page, field, message);
        Assert.DoesNotContain("data-testid=\"invitation-link\"", page, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryDbAsync(db => db.ParentInvitations.CountAsync(i => i.ReviewId == _reviewId)));
    }

    [Fact]
    public async Task Opening_the_link_does_not_use_it_continuing_does_and_the_parent_sends_views_the_iro_reads()
    {
        await app.ExecuteDbAsync(async db =>
        {
            var review = await db.Reviews.SingleAsync(r => r.Id == _reviewId);
            db.ReviewViews.Add(ReviewViews.FromChild(review, "Robin", new ViewsDraft("Only my IRO should read this", null, null), app.Today));
        });
        var (token, id) = await ALinkAsync();
        using var parent = app.AnonymousClient();

        // A mail scanner, or the parent, opens the page: it says what the link is for and uses nothing.
        for (var i = 0; i < 2; i++)
        {
            var page = await parent.GetPageAsync($"/invite/{token}");
            Assert.Contains("Hello Pat Parent.", page, StringComparison.Ordinal);
            Assert.Contains("before Robin&#x27;s review", page, StringComparison.Ordinal);
            Assert.Contains(">Continue</button>", page, StringComparison.Ordinal);
        }

        Assert.Null((await InvitationAsync(id)).UsedAt);
        Assert.DoesNotContain(await app.AuditAsync(AuditAction.ParentLinkOpened), e => e.Details == $"invitation:{id} review:{_reviewId}");
        Assert.Equal("/invite/expired", await FamilyRedirectAsync(parent));

        // Continue uses the link and starts the family session.
        using (var opened = await app.SubmitFormAsync(parent, $"/invite/{token}", new Dictionary<string, string>()))
        {
            Assert.Equal("/family", RedirectPath(opened));

            // A cookie of its own, out of reach of scripts, that a link from an email can start.
            var cookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"), c => c.StartsWith("care-review-family=", StringComparison.Ordinal));
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(token, cookie, StringComparison.Ordinal);
        }

        Assert.Equal(app.Time.GetUtcNow(), (await InvitationAsync(id)).UsedAt);
        var openedEvent = Assert.Single(await app.AuditAsync(AuditAction.ParentLinkOpened), e => e.UserId == $"invitation:{id}");
        Assert.Equal(("Pat Parent (Mum)", _child.Id, $"invitation:{id} review:{_reviewId}"), (openedEvent.UserName, openedEvent.ChildId, openedEvent.Details));

        var family = await parent.GetPageAsync("/family");
        Assert.Contains("Your views before Robin&#x27;s review", family, StringComparison.Ordinal);
        Assert.Contains("Pat Parent (Mum)", family, StringComparison.Ordinal);
        Assert.DoesNotContain("Only my IRO should read this", family, StringComparison.Ordinal);
        Assert.DoesNotContain(_child.FamilyName, family, StringComparison.Ordinal);

        using (var sent = await app.SubmitFormAsync(parent, "/family", new Dictionary<string, string>
        {
            ["Input.Version"] = "0",
            ["Input.GoingWell"] = "Robin is settled at school",
            ["Input.WantToChange"] = "More time with his sister",
            ["Input.WillAttend"] = "yes",
            ["Input.WhoIWantThere"] = "Not a question for parents",
            ["Input.TalkToIroAlone"] = "yes",
        }))
        {
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Contains("Your views have been sent", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var views = Assert.Single(await app.ViewsForAsync(_reviewId), v => v.Author == ViewsAuthor.ParentOrCarer);
        Assert.Equal(("Pat Parent", "Mum", (int?)id, _child.Id), (views.AuthorName, views.Relationship, views.InvitationId, views.ChildId));
        Assert.Equal(("Robin is settled at school", (string?)null, "More time with his sister"), (views.GoingWell, views.NotGoingWell, views.WantToChange));
        Assert.Equal(((bool?)true, (string?)null, (bool?)null), (views.WillAttend, views.WhoIWantThere, views.TalkToIroAlone));
        var sentEvent = Assert.Single(await app.AuditAsync(AuditAction.ParentViewsSent), e => e.UserId == $"invitation:{id}");
        Assert.Equal((_child.Id, $"invitation:{id} review:{_reviewId}"), (sentEvent.ChildId, sentEvent.Details));

        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        var review = Text(await iro.GetPageAsync($"/children/{_child.Id}/reviews/{_reviewId}"));
        Assert.Contains($"Pat Parent (Mum), sent {Long(app.Today)}", review, StringComparison.Ordinal);
        Assert.Contains("Robin is settled at school", review, StringComparison.Ordinal);
        Assert.Contains("Coming to the review Yes", review, StringComparison.Ordinal);
        Assert.Contains("Pat Parent (Mum): views link, opened", review, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_works_once_and_a_second_browser_continuing_with_it_is_refused()
    {
        var (token, id) = await ALinkAsync();
        using var phone = app.AnonymousClient();
        using var forwarded = app.AnonymousClient();

        // Both open the page while the link is waiting.
        var phonePage = await phone.GetPageAsync($"/invite/{token}");
        var forwardedPage = await forwarded.GetPageAsync($"/invite/{token}");

        using (var first = await phone.PostWithTokenOfAsync($"/invite/{token}", phonePage, new Dictionary<string, string>()))
        {
            Assert.Equal("/family", RedirectPath(first));
        }

        var usedAt = (await InvitationAsync(id)).UsedAt;
        app.MoveOn(TimeSpan.FromMinutes(5));
        using var second = await forwarded.PostWithTokenOfAsync($"/invite/{token}", forwardedPage, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var refusedPage = await second.Content.ReadAsStringAsync();
        Assert.Contains(AlreadyUsed, refusedPage, StringComparison.Ordinal);
        Assert.DoesNotContain(">Continue</button>", refusedPage, StringComparison.Ordinal);
        Assert.False(second.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("care-review-family=", StringComparison.Ordinal)),
            "The refused browser was given a family session");
        Assert.Equal("/invite/expired", await FamilyRedirectAsync(forwarded));
        Assert.Equal(usedAt, (await InvitationAsync(id)).UsedAt);
        Assert.Single(await app.AuditAsync(AuditAction.ParentLinkOpened), e => e.UserId == $"invitation:{id}");
        var refused = Assert.Single(await app.AuditAsync(AuditAction.ParentLinkRefused), e => e.UserId == $"invitation:{id}");
        Assert.Equal($"invitation:{id}", refused.UserId);
        // Ids and the link's state only: no name or narrative in the audit log.
        Assert.Equal($"child:{_child.Id} state:Used", refused.Details);
        Assert.Equal("", refused.UserName);

        // The first browser's session is unaffected, and the link's page now says it is used.
        Assert.Equal(HttpStatusCode.OK, await phone.StatusOfAsync("/family"));
        var reopened = await phone.GetPageAsync($"/invite/{token}");
        Assert.Contains(AlreadyUsed, reopened, StringComparison.Ordinal);
        Assert.DoesNotContain(">Continue</button>", reopened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_expires_after_14_days_unopened()
    {
        var (token, id) = await ALinkAsync();
        using var parent = app.AnonymousClient();

        app.MoveOn(TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        Assert.Contains(">Continue</button>", await parent.GetPageAsync($"/invite/{token}"), StringComparison.Ordinal);

        app.MoveOn(TimeSpan.FromMinutes(1));
        var page = await parent.GetPageAsync($"/invite/{token}");
        Assert.Contains("This link has expired. Ask the child&#x27;s social worker or IRO for a new one.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(">Continue</button>", page, StringComparison.Ordinal);

        using var posted = await parent.PostFormAsync($"/invite/{token}", [], tokenFrom: "/sign-in");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("This link has expired.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/invite/expired", await FamilyRedirectAsync(parent));
        Assert.Null((await InvitationAsync(id)).UsedAt);
        Assert.Single(await app.AuditAsync(AuditAction.ParentLinkRefused), e => e.UserId == $"invitation:{id}");

        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);
        var listed = await sw.GetPageAsync(InvitationsAddress());
        Assert.Contains("expired unopened", listed, StringComparison.Ordinal);
        Assert.DoesNotContain($"invitationId={id}", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_link_does_not_open_and_a_used_one_cannot_be_cancelled()
    {
        var (token, id) = await ALinkAsync();
        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);
        var cancel = $"{InvitationsAddress()}?handler=Cancel&invitationId={id}";
        Assert.Contains($"invitationId={id}", await sw.GetPageAsync(InvitationsAddress()), StringComparison.Ordinal);

        using (var cancelled = await app.SubmitFormAsync(sw, cancel, new Dictionary<string, string>()))
        {
            Assert.Equal(InvitationsAddress(), RedirectPath(cancelled));
        }

        Assert.Equal(app.Time.GetUtcNow(), (await InvitationAsync(id)).CancelledAt);
        Assert.Single(await app.AuditAsync(AuditAction.ParentInvitationCancelled, _cast.SocialWorkerUser), e => e.ChildId == _child.Id && e.Details == $"invitation:{id}");
        var listed = await sw.GetPageAsync(InvitationsAddress());
        Assert.Contains("The link for Pat Parent is cancelled", listed, StringComparison.Ordinal);
        Assert.Contains("Pat Parent (Mum) by Sid Worker Views cancelled", Text(listed), StringComparison.Ordinal);

        using var parent = app.AnonymousClient();
        Assert.Contains("This link was cancelled.", await parent.GetPageAsync($"/invite/{token}"), StringComparison.Ordinal);
        using (var posted = await parent.PostFormAsync($"/invite/{token}", [], tokenFrom: "/sign-in"))
        {
            Assert.Contains("This link was cancelled.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("/invite/expired", await FamilyRedirectAsync(parent));
        Assert.Null((await InvitationAsync(id)).UsedAt);

        // A link already used stays used.
        var (usedToken, usedId) = await ALinkAsync(name: "Jo Carer", relationship: "Foster carer");
        using var carer = await ParentSessionAsync(usedToken);
        using var refused = await app.SubmitFormAsync(sw, $"{InvitationsAddress()}?handler=Cancel&invitationId={usedId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Only a link that has not been used or expired can be cancelled", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var used = await InvitationAsync(usedId);
        Assert.NotNull(used.UsedAt);
        Assert.Null(used.CancelledAt);
        Assert.Equal(HttpStatusCode.OK, await carer.StatusOfAsync("/family"));
    }

    [Fact]
    public async Task An_unknown_link_is_not_recognised_and_opens_nothing()
    {
        using var parent = app.AnonymousClient();
        var address = "/invite/" + new string('A', 43);
        var before = (await app.AuditAsync(AuditAction.ParentLinkRefused)).Count(e => e.Details == "unknown link");

        var page = await parent.GetPageAsync(address);
        Assert.Contains("This link is not recognised.", page, StringComparison.Ordinal);
        using (var posted = await parent.PostFormAsync(address, [], tokenFrom: "/sign-in"))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            Assert.Contains("This link is not recognised.", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("/invite/expired", await FamilyRedirectAsync(parent));
        Assert.Equal(before + 2, (await app.AuditAsync(AuditAction.ParentLinkRefused)).Count(e => e.Details == "unknown link"));
    }

    [Fact]
    public async Task The_family_session_reaches_no_staff_page_and_not_the_childs_pages()
    {
        var (token, _) = await ALinkAsync();
        using var parent = await ParentSessionAsync(token);

        foreach (var address in new[]
                 {
                     "/", "/caseload", "/work", $"/children/{_child.Id}", $"/children/{_child.Id}/reviews/{_reviewId}", InvitationsAddress(),
                     "/participation", "/me", "/me/views", "/me/reviews",
                 })
        {
            using var response = await parent.GetAsync(new Uri(address, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{address} answered {(int)response.StatusCode}");
            Assert.Equal("/sign-in", RedirectPath(response));
        }

        Assert.Equal(HttpStatusCode.OK, await parent.StatusOfAsync("/family"));
    }

    [Fact]
    public async Task The_family_session_ends_after_two_hours()
    {
        var (token, _) = await ALinkAsync();
        using var parent = await ParentSessionAsync(token);

        app.MoveOn(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await parent.StatusOfAsync("/family"));

        app.MoveOn(TimeSpan.FromMinutes(2));
        Assert.Equal("/invite/expired", await FamilyRedirectAsync(parent));
        Assert.Contains("Your time has run out", await parent.GetPageAsync("/invite/expired"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_review_a_link_shares_the_decisions_once_they_are_issued()
    {
        var heldId = await app.HeldReviewAsync(_child.Id, app.Today, recommendation: "Robin starts swimming lessons");
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        var waiting = await iro.GetPageAsync(InvitationsAddress(heldId));
        Assert.Contains("Share the decisions with a parent or carer", waiting, StringComparison.Ordinal);
        Assert.Contains("The decisions of this review have not been issued yet.", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Name\"", waiting, StringComparison.Ordinal);
        using (var early = await PostInvitationAsync(iro, "Pat Parent", "Mum", heldId))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
            Assert.Contains("The decisions of this review have not been issued yet, so there is nothing to share",
                await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await app.QueryDbAsync(db => db.ParentInvitations.CountAsync(i => i.ReviewId == heldId)));

        await app.IssueDecisionsAsync(_child.Id, heldId);
        var (token, id) = await ALinkAsync(_cast.IroUser, reviewId: heldId);
        Assert.Equal(InvitationPurpose.Decisions, (await InvitationAsync(id)).Purpose);
        Assert.Single(await app.AuditAsync(AuditAction.ParentInvited, _cast.IroUser), e => e.Details == $"invitation:{id} review:{heldId} purpose:Decisions");

        using var parent = app.AnonymousClient();
        Assert.Contains("You can read the decisions made at Robin&#x27;s review.", await parent.GetPageAsync($"/invite/{token}"), StringComparison.Ordinal);
        using (var opened = await app.SubmitFormAsync(parent, $"/invite/{token}", new Dictionary<string, string>()))
        {
            Assert.Equal("/family", RedirectPath(opened));
        }

        var decisions = await parent.GetPageAsync("/family");
        Assert.Contains("Decisions from Robin&#x27;s review", decisions, StringComparison.Ordinal);
        Assert.Contains("Robin starts swimming lessons Social worker " + Long(app.Today.AddDays(28)), Text(decisions), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.GoingWell\"", decisions, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", decisions, StringComparison.Ordinal);
        Assert.Single(await app.AuditAsync(AuditAction.ParentDecisionsViewed), e => e.ChildId == _child.Id && e.Details == $"invitation:{id} review:{heldId}");
    }

    [Fact]
    public async Task Only_the_childs_iro_social_worker_and_the_iro_manager_send_links()
    {
        using (var manager = await app.SignedInClientAsync(_cast.IroManagerUser))
        {
            Assert.Equal(HttpStatusCode.OK, await manager.StatusOfAsync(InvitationsAddress()));
        }

        using (var tm = await app.SignedInClientAsync(_cast.TeamManagerUser))
        {
            Assert.Equal(HttpStatusCode.NotFound, await tm.StatusOfAsync(InvitationsAddress()));
            Assert.Contains(await app.AuditAsync(AuditAction.AccessRefused, _cast.TeamManagerUser),
                e => e.ChildId == _child.Id && e.Details == $"review:{_reviewId};page:invitations");
            Assert.DoesNotContain(InvitationsAddress(), await tm.GetPageAsync($"/children/{_child.Id}/reviews/{_reviewId}"), StringComparison.Ordinal);

            using var posted = await tm.PostFormAsync(InvitationsAddress(), [new("Input.Name", "Pat Parent"), new("Input.Relationship", "Mum")],
                tokenFrom: $"/children/{_child.Id}/reviews/{_reviewId}");
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }

        foreach (var user in new[] { _cast.OtherIroUser, _cast.OtherSocialWorkerUser })
        {
            using var client = await app.SignedInClientAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync(InvitationsAddress()));
            Assert.True(await app.RefusalAuditedAsync(user, $"child:{_child.Id}"), $"{user}'s refusal is audited");
        }

        // A review of another child is not found under this child.
        var other = await app.AChildOfAsync(_cast, "Sam");
        var othersReview = await app.ArrangedReviewAsync(other.Id, app.Today.AddDays(12));
        using (var iro = await app.SignedInClientAsync(_cast.IroUser))
        {
            Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync(InvitationsAddress(othersReview)));
        }

        Assert.Equal(0, await app.QueryDbAsync(db => db.ParentInvitations.CountAsync(i => i.ChildId == _child.Id)));
    }

    private static Dictionary<string, string> ParentViews(string version, string goingWell, string willAttend = "yes") => new()
    {
        ["Input.Version"] = version,
        ["Input.GoingWell"] = goingWell,
        ["Input.WillAttend"] = willAttend,
    };

    [Fact]
    public async Task The_parent_can_change_their_views_again_and_again_until_their_time_runs_out()
    {
        // The page says "You can change what you wrote until your time runs out": each change is made from the page the last one returned.
        var (token, id) = await ALinkAsync();
        using var parent = await ParentSessionAsync(token);
        var page = await parent.GetPageAsync("/family");

        foreach (var (words, attend) in new[] { ("Robin is settled", "yes"), ("Robin is settled and happy", "not-sure"), ("Robin is thriving", "no") })
        {
            using var sent = await parent.PostWithTokenOfAsync("/family", page, ParentViews(AppFactory.HiddenValueIn(page, "Input.Version"), words, attend));
            page = await sent.Content.ReadAsStringAsync();
            var problems = page.IndexOf("govuk-error-summary__list", StringComparison.Ordinal);
            Assert.True(sent.StatusCode == HttpStatusCode.OK && problems < 0 && page.Contains("Your views have been sent", StringComparison.Ordinal),
                $"Sending \"{words}\" was refused: {(problems < 0 ? "" : Text(page[(page.IndexOf('>', problems) + 1)..page.IndexOf("</ul>", problems, StringComparison.Ordinal)]))}");
        }

        var views = Assert.Single(await app.ViewsForAsync(_reviewId));
        Assert.Equal(("Robin is thriving", (bool?)false, (int?)id), (views.GoingWell, views.WillAttend, views.InvitationId));
    }

    [Fact]
    public async Task Views_cannot_be_sent_once_the_review_has_been_held()
    {
        var (token, id) = await ALinkAsync();
        using var parent = await ParentSessionAsync(token);
        var page = await parent.GetPageAsync("/family");
        await app.HeldReviewAsync(_child.Id, app.Today);

        using var late = await parent.PostWithTokenOfAsync("/family", page, ParentViews("0", "Robin is settled"));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("This review has already happened, so views for it can no longer be sent or changed",
            await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.ViewsForAsync(_reviewId));
        Assert.DoesNotContain(await app.AuditAsync(AuditAction.ParentViewsSent), e => e.UserId == $"invitation:{id}");
        Assert.Contains("This review has already happened", await parent.GetPageAsync("/family"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_of_another_review_cannot_be_cancelled_from_this_one()
    {
        var other = await app.AChildOfAsync(_cast, "Sam");
        var othersReview = await app.ArrangedReviewAsync(other.Id, app.Today.AddDays(12));
        var (_, othersLink) = await ALinkAsync(_cast.IroUser, reviewId: othersReview, childId: other.Id, name: "Lee Parent", relationship: "Dad");
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        using var refused = await iro.PostFormAsync($"{InvitationsAddress()}?handler=Cancel&invitationId={othersLink}", [], tokenFrom: InvitationsAddress());

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null((await InvitationAsync(othersLink)).CancelledAt);
        Assert.Contains(await app.AuditAsync(AuditAction.AccessRefused, _cast.IroUser), e => e.Details == $"review:{_reviewId};invitation:{othersLink}");
    }
}
