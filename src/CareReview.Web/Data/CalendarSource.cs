using CareReview.Domain;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Web.Data;

/// <summary>
/// The working-day calendar in force: the rules plus the administrator's adjustments. Loaded once and
/// reloaded when an adjustment is saved.
/// </summary>
public sealed class CalendarSource(IServiceScopeFactory scopes)
{
    private WorkingDayCalendar? _current;

    public WorkingDayCalendar Current => _current ?? throw new InvalidOperationException("Call LoadAsync at start-up.");

    public async Task LoadAsync()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var adjustments = await db.BankHolidayAdjustments.AsNoTracking().ToListAsync();
        _current = new WorkingDayCalendar(
            adjustments.Where(a => !a.Removed).Select(a => a.Date),
            adjustments.Where(a => a.Removed).Select(a => a.Date));
    }
}
