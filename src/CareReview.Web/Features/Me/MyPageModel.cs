using System.Security.Claims;

namespace CareReview.Web.Features.Me;

/// <summary>
/// A child's own pages. The child comes from their sign-in, never from the address, so there is no
/// address that shows another child's things.
/// </summary>
public abstract class MyPageModel(AppDbContext db, TimeProvider time) : PageModel
{
    protected AppDbContext Db => db;

    public Child Child { get; private set; } = null!;
    public DateOnly Today => time.TodayInEngland();

    protected async Task LoadChildAsync()
    {
        var childId = OwnChildId(User);
        Child = await db.Children
            .Include(c => c.Reviews).ThenInclude(r => r.Recommendations)
            .Include(c => c.ChildFriendlyPlans)
            .Include(c => c.Iro)
            .Include(c => c.SocialWorker)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == childId);
    }

    /// <summary>The policy on the folder makes sure a child's sign-in carries this claim.</summary>
    public static int OwnChildId(ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(CareReviewClaims.ChildId)!, CultureInfo.InvariantCulture);
}
