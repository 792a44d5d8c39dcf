using System.Net;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Webhooks;

/// <summary>
/// Deliveries from the outbox to a receiver the test starts: each event exactly once however many app instances
/// share the database, signed with the secret the registration page showed, retried with backoff while the receiver
/// is down and given up after 24 hours, and sent again by hand. The clock is the fake one: nothing sleeps.
/// </summary>
public sealed class DeliveringWebhooksTests
{
    private static Task<WebhookDelivery> OnlyDeliveryAsync(AppFactory app) =>
        app.QueryDbAsync(db => db.WebhookDeliveries.Include(d => d.Attempts).AsNoTracking().SingleAsync());

    [Fact]
    public async Task Each_event_reaches_the_receiver_once_from_two_instances_sharing_the_database_signed_with_its_secret()
    {
        await using var first = await AppFactory.StartAsync(sqliteOnFile: true);
        await using var second = first.AnotherInstance();
        await using var receiver = await TestReceiver.StartAsync();
        var secret = await first.RegisterAsync(receiver.Url);
        const int events = 40;
        for (var id = 1; id <= events; id++)
        {
            await (id % 2 == 0 ? first : second).AnEscalationRaisedAsync(id);
        }

        // Both instances' workers run at the same time, twice each, pass after pass, as their timers would.
        var sent = 0;
        for (var pass = 0; pass < 3; pass++)
        {
            var results = await Task.WhenAll(first.RunWebhookJobAsync(), second.RunWebhookJobAsync(), first.RunWebhookJobAsync(),
                second.RunWebhookJobAsync());
            sent += results.Sum(r => r.Sent);
        }

        var received = receiver.Received.ToList();
        Assert.Equal(events, sent);
        Assert.Equal(events, received.Count);
        Assert.Equal(Enumerable.Range(1, events), received.Select(r => r.EscalationId!.Value).Order());
        Assert.Equal(events, received.Select(r => r.Id).Distinct().Count());
        Assert.All(received, r =>
        {
            Assert.Equal(WebhookEvents.EscalationRaised, r.Event);
            Assert.Equal(WebhookEvents.EscalationRaised, r.EventHeader);
            Assert.True(r.SignedWith(secret), $"Delivery {r.DeliveryId}'s signature does not verify: {r.Signature}");
            Assert.False(r.SignedWith(secret + "x"));
            Assert.Equal(first.Time.GetUtcNow().ToUnixTimeSeconds(), r.SignedAt);

            // Ids and the event only: the receiver reads the rest through the API.
            Assert.Equal(["id", "event", "occurred_at", "child_id", "escalation_id"], r.Fields);
        });
        var deliveries = await first.QueryDbAsync(db => db.WebhookDeliveries.Include(d => d.Attempts).AsNoTracking().ToListAsync());
        Assert.Equal(events, deliveries.Count);
        Assert.All(deliveries, d =>
        {
            Assert.Equal(WebhookDeliveryState.Delivered, d.State);
            Assert.Equal(200, Assert.Single(d.Attempts).StatusCode);
            Assert.Null(d.LeaseHolder);
        });
    }

    [Fact]
    public async Task A_receiver_that_is_down_gets_the_event_after_it_returns_and_each_attempt_is_shown()
    {
        await using var app = await AppFactory.StartAsync();
        await using var receiver = TestReceiver.Down();
        var admin = await app.AnAdministratorAsync();
        using var client = await app.SignedInClientAsync(admin);
        var secret = await app.RegisterAsync(client, receiver.Url, WebhookEvents.EscalationRaised);
        await app.AnEscalationRaisedAsync(7);

        Assert.Equal(1, (await app.RunWebhookJobAsync()).Sent);
        var failed = await OnlyDeliveryAsync(app);
        Assert.Equal(WebhookDeliveryState.Pending, failed.State);
        var attempt = Assert.Single(failed.Attempts);
        Assert.Null(attempt.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(attempt.Error));
        Assert.Equal(app.Time.GetUtcNow().UtcDateTime.AddMinutes(1), failed.NextAttemptAtUtc);

        // Not again before the backoff's minute is up, however often the job runs.
        Assert.Equal(0, (await app.RunWebhookJobAsync()).Sent);

        await receiver.StartListeningAsync();
        app.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await app.RunWebhookJobAsync()).Sent);
        Assert.Equal(0, (await app.RunWebhookJobAsync()).Sent);

        var received = Assert.Single(receiver.Received);
        Assert.Equal(7, received.EscalationId);
        Assert.True(received.SignedWith(secret));
        var delivered = await OnlyDeliveryAsync(app);
        Assert.Equal(WebhookDeliveryState.Delivered, delivered.State);
        Assert.Equal(2, delivered.Attempts.Count);

        var page = await client.GetPageAsync($"/webhooks/deliveries/{delivered.Id}");
        var rows = Voice.VoiceSteps.TableRows(page, "attempts");
        Assert.Equal(2, rows.Count);
        Assert.Equal("200: received", rows[0][1]);
        Assert.Equal(attempt.Error, WebUtility.HtmlDecode(rows[1][1]));
        Assert.Contains("Delivered", page, StringComparison.Ordinal);
        Assert.True(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.WebhookDeliveryViewed && e.Details == $"delivery:{delivered.Id}" && e.UserName == admin)));
    }

    [Fact]
    public async Task A_receiver_failing_for_24_hours_is_given_up_and_send_again_sends_it_once_more()
    {
        await using var app = await AppFactory.StartAsync();
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Answer = HttpStatusCode.ServiceUnavailable;
        var admin = await app.AnAdministratorAsync();
        using var client = await app.SignedInClientAsync(admin);
        await app.RegisterAsync(client, receiver.Url, WebhookEvents.EscalationRaised);
        var raisedAt = app.Time.GetUtcNow();
        await app.AnEscalationRaisedAsync(3);

        var waits = new List<TimeSpan>();
        var delivery = await OnlyDeliveryAsync(app);
        while (delivery.State == WebhookDeliveryState.Pending)
        {
            var wait = delivery.NextAttemptAtUtc - app.Time.GetUtcNow().UtcDateTime;
            waits.Add(wait);
            app.Time.Advance(wait);
            Assert.Equal(1, (await app.RunWebhookJobAsync()).Sent);
            delivery = await OnlyDeliveryAsync(app);
        }

        Assert.Equal(WebhookDeliveryState.GivenUp, delivery.State);
        Assert.Equal(
            [0, 1, 2, 4, 8, 16, 32, 64, 120, 120, 120, 120, 120, 120, 120, 120, 120, 120],
            waits.Select(w => (int)w.TotalMinutes));
        Assert.Equal(waits.Count, delivery.Attempts.Count);
        Assert.All(delivery.Attempts, a => Assert.Equal(503, a.StatusCode));
        Assert.True(delivery.Attempts.Max(a => a.AttemptedAtUtc) <= raisedAt.UtcDateTime.AddHours(24));
        Assert.Equal(waits.Count, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());

        // A day later the receiver is mended, and the administrator sends the event again from its page.
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await app.RunWebhookJobAsync()).Sent);
        receiver.Answer = HttpStatusCode.OK;
        using var nextDay = await app.SignedInClientAsync(admin);
        using (var again = await app.SubmitFormAsync(nextDay, $"/webhooks/deliveries/{delivery.Id}", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        Assert.Equal(1, (await app.RunWebhookJobAsync()).Sent);
        Assert.Equal(0, (await app.RunWebhookJobAsync()).Sent);
        Assert.Equal(WebhookDeliveryState.Delivered, (await OnlyDeliveryAsync(app)).State);
        Assert.Equal(waits.Count + 1, receiver.Received.Count);
        Assert.Single(receiver.Received.Select(r => r.Id).Distinct());
        Assert.True(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.WebhookSentAgain && e.Details == $"delivery:{delivery.Id}" && e.UserName == admin)));
    }
}
