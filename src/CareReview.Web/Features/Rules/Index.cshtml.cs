namespace CareReview.Web.Features.Rules;

/// <summary>The rule catalogue as it stands for this council: every rule, its source and grade, and the council's settings.</summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, RulebookSource rules) : PageModel
{
    public RuleCatalogue Catalogue => rules.Rules.Catalogue;
    public IReadOnlyList<RuleSetting> Settings { get; private set; } = [];
    public bool CanChange => User.May(Permission.ChangeRules);

    public async Task OnGetAsync()
    {
        Settings = await db.RuleSettings.AsNoTracking().OrderByDescending(s => s.ChangedAtUtc).ToListAsync();
        audit.Record(AuditAction.RulesViewed);
        await db.SaveChangesAsync();
    }

    public static string Describe(ComputedBy computedBy) => computedBy switch
    {
        ComputedBy.Engine => "Deadline engine",
        ComputedBy.ReviewClock => "Review clock",
        _ => "For reference: not computed",
    };
}
