using System.Globalization;
using System.Net;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Security;

/// <summary>
/// Issue 19, finding 6: anyone could try passwords or links as fast as the server answered, and fill the audit log
/// through <c>/invite/&lt;anything&gt;</c> at about 30 rows a second. Sign-in and the link pages are now limited per
/// address and per link, answering 429 with Retry-After and a page that says what to do. (Every test client comes
/// from the same address.)
/// </summary>
public sealed class RateLimitsTests
{
    private static Task<AppFactory> AppWithLimitsAsync(int signIn = 1000, int links = 1000, int perLink = 1000) =>
        AppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = signIn.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:LinkPerMinute"] = links.ToString(CultureInfo.InvariantCulture),
            ["RateLimits:LinkUsesPerMinute"] = perLink.ToString(CultureInfo.InvariantCulture),
        });

    [Fact]
    public async Task Signing_in_too_often_from_one_address_is_answered_429_even_with_the_right_password()
    {
        await using var app = await AppWithLimitsAsync(signIn: 3);
        await app.AUserAsync("iro-tries-often", Roles.Iro);
        using var client = app.AnonymousClient();

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            using var wrong = await SignInAsync(app, client, $"Wrong-password-{attempt}");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var limited = await SignInAsync(app, client, AppFactory.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: > 0 and <= 60 }, $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Contains("Too many attempts", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/sign-in", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Guessing_links_from_one_address_stops_at_the_limit_and_stops_filling_the_audit_log()
    {
        await using var app = await AppWithLimitsAsync(links: 4);
        using var client = app.AnonymousClient();
        var before = await app.QueryDbAsync(db => db.AuditEvents.CountAsync());

        var answers = new List<HttpStatusCode>();
        for (var guess = 0; guess < 10; guess++)
        {
            using var response = await client.GetAsync(new Uri($"/invite/guess-{guess}", UriKind.Relative));
            answers.Add(response.StatusCode);
        }

        using var setUp = await client.GetAsync(new Uri("/set-up?user=someone&code=guess", UriKind.Relative));

        Assert.Equal(4, answers.Count(a => a != HttpStatusCode.TooManyRequests));
        Assert.All(answers.Skip(4), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, setUp.StatusCode);
        Assert.True(await app.QueryDbAsync(db => db.AuditEvents.CountAsync()) - before <= 4);
    }

    [Fact]
    public async Task One_link_opened_too_often_is_limited_while_others_still_open()
    {
        await using var app = await AppWithLimitsAsync(perLink: 2);
        using var client = app.AnonymousClient();

        var first = await client.GetAsync(new Uri("/invite/the-same-link", UriKind.Relative));
        var second = await client.GetAsync(new Uri("/invite/the-same-link", UriKind.Relative));
        var third = await client.GetAsync(new Uri("/invite/the-same-link", UriKind.Relative));
        var another = await client.GetAsync(new Uri("/invite/another-link", UriKind.Relative));

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, another.StatusCode);
    }

    [Fact]
    public async Task The_limit_is_per_address_so_one_busy_address_does_not_lock_out_another()
    {
        // Behind the council's proxy the address is the one the proxy forwards (the test server's connections have none of their own).
        await using var app = await AppFactory.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimits:LinkPerMinute"] = "2",
            ["ForwardedHeaders:KnownProxies"] = "127.0.0.1",
        });
        using var client = app.AnonymousClient();

        Task<HttpResponseMessage> OpenFromAsync(string address)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/invite/a-guess", UriKind.Relative));
            request.Headers.Add("X-Forwarded-For", address);
            return client.SendAsync(request);
        }

        var busy = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await OpenFromAsync("203.0.113.7");
            busy.Add(response.StatusCode);
        }

        using var other = await OpenFromAsync("198.51.100.20");

        Assert.Equal([false, false, true, true], busy.Select(s => s == HttpStatusCode.TooManyRequests));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(AppFactory app, HttpClient client, string password) =>
        app.SubmitFormAsync(client, "/sign-in", new Dictionary<string, string>
        {
            ["Input.UserName"] = "iro-tries-often",
            ["Input.Password"] = password,
        });
}
