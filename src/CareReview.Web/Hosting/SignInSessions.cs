using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Hosting;

/// <summary>How long a staff or child sign-in lasts, and how its end is explained.</summary>
public static class SignInSessions
{
    public const string IdleMinutesSetting = "SignIn:IdleMinutes";
    public const int DefaultIdleMinutes = 30;

    /// <summary>How long before an idle sign-in ends the timeout warning appears (half the idle time if that is shorter).</summary>
    public const int WarningSeconds = 120;

    /// <summary>The query string the sign-in page reads to say why the user is there again.</summary>
    public const string SignedOutFlag = "signedOut";

    public static TimeSpan IdleTimeoutIn(IConfiguration configuration) =>
        TimeSpan.FromMinutes(configuration.GetValue<int?>(IdleMinutesSetting) is int minutes and > 0 ? minutes : DefaultIdleMinutes);

    /// <summary>
    /// Every request checks the cookie's security stamp against the database, so signing out, turning off a
    /// child's sign-in or a new password ends every session of that user at once (Identity's own validator
    /// checks only every so often). A session that holds is renewed, so it ends after the idle time with
    /// nothing done, rather than anywhere between half of it and all of it.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
        if (await signIn.ValidateSecurityStampAsync(context.Principal) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        context.ShouldRenew = true;
    }

    /// <summary>A request that brought a sign-in that no longer holds is told so on the sign-in page.</summary>
    public static Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var location = context.RedirectUri;
        if (context.Request.Cookies.ContainsKey(context.Options.Cookie.Name!))
        {
            location += (location.Contains('?', StringComparison.Ordinal) ? "&" : "?") + SignedOutFlag + "=true";
        }

        context.Response.Redirect(location);
        return Task.CompletedTask;
    }
}
