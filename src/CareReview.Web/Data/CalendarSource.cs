using CareReview.Domain;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Web.Data;

/// <summary>
/// The working-day calendar in force: the rules plus the administrator's adjustments. Loaded at start-up
/// and reloaded, through the caller's DbContext (and so inside its transaction), when an adjustment is saved.
/// </summary>
public sealed class CalendarSource
{
    private WorkingDayCalendar? _current;

    public WorkingDayCalendar Current => _current ?? throw new InvalidOperationException("Call LoadAsync at start-up.");

    public async Task LoadAsync(AppDbContext db) => Publish(await BuildAsync(db));

    /// <summary>The calendar as the database has it, through the caller's DbContext (and so its transaction).</summary>
    public static async Task<WorkingDayCalendar> BuildAsync(AppDbContext db)
    {
        var adjustments = await db.BankHolidayAdjustments.AsNoTracking().ToListAsync();
        return new WorkingDayCalendar(
            adjustments.Where(a => !a.Removed).Select(a => a.Date),
            adjustments.Where(a => a.Removed).Select(a => a.Date));
    }

    /// <summary>Puts a calendar in force; call it only once the adjustment it includes is committed.</summary>
    public void Publish(WorkingDayCalendar calendar) => _current = calendar;
}
