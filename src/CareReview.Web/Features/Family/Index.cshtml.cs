using System.Security.Claims;
using CareReview.Web.Features.Voice;

namespace CareReview.Web.Features.Family;

/// <summary>
/// A parent's or carer's page, reached only through their link: their views before the review, or the
/// decisions shared with them. It shows the one review the link was made for and nothing else.
/// </summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty]
    public ViewsInput Input { get; set; } = new();

    public ParentInvitation Invitation { get; private set; } = null!;
    public Review Review { get; private set; } = null!;
    public string ChildName { get; private set; } = "";
    public ReviewViews? Sent { get; private set; }
    public bool JustSent { get; private set; }

    public static readonly IReadOnlyList<(string Value, string Text)> Attending = [("yes", "Yes"), ("no", "No"), ("not-sure", "I do not know yet")];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Redirect("/invite/expired");
        }

        if (Sent is not null)
        {
            Input = ViewsInput.From(Sent);
        }

        if (Invitation.Purpose == InvitationPurpose.Decisions)
        {
            audit.Record(AuditAction.ParentDecisionsViewed, Invitation.ChildId, $"invitation:{Invitation.Id} review:{Review.Id}");
            await db.SaveChangesAsync();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Redirect("/invite/expired");
        }

        if (Invitation.Purpose != InvitationPurpose.Views)
        {
            return NotFound();
        }

        var draft = Input.ToDraft();
        if (!ViewsInput.Check(ModelState, draft))
        {
            return Page();
        }

        var today = time.TodayInEngland();
        var result = await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, Sent, Input.Version, () =>
        {
            if (Sent is null)
            {
                db.ReviewViews.Add(ReviewViews.FromParent(Review, Invitation.Id, Invitation.Name, Invitation.Relationship, draft, today));
            }
            else
            {
                Sent.Change(Review, draft, today);
            }
        }, () => [new Audited(AuditAction.ParentViewsSent, Invitation.ChildId, $"invitation:{Invitation.Id} review:{Review.Id}")]);
        await LoadAsync();
        if (result != ChangeResult.Saved)
        {
            // The page now shows what is saved; a second try from it must be able to succeed.
            Input.Version = Sent?.Version ?? 0;
            return Page();
        }

        JustSent = true;
        Input = ViewsInput.From(Sent!);
        return Page();
    }

    /// <summary>The link must have been used, and not cancelled since, for the session to count.</summary>
    private async Task<bool> LoadAsync()
    {
        var invitationId = int.Parse(User.FindFirstValue(CareReviewClaims.InvitationId)!, CultureInfo.InvariantCulture);
        var invitation = await db.ParentInvitations.SingleOrDefaultAsync(i => i.Id == invitationId);
        if (invitation is null || invitation.UsedAt is null || invitation.CancelledAt is not null)
        {
            return false;
        }

        Invitation = invitation;
        Review = await db.Reviews.Include(r => r.Recommendations).SingleAsync(r => r.Id == invitation.ReviewId);
        ChildName = await db.Children.Where(c => c.Id == invitation.ChildId).Select(c => c.GivenName).SingleAsync();
        Sent = await db.ReviewViews.SingleOrDefaultAsync(v => v.InvitationId == invitation.Id);
        return true;
    }
}
