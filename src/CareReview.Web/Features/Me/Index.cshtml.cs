using Microsoft.Extensions.Options;

namespace CareReview.Web.Features.Me;

/// <summary>Who my IRO and social worker are, how to reach them, and when my next review is.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider time, AuditLog audit, IOptions<CouncilOptions> council) : MyPageModel(db, time)
{
    public string DutyPhone => council.Value.DutyPhone;
    public Review? NextReview { get; private set; }
    public ChildFriendlyPlan? Plan { get; private set; }
    public bool HasSentViews { get; private set; }

    /// <summary>The latest review, if the child has not sent its card yet.</summary>
    public Review? ToRate { get; private set; }

    public async Task OnGetAsync()
    {
        await LoadChildAsync();
        NextReview = Child.OpenReview;
        Plan = Child.SharedChildFriendlyPlan;
        HasSentViews = NextReview is not null
            && await Db.ReviewViews.AnyAsync(v => v.ReviewId == NextReview.Id && v.Author == Domain.Voice.ViewsAuthor.Child);
        var latest = Child.Reviews.Where(r => r.IsHeld).MaxBy(r => r.HeldOn);
        ToRate = latest is not null && !await Db.ReviewFeedback.AnyAsync(f => f.ReviewId == latest.Id) ? latest : null;
        audit.Record(AuditAction.ChildPageViewed, Child.Id);
        await Db.SaveChangesAsync();
    }
}
