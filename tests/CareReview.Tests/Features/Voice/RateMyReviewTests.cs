using System.Globalization;
using System.Net;
using CareReview.Domain.Children;
using CareReview.Domain.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

using static CareReview.Tests.Features.Voice.VoiceSteps;

namespace CareReview.Tests.Features.Voice;

/// <summary>
/// After a review the child rates it: Good, OK or Not happy, once. The card is on the review's record; a
/// "Not happy" card goes on the IRO's work list until the IRO records how they followed it up.
/// </summary>
public sealed class RateMyReviewTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string FollowUp = "Talked with Robin after school; we agreed to meet before the next review";

    private VoiceCast _cast = null!;
    private Child _child = null!;
    private string _childUser = null!;
    private int _reviewId;

    public async Task InitializeAsync()
    {
        _cast = await app.AVoiceCastAsync();
        _child = await app.AChildOfAsync(_cast, "Robin");
        _childUser = await app.AChildSignInAsync(_child);
        _reviewId = await app.HeldReviewAsync(_child.Id, app.Today.AddDays(-7));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private string CardAddress => $"/children/{_child.Id}/reviews/{_reviewId}/card";

    private async Task<HttpResponseMessage> RateAsync(HttpClient client, string? rating, string? comment = null)
    {
        var form = new Dictionary<string, string>();
        if (rating is not null)
        {
            form["Input.Rating"] = rating;
        }

        if (comment is not null)
        {
            form["Input.Comment"] = comment;
        }

        return await app.SubmitFormAsync(client, $"/me/reviews/{_reviewId}", form);
    }

    private static Dictionary<string, string> FollowUpForm(string version, DateOnly? on, string note)
    {
        var form = new Dictionary<string, string> { ["Input.Version"] = version, ["Input.FollowUpNote"] = note };
        if (on is { } day)
        {
            Date(form, "Input.On", day);
        }

        return form;
    }

    private async Task<HttpResponseMessage> FollowUpAsync(HttpClient client, DateOnly? on, string note = FollowUp)
    {
        var page = await client.GetPageAsync(CardAddress);
        return await client.PostWithTokenOfAsync(CardAddress, page, FollowUpForm(AppFactory.HiddenValueIn(page, "Input.Version"), on, note));
    }

    private static string? CardsToFollowUp(string workPage) => Section(workPage, "cards-to-follow-up", "ul");

    [Fact]
    public async Task The_child_rates_the_review_good_and_the_card_is_kept_with_the_review()
    {
        using var client = await app.SignedInClientAsync(_childUser);
        var form = await client.GetPageAsync($"/me/reviews/{_reviewId}");
        foreach (var value in new[] { "Good", "Ok", "NotHappy" })
        {
            Assert.Contains($"name=\"Input.Rating\" type=\"radio\" value=\"{value}\"", form, StringComparison.Ordinal);
        }

        using (var rated = await RateAsync(client, "Good", "  It was short and I got to choose where  "))
        {
            Assert.Equal($"/me/reviews/{_reviewId}", RedirectPath(rated));
        }

        var card = await app.CardForAsync(_reviewId);
        Assert.NotNull(card);
        Assert.Equal((ReviewRating.Good, "It was short and I got to choose where", app.Today, _child.Id), (card.Rating, card.Comment, card.GivenOn, card.ChildId));
        Assert.False(card.NeedsFollowUp);
        var audited = Assert.Single(await app.AuditAsync(AuditAction.ReviewRated, _childUser));
        Assert.Equal((_child.Id, $"review:{_reviewId} rating:Good"), (audited.ChildId, audited.Details));

        var page = await client.GetPageAsync($"/me/reviews/{_reviewId}");
        Assert.Contains("Thank you for rating your review.", page, StringComparison.Ordinal);
        Assert.Contains("You said: <strong>Good</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Input.Rating\"", page, StringComparison.Ordinal);
        Assert.Contains("You said: Good", await client.GetPageAsync("/me/reviews"), StringComparison.Ordinal);

        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        var review = Text(await iro.GetPageAsync($"/children/{_child.Id}/reviews/{_reviewId}"));
        Assert.Contains($"Rate My Review Good on {Long(app.Today)} “It was short and I got to choose where”", review, StringComparison.Ordinal);
        Assert.Null(CardsToFollowUp(await iro.GetPageAsync("/work")));
    }

    [Fact]
    public async Task A_review_is_rated_once()
    {
        using var client = await app.SignedInClientAsync(_childUser);
        using (var first = await RateAsync(client, "Ok"))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using (var second = await RateAsync(client, "NotHappy", "Changed my mind"))
        {
            Assert.Equal($"/me/reviews/{_reviewId}", RedirectPath(second));
        }

        var card = await app.CardForAsync(_reviewId);
        Assert.Equal((ReviewRating.Ok, (string?)null), (card!.Rating, card.Comment));
        Assert.Single(await app.AuditAsync(AuditAction.ReviewRated, _childUser));
        Assert.Equal(1, await app.QueryDbAsync(db => db.ReviewFeedback.CountAsync(f => f.ReviewId == _reviewId)));
    }

    [Theory]
    [InlineData(null, null, "Input-Rating", "Choose Good, OK or Not happy")]
    [InlineData("Great", null, "Input-Rating", "Choose Good, OK or Not happy")]
    [InlineData("7", null, "Input-Rating", "Choose Good, OK or Not happy")]
    [InlineData("Good", "long", "Input-Comment", "Your comment must be 1,000 characters or fewer")]
    public async Task A_card_without_a_rating_from_the_list_or_with_too_long_a_comment_is_refused(string? rating, string? comment, string field, string message)
    {
        using var client = await app.SignedInClientAsync(_childUser);

        using var refused = await RateAsync(client, rating, comment == "long" ? new string('x', 1001) : comment);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Pages.AssertFieldError(await refused.Content.ReadAsStringAsync(), field, message);
        Assert.Null(await app.CardForAsync(_reviewId));
        Assert.Empty(await app.AuditAsync(AuditAction.ReviewRated, _childUser));
    }

    [Fact]
    public async Task A_not_happy_card_waits_on_the_iros_work_list_until_the_iro_records_the_follow_up()
    {
        using var child = await app.SignedInClientAsync(_childUser);
        using (var rated = await RateAsync(child, "NotHappy", "Nobody listened to me"))
        {
            Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        }

        var thanked = await child.GetPageAsync($"/me/reviews/{_reviewId}");
        Assert.Contains("Thank you for telling us. Your IRO will get in touch to talk about it.", thanked, StringComparison.Ordinal);
        Assert.Single(await app.AuditAsync(AuditAction.ReviewRated, _childUser), e => e.Details == $"review:{_reviewId} rating:NotHappy");

        // On the child's IRO's work list, and no one else's.
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        var cards = CardsToFollowUp(await iro.GetPageAsync("/work"));
        Assert.NotNull(cards);
        Assert.Contains($"href=\"{CardAddress}\">Robin {_child.FamilyName}</a>", cards, StringComparison.Ordinal);
        Assert.Contains("Nobody listened to me", Text(cards), StringComparison.Ordinal);
        using (var otherIro = await app.SignedInClientAsync(_cast.OtherIroUser))
        {
            Assert.DoesNotContain(CardAddress, await otherIro.GetPageAsync("/work"), StringComparison.Ordinal);
        }

        var review = await iro.GetPageAsync($"/children/{_child.Id}/reviews/{_reviewId}");
        Assert.Contains("Not followed up yet.", review, StringComparison.Ordinal);
        Assert.Contains($"href=\"{CardAddress}\">Record the follow-up</a>", review, StringComparison.Ordinal);

        // The IRO talks to the child and records it.
        var form = await iro.GetPageAsync(CardAddress);
        Assert.Contains("Nobody listened to me", form, StringComparison.Ordinal);
        using (var followed = await FollowUpAsync(iro, app.Today))
        {
            Assert.Equal($"/children/{_child.Id}/reviews/{_reviewId}", RedirectPath(followed));
        }

        var card = await app.CardForAsync(_reviewId);
        Assert.Equal((app.Today, FollowUp, "Ida Reviewer"), (card!.FollowedUpOn, card.FollowUpNote, card.FollowedUpBy));
        Assert.False(card.NeedsFollowUp);
        Assert.Single(await app.AuditAsync(AuditAction.RatingFollowedUp, _cast.IroUser), e => e.ChildId == _child.Id && e.Details == $"review:{_reviewId}");

        // It leaves the work list; the record and the child's page say it was followed up.
        Assert.DoesNotContain(CardAddress, await iro.GetPageAsync("/work"), StringComparison.Ordinal);
        var recorded = Text(await iro.GetPageAsync($"/children/{_child.Id}/reviews/{_reviewId}"));
        Assert.Contains($"Followed up on {Long(app.Today)} by Ida Reviewer: {FollowUp}", recorded, StringComparison.Ordinal);
        Assert.DoesNotContain("Not followed up yet.", recorded, StringComparison.Ordinal);
        Assert.Contains("Your IRO has followed this up.", await child.GetPageAsync($"/me/reviews/{_reviewId}"), StringComparison.Ordinal);
        var done = await iro.GetPageAsync(CardAddress);
        Assert.DoesNotContain("name=\"Input.FollowUpNote\"", done, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_needs_a_note_and_a_date_from_the_card_to_today()
    {
        await app.ACardAsync(_reviewId, ReviewRating.NotHappy);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        using (var noNote = await FollowUpAsync(iro, app.Today, " "))
        {
            Pages.AssertFieldError(await noNote.Content.ReadAsStringAsync(), "Input-FollowUpNote", "Enter what you did to follow up the child's card");
        }

        using (var noDate = await FollowUpAsync(iro, null))
        {
            Pages.AssertFieldError(await noDate.Content.ReadAsStringAsync(), "Input-On", "Enter the date you followed it up");
        }

        foreach (var day in new[] { app.Today.AddDays(1), app.Today.AddDays(-1) })
        {
            using var wrongDay = await FollowUpAsync(iro, day);
            Pages.AssertFieldError(await wrongDay.Content.ReadAsStringAsync(), "Input-On", $"The date must be between {Long(app.Today)} and today");
        }

        Assert.Null((await app.CardForAsync(_reviewId))!.FollowedUpOn);
        Assert.DoesNotContain(await app.AuditAsync(AuditAction.RatingFollowedUp), e => e.Details == $"review:{_reviewId}");
        Assert.Contains(CardAddress, await iro.GetPageAsync("/work"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_two_follow_ups_of_the_same_card_the_second_is_refused_and_the_first_is_kept()
    {
        await app.ACardAsync(_reviewId, ReviewRating.NotHappy, "Too many people");
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        using var manager = await app.SignedInClientAsync(_cast.IroManagerUser);
        var iroForm = await iro.GetPageAsync(CardAddress);
        var managerForm = await manager.GetPageAsync(CardAddress);
        var version = AppFactory.HiddenValueIn(iroForm, "Input.Version");

        using (var first = await iro.PostWithTokenOfAsync(CardAddress, iroForm, FollowUpForm(version, app.Today, FollowUp)))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        using var second = await manager.PostWithTokenOfAsync(CardAddress, managerForm, FollowUpForm(version, app.Today, "I rang Robin"));

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("There is a problem", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var card = await app.CardForAsync(_reviewId);
        Assert.Equal((FollowUp, "Ida Reviewer"), (card!.FollowUpNote, card.FollowedUpBy));
        Assert.Single(await app.AuditAsync(AuditAction.RatingFollowedUp), e => e.Details == $"review:{_reviewId}");
    }

    [Fact]
    public async Task Only_the_childs_iro_and_the_iro_manager_follow_up_a_card_and_others_are_refused()
    {
        await app.ACardAsync(_reviewId, ReviewRating.NotHappy);

        using (var manager = await app.SignedInClientAsync(_cast.IroManagerUser))
        {
            Assert.Equal(HttpStatusCode.OK, await manager.StatusOfAsync(CardAddress));
        }

        foreach (var user in new[] { _cast.SocialWorkerUser, _cast.TeamManagerUser })
        {
            using var client = await app.SignedInClientAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync(CardAddress));
            Assert.Contains(await app.AuditAsync(AuditAction.AccessRefused, user), e => e.ChildId == _child.Id && e.Details == $"review:{_reviewId};page:card");

            // The review's page, which they may open, offers no way to it.
            Assert.DoesNotContain(CardAddress, await client.GetPageAsync($"/children/{_child.Id}/reviews/{_reviewId}"), StringComparison.Ordinal);
        }

        using (var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser))
        {
            using var posted = await sw.PostFormAsync(CardAddress, FollowUpForm("0", app.Today, "I followed it up"),
                tokenFrom: $"/children/{_child.Id}/reviews/{_reviewId}");
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }

        using (var otherIro = await app.SignedInClientAsync(_cast.OtherIroUser))
        {
            Assert.Equal(HttpStatusCode.NotFound, await otherIro.StatusOfAsync(CardAddress));
            Assert.True(await app.RefusalAuditedAsync(_cast.OtherIroUser, $"child:{_child.Id}"));
        }

        Assert.Null((await app.CardForAsync(_reviewId))!.FollowedUpOn);
    }

    [Fact]
    public async Task Only_a_not_happy_card_has_a_follow_up_page()
    {
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync(CardAddress));

        await app.ACardAsync(_reviewId, ReviewRating.Good);
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync(CardAddress));
        Assert.DoesNotContain(CardAddress, await iro.GetPageAsync("/work"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_child_cannot_open_or_rate_another_childs_review()
    {
        var other = await app.AChildOfAsync(_cast, "Sam");
        var othersReview = await app.HeldReviewAsync(other.Id, app.Today.AddDays(-3));
        using var client = await app.SignedInClientAsync(_childUser);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/me/reviews/{othersReview}"));
        using var posted = await client.PostFormAsync($"/me/reviews/{othersReview}", [new("Input.Rating", "NotHappy")], tokenFrom: "/me/reviews");

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Null(await app.CardForAsync(othersReview));
        Assert.Empty(await app.AuditAsync(AuditAction.ReviewRated, _childUser));
    }
}
