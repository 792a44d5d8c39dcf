using System.Net;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Security;

/// <summary>
/// Issue 19, finding 1: two instances on different databases, run by the same operating-system user, once
/// shared the per-user key store, so a sign-in made against one database opened the other's admin pages.
/// The keys now live in each council's database.
/// </summary>
public sealed class KeysPerDatabaseTests : IAsyncLifetime
{
    private readonly AppFactory _council = new();
    private readonly AppFactory _other = new();

    public async Task InitializeAsync()
    {
        await _council.InitializeAsync();
        await _other.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _council.DisposeAsync();
        await _other.DisposeAsync();
    }

    [Fact]
    public async Task A_sign_in_made_against_another_database_is_refused()
    {
        await _other.AUserAsync("elsewhere-admin", Roles.Administrator);
        var cookie = await SignInCookieAsync(_other, "elsewhere-admin");

        // The cookie is good where it was made...
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(_other, "/admin/bank-holidays", cookie)).StatusCode);

        // ...and means nothing to the council's own instance, where that user does not exist.
        using var refused = await GetWithCookieAsync(_council, "/admin/bank-holidays", cookie);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/sign-in", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_keys_are_kept_in_the_councils_database()
    {
        await _council.AUserAsync("keys-admin", Roles.Administrator);
        await SignInCookieAsync(_council, "keys-admin");

        var keys = await _council.QueryDbAsync(db => db.DataProtectionKeys.CountAsync());
        Assert.True(keys > 0);
    }

    private static async Task<string> SignInCookieAsync(AppFactory app, string userName)
    {
        using var client = app.AnonymousClient();
        using var response = await app.SubmitFormAsync(client, "/sign-in", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = AppFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("care-review=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private static async Task<HttpResponseMessage> GetWithCookieAsync(AppFactory app, string url, string cookie)
    {
        using var client = app.AnonymousClient(keepsCookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
