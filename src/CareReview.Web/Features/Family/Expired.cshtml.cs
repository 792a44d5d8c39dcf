using Microsoft.AspNetCore.Authorization;

namespace CareReview.Web.Features.Family;

/// <summary>Where a family session that has ended, or never began, is sent.</summary>
[AllowAnonymous]
public sealed class ExpiredModel : PageModel
{
    public void OnGet()
    {
    }
}
