using CareReview.Web.Features.Voice;

namespace CareReview.Web.Features.Me;

/// <summary>Before my review: what I think, who I want there, where and when, and whether I want to talk to my IRO alone.</summary>
public sealed class ViewsModel(AppDbContext db, TimeProvider time, AuditLog audit) : MyPageModel(db, time)
{
    [BindProperty]
    public ViewsInput Input { get; set; } = new();

    public Review? Review { get; private set; }
    public ReviewViews? Sent { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Sent is not null)
        {
            Input = ViewsInput.From(Sent);
        }

        audit.Record(AuditAction.ChildPageViewed, Child.Id, "page:views");
        await Db.SaveChangesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Review is null)
        {
            return Page();
        }

        var draft = Input.ToDraft();
        if (!ViewsInput.Check(ModelState, draft))
        {
            return Page();
        }

        var result = await new RecordChanges(Db, audit, Request).TryApplyAsync(ModelState, Sent, Input.Version, () =>
        {
            if (Sent is null)
            {
                Db.ReviewViews.Add(ReviewViews.FromChild(Review, Child.GivenName, draft, Today));
            }
            else
            {
                Sent.Change(Review, draft, Today);
            }
        }, () => [new Audited(AuditAction.ChildViewsSent, Child.Id, $"review:{Review.Id}")]);
        if (result != ChangeResult.Saved)
        {
            // The page now shows what is saved; a second try from it must be able to succeed.
            await LoadAsync();
            Input.Version = Sent?.Version ?? 0;
            return Page();
        }

        TempData["Success"] = "Thank you. Your IRO will read what you said before your review.";
        return RedirectToPage("/Me/Index");
    }

    private async Task LoadAsync()
    {
        await LoadChildAsync();
        Review = Child.OpenReview;
        Sent = Review is null ? null
            : await Db.ReviewViews.SingleOrDefaultAsync(v => v.ReviewId == Review.Id && v.Author == ViewsAuthor.Child);
    }
}
