using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareReview.Tests.Features.Security;

/// <summary>
/// Issue 19, finding 3: a copied cookie outlived signing out (42 minutes, across a restart) and a child's
/// sign-in turned off kept working for about 30 minutes. The session now ends on the server, at once.
/// </summary>
public sealed class SessionsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/caseload";

    [Fact]
    public async Task Signing_out_ends_every_copy_of_the_session_at_once()
    {
        await app.AUserAsync("session-out-iro", Roles.Iro, await app.AStaffMemberAsync("Session Out", StaffRole.Iro));
        using var client = await app.SignedInClientAsync("session-out-iro");
        var copied = await SignInCookieAsync(client);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync(copied)).StatusCode);

        var token = AppFactory.AntiforgeryTokenIn(await client.GetPageAsync(Page));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var signedOut = await client.PostAsync(new Uri("/sign-out", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var refused = await GetWithCookieAsync(copied);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/sign-in", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("signedOut=true", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_removed_while_signed_in_is_refused_on_its_next_request()
    {
        await app.AUserAsync("session-removed-iro", Roles.Iro, await app.AStaffMemberAsync("Session Removed", StaffRole.Iro));
        using var client = await app.SignedInClientAsync("session-removed-iro");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Page, UriKind.Relative))).StatusCode);

        // What turning off a child's sign-in does to their account.
        await app.RunCommandAsync(async services =>
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            return (await users.DeleteAsync((await users.FindByNameAsync("session-removed-iro"))!)).Succeeded ? 0 : 1;
        });

        using var refused = await client.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/sign-in", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thirty_minutes_without_a_request_ends_the_session_and_the_sign_in_page_says_why()
    {
        await app.AUserAsync("session-idle-iro", Roles.Iro, await app.AStaffMemberAsync("Session Idle", StaffRole.Iro));
        using var client = await app.SignedInClientAsync("session-idle-iro");

        // Each request renews the session: 29 minutes, then 29 more, and it still holds.
        app.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Page, UriKind.Relative))).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Page, UriKind.Relative))).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(31));
        using var refused = await client.GetAsync(new Uri(Page, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);

        var signIn = await client.GetPageAsync(refused.Headers.Location!.PathAndQuery);
        Assert.Contains("You have been signed out", signIn, StringComparison.Ordinal);
        Assert.Contains("30 minutes without using Care Review", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_signed_in_page_carries_the_timeout_warning_timed_to_the_idle_setting()
    {
        await app.AUserAsync("session-warned-iro", Roles.Iro, await app.AStaffMemberAsync("Session Warned", StaffRole.Iro));
        using var client = await app.SignedInClientAsync("session-warned-iro");

        var page = await client.GetPageAsync(Page);
        Assert.Contains("id=\"timeout-warning\"", page, StringComparison.Ordinal);
        Assert.Contains("data-idle-seconds=\"1800\"", page, StringComparison.Ordinal);
        Assert.Contains("Stay signed in", page, StringComparison.Ordinal);

        using var anonymous = app.AnonymousClient();
        Assert.DoesNotContain("timeout-warning", await anonymous.GetStringAsync(new Uri("/sign-in", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staying_signed_in_renews_the_session_and_an_ended_one_is_sent_to_sign_in()
    {
        await app.AUserAsync("session-stay-iro", Roles.Iro, await app.AStaffMemberAsync("Session Stay", StaffRole.Iro));
        using var client = await app.SignedInClientAsync("session-stay-iro");

        // What the warning's button asks for, 28 minutes in; the page after another 28 still opens.
        app.Time.Advance(TimeSpan.FromMinutes(28));
        using (var stay = await client.GetAsync(new Uri("/sign-in/stay", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, stay.StatusCode);
        }

        app.Time.Advance(TimeSpan.FromMinutes(28));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Page, UriKind.Relative))).StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(31));
        using var ended = await client.GetAsync(new Uri("/sign-in/stay", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Contains("/sign-in", ended.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> SignInCookieAsync(HttpClient client)
    {
        // The client's handler keeps the cookie to itself; every answer renews it, so it is read from one.
        using var response = await client.GetAsync(new Uri(Page, UriKind.Relative));
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("care-review=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string cookie)
    {
        using var client = app.AnonymousClient(keepsCookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Page, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }
}
