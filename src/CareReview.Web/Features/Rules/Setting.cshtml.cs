using System.ComponentModel.DataAnnotations;
using CareReview.Web.Features.Deadlines;

namespace CareReview.Web.Features.Rules;

/// <summary>
/// An administrator sets the council's period for a grade B or C rule. The setting, every child's
/// deadlines worked out again and the audit event are saved together; the rules are put in force after.
/// </summary>
[Requires(Permission.ChangeRules)]
public sealed class SettingModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public StatutoryRule Rule { get; private set; } = null!;

    public IActionResult OnGet(string id)
    {
        if (Find(id) is not { } rule)
        {
            return NotFound();
        }

        Rule = rule;
        Input = new InputModel { Amount = rule.Period!.Amount, Unit = rule.Period.Unit };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (Find(id) is not { } rule)
        {
            return NotFound();
        }

        Rule = rule;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var period = new RulePeriod(Input.Amount!.Value, Input.Unit!.Value);
        try
        {
            RuleCatalogue.CheckCouncilPeriod(rule, period);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Field is null ? "" : $"Input.{e.Field}", e.Message);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var change = await db.RuleSettings.Where(s => s.RuleId == rule.Id).MaxAsync(s => (int?)s.Change) ?? 0;
        db.RuleSettings.Add(new RuleSetting
        {
            RuleId = rule.Id,
            Change = change + 1,
            Amount = period.Amount,
            Unit = period.Unit,
            Reason = Input.Reason!.Trim(),
            ChangedBy = User.Identity?.Name ?? "",
            ChangedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.Record(AuditAction.RuleSettingChanged, details: $"rule:{rule.Id};change:{change + 1};period:{period.Amount} {period.Unit}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Two administrators changed the same rule at once: the unique change number refuses the second.
            await transaction.RollbackAsync();
            ModelState.AddModelError("", "Someone else changed this rule at the same time. Nothing has been saved. Check the catalogue and try again");
            return Page();
        }

        var updated = await RulebookSource.BuildAsync(db);
        var children = await DeadlineRecalculation.RecalculateAllAsync(db, time.TodayInEngland(), updated);
        await transaction.CommitAsync();
        rules.Publish(updated);

        TempData["Success"] = $"Rule {rule.Id} is now {period.Describe()} for this council. The deadlines of {children} children have been worked out again";
        return RedirectToPage("/Rules/Index");
    }

    private StatutoryRule? Find(string id) =>
        rules.Rules.Catalogue.Rules.FirstOrDefault(r => r.Id == id && r.IsConfigurable);

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the period")]
        [Range(1, 400, ErrorMessage = "Enter a period between 1 and 400")]
        public int? Amount { get; set; }

        [Required(ErrorMessage = "Select the unit")]
        public PeriodUnit? Unit { get; set; }

        [Required(ErrorMessage = "Enter why the council is changing this rule, for example the local protocol it follows")]
        [StringLength(1000, ErrorMessage = "The reason must be 1,000 characters or fewer")]
        public string? Reason { get; set; }
    }
}
