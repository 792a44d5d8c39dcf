namespace CareReview.Web.Data;

/// <summary>
/// The rules in force: the working-day calendar (the rules plus the administrator's adjustments) and the
/// rule catalogue (national rules plus the council's settings). Loaded at start-up and reloaded, through
/// the caller's DbContext (and so inside its transaction), when an adjustment or setting is saved.
/// </summary>
public sealed class RulebookSource
{
    private Rulebook? _current;

    public Rulebook Rules => _current ?? throw new InvalidOperationException("Call LoadAsync at start-up.");

    public WorkingDayCalendar Current => Rules.Calendar;

    public async Task LoadAsync(AppDbContext db) => Publish(await BuildAsync(db));

    /// <summary>The rules as the database has them, through the caller's DbContext (and so its transaction).</summary>
    public static async Task<Rulebook> BuildAsync(AppDbContext db)
    {
        var adjustments = await db.BankHolidayAdjustments.AsNoTracking().ToListAsync();
        var calendar = new WorkingDayCalendar(
            adjustments.Where(a => !a.Removed).Select(a => a.Date),
            adjustments.Where(a => a.Removed).Select(a => a.Date));
        var settings = await db.RuleSettings.AsNoTracking().ToListAsync();
        var catalogue = RuleCatalogue.National.WithCouncilSettings(
            settings.Select(s => new CouncilRuleSetting(s.RuleId, new RulePeriod(s.Amount, s.Unit), s.Change)));
        return new Rulebook(calendar, catalogue);
    }

    /// <summary>Puts rules in force; call it only once the change they include is committed.</summary>
    public void Publish(Rulebook rules) => _current = rules;
}
