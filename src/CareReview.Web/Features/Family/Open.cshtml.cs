using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace CareReview.Web.Features.Family;

/// <summary>
/// A parent or carer opens the link they were sent. Showing the page does not use the link, because
/// email systems open links to scan them; pressing Continue does, and starts a short family session.
/// </summary>
[AllowAnonymous]
public sealed class OpenModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public ParentInvitation? Invitation { get; private set; }
    public string? ChildName { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await FindAsync(token);
        Problem = Invitation?.ProblemAt(time.GetUtcNow()) ?? Problem;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        await FindAsync(token);
        if (Invitation is null)
        {
            return Page();
        }

        try
        {
            Invitation.Use(token, time.GetUtcNow());
        }
        catch (DomainRuleException e)
        {
            Problem = e.Message;
            // Ids and the link's state only: the audit log holds no names or narrative.
            audit.RecordFor($"invitation:{Invitation.Id}", "", AuditAction.ParentLinkRefused, $"child:{Invitation.ChildId} state:{Invitation.StateAt(time.GetUtcNow())}");
            await db.SaveChangesAsync();
            return Page();
        }

        var principal = FamilyPrincipal(Invitation);
        audit.Record(principal, AuditAction.ParentLinkOpened, Invitation.ChildId, $"invitation:{Invitation.Id} review:{Invitation.ReviewId}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            Problem = ParentInvitation.AlreadyUsed;
            return Page();
        }

        await HttpContext.SignInAsync(FamilyLink.Scheme, principal);
        return Redirect("/family");
    }

    /// <summary>An unknown link looks the same as no link: nothing says whether a guess came close.</summary>
    private async Task FindAsync(string token)
    {
        var hash = ParentInvitation.Hash(token);
        Invitation = await db.ParentInvitations.SingleOrDefaultAsync(i => i.TokenHash == hash);
        if (Invitation is null)
        {
            Problem = "This link is not recognised. Check you copied all of it, or ask the child's social worker or IRO for a new one.";
            audit.RecordFor("", "", AuditAction.ParentLinkRefused, "unknown link");
            await db.SaveChangesAsync();
            return;
        }

        ChildName = await db.Children.Where(c => c.Id == Invitation.ChildId).Select(c => c.GivenName).SingleAsync();
    }

    private static ClaimsPrincipal FamilyPrincipal(ParentInvitation invitation) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, $"invitation:{invitation.Id}"),
                new Claim(ClaimTypes.Name, $"{invitation.Name} ({invitation.Relationship})"),
                new Claim(CareReviewClaims.InvitationId, invitation.Id.ToString(CultureInfo.InvariantCulture)),
            ],
            FamilyLink.Scheme));
}
