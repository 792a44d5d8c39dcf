using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Features.Escalations;
using CareReview.Tests.Features.Reviews;
using CareReview.Tests.Features.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Webhooks;

/// <summary>
/// Each event is raised by the page or the passing of time that causes it, and reaches a receiver registered for
/// it once: a review recorded, a concern raised and moved to a formal stage, a child's views, a "Not happy" card,
/// and a review or a recommendation overdue.
/// </summary>
public sealed class RaisingWebhookEventsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private TestReceiver _receiver = null!;
    private string _secret = null!;

    public async Task InitializeAsync()
    {
        _receiver = await TestReceiver.StartAsync();
        _secret = await app.RegisterAsync(_receiver.Url);
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    /// <summary>Runs the job, then the one event of this name about this child the receiver got, signed with its secret.</summary>
    private async Task<ReceivedEvent> TheOneSentAsync(string eventName, int childId)
    {
        await app.RunWebhookJobAsync();
        await app.RunWebhookJobAsync();
        var received = Assert.Single(_receiver.For(eventName, childId));
        Assert.True(received.SignedWith(_secret));
        return received;
    }

    private async Task NoneSentAsync(string eventName, int childId)
    {
        await app.RunWebhookJobAsync();
        Assert.Empty(_receiver.For(eventName, childId));
    }

    [Fact]
    public async Task Recording_a_review_on_its_page_sends_review_recorded()
    {
        var iro = await app.AStaffMemberAsync("Isla Chair", StaffRole.Iro);
        var iroUser = $"iro-{Guid.NewGuid():N}";
        await app.AUserAsync(iroUser, Roles.Iro, iro);
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-14), iro, dateOfBirth: app.Today.AddYears(-12));
        using var client = await app.SignedInClientAsync(iroUser);
        var review = await app.ArrangeReviewAsync(client, child, app.Today);
        await NoneSentAsync(WebhookEvents.ReviewRecorded, child.Id);

        var form = ReviewForms.RecordForm((await app.ReloadAsync(child.Id)).Version, app.Today);
        using (var saved = await app.SubmitFormAsync(client, $"/children/{child.Id}/reviews/{review.Id}/record", form))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        }

        var sent = await TheOneSentAsync(WebhookEvents.ReviewRecorded, child.Id);
        Assert.Equal(review.Id, sent.ReviewId);
    }

    [Fact]
    public async Task Raising_a_concern_and_starting_its_formal_stage_send_escalation_raised_then_stage_moved()
    {
        var cast = await app.AnEscalationCastAsync();
        var child = await app.AChildOfAsync(cast);

        var id = await app.RaiseAsync(cast.IroUser, child.Id);
        Assert.Equal(id, (await TheOneSentAsync(WebhookEvents.EscalationRaised, child.Id)).EscalationId);
        await app.DiscussAsync(cast.IroUser, id);
        await NoneSentAsync(WebhookEvents.EscalationMovedStage, child.Id);

        await app.DecideAsync(cast.IroUser, id, "escalate", 1, cast.TeamManager.Id);
        Assert.Equal(id, (await TheOneSentAsync(WebhookEvents.EscalationMovedStage, child.Id)).EscalationId);
    }

    [Fact]
    public async Task A_child_sending_their_views_sends_child_views_received()
    {
        var cast = await app.AVoiceCastAsync();
        var child = await app.AChildOfAsync(cast);
        var childUser = await app.AChildSignInAsync(child);
        var reviewId = await app.ArrangedReviewAsync(child.Id, app.Today.AddDays(10));
        using var client = await app.SignedInClientAsync(childUser);

        using (var sent = await app.SubmitFormAsync(client, "/me/views", new Dictionary<string, string>
        {
            ["Input.Version"] = "0",
            ["Input.GoingWell"] = "I like my new school",
            ["Input.TalkToIroAlone"] = "yes",
            ["Input.WantAdvocate"] = "not-sure",
        }))
        {
            Assert.True(sent.StatusCode == HttpStatusCode.Redirect, await sent.Content.ReadAsStringAsync());
        }

        Assert.Equal(reviewId, (await TheOneSentAsync(WebhookEvents.ChildsViewsReceived, child.Id)).ReviewId);
    }

    [Fact]
    public async Task A_not_happy_card_sends_review_feedback_not_happy_and_a_good_one_sends_nothing()
    {
        var cast = await app.AVoiceCastAsync();
        var happy = await app.AChildOfAsync(cast, "Robin");
        var unhappy = await app.AChildOfAsync(cast, "Sam");
        var happyReview = await app.HeldReviewAsync(happy.Id, app.Today.AddDays(-7));
        var unhappyReview = await app.HeldReviewAsync(unhappy.Id, app.Today.AddDays(-7));

        foreach (var (child, reviewId, rating) in new[] { (happy, happyReview, "Good"), (unhappy, unhappyReview, "NotHappy") })
        {
            using var client = await app.SignedInClientAsync(await app.AChildSignInAsync(child));
            using var rated = await app.SubmitFormAsync(client, $"/me/reviews/{reviewId}", new Dictionary<string, string> { ["Input.Rating"] = rating });
            Assert.True(rated.StatusCode == HttpStatusCode.Redirect, await rated.Content.ReadAsStringAsync());
        }

        Assert.Equal(unhappyReview, (await TheOneSentAsync(WebhookEvents.NotHappyCard, unhappy.Id)).ReviewId);
        await NoneSentAsync(WebhookEvents.NotHappyCard, happy.Id);
    }

    [Fact]
    public async Task A_review_due_date_passing_sends_review_overdue_once_and_the_next_due_date_again()
    {
        var child = await app.AChildLookedAfterSinceAsync(app.Today);
        var due = (await app.ReloadAsync(child.Id)).NextReviewDueOn!.Value;

        app.MoveTo(due);
        await NoneSentAsync(WebhookEvents.ReviewOverdue, child.Id);

        app.MoveTo(due.AddDays(1));
        var sent = await TheOneSentAsync(WebhookEvents.ReviewOverdue, child.Id);
        Assert.Null(sent.ReviewId);
        app.MoveTo(due.AddDays(2));
        await TheOneSentAsync(WebhookEvents.ReviewOverdue, child.Id);

        // Held late: the next review is due three months on, and is overdue (once more) only when that date passes.
        await app.ReviewsHeldForAsync(child, app.Today);
        var next = (await app.ReloadAsync(child.Id)).NextReviewDueOn!.Value;
        app.MoveTo(next);
        await TheOneSentAsync(WebhookEvents.ReviewOverdue, child.Id);
        app.MoveTo(next.AddDays(1));
        await app.RunWebhookJobAsync();
        Assert.Equal(2, _receiver.For(WebhookEvents.ReviewOverdue, child.Id).Count);
    }

    [Fact]
    public async Task A_recommendation_still_open_after_its_due_date_sends_recommendation_overdue_once()
    {
        var cast = await app.AVoiceCastAsync();
        var child = await app.AChildOfAsync(cast);
        var reviewId = await app.HeldReviewAsync(child.Id, app.Today, recommendation: "Book a dental check");
        var recommendation = await app.QueryDbAsync(db => db.Recommendations.AsNoTracking().SingleAsync(r => r.ReviewId == reviewId));

        app.MoveTo(recommendation.DueOn);
        await NoneSentAsync(WebhookEvents.RecommendationOverdue, child.Id);
        app.MoveTo(recommendation.DueOn.AddDays(1));
        var sent = await TheOneSentAsync(WebhookEvents.RecommendationOverdue, child.Id);
        Assert.Equal(recommendation.Id, sent.RecommendationId);
        Assert.Equal(reviewId, sent.ReviewId);

        app.MoveTo(recommendation.DueOn.AddDays(3));
        await TheOneSentAsync(WebhookEvents.RecommendationOverdue, child.Id);
    }
}
