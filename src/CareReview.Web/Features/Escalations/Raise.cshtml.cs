using CareReview.Domain.Reports;

namespace CareReview.Web.Features.Escalations;

/// <summary>The IRO raises a concern on a child's case: what is wrong, what is needed and by when.</summary>
[Requires(Permission.RunEscalations)]
public sealed class RaiseModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules)
    : ChildPageModel(db, audit, time, rules)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IEnumerable<(string Value, string Text)> ReviewOptions =>
        Child.Reviews.Where(r => r.IsHeld).OrderByDescending(r => r.HeldOn)
            .Select(r => (r.Id.ToString(CultureInfo.InvariantCulture), $"Review held on {GovukDate.Format(r.HeldOn)}"));

    /// <summary>The child's recommendations still open, most overdue first: the usual subject of a challenge.</summary>
    public IEnumerable<(string Value, string Text)> RecommendationOptions =>
        Child.Recommendations.Where(r => r.IsOpen).OrderBy(r => r.DueOn)
            .Select(r => (r.Id.ToString(CultureInfo.InvariantCulture),
                $"{r.Action} ({r.OwnerName}, due by {GovukDate.Format(r.DueOn)}{(r.IsOverdueOn(Today) ? ", overdue" : "")})"));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var child = Child;
        var neededBy = ModelState.ReadDate("Input.NeededBy", Input.NeededBy, "The date it is needed by");
        ConcernCategory? category = Enum.TryParse<ConcernCategory>(Input.Category, out var parsed) ? parsed : null;
        var reviewId = child.Reviews.Any(r => r.Id == Input.ReviewId && r.IsHeld) ? Input.ReviewId : null;
        var recommendationIds = Input.RecommendationIds.Where(r => child.Recommendations.Any(c => c.Id == r)).ToList();
        var draft = new ConcernDraft(category, Input.Concern, Input.Needed, neededBy, reviewId, recommendationIds, Input.Themes);
        foreach (var problem in Escalation.Problems(draft, Today).Where(p => p.Field != nameof(Escalation.NeededBy) || neededBy is not null))
        {
            ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var escalation = new Escalation(child.Id, child.SocialWorker?.TeamId, draft, User.StaffMemberId(), User.DisplayName(), Today);
        if (!await TryApplyToAsync(null, 0, () => Db.Escalations.Add(escalation), AuditAction.EscalationRaised,
                () => $"escalation:{escalation.Id};category:{escalation.Category}"))
        {
            return Page();
        }

        TempData["Success"] = "Concern raised. Record your attempts to resolve it informally on this page";
        return RedirectToPage("/Escalations/Details", new { id = escalation.Id });
    }

    public sealed class InputModel
    {
        public string? Category { get; set; }
        public string? Concern { get; set; }
        public string? Needed { get; set; }
        public DateInput? NeededBy { get; set; }
        public int? ReviewId { get; set; }
        public List<int> RecommendationIds { get; set; } = [];
        public List<CaseTheme> Themes { get; set; } = [];
    }
}
