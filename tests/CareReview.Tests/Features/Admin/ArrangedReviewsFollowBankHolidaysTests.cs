using System.Net;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Admin;

/// <summary>A new bank holiday moves the due date of a review already arranged, not only the child's clock. Its own app: it changes the calendar.</summary>
public sealed class ArrangedReviewsFollowBankHolidaysTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_review_already_arranged_is_held_against_the_moved_due_date()
    {
        var iro = await app.AStaffMemberAsync("Ivan Arranged", StaffRole.Iro);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 16), iro);
        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            loaded.ScheduleReview(new ReviewArrangements(new DateOnly(2026, 12, 10), null, "School", null, null), app.Today, app.Rules);
        });
        var dueBefore = await app.QueryDbAsync(db => db.Reviews.Where(r => r.ChildId == child.Id).Select(r => r.DueOn).SingleAsync());
        Assert.Equal(new DateOnly(2026, 12, 14), dueBefore);
        await app.AUserAsync("admin-moves-arranged", Roles.Administrator);
        using var admin = await app.SignedInClientAsync("admin-moves-arranged");

        using var response = await app.SubmitFormAsync(admin, "/admin/bank-holidays", new Dictionary<string, string>
        {
            ["Input.Date.Day"] = "7",
            ["Input.Date.Month"] = "12",
            ["Input.Date.Year"] = "2026",
            ["Input.Removed"] = "false",
            ["Input.Reason"] = "Proclamation for a national celebration",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var dueAfter = await app.QueryDbAsync(db => db.Reviews.Where(r => r.ChildId == child.Id).Select(r => r.DueOn).SingleAsync());
        Assert.Equal(new DateOnly(2026, 12, 15), dueAfter);
    }
}
