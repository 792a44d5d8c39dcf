using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareReview.Tests.Features.Security;

/// <summary>
/// Issue 19, finding 6: <c>aaaaaaaaaaaa</c> and <c>password1234</c> were accepted. Passwords are now checked against
/// the NCSC's list of the 100,000 most common (with digits or symbols added to the end), repetition, and the
/// person's own name, wherever one is set.
/// </summary>
public sealed class PasswordsTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public void The_shipped_list_holds_the_100000_most_common_passwords()
    {
        // 100,000 as published; fewer once capitals are folded (Password and password are one).
        Assert.InRange(CommonPasswordValidator.CommonPasswords.Count, 95_000, 100_000);
        Assert.Contains("123456", (IReadOnlySet<string>)CommonPasswordValidator.CommonPasswords);
        Assert.Contains("iloveyou", (IReadOnlySet<string>)CommonPasswordValidator.CommonPasswords);
    }

    [Theory]
    [InlineData("aaaaaaaaaaaa", CommonPasswordValidator.Common)] // in the list itself
    [InlineData("password1234", CommonPasswordValidator.Common)]
    [InlineData("Password1234", CommonPasswordValidator.Common)]
    [InlineData("iloveyou2026!", CommonPasswordValidator.Common)] // a common one made up to length
    [InlineData("Liverpool1892!!", CommonPasswordValidator.Common)]
    [InlineData("zzzzzzzzzzzzzzzzz", CommonPasswordValidator.Repetitive)]
    [InlineData("121212343434", CommonPasswordValidator.Repetitive)]
    [InlineData("Sam Okafor is 40", CommonPasswordValidator.ContainsName)]
    [InlineData("my name is sam.okafor!", CommonPasswordValidator.ContainsName)]
    public void A_guessable_password_is_refused_with_the_reason(string password, string code)
    {
        var result = CommonPasswordValidator.Validate(password, "sam.okafor", "Sam Okafor");

        Assert.False(result.Succeeded);
        Assert.Equal(code, Assert.Single(result.Errors).Code);
    }

    [Theory]
    [InlineData("purple otter kettle")]
    [InlineData("Demo-pass-2026!")]
    [InlineData("correct horse battery staple")]
    [InlineData("jolly samphire on toast")] // "Jo", a name shorter than 3 letters, is not looked for
    public void A_long_uncommon_password_is_accepted(string password)
    {
        var result = CommonPasswordValidator.Validate(password, "jo.bloggs", "Jo Bloggs");

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task Every_account_made_through_identity_is_checked_as_create_admin_does()
    {
        IdentityResult weak = null!, named = null!;
        await app.RunCommandAsync(async services =>
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            weak = await users.CreateAsync(new AppUser { UserName = $"admin-{Guid.NewGuid():N}", DisplayName = "Priya Shah" }, "password1234");
            named = await users.CreateAsync(new AppUser { UserName = $"admin-{Guid.NewGuid():N}", DisplayName = "Priya Shah" }, "shah family trees");
            return 0;
        });

        Assert.Contains(weak.Errors, e => e.Code == CommonPasswordValidator.Common);
        Assert.Contains(named.Errors, e => e.Code == CommonPasswordValidator.ContainsName);
    }
}
