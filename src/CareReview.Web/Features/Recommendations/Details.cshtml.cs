using System.ComponentModel.DataAnnotations;

namespace CareReview.Web.Features.Recommendations;

/// <summary>
/// One recommendation and its history. Its owner, and anyone who works with the child, records progress
/// or that it is done, with a note; the IRO sees it on the child's record and at the next review.
/// </summary>
public sealed class DetailsModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Recommendation Recommendation { get; private set; } = null!;
    public Child Child { get; private set; } = null!;
    public DateOnly Today => time.TodayInEngland();
    public bool ChildVisible { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        Input = new InputModel { Version = Child.Version, On = DateInput.From(Today) };
        audit.Record(AuditAction.ChildViewed, Child.Id, $"recommendation:{id}");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var on = ModelState.ReadDate("Input.On", Input.On, "Date");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var by = User.DisplayName();
        var done = Input.Done == true;
        var recommendation = Recommendation;
        var result = await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, Child, Input.Version,
            () => RecommendationProgress.Record(recommendation, done, on!.Value, Input.Note ?? "", by, Today),
            () => [RecommendationProgress.Audited(done, Child.Id, id)]);
        if (result != ChangeResult.Saved)
        {
            await LoadAsync(id);
            if (result is ChangeResult.LostRace or ChangeResult.AlreadySent)
            {
                // The page now shows the recommendation as saved, so a second try must be able to succeed.
                Input.Version = Child.Version;
            }

            return Page();
        }

        TempData["Success"] = done ? "Recorded as done. The IRO will see it on the child's record" : "Progress recorded";
        return RedirectToPage(new { id });
    }

    /// <summary>The owner may always reach their own recommendation; anyone else only through the child.</summary>
    private async Task<bool> LoadAsync(int id)
    {
        if (await RecommendationProgress.FindAsync(db, id) is not { } found)
        {
            return false;
        }

        ChildVisible = await db.ChildrenVisibleTo(User, time).AnyAsync(c => c.Id == found.ChildId);
        if (!ChildVisible && !RecommendationProgress.OwnedBy(User, found.OwnerStaffId))
        {
            audit.Record(AuditAction.AccessRefused, null, $"recommendation:{id}");
            await db.SaveChangesAsync();
            return false;
        }

        Child = await RecommendationProgress.LoadChildAsync(db, found.ChildId);
        Recommendation = Child.Recommendations.Single(r => r.Id == id);
        return true;
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public DateInput? On { get; set; }

        [Required(ErrorMessage = "Enter a note saying what has been done")]
        [StringLength(2000, ErrorMessage = "The note must be 2,000 characters or fewer")]
        public string? Note { get; set; }

        [Required(ErrorMessage = "Say whether it is done or this is progress")]
        public bool? Done { get; set; }
    }
}
