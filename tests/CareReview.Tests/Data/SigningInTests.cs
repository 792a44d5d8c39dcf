using System.Net;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Data;

/// <summary>Signing in through the real form: Identity's password check and lockout, and deny-by-default pages.</summary>
public sealed class SigningInTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_user_who_signs_in_is_sent_home_and_on_to_their_caseload()
    {
        await app.AUserAsync("iro-signs-in", Roles.Iro);

        using var client = await app.SignedInClientAsync("iro-signs-in");
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/caseload", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message()
    {
        await app.AUserAsync("iro-mistypes", Roles.Iro);
        using var client = app.AnonymousClient();

        using var response = await SignInAsync(client, "iro-mistypes", "Not-the-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The user name or password is not right", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var caseload = await client.GetAsync(new Uri("/caseload", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, caseload.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var user = await app.AUserAsync("iro-is-locked-out", Roles.Iro);
        using var client = app.AnonymousClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await SignInAsync(client, user.UserName!, $"Wrong-password-{attempt}");
            Assert.Contains("The user name or password is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var fifth = await SignInAsync(client, user.UserName!, "Wrong-password-5");
        Assert.Contains("The user name or password is not right", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Issue 19, finding 6: a locked account answers exactly as a wrong password and an unknown user do.
        using var right = await SignInAsync(client, user.UserName!, AppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        var lockedPage = await right.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(SignInModel.WrongMessage), lockedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("locked after too many", lockedPage, StringComparison.Ordinal);
        using var unknown = await SignInAsync(client, "no-such-user-anywhere", AppFactory.Password);
        Assert.Contains(WebUtility.HtmlEncode(SignInModel.WrongMessage), await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var caseload = await client.GetAsync(new Uri("/caseload", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, caseload.StatusCode);
        var lockoutEnd = await app.QueryDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
    }

    [Fact]
    public async Task A_visitor_who_has_not_signed_in_is_sent_to_sign_in()
    {
        using var client = app.AnonymousClient();

        using var response = await client.GetAsync(new Uri("/caseload", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith("/sign-in", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password) =>
        app.SubmitFormAsync(client, "/sign-in", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
}
