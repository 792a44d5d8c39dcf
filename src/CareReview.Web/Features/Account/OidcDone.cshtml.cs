using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Account;

/// <summary>
/// Where the council's provider sends the person back (through /signin-oidc and Identity's external cookie): decides
/// who they are in Care Review (<see cref="OidcSignIns"/>) and signs them in, or says why not.
/// </summary>
[AllowAnonymous]
public sealed class OidcDoneModel(OidcSignIns signIns, SignInManager<AppUser> signIn, UserManager<AppUser> users, OidcSettings settings) : PageModel
{
    public string Landing { get; private set; } = "/";

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded)
        {
            return Redirect("/sign-in");
        }

        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (ExternalPerson.From(external.Principal, settings) is not { } person)
        {
            return Redirect(NotSignedInModel.PathFor(NotSignedInModel.Problem));
        }

        var result = await signIns.SignInAsync(person);
        if (result is not { Outcome: OidcOutcome.SignedIn, User: { } user })
        {
            return Redirect(NotSignedInModel.PathFor(result.Outcome switch
            {
                OidcOutcome.Waiting => NotSignedInModel.Waiting,
                OidcOutcome.Refused => NotSignedInModel.Refused,
                _ => NotSignedInModel.NoAccess,
            }));
        }

        // The ID token goes into the sign-in, for signing out of the provider too (its id_token_hint).
        var properties = new AuthenticationProperties();
        if (external.Properties?.GetTokenValue("id_token") is { } idToken)
        {
            properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        }

        await signIn.SignInAsync(user, properties, OidcSettings.Scheme);
        Landing = SignInModel.LandingFor(user, await users.GetRolesAsync(user), returnUrl, Url);

        // A page, not a redirect: this request is the end of redirects that began on the provider's site, and the
        // browser does not send the SameSite=Strict sign-in cookie on them. The page's own navigation is same-site.
        return Page();
    }
}
