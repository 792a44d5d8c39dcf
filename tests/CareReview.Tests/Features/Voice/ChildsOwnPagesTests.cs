using System.Globalization;
using System.Net;
using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using CareReview.Web.Records;
using Microsoft.EntityFrameworkCore;
using static CareReview.Tests.Features.Voice.VoiceSteps;

namespace CareReview.Tests.Features.Voice;

/// <summary>
/// A child signed in to their own pages: who helps them and when their next review is, what they think
/// before it, and their reviews afterwards. The child sees only their own things, and staff pages answer
/// "Page not found"; staff in turn cannot open the child's pages.
/// </summary>
public sealed class ChildsOwnPagesTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private VoiceCast _cast = null!;
    private Child _child = null!;
    private string _childUser = null!;

    public async Task InitializeAsync()
    {
        _cast = await app.AVoiceCastAsync();
        _child = await app.AChildOfAsync(_cast, "Robin");
        _childUser = await app.AChildSignInAsync(_child);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private static Dictionary<string, string> ViewsForm(long version, string? goingWell = "I like my new school", string? notGoingWell = "",
        string? wantToChange = "See my gran more", string? whoIWantThere = "My gran, not my uncle", string? whereAndWhen = "At home after school",
        string? talkAlone = "yes", string? advocate = "not-sure")
    {
        var form = new Dictionary<string, string> { ["Input.Version"] = Number(version) };
        void Put(string name, string? value)
        {
            if (value is not null)
            {
                form[$"Input.{name}"] = value;
            }
        }

        Put("GoingWell", goingWell);
        Put("NotGoingWell", notGoingWell);
        Put("WantToChange", wantToChange);
        Put("WhoIWantThere", whoIWantThere);
        Put("WhereAndWhen", whereAndWhen);
        Put("TalkToIroAlone", talkAlone);
        Put("WantAdvocate", advocate);
        return form;
    }

    private async Task<HttpResponseMessage> SendViewsAsync(HttpClient client, Dictionary<string, string> form) =>
        await app.SubmitFormAsync(client, "/me/views", form);

    [Fact]
    public async Task My_page_shows_who_helps_me_how_to_get_help_my_next_review_and_the_plan_shared_with_me()
    {
        var reviewOn = app.Today.AddDays(10);
        await app.ArrangedReviewAsync(_child.Id, reviewOn);
        await app.ExecuteDbAsync(async db =>
        {
            var child = await db.Children.WithDeadlineFacts().Include(c => c.ChildFriendlyPlans).SingleAsync(c => c.Id == _child.Id);
            child.ChangeCarePlan(new CarePlanDraft([PermanenceOption.LTFOST18],
                new Dictionary<CarePlanSection, string?> { [CarePlanSection.Contact] = "Robin sees Gran monthly." }, null), "Sid Worker", app.Today, Rulebook.National);
            child.WriteChildFriendlyPlan(AgeBand.From8To12, "You will keep living with Jo. You will see your gran every month.", "Sid Worker", app.Today);
            child.ShareChildFriendlyPlan("Sid Worker", app.Today);
        });
        await app.ExecuteDbAsync(async db =>
        {
            var child = await db.Children.WithDeadlineFacts().Include(c => c.ChildFriendlyPlans).SingleAsync(c => c.Id == _child.Id);
            child.WriteChildFriendlyPlan(AgeBand.From8To12, "A draft nobody has checked yet.", "Sid Worker", app.Today);
        });
        using var client = await app.SignedInClientAsync(_childUser);

        var page = await client.GetPageAsync("/me");

        Assert.Contains("Hello Robin", page, StringComparison.Ordinal);
        Assert.Contains($"{Long(reviewOn)} at 4:00pm, The foster home", page, StringComparison.Ordinal);
        Assert.Contains("Tell us what you think", page, StringComparison.Ordinal);
        Assert.Contains("Ida Reviewer", page, StringComparison.Ordinal);
        Assert.Contains("Sid Worker", page, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:01632960000\">01632 960000</a>", page, StringComparison.Ordinal);
        Assert.Contains("You will keep living with Jo. You will see your gran every month.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("A draft nobody has checked yet.", page, StringComparison.Ordinal);
        Assert.DoesNotContain(_child.FamilyName, page, StringComparison.Ordinal);
        Assert.Single(await app.AuditAsync(AuditAction.ChildPageViewed, _childUser), e => e.ChildId == _child.Id);
    }

    [Fact]
    public async Task My_page_shows_the_plan_shared_last_when_a_corrected_one_is_shared_the_same_day()
    {
        await app.ExecuteDbAsync(async db =>
        {
            var child = await db.Children.WithDeadlineFacts().Include(c => c.ChildFriendlyPlans).SingleAsync(c => c.Id == _child.Id);
            child.ChangeCarePlan(new CarePlanDraft([PermanenceOption.LTFOST18],
                new Dictionary<CarePlanSection, string?> { [CarePlanSection.Contact] = "Robin sees Gran weekly." }, null), "Sid Worker", app.Today, Rulebook.National);
            child.WriteChildFriendlyPlan(AgeBand.From8To12, "You will see your gran every month.", "Sid Worker", app.Today);
            child.ShareChildFriendlyPlan("Sid Worker", app.Today);
        });

        // The social worker spots the mistake and shares the corrected plan that afternoon.
        await app.ExecuteDbAsync(async db =>
        {
            var child = await db.Children.WithDeadlineFacts().Include(c => c.ChildFriendlyPlans).SingleAsync(c => c.Id == _child.Id);
            child.WriteChildFriendlyPlan(AgeBand.From8To12, "You will see your gran every week.", "Sid Worker", app.Today);
            child.ShareChildFriendlyPlan("Sid Worker", app.Today);
        });
        var latest = await app.QueryDbAsync(async db =>
            (await db.Children.Include(c => c.ChildFriendlyPlans).AsNoTracking().SingleAsync(c => c.Id == _child.Id)).SharedChildFriendlyPlan!.Text);
        Assert.Equal("You will see your gran every week.", latest);
        using var client = await app.SignedInClientAsync(_childUser);

        var page = await client.GetPageAsync("/me");

        Assert.True(page.Contains("You will see your gran every week.", StringComparison.Ordinal),
            $"The child's page shows the plan that was replaced: {(page.Contains("every month", StringComparison.Ordinal) ? "\"You will see your gran every month.\"" : "neither")}");
        Assert.DoesNotContain("You will see your gran every month.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_review_arranged_my_page_says_when_it_is_due()
    {
        using var client = await app.SignedInClientAsync(_childUser);
        var due = await app.QueryDbAsync(db => db.Children.Where(c => c.Id == _child.Id).Select(c => c.NextReviewDueOn).SingleAsync());

        var page = await client.GetPageAsync("/me");

        Assert.NotNull(due);
        Assert.Contains($"Your next review should happen by {Long(due.Value)}. Your IRO will tell you the day.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/me/views\" role=\"button\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_childs_sign_in_is_answered_page_not_found_on_every_staff_page()
    {
        var reviewId = await app.ArrangedReviewAsync(_child.Id, app.Today.AddDays(10));
        using var client = await app.SignedInClientAsync(_childUser);

        foreach (var address in new[]
                 {
                     "/", $"/children/{_child.Id}", $"/children/{_child.Id}/reviews/{reviewId}", $"/children/{_child.Id}/own-sign-in",
                     $"/children/{_child.Id}/reviews/{reviewId}/invitations", "/work", "/caseload", "/participation", "/escalations",
                 })
        {
            using var response = await client.GetAsync(new Uri(address, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{address} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("Ida Reviewer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var path in new[] { "/", $"/children/{_child.Id}", "/work", "/caseload", "/participation" })
        {
            Assert.True(await app.RefusalAuditedAsync(_childUser, $"path:{path}"), $"The refusal of {path} is audited");
        }

        // Issue 19, finding 4: the refusal of a page about a child is kept against that child.
        var childPage = $"path:/children/{_child.Id}";
        Assert.True(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.AccessRefused && e.Details == childPage && e.ChildId == _child.Id)));

        // Nor is a child's sign-in a parent's link.
        using var family = await client.GetAsync(new Uri("/family", UriKind.Relative));
        Assert.Equal("/invite/expired", RedirectPath(family));
    }

    [Fact]
    public async Task Staff_are_answered_page_not_found_on_the_childs_pages()
    {
        foreach (var user in new[] { _cast.IroUser, _cast.SocialWorkerUser, _cast.IroManagerUser })
        {
            using var client = await app.SignedInClientAsync(user);
            foreach (var address in new[] { "/me", "/me/views", "/me/reviews" })
            {
                Assert.True(await client.StatusOfAsync(address) == HttpStatusCode.NotFound, $"{user} on {address}");
            }

            Assert.True(await app.RefusalAuditedAsync(user, "path:/me"), $"{user}'s refusal is audited");
        }

        using var nobody = app.AnonymousClient();
        using var me = await nobody.GetAsync(new Uri("/me", UriKind.Relative));
        Assert.Equal("/sign-in", RedirectPath(me));
    }

    [Fact]
    public async Task The_child_sends_their_views_which_the_iro_reads_on_the_review()
    {
        var reviewId = await app.ArrangedReviewAsync(_child.Id, app.Today.AddDays(10));
        using var client = await app.SignedInClientAsync(_childUser);
        var form = await client.GetPageAsync("/me/views");
        Assert.Contains($"Your review is on {Long(app.Today.AddDays(10))}", form, StringComparison.Ordinal);

        var fields = ViewsForm(0);
        fields["Input.WillAttend"] = "yes";
        using (var sent = await SendViewsAsync(client, fields))
        {
            Assert.Equal("/me", RedirectPath(sent));
        }

        var views = Assert.Single(await app.ViewsForAsync(reviewId));
        Assert.Equal((ViewsAuthor.Child, "Robin", _child.Id, (int?)null, app.Today), (views.Author, views.AuthorName, views.ChildId, views.InvitationId, views.SentOn));
        Assert.Equal(("I like my new school", (string?)null, "See my gran more"), (views.GoingWell, views.NotGoingWell, views.WantToChange));
        Assert.Equal(("My gran, not my uncle", "At home after school"), (views.WhoIWantThere, views.WhereAndWhen));
        Assert.Equal((true, (bool?)null, (bool?)null), (views.TalkToIroAlone, views.WantAdvocate, views.WillAttend));
        Assert.Single(await app.AuditAsync(AuditAction.ChildViewsSent, _childUser), e => e.ChildId == _child.Id && e.Details == $"review:{reviewId}");

        var me = await client.GetPageAsync("/me");
        Assert.Contains("Thank you. Your IRO will read what you said before your review.", me, StringComparison.Ordinal);
        Assert.Contains("Change what I told you", me, StringComparison.Ordinal);

        // The form shows what was sent, to change it.
        var again = await client.GetPageAsync("/me/views");
        Assert.Contains(">I like my new school</textarea>", again, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.TalkToIroAlone\" type=\"radio\" value=\"yes\" checked", again, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.WantAdvocate\" type=\"radio\" value=\"not-sure\" checked", again, StringComparison.Ordinal);

        // The IRO has them on the review before the meeting.
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        var review = await iro.GetPageAsync($"/children/{_child.Id}/reviews/{reviewId}");
        var voices = Text(review[review.IndexOf("Views sent before the review", StringComparison.Ordinal)..]);
        Assert.Contains($"Robin (the child), sent {Long(app.Today)}", voices, StringComparison.Ordinal);
        Assert.Contains("I like my new school", voices, StringComparison.Ordinal);
        Assert.Contains("My gran, not my uncle", voices, StringComparison.Ordinal);
        Assert.Contains("Talk to the IRO alone Yes", voices, StringComparison.Ordinal);
        Assert.Contains("Wants an advocate Not sure", voices, StringComparison.Ordinal);
        Assert.DoesNotContain("Coming to the review", voices, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_my_views_changes_the_same_set_and_says_when()
    {
        var reviewId = await app.ArrangedReviewAsync(_child.Id, app.Today.AddDays(10));
        using var client = await app.SignedInClientAsync(_childUser);
        using (var first = await SendViewsAsync(client, ViewsForm(0)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var version = AppFactory.HiddenValueIn(await client.GetPageAsync("/me/views"), "Input.Version");
        using (var changed = await SendViewsAsync(client, ViewsForm(long.Parse(version, CultureInfo.InvariantCulture),
                   goingWell: "", notGoingWell: "Bedtime is too early", talkAlone: "no", advocate: "yes")))
        {
            Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        }

        var views = Assert.Single(await app.ViewsForAsync(reviewId));
        Assert.Equal(((string?)null, "Bedtime is too early", "See my gran more"), (views.GoingWell, views.NotGoingWell, views.WantToChange));
        Assert.Equal((false, true), (views.TalkToIroAlone, views.WantAdvocate));
        // Views start at version 1 (a blank form is version 0), so one change makes 2.
        Assert.Equal((app.Today, app.Today, 2L), (views.SentOn, views.ChangedOn, views.Version));
        Assert.Equal(2, (await app.AuditAsync(AuditAction.ChildViewsSent, _childUser)).Count);
    }

    [Fact]
    public async Task Views_need_at_least_one_thing_said_and_answers_of_a_sensible_length()
    {
        var reviewId = await app.ArrangedReviewAsync(_child.Id, app.Today.AddDays(10));
        using var client = await app.SignedInClientAsync(_childUser);

        using (var nothing = await SendViewsAsync(client, ViewsForm(0, goingWell: " ", wantToChange: "")))
        {
            Assert.Equal(HttpStatusCode.OK, nothing.StatusCode);
            Pages.AssertFieldError(await nothing.Content.ReadAsStringAsync(), "Input-GoingWell",
                "Tell us at least one thing: what is going well, what is not, or what you want to change");
        }

        using (var tooLong = await SendViewsAsync(client, ViewsForm(0, goingWell: new string('a', 2001), whereAndWhen: new string('b', 501))))
        {
            var page = await tooLong.Content.ReadAsStringAsync();
            Pages.AssertFieldError(page, "Input-GoingWell", "This answer must be 2,000 characters or fewer");
            Pages.AssertFieldError(page, "Input-WhereAndWhen", "This answer must be 500 characters or fewer");
        }

        Assert.Empty(await app.ViewsForAsync(reviewId));
        Assert.Empty(await app.AuditAsync(AuditAction.ChildViewsSent, _childUser));
    }

    [Fact]
    public async Task With_no_review_arranged_there_is_nothing_to_send_views_for()
    {
        using var client = await app.SignedInClientAsync(_childUser);

        var page = await client.GetPageAsync("/me/views");
        Assert.Contains("Your next review has not been arranged yet", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.GoingWell\"", page, StringComparison.Ordinal);

        using var posted = await SendViewsAsync(client, ViewsForm(0));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(0, await app.QueryDbAsync(db => db.ReviewViews.CountAsync(v => v.ChildId == _child.Id)));
        Assert.Empty(await app.AuditAsync(AuditAction.ChildViewsSent, _childUser));
    }

    [Fact]
    public async Task Of_two_edits_made_on_the_same_version_the_second_is_refused_and_the_first_is_kept()
    {
        var reviewId = await app.ArrangedReviewAsync(_child.Id, app.Today.AddDays(10));
        using var phone = await app.SignedInClientAsync(_childUser);
        using var laptop = await app.SignedInClientAsync(_childUser);
        using (var first = await SendViewsAsync(phone, ViewsForm(0)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        // Both open the form on the views as saved.
        var phoneForm = await phone.GetPageAsync("/me/views");
        var laptopForm = await laptop.GetPageAsync("/me/views");
        var seen = AppFactory.HiddenValueIn(phoneForm, "Input.Version");
        Assert.Equal(seen, AppFactory.HiddenValueIn(laptopForm, "Input.Version"));
        var version = long.Parse(seen, CultureInfo.InvariantCulture);

        using (var saved = await phone.PostWithTokenOfAsync("/me/views", phoneForm, ViewsForm(version, goingWell: "Written on my phone")))
        {
            Assert.Equal("/me", RedirectPath(saved));
        }

        using var refused = await laptop.PostWithTokenOfAsync("/me/views", laptopForm, ViewsForm(version, goingWell: "Written on the laptop"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(RecordChanges.ConcurrencyMessage), page, StringComparison.Ordinal);
        Assert.Contains("Someone else changed this while you were working on it", page, StringComparison.Ordinal);
        var views = Assert.Single(await app.ViewsForAsync(reviewId));
        Assert.Equal("Written on my phone", views.GoingWell);
        Assert.Equal(version + 1, views.Version);
        Assert.Equal(2, (await app.AuditAsync(AuditAction.ChildViewsSent, _childUser)).Count);
    }

    [Fact]
    public async Task Of_two_first_sends_made_from_blank_forms_the_second_is_refused_and_the_first_is_kept()
    {
        // Both forms were shown before any views were saved; the second send would replace words its writer never saw.
        var reviewId = await app.ArrangedReviewAsync(_child.Id, app.Today.AddDays(10));
        using var phone = await app.SignedInClientAsync(_childUser);
        using var laptop = await app.SignedInClientAsync(_childUser);
        var phoneForm = await phone.GetPageAsync("/me/views");
        var laptopForm = await laptop.GetPageAsync("/me/views");

        using (var first = await phone.PostWithTokenOfAsync("/me/views", phoneForm, ViewsForm(0, goingWell: "Written on my phone")))
        {
            Assert.Equal("/me", RedirectPath(first));
        }

        using var second = await laptop.PostWithTokenOfAsync("/me/views", laptopForm, ViewsForm(0, goingWell: "Written on the laptop"));

        Assert.True(second.StatusCode == HttpStatusCode.OK,
            $"The second send answered {(int)second.StatusCode} and the saved views now say \"{(await app.ViewsForAsync(reviewId)).Single().GoingWell}\"");
        Assert.Contains(WebUtility.HtmlEncode(RecordChanges.ConcurrencyMessage), await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Written on my phone", Assert.Single(await app.ViewsForAsync(reviewId)).GoingWell);
    }

    [Fact]
    public async Task After_an_edit_is_refused_as_changed_somewhere_else_the_child_can_try_again()
    {
        // The refusal says "Check what is here now and try again": trying again from the page it shows must be possible.
        var reviewId = await app.ArrangedReviewAsync(_child.Id, app.Today.AddDays(10));
        using var phone = await app.SignedInClientAsync(_childUser);
        using var laptop = await app.SignedInClientAsync(_childUser);
        using (var first = await SendViewsAsync(phone, ViewsForm(0)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var laptopForm = await laptop.GetPageAsync("/me/views");
        var version = long.Parse(AppFactory.HiddenValueIn(laptopForm, "Input.Version"), CultureInfo.InvariantCulture);
        using (var saved = await SendViewsAsync(phone, ViewsForm(version, goingWell: "Written on my phone")))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using var refused = await laptop.PostWithTokenOfAsync("/me/views", laptopForm, ViewsForm(version, goingWell: "Written on the laptop"));
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(RecordChanges.ConcurrencyMessage), refusedPage, StringComparison.Ordinal);

        // The child checks the page and sends again from it.
        var formVersion = long.Parse(AppFactory.HiddenValueIn(refusedPage, "Input.Version"), CultureInfo.InvariantCulture);
        using var retried = await laptop.PostWithTokenOfAsync("/me/views", refusedPage, ViewsForm(formVersion, goingWell: "Written on the laptop"));

        Assert.True(retried.StatusCode == HttpStatusCode.Redirect,
            $"The second try was refused again (the form still carries version {formVersion}; the views are at version {(await app.ViewsForAsync(reviewId)).Single().Version})");
        Assert.Equal("Written on the laptop", Assert.Single(await app.ViewsForAsync(reviewId)).GoingWell);
    }

    [Fact]
    public async Task My_reviews_lists_the_held_reviews_and_shows_the_letter_once_the_decisions_are_issued()
    {
        const string letter = "Dear Robin, we agreed you will see your gran every month. From Ida";
        var heldOn = app.Today.AddDays(-20);
        var heldId = await app.HeldReviewAsync(_child.Id, heldOn, letter: letter);
        var openId = await app.ArrangedReviewAsync(_child.Id, app.Today.AddDays(30));
        var other = await app.AChildOfAsync(_cast, "Sam");
        var othersReview = await app.HeldReviewAsync(other.Id, app.Today.AddDays(-5), letter: "Dear Sam, this is your letter.", decisionsIssued: true);
        using var client = await app.SignedInClientAsync(_childUser);

        var list = await client.GetPageAsync("/me/reviews");
        Assert.Contains($"href=\"/me/reviews/{heldId}\">My review on {Long(heldOn)}</a>", list, StringComparison.Ordinal);
        Assert.Contains("Rate my review", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/me/reviews/{openId}", list, StringComparison.Ordinal);
        Assert.DoesNotContain($"/me/reviews/{othersReview}", list, StringComparison.Ordinal);

        var before = await client.GetPageAsync($"/me/reviews/{heldId}");
        Assert.Contains("Your IRO will write to you about what was decided. You will see it here.", before, StringComparison.Ordinal);
        Assert.DoesNotContain("we agreed you will see your gran", before, StringComparison.Ordinal);

        await app.IssueDecisionsAsync(_child.Id, heldId);
        var after = await client.GetPageAsync($"/me/reviews/{heldId}");
        Assert.Contains(letter, after, StringComparison.Ordinal);
        Assert.Equal(2, (await app.AuditAsync(AuditAction.ChildReviewViewed, _childUser)).Count(e => e.ChildId == _child.Id && e.Details == $"review:{heldId}"));

        // Another child's review, and a review not yet held, are not there to open.
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/me/reviews/{othersReview}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/me/reviews/{openId}"));
        Assert.DoesNotContain("Dear Sam", await client.GetPageAsync("/me/reviews"), StringComparison.Ordinal);
    }
}
