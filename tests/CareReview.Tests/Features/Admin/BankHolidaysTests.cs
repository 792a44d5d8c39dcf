using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Admin;

/// <summary>An administrator adds a newly proclaimed bank holiday and working-day deadlines move with it.</summary>
public sealed class BankHolidaysTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Form(string day, string month, string year, string removed, string reason) => new()
    {
        ["Input.Date.Day"] = day,
        ["Input.Date.Month"] = month,
        ["Input.Date.Year"] = year,
        ["Input.Removed"] = removed,
        ["Input.Reason"] = reason,
    };

    [Fact]
    public async Task A_proclaimed_day_inside_a_first_review_window_moves_the_due_date_one_working_day()
    {
        var iro = await app.AStaffMemberAsync("Ivor Holiday", StaffRole.Iro);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 16), iro);
        Assert.Equal(new DateOnly(2026, 12, 14), child.NextReviewDueOn);
        await app.AUserAsync("admin-proclaims", Roles.Administrator);
        using var admin = await app.SignedInClientAsync("admin-proclaims");

        using var response = await app.SubmitFormAsync(admin, "/admin/bank-holidays", Form("4", "12", "2026", "false", "Proclamation for a national celebration"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(app.Calendar.IsBankHoliday(new DateOnly(2026, 12, 4)));
        var due = await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => c.NextReviewDueOn).SingleAsync());
        Assert.Equal(new DateOnly(2026, 12, 15), due);
        var page = await admin.GetPageAsync("/admin/bank-holidays");
        Assert.Contains("Proclamation for a national celebration", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_that_is_already_a_bank_holiday_cannot_be_added_again()
    {
        await app.AUserAsync("admin-repeats", Roles.Administrator);
        using var admin = await app.SignedInClientAsync("admin-repeats");

        using var response = await app.SubmitFormAsync(admin, "/admin/bank-holidays", Form("25", "12", "2026", "false", "Christmas"));

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-Date", "25 December 2026 is already a bank holiday");
        Assert.False(await app.QueryDbAsync(db => db.BankHolidayAdjustments.AnyAsync(a => a.Date == new DateOnly(2026, 12, 25))));
    }

    [Fact]
    public async Task A_day_before_the_years_the_calendar_covers_is_refused_beside_the_date()
    {
        await app.AUserAsync("admin-too-early", Roles.Administrator);
        using var admin = await app.SignedInClientAsync("admin-too-early");

        using var response = await app.SubmitFormAsync(admin, "/admin/bank-holidays", Form("1", "6", "1953", "false", "Coronation"));

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-Date", "Date must be between 1978 and 2199");
        Assert.False(await app.QueryDbAsync(db => db.BankHolidayAdjustments.AnyAsync(a => a.Date == new DateOnly(1953, 6, 1))));
    }

    [Fact]
    public async Task Only_administrators_manage_bank_holidays()
    {
        var iro = await app.AStaffMemberAsync("Ina Nosy", StaffRole.Iro);
        await app.AUserAsync("iro-not-admin", Roles.Iro, iro);
        using var client = await app.SignedInClientAsync("iro-not-admin");

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync("/admin/bank-holidays"));
    }
}
