using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class SignOutModel(SignInManager<AppUser> signIn, AuditLog audit, AppDbContext db) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        audit.Record(AuditAction.SignedOut);
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        return Redirect("/sign-in");
    }
}
