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

    public async Task LoadAsync(AppDbContext db)
    {
        var adjustments = await db.BankHolidayAdjustments.AsNoTracking().ToListAsync();
        _current = new WorkingDayCalendar(
            adjustments.Where(a => !a.Removed).Select(a => a.Date),
            adjustments.Where(a => a.Removed).Select(a => a.Date));
    }
}
