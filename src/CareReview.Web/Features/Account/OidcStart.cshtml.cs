using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CareReview.Web.Features.Account;

/// <summary>
/// "Sign in with the council" sends the person to the council's provider. It is a link (GET), not a form: the
/// content security policy's <c>form-action 'self'</c> stops a form's redirect to another site.
/// </summary>
[AllowAnonymous]
public sealed class OidcStartModel(OidcSettings settings) : PageModel
{
    public IActionResult OnGet(string? returnUrl)
    {
        if (!settings.Enabled)
        {
            return NotFound();
        }

        var back = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        return Challenge(new AuthenticationProperties { RedirectUri = $"/sign-in/oidc/done?returnUrl={Uri.EscapeDataString(back)}" }, OidcSettings.Scheme);
    }
}
