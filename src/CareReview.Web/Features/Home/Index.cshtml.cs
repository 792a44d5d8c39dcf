namespace CareReview.Web.Features.Home;

/// <summary>Sends each user to where their work starts.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.May(Permission.WorkWithChildren) ? Redirect("/caseload")
        : User.May(Permission.ChangeRules) ? Redirect("/admin/bank-holidays")
        : User.May(Permission.RespondToEscalations) ? Redirect("/escalations/to-answer")
        : Redirect("/caseload");
}
