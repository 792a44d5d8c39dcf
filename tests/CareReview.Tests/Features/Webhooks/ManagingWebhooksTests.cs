using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Webhooks;

/// <summary>
/// The /webhooks pages: only an administrator opens them, every view and change is audited, a receiver's address
/// and events are checked beside their fields, its secret is shown once and kept only encrypted, and removing it
/// stops what was still to go.
/// </summary>
public sealed class ManagingWebhooksTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Only_an_administrator_opens_the_webhook_pages_and_each_view_is_audited()
    {
        var managerUser = $"irom-{Guid.NewGuid():N}";
        await app.AUserAsync(managerUser, Roles.IroManager, await app.AStaffMemberAsync("Mo Manager", StaffRole.IroManager));
        using var manager = await app.SignedInClientAsync(managerUser);
        var admin = await app.AnAdministratorAsync();
        using var client = await app.SignedInClientAsync(admin);

        foreach (var page in new[] { "/webhooks", "/webhooks/new" })
        {
            Assert.Equal(HttpStatusCode.NotFound, await manager.StatusOfAsync(page));
            Assert.Equal(HttpStatusCode.OK, await client.StatusOfAsync(page));
        }

        Assert.Contains("href=\"/webhooks\"", await client.GetPageAsync("/admin/bank-holidays"), StringComparison.Ordinal);
        Assert.True(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.WebhooksViewed && e.UserName == admin)));
    }

    [Fact]
    public async Task An_address_and_at_least_one_event_are_needed_and_the_problems_are_shown_beside_their_fields()
    {
        using var client = await app.SignedInClientAsync(await app.AnAdministratorAsync());

        using var refused = await app.SubmitFormAsync(client, "/webhooks/new", new Dictionary<string, string> { ["Input.Url"] = "ftp://example.test/x" });

        var html = await refused.Content.ReadAsStringAsync();
        Pages.AssertFieldError(html, "Input-Url", "Enter a web address, like https://receiver.example.gov.uk/care-review");
        Pages.AssertFieldError(html, "Input-Events", "Choose at least one event to send");
        Assert.Equal(0, await app.QueryDbAsync(db => db.WebhookReceivers.CountAsync(r => r.Url == "ftp://example.test/x")));
    }

    [Theory]
    [InlineData("https://receiver.example.gov.uk/care-review", true, null)]
    [InlineData("http://receiver.example.gov.uk/care-review", true, "Enter an address that starts with https://")]
    [InlineData("http://127.0.0.1:5000/events", false, null)]
    [InlineData("https://user:pass@receiver.example.gov.uk/", true, "Enter the address without a user name, password or # part")]
    [InlineData("receiver.example.gov.uk", true, "Enter a web address, like https://receiver.example.gov.uk/care-review")]
    [InlineData(" ", false, "Enter the address to send events to")]
    public void A_council_sends_only_over_https_while_a_demonstration_or_development_may_use_http(string url, bool httpsRequired, string? problem)
    {
        Assert.Equal(problem, new WebhookAddress(httpsRequired).Problem(url));
    }

    [Fact]
    public async Task The_secret_is_shown_once_and_kept_only_encrypted_and_the_registration_is_audited_without_it()
    {
        var admin = await app.AnAdministratorAsync();
        using var client = await app.SignedInClientAsync(admin);

        var secret = await app.RegisterAsync(client, "http://127.0.0.1:9/secret-test", WebhookEvents.ReviewRecorded, WebhookEvents.NotHappyCard);

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var receiver = await app.QueryDbAsync(db => db.WebhookReceivers.AsNoTracking().SingleAsync(r => r.Url == "http://127.0.0.1:9/secret-test"));
        Assert.Equal([WebhookEvents.ReviewRecorded, WebhookEvents.NotHappyCard], receiver.EventNames);
        Assert.DoesNotContain(secret["whsec_".Length..], receiver.ProtectedSecret, StringComparison.Ordinal);
        var audited = await app.QueryDbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(e => e.Action == AuditAction.WebhookReceiverRegistered && e.Details!.StartsWith($"receiver:{receiver.Id};")));
        Assert.Equal(admin, audited.UserName);
        Assert.DoesNotContain(secret, audited.Details!, StringComparison.Ordinal);

        var list = await client.GetPageAsync("/webhooks");
        Assert.Contains("http://127.0.0.1:9/secret-test", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_receiver_gives_up_what_was_still_to_go_to_it_and_sends_nothing_more()
    {
        var admin = await app.AnAdministratorAsync();
        using var client = await app.SignedInClientAsync(admin);
        await using var receiver = await TestReceiver.StartAsync();
        await app.RegisterAsync(client, receiver.Url, WebhookEvents.EscalationRaised);
        var id = await app.QueryDbAsync(db => db.WebhookReceivers.Where(r => r.Url == receiver.Url).Select(r => r.Id).SingleAsync());
        await app.AnEscalationRaisedAsync(1);

        using (var removed = await app.SubmitFormAsync(client, "/webhooks?handler=Remove&id=" + id, new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }

        await app.RunWebhookJobAsync();
        Assert.Empty(receiver.Received);
        Assert.Equal(WebhookDeliveryState.GivenUp,
            await app.QueryDbAsync(db => db.WebhookDeliveries.Where(d => d.ReceiverId == id).Select(d => d.State).SingleAsync()));
        Assert.True(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.WebhookReceiverRemoved && e.Details == $"receiver:{id}" && e.UserName == admin)));
    }
}
