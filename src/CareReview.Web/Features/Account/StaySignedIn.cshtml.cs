using Microsoft.AspNetCore.Authorization;

namespace CareReview.Web.Features.Account;

/// <summary>
/// What "Stay signed in" on the timeout warning asks for: nothing but a request, which renews a sign-in that
/// still holds (<see cref="Hosting.SignInSessions.ValidateAsync"/>). An ended one is sent to the sign-in page instead.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class StaySignedInModel : PageModel
{
    public IActionResult OnGet() => new NoContentResult();
}
