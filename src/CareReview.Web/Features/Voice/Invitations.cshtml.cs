using CareReview.Web.Hosting;
namespace CareReview.Web.Features.Voice;

/// <summary>
/// The child's IRO or social worker sends a parent or carer a single-use link: before the review to give
/// their views, after it to read the decisions. The link is shown once, to copy into an email or text.
/// </summary>
[Requires(Permission.ReachChildAndFamily)]
public sealed class InvitationsModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars,
    PublicAddress publicAddress)
    : ReviewPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public InvitationInput Input { get; set; } = new();

    public IReadOnlyList<ParentInvitation> Invitations { get; private set; } = [];
    public string? NewLink { get; private set; }
    public string? NewLinkFor { get; private set; }

    public InvitationPurpose Purpose => Review.IsHeld ? InvitationPurpose.Decisions : InvitationPurpose.Views;

    /// <summary>After the review there is something to share only once the decisions have gone out.</summary>
    public bool CanSend => !Review.IsHeld || Review.DecisionsIssuedOn is not null;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanSend)
        {
            ModelState.AddModelError("", "The decisions of this review have not been issued yet, so there is nothing to share");
            return Page();
        }

        ParentInvitation? invitation = null;
        var token = "";
        var saved = await TryApplyToAsync(null, 0,
            () =>
            {
                (invitation, token) = ParentInvitation.Create(Child.Id, Review.Id, Purpose, Input.Name, Input.Relationship,
                    User.DisplayName(), Now, ParentInvitation.DefaultLifetime);
                Db.ParentInvitations.Add(invitation);
            },
            AuditAction.ParentInvited, () => $"invitation:{invitation!.Id} review:{Review.Id} purpose:{Purpose}");
        if (saved)
        {
            NewLink = publicAddress.Link(Request, $"/invite/{token}");
            NewLinkFor = invitation!.Name;
            Input = new();

            // The list of links shows the new one.
            await AdmitsAsync();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCancelAsync(int id, int reviewId, int invitationId)
    {
        if (Invitations.SingleOrDefault(i => i.Id == invitationId) is not { } invitation)
        {
            return await RefuseAsync($"review:{reviewId};invitation:{invitationId}");
        }

        // The link's use is its own guard: a parent who opened it just now wins, and the cancel is refused.
        if (!await TryApplyToAsync(null, 0, () => invitation.Cancel(Now), AuditAction.ParentInvitationCancelled, () => $"invitation:{invitation.Id}"))
        {
            return Page();
        }

        TempData["Success"] = $"The link for {invitation.Name} is cancelled";
        return RedirectToPage(new { id, reviewId });
    }

    protected internal override async Task<bool> AdmitsAsync()
    {
        Invitations = await Db.ParentInvitations.Where(i => i.ReviewId == Review.Id).OrderByDescending(i => i.Id).ToListAsync();
        return true;
    }
}

public sealed class InvitationInput
{
    public string? Name { get; set; }
    public string? Relationship { get; set; }
}
