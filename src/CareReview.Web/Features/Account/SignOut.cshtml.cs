using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, AppDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        audit.Record(AuditAction.SignedOut);
        await db.SaveChangesAsync();

        // A new security stamp makes every copy of this user's cookie worthless at once, on any device.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return Redirect("/sign-in");
    }
}
