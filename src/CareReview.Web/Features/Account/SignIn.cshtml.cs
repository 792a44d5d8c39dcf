using System.ComponentModel.DataAnnotations;
using CareReview.Web.Demo;
using CareReview.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Account;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, AppDbContext db, DemoMode demo,
    IConfiguration configuration)
    : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool DemoMode => demo.Enabled;

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

        var result = await signIn.PasswordSignInAsync(Input.UserName!, Input.Password!, isPersistent: false, lockoutOnFailure: true);
        var user = await users.FindByNameAsync(Input.UserName!);
        if (result.Succeeded)
        {
            audit.RecordFor(user!.Id, user.UserName!, AuditAction.SignedIn);
            await db.SaveChangesAsync();
            // A child's sign-in opens only their own pages, wherever the link they followed pointed.
            if (user.ChildId is not null)
            {
                return LocalRedirect(ReturnUrl?.StartsWith("/me", StringComparison.Ordinal) == true && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/me");
            }

            // A researcher's sign-in opens only the research extract.
            var roles = await users.GetRolesAsync(user);
            if (Permissions.Hold(roles, Permission.DownloadResearchExtract) && !Permissions.Hold(roles, Permission.WorkWithChildren))
            {
                return LocalRedirect("/research");
            }

            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }

        // An unknown user name is not kept: people sometimes type their password into it.
        audit.RecordFor(user?.Id ?? "", user?.UserName ?? "(unknown user name)", result.IsLockedOut ? AuditAction.LockedOut : AuditAction.SignInFailed);
        await db.SaveChangesAsync();
        ModelState.AddModelError("Input.UserName", result.IsLockedOut
            ? "This account is locked after too many failed attempts. Try again in 15 minutes or ask an administrator"
            : "The user name or password is not right");
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your user name")]
        public string? UserName { get; set; }

        [Required(ErrorMessage = "Enter your password")]
        public string? Password { get; set; }
    }
}
