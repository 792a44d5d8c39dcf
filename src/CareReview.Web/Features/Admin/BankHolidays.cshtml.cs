using System.ComponentModel.DataAnnotations;
using CareReview.Web.Features.Deadlines;

namespace CareReview.Web.Features.Admin;

/// <summary>
/// Bank holidays are computed by rule; an administrator adds a newly proclaimed day, or removes a rule
/// day that a proclamation moved, and every working-day deadline follows.
/// </summary>
public sealed class BankHolidaysModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int Year { get; private set; }
    public IReadOnlyList<DateOnly> ThisYear { get; private set; } = [];
    public IReadOnlyList<DateOnly> NextYear { get; private set; } = [];
    public IReadOnlyList<BankHolidayAdjustment> Adjustments { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var date = ModelState.ReadDate("Input.Date", Input.Date, "Date");
        if (date is { } day)
        {
            var alreadyChanged = await db.BankHolidayAdjustments.AnyAsync(a => a.Date == day);
            foreach (var problem in BankHolidayChange.Problems(day, Input.Removed, alreadyChanged, calendars.Current))
            {
                ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        // The day and every deadline it moves are saved together.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.BankHolidayAdjustments.Add(new BankHolidayAdjustment
        {
            Date = date!.Value,
            Removed = Input.Removed!.Value,
            Reason = Input.Reason!.Trim(),
            AddedBy = User.Identity?.Name ?? "",
            AddedAtUtc = time.GetUtcNow().UtcDateTime,
        });
        audit.Record(AuditAction.BankHolidayAdjusted, details: $"{(Input.Removed.Value ? "removed" : "added")}:{date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        await db.SaveChangesAsync();
        var rules = await RulebookSource.BuildAsync(db);

        // Every deadline counted in working days may move: the first review, the care plan, health and PEP.
        try
        {
            await DeadlineRecalculation.RecalculateAllAsync(db, time.TodayInEngland(), rules);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "A child's record changed while the deadlines were being recalculated. Nothing has been saved. Try again");
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            await LoadAsync();
            return Page();
        }

        await transaction.CommitAsync();
        calendars.Publish(rules);

        TempData["Success"] = $"{GovukDate.Format(date.Value)} {(Input.Removed.Value ? "is no longer" : "is now")} a bank holiday. Deadlines have been recalculated";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Year = time.TodayInEngland().Year;
        ThisYear = calendars.Current.BankHolidaysIn(Year);
        NextYear = calendars.Current.BankHolidaysIn(Year + 1);
        Adjustments = await db.BankHolidayAdjustments.AsNoTracking().OrderByDescending(a => a.Date).ToListAsync();
    }

    public sealed class InputModel
    {
        public DateInput? Date { get; set; }

        [Required(ErrorMessage = "Select whether the day is being added or removed")]
        public bool? Removed { get; set; }

        [Required(ErrorMessage = "Enter the reason, for example the proclamation")]
        [StringLength(200, ErrorMessage = "Reason must be 200 characters or fewer")]
        public string? Reason { get; set; }
    }
}
