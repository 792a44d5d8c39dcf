using CareReview.Web.Features.Me;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Account;

/// <summary>
/// A child finishes their own sign-in from the link their social worker or IRO gave them, by choosing a
/// password. Only children's accounts are set up this way: staff accounts are made by an administrator.
/// </summary>
[AllowAnonymous]
public sealed class SetUpModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AuditLog audit, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public string? UserName { get; private set; }

    public bool LinkWorks { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await ChildAccountAsync();
        LinkWorks = user is not null && await TokenWorksAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await ChildAccountAsync();
        LinkWorks = user is not null && await TokenWorksAsync(user);
        if (!LinkWorks)
        {
            return Page();
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Choose a password");
        }
        else if (Password != ConfirmPassword)
        {
            ModelState.AddModelError(nameof(ConfirmPassword), "The two passwords are not the same. Type it again");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user!, ChildSignIns.DecodeCode(Code)!, Password!);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Password), result.Errors.FirstOrDefault(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) switch
            {
                { Code: "PasswordTooShort" } => $"Your password needs at least {users.Options.Password.RequiredLength} letters, numbers or symbols. A few words together are easy to remember",
                { } passwordRule => passwordRule.Description,
                null => "This link does not work any more. Ask your social worker or IRO for a new one",
            });
            return Page();
        }

        audit.RecordFor(user!.Id, user.UserName!, AuditAction.ChildSignInCompleted);
        await db.SaveChangesAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/me");
    }

    private async Task<AppUser?> ChildAccountAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        UserName = user?.ChildId is null ? null : user.UserName;
        return user?.ChildId is null ? null : user;
    }

    private async Task<bool> TokenWorksAsync(AppUser user) =>
        ChildSignIns.DecodeCode(Code) is { } token
        && await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, token);
}
