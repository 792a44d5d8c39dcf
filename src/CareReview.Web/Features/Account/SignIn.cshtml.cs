using System.ComponentModel.DataAnnotations;
using CareReview.Web.Demo;
using CareReview.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, AppDbContext db, DemoMode demo,
    IConfiguration configuration, OidcSettings oidc)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool DemoMode => demo.Enabled;

    /// <summary>The council's own sign-in, shown first when it is set up; null when it is not.</summary>
    public OidcSettings? Council => oidc.Enabled ? oidc : null;

    /// <summary>The user came back here because their sign-in ended: idle too long, or signed out elsewhere.</summary>
    [BindProperty(SupportsGet = true, Name = SignInSessions.SignedOutFlag)]
    public bool SignedOut { get; set; }

    public int IdleMinutes => (int)SignInSessions.IdleTimeoutIn(configuration).TotalMinutes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByNameAsync(Input.UserName!);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password!, isPersistent: false, lockoutOnFailure: true);

        // A password is checked against a hash whether or not the account exists or is locked, so that how
        // long the answer takes does not tell anyone which user names are real.
        if (user is null || result.IsLockedOut)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), s_timingHash.Value, Input.Password!);
        }

        if (result.Succeeded)
        {
            audit.RecordFor(user!.Id, user.UserName!, AuditAction.SignedIn);
            await db.SaveChangesAsync();
            return LocalRedirect(LandingFor(user, await users.GetRolesAsync(user), ReturnUrl, Url));
        }

        // An unknown user name is not kept: people sometimes type their password into it.
        audit.RecordFor(user?.Id ?? "", user?.UserName ?? "(unknown user name)", result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed);
        await db.SaveChangesAsync();
        // The same words for a wrong password, an unknown user name and a locked account, so that the answer
        // does not tell anyone which user names are real.
        ModelState.AddModelError("Input.UserName", WrongMessage);
        return Page();
    }

    /// <summary>Where a sign-in lands: the page the person was going to, within what their sign-in may open.</summary>
    public static string LandingFor(AppUser user, IList<string> roles, string? returnUrl, IUrlHelper url)
    {
        // A child's sign-in opens only their own pages, wherever the link they followed pointed.
        if (user.ChildId is not null)
        {
            return returnUrl?.StartsWith("/me", StringComparison.Ordinal) == true && url.IsLocalUrl(returnUrl) ? returnUrl : "/me";
        }

        // A researcher's sign-in opens only the research extract.
        if (Permissions.Hold(roles, Permission.DownloadResearchExtract) && !Permissions.Hold(roles, Permission.WorkWithChildren))
        {
            return "/research";
        }

        return url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
    }

    public const string WrongMessage =
        "The user name or password is not right. After 5 wrong tries an account is locked for 15 minutes: ask an administrator if you need it sooner";

    private static readonly Lazy<string> s_timingHash =
        new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your user name")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }
}
