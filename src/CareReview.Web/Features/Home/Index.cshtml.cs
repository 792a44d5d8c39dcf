using CareReview.Web.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReview.Web.Features.Home;

/// <summary>Sends each user to where their work starts.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.IsInRole(Roles.Administrator) && !User.IsInRole(Roles.IroManager) ? Redirect("/admin/bank-holidays")
        : User.IsInRole(Roles.SeniorManager) && !User.IsInRole(Roles.TeamManager) ? Redirect("/escalations/to-answer")
        : Redirect("/caseload");
}
