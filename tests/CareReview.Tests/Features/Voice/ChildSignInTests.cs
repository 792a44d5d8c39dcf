using System.Net;
using System.Text.RegularExpressions;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Account;
using Microsoft.EntityFrameworkCore;

using static CareReview.Tests.Features.Voice.VoiceSteps;

namespace CareReview.Tests.Features.Voice;

/// <summary>
/// The child's own sign-in: made by the child's social worker, IRO or the IRO manager, who give the child a
/// one-time set-up link; the child chooses a password, is signed in and sees their own page. Nobody else may
/// make one, and the worker never knows the password.
/// </summary>
public sealed class ChildSignInTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private const string GoodPassword = "purple otter kettle";

    private VoiceCast _cast = null!;

    public async Task InitializeAsync() => _cast = await app.AVoiceCastAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static string SetUpLinkIn(string html)
    {
        var match = Regex.Match(html, "data-testid=\"set-up-link\">([^<]+)</code>");
        Assert.True(match.Success, "The page shows no set-up link");
        var link = new Uri(WebUtility.HtmlDecode(match.Groups[1].Value));
        Assert.Equal("/set-up", link.AbsolutePath);
        return link.PathAndQuery;
    }

    private Task<AppUser?> AccountOfAsync(int childId) =>
        app.QueryDbAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.ChildId == childId));

    /// <summary>The worker sets up the sign-in through the page and returns the set-up link it shows once.</summary>
    private async Task<string> SetUpAsync(string staffUser, int childId, string userName)
    {
        using var staff = await app.SignedInClientAsync(staffUser);
        using var made = await app.SubmitFormAsync(staff, $"/children/{childId}/own-sign-in?handler=Create",
            new Dictionary<string, string> { ["UserName"] = userName });
        var page = await made.Content.ReadAsStringAsync();
        Assert.True(made.StatusCode == HttpStatusCode.OK, page);
        return SetUpLinkIn(page);
    }

    private static Dictionary<string, string> Passwords(string password, string confirm) =>
        new() { ["Password"] = password, ["ConfirmPassword"] = confirm };

    [Fact]
    public async Task The_social_worker_sets_it_up_and_the_child_chooses_a_password_and_lands_on_their_own_page()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var userName = $"robin-{_cast.Suffix}";
        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);

        Assert.Contains($"href=\"/children/{child.Id}/own-sign-in\">Robin's own sign-in</a>", await sw.GetPageAsync($"/children/{child.Id}"),
            StringComparison.Ordinal);
        var form = await sw.GetPageAsync($"/children/{child.Id}/own-sign-in");
        Assert.Contains("Set up the sign-in", form, StringComparison.Ordinal);
        Assert.Equal("robin.t", AppFactory.HiddenValueIn(form, "UserName"));

        using var made = await app.SubmitFormAsync(sw, $"/children/{child.Id}/own-sign-in?handler=Create",
            new Dictionary<string, string> { ["UserName"] = $" {userName} " });
        var madePage = await made.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var link = SetUpLinkIn(madePage);
        Assert.Contains($"data-testid=\"child-user-name\">{userName}</strong>", madePage, StringComparison.Ordinal);

        // The account is the child's, in the Child role, and has no password until the child chooses one.
        var account = await AccountOfAsync(child.Id);
        Assert.NotNull(account);
        Assert.Equal((userName, "Robin", (string?)null), (account.UserName, account.DisplayName, account.PasswordHash));
        var roles = await app.QueryDbAsync(db => (from ur in db.UserRoles
                                                  join r in db.Roles on ur.RoleId equals r.Id
                                                  where ur.UserId == account.Id
                                                  select r.Name).ToListAsync());
        Assert.Equal([Roles.Child], roles);
        var setUp = Assert.Single(await app.AuditAsync(AuditAction.ChildSignInSetUp, _cast.SocialWorkerUser));
        Assert.Equal((child.Id, $"user:{userName}"), (setUp.ChildId, setUp.Details));

        // The link is shown once: the page shows the sign-in, not the link, from then on.
        var later = await sw.GetPageAsync($"/children/{child.Id}/own-sign-in");
        Assert.DoesNotContain("data-testid=\"set-up-link\"", later, StringComparison.Ordinal);
        Assert.DoesNotContain(link.Split("code=")[1], later, StringComparison.Ordinal);
        Assert.Contains("Not yet: Robin has not used the set-up link", later, StringComparison.Ordinal);

        // The child opens the link, sees their user name and chooses a password.
        using var childClient = app.AnonymousClient();
        var setUpPage = await childClient.GetPageAsync(link);
        Assert.Contains("Choose your password", setUpPage, StringComparison.Ordinal);
        Assert.Contains($"Your user name is <strong>{userName}</strong>", setUpPage, StringComparison.Ordinal);
        using (var chosen = await app.SubmitFormAsync(childClient, link, Passwords(GoodPassword, GoodPassword)))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
            Assert.Equal("/me", chosen.Headers.Location!.OriginalString);
        }

        Assert.Contains("Hello Robin", await childClient.GetPageAsync("/me"), StringComparison.Ordinal);
        Assert.Single(await app.AuditAsync(AuditAction.ChildSignInCompleted, userName));
        Assert.NotNull((await AccountOfAsync(child.Id))!.PasswordHash);
        Assert.Contains("Yes: Robin has chosen a password", await sw.GetPageAsync($"/children/{child.Id}/own-sign-in"), StringComparison.Ordinal);

        // The link worked once.
        using var again = app.AnonymousClient();
        Assert.Contains("This link does not work", await again.GetPageAsync(link), StringComparison.Ordinal);

        // From now on the child signs in with the password they chose, and starts at their own page.
        using var signIn = app.AnonymousClient();
        using var signedIn = await app.SubmitFormAsync(signIn, "/sign-in?ReturnUrl=%2Fcaseload",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = GoodPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/me", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_childs_iro_and_the_iro_manager_may_set_it_up_too()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var other = await app.AChildOfAsync(_cast, "Sam");

        Assert.StartsWith("/set-up?user=", await SetUpAsync(_cast.IroUser, child.Id, $"robin-{_cast.Suffix}"), StringComparison.Ordinal);
        Assert.StartsWith("/set-up?user=", await SetUpAsync(_cast.IroManagerUser, other.Id, $"sam-{_cast.Suffix}"), StringComparison.Ordinal);

        Assert.NotNull(await AccountOfAsync(child.Id));
        Assert.NotNull(await AccountOfAsync(other.Id));
        Assert.Single(await app.AuditAsync(AuditAction.ChildSignInSetUp, _cast.IroManagerUser), e => e.ChildId == other.Id);
    }

    [Fact]
    public async Task Anyone_else_is_answered_page_not_found_and_the_refusal_is_audited()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var address = $"/children/{child.Id}/own-sign-in";

        // The team manager can see the child, but does not set up the child's sign-in.
        using (var tm = await app.SignedInClientAsync(_cast.TeamManagerUser))
        {
            Assert.DoesNotContain(address, await tm.GetPageAsync($"/children/{child.Id}"), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, await tm.StatusOfAsync(address));
            Assert.Contains(await app.AuditAsync(AuditAction.AccessRefused, _cast.TeamManagerUser),
                e => e.ChildId == child.Id && e.Details == "page:own-sign-in");

            using var posted = await tm.PostFormAsync($"{address}?handler=Create",
                [new("UserName", $"robin-{_cast.Suffix}")], tokenFrom: $"/children/{child.Id}");
            Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        }

        foreach (var user in new[] { _cast.OtherIroUser, _cast.OtherSocialWorkerUser })
        {
            using var client = await app.SignedInClientAsync(user);
            Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync(address));
            Assert.True(await app.RefusalAuditedAsync(user, $"child:{child.Id}"), $"{user}'s refusal is audited");
        }

        Assert.Null(await AccountOfAsync(child.Id));
        Assert.Empty(await app.AuditAsync(AuditAction.ChildSignInSetUp, _cast.TeamManagerUser));
    }

    [Fact]
    public async Task A_child_under_8_is_not_given_a_sign_in()
    {
        var child = await app.AChildOfAsync(_cast, "Tiny", age: 6);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);

        var page = await iro.GetPageAsync($"/children/{child.Id}/own-sign-in");
        Assert.Contains("These pages are written for children aged 8 and over. Tiny is 6", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"UserName\"", page, StringComparison.Ordinal);

        using var posted = await app.SubmitFormAsync(iro, $"/children/{child.Id}/own-sign-in?handler=Create",
            new Dictionary<string, string> { ["UserName"] = $"tiny-{_cast.Suffix}" });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.DoesNotContain("data-testid=\"set-up-link\"", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await AccountOfAsync(child.Id));
    }

    [Theory]
    [InlineData("taken", "That user name is taken. Try another")]
    [InlineData("robin t", "The user name must be 3 to 40 letters, numbers, dots or hyphens, with no spaces")]
    [InlineData("", "Enter a user name")]
    public async Task A_user_name_that_is_taken_or_badly_formed_is_refused(string userName, string message)
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);

        using var posted = await app.SubmitFormAsync(sw, $"/children/{child.Id}/own-sign-in?handler=Create",
            new Dictionary<string, string> { ["UserName"] = userName == "taken" ? _cast.IroUser : userName });

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Pages.AssertFieldError(await posted.Content.ReadAsStringAsync(), "UserName", message);
        Assert.Null(await AccountOfAsync(child.Id));
        Assert.Empty(await app.AuditAsync(AuditAction.ChildSignInSetUp, _cast.SocialWorkerUser));
    }

    [Fact]
    public async Task A_password_that_is_short_or_typed_differently_is_refused_and_the_link_still_works()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var userName = $"robin-{_cast.Suffix}";
        var link = await SetUpAsync(_cast.SocialWorkerUser, child.Id, userName);
        using var childClient = app.AnonymousClient();

        using (var differ = await app.SubmitFormAsync(childClient, link, Passwords(GoodPassword, "purple otter kettles")))
        {
            Assert.Equal(HttpStatusCode.OK, differ.StatusCode);
            Pages.AssertFieldError(await differ.Content.ReadAsStringAsync(), "ConfirmPassword", "The two passwords are not the same. Type it again");
        }

        using (var empty = await app.SubmitFormAsync(childClient, link, Passwords("", "")))
        {
            Pages.AssertFieldError(await empty.Content.ReadAsStringAsync(), "Password", "Choose a password");
        }

        using (var tooShort = await app.SubmitFormAsync(childClient, link, Passwords("otter", "otter")))
        {
            Assert.Equal(HttpStatusCode.OK, tooShort.StatusCode);
            Pages.AssertFieldError(await tooShort.Content.ReadAsStringAsync(), "Password",
                "Your password needs at least 12 letters, numbers or symbols. A few words together are easy to remember");
        }

        Assert.Null((await AccountOfAsync(child.Id))!.PasswordHash);
        Assert.Empty(await app.AuditAsync(AuditAction.ChildSignInCompleted, userName));
        Assert.Equal(HttpStatusCode.Redirect, await childClient.StatusOfAsync("/me"));

        using var chosen = await app.SubmitFormAsync(childClient, link, Passwords(GoodPassword, GoodPassword));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/me", chosen.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("password1234", CommonPasswordValidator.CommonMessage)]
    [InlineData("aaaaaaaaaaaa", CommonPasswordValidator.CommonMessage)]
    [InlineData("abababababab", CommonPasswordValidator.RepetitiveMessage)]
    [InlineData("robin is brilliant", CommonPasswordValidator.ContainsNameMessage)]
    public async Task A_common_or_guessable_password_is_refused_next_to_the_field(string password, string message)
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var link = await SetUpAsync(_cast.SocialWorkerUser, child.Id, $"robin-{Guid.NewGuid():N}");
        using var childClient = app.AnonymousClient();

        using var refused = await app.SubmitFormAsync(childClient, link, Passwords(password, password));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Pages.AssertFieldError(await refused.Content.ReadAsStringAsync(), "Password", message);
        Assert.Null((await AccountOfAsync(child.Id))!.PasswordHash);
    }

    [Fact]
    public async Task A_new_link_stops_the_old_one()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var userName = $"robin-{_cast.Suffix}";
        var first = await SetUpAsync(_cast.SocialWorkerUser, child.Id, userName);

        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        using var remade = await app.SubmitFormAsync(iro, $"/children/{child.Id}/own-sign-in?handler=Link", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, remade.StatusCode);
        var second = SetUpLinkIn(await remade.Content.ReadAsStringAsync());
        Assert.NotEqual(first, second);
        Assert.Single(await app.AuditAsync(AuditAction.ChildSignInLinkMade, _cast.IroUser), e => e.ChildId == child.Id && e.Details == $"user:{userName}");

        using var childClient = app.AnonymousClient();
        Assert.Contains("This link does not work", await childClient.GetPageAsync(first), StringComparison.Ordinal);
        using (var refused = await childClient.PostFormAsync(first, Passwords(GoodPassword, GoodPassword), tokenFrom: "/sign-in"))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("This link does not work", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null((await AccountOfAsync(child.Id))!.PasswordHash);
        using var chosen = await app.SubmitFormAsync(childClient, second, Passwords(GoodPassword, GoodPassword));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
    }

    [Fact]
    public async Task A_link_with_a_wrong_code_or_for_a_staff_account_does_not_work()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var link = await SetUpAsync(_cast.SocialWorkerUser, child.Id, $"robin-{_cast.Suffix}");
        var staffId = await app.QueryDbAsync(db => db.Users.Where(u => u.UserName == _cast.IroUser).Select(u => u.Id).SingleAsync());
        var code = link.Split("code=")[1];
        using var client = app.AnonymousClient();

        foreach (var address in new[] { link[..^4] + "AAAA", $"/set-up?user={staffId}&code={code}", "/set-up", $"/set-up?user=nobody&code={code}" })
        {
            var page = await client.GetPageAsync(address);
            Assert.True(page.Contains("This link does not work", StringComparison.Ordinal), address);
            Assert.DoesNotContain("name=\"Password\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Turning_the_sign_in_off_deletes_it_and_the_child_can_no_longer_sign_in()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var userName = $"robin-{_cast.Suffix}";
        var link = await SetUpAsync(_cast.SocialWorkerUser, child.Id, userName);
        using (var childClient = app.AnonymousClient())
        {
            using var chosen = await app.SubmitFormAsync(childClient, link, Passwords(GoodPassword, GoodPassword));
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);
        using var off = await app.SubmitFormAsync(sw, $"/children/{child.Id}/own-sign-in?handler=TurnOff", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal($"/children/{child.Id}", off.Headers.Location!.OriginalString);
        Assert.Null(await AccountOfAsync(child.Id));
        Assert.Single(await app.AuditAsync(AuditAction.ChildSignInTurnedOff, _cast.SocialWorkerUser), e => e.ChildId == child.Id && e.Details == $"user:{userName}");
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInClientAsync(userName, GoodPassword));
        Assert.Contains("name=\"UserName\"", await sw.GetPageAsync($"/children/{child.Id}/own-sign-in"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_the_sign_in_off_ends_a_session_already_open_once_it_is_next_checked()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var link = await SetUpAsync(_cast.SocialWorkerUser, child.Id, $"robin-{_cast.Suffix}");
        using var childClient = app.AnonymousClient();
        using (var chosen = await app.SubmitFormAsync(childClient, link, Passwords(GoodPassword, GoodPassword)))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, await childClient.StatusOfAsync("/me"));
        using var sw = await app.SignedInClientAsync(_cast.SocialWorkerUser);
        using (var off = await app.SubmitFormAsync(sw, $"/children/{child.Id}/own-sign-in?handler=TurnOff", new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        }

        // Identity checks a session against its account every 30 minutes; the account is gone.
        app.MoveOn(TimeSpan.FromMinutes(31));
        using var me = await childClient.GetAsync(new Uri("/me", UriKind.Relative));
        Assert.Equal("/sign-in", RedirectPath(me));
    }
}
