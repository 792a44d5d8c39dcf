using System.Net;
using System.Text.RegularExpressions;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Webhooks;

namespace CareReview.Tests.Features.Webhooks;

/// <summary>The steps the webhook tests share: an administrator, and a receiver registered through the page.</summary>
internal static partial class WebhookSteps
{
    [GeneratedRegex("""data-testid="secret">([^<]+)<""")]
    private static partial Regex SecretOnPage();

    public static async Task<string> AnAdministratorAsync(this AppFactory app)
    {
        var userName = $"admin-{Guid.NewGuid():N}"[..20];
        await app.AUserAsync(userName, Roles.Administrator);
        return userName;
    }

    /// <summary>Registers the receiver for the events (all of them unless named) through the page; returns the secret it shows once.</summary>
    public static async Task<string> RegisterAsync(this AppFactory app, HttpClient admin, string url, params string[] events)
    {
        var form = new List<KeyValuePair<string, string>> { new("Input.Url", url) };
        form.AddRange((events.Length == 0 ? WebhookEvents.All.Select(e => e.Name) : events).Select(e => new KeyValuePair<string, string>("Input.Events", e)));
        using var page = await admin.GetAsync(new Uri("/webhooks/new", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        form.Add(new("__RequestVerificationToken", AppFactory.AntiforgeryTokenIn(await page.Content.ReadAsStringAsync())));
        using var content = new FormUrlEncodedContent(form);
        using var response = await admin.PostAsync(new Uri("/webhooks/new", UriKind.Relative), content);
        var html = await response.Content.ReadAsStringAsync();
        var secret = SecretOnPage().Match(html);
        Assert.True(secret.Success, "The page shows no secret:\n" + html);
        return WebUtility.HtmlDecode(secret.Groups[1].Value);
    }

    /// <summary>Registers a receiver for every event as a new administrator; returns the secret.</summary>
    public static async Task<string> RegisterAsync(this AppFactory app, string url, params string[] events)
    {
        using var admin = await app.SignedInClientAsync(await app.AnAdministratorAsync());
        return await app.RegisterAsync(admin, url, events);
    }

    /// <summary>A change saved with its audit event, as every page, API call and command saves one: the concern raised about child <paramref name="id"/>.</summary>
    public static Task AnEscalationRaisedAsync(this AppFactory app, int id) =>
        app.ExecuteDbAsync(db =>
        {
            db.AuditEvents.Add(new AuditEvent
            {
                OccurredAtUtc = app.Time.GetUtcNow().UtcDateTime,
                UserId = "test",
                UserName = "Test",
                Action = AuditAction.EscalationRaised,
                ChildId = id,
                Details = $"escalation:{id};category:DriftAndDelay",
            });
            return Task.CompletedTask;
        });
}
