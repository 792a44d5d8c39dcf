using Microsoft.AspNetCore.Authorization;

namespace CareReview.Web.Features.Account;

/// <summary>Why the council's sign-in did not let the person in: never a stack trace or "Page not found" (ADR-0031).</summary>
[AllowAnonymous]
public sealed class NotSignedInModel(OidcSettings settings) : PageModel
{
    public const string Waiting = "waiting";
    public const string NoAccess = "no-access";
    public const string Refused = "refused";
    public const string Problem = "problem";

    [BindProperty(SupportsGet = true)]
    public string Reason { get; set; } = Problem;

    public string CouncilName => settings.CouncilName;

    public string Title => Reason switch
    {
        Waiting => "Your sign-in is waiting for approval",
        NoAccess => "You do not have access to Care Review",
        Refused => "Your sign-in was not approved",
        _ => "Sorry, we could not sign you in",
    };

    public static string PathFor(string reason) => $"/sign-in/{reason}";

    public void OnGet()
    {
        if (Reason is NoAccess or Refused)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
