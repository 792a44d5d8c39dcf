using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Account;

[Authorize(Policy = Policies.SignedIn)]
public sealed class SignOutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, AuditLog audit, AppDbContext db, OidcSettings oidc) : PageModel
{
    /// <summary>The provider's end-session address, for someone who signed in through the council's provider.</summary>
    public string? EndSessionUrl { get; private set; }

    public string CouncilName => oidc.CouncilName;

    public IActionResult OnGet() => RedirectToPage("/Home/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        var idToken = oidc.Enabled ? await HttpContext.GetTokenAsync(IdentityConstants.ApplicationScheme, "id_token") : null;
        audit.Record(AuditAction.SignedOut);
        await db.SaveChangesAsync();

        // A new security stamp makes every copy of this user's cookie worthless at once, on any device.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();

        // Signed in through the council's provider, they are signed out there too. A page that goes on by itself, not
        // a redirect: the content security policy's form-action 'self' stops a form's redirect to another site.
        if (idToken is not null && await OidcSignIn.EndSessionUrlAsync(HttpContext, idToken) is { } endSession)
        {
            EndSessionUrl = endSession;
            return Page();
        }

        return Redirect("/sign-in");
    }
}
