using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Reminders;

/// <summary>Intent methods for the reminder tests, written with the domain's own methods like AppFactory's.</summary>
internal static class ReminderArrangements
{
    public static Task<StaffMember> AStaffMemberWithEmailAsync(this AppFactory app, string name, StaffRole role, string? email) =>
        app.QueryDbAsync(async db =>
        {
            var staff = new StaffMember(name, role, email: email);
            db.StaffMembers.Add(staff);
            await db.SaveChangesAsync();
            return staff;
        });

    /// <summary>
    /// Records a review of <paramref name="child"/> held on <paramref name="heldOn"/> that makes one recommendation
    /// per due date, owned by <paramref name="owner"/> (or by someone not on the system when null). Returns their ids
    /// in the order given.
    /// </summary>
    public static Task<IReadOnlyList<int>> RecommendationsDueAsync(this AppFactory app, Child child, DateOnly heldOn,
        StaffMember? owner, params DateOnly[] dueOn) =>
        app.QueryDbAsync<IReadOnlyList<int>>(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().Include(c => c.Reviews).ThenInclude(r => r.Recommendations)
                .AsSplitQuery().SingleAsync(c => c.Id == child.Id);
            var drafts = dueOn.Select((due, i) => new RecommendationDraft(
                $"Recommendation {i + 1} for child {child.Id}", owner?.Name ?? "Pat Outside", "Social worker", owner?.Id, due,
                "Notes sent to the IRO")).ToList();
            var review = loaded.RecordReview(
                new ReviewRecord(heldOn, ParticipationCode.PN1, null, null, null, null, new Dictionary<int, string>(), null),
                drafts, [], "IRO", app.Today, app.Rules);
            await db.SaveChangesAsync();
            return review.Recommendations.Select(r => r.Id).ToList();
        });

    public static Task CompleteRecommendationAsync(this AppFactory app, int recommendationId) =>
        app.ExecuteDbAsync(async db =>
        {
            var childId = await (from r in db.Recommendations
                                 join review in db.Reviews on r.ReviewId equals review.Id
                                 where r.Id == recommendationId
                                 select review.ChildId).SingleAsync();
            var child = await db.Children.Include(c => c.Reviews).ThenInclude(r => r.Recommendations).ThenInclude(r => r.Updates)
                .AsSplitQuery().SingleAsync(c => c.Id == childId);
            child.Recommendations.Single(r => r.Id == recommendationId).Complete(app.Today, "Done", "Test", app.Today);
        });

    public static Task<List<Reminder>> RemindersForAsync(this AppFactory app, StaffMember staff) =>
        app.QueryDbAsync(db => db.Set<Reminder>().AsNoTracking().Where(r => r.StaffMemberId == staff.Id).OrderBy(r => r.Id).ToListAsync());

    public static Task<List<Reminder>> RemindersAboutChildAsync(this AppFactory app, Child child) =>
        app.QueryDbAsync(db => db.Set<Reminder>().AsNoTracking().Where(r => r.ChildId == child.Id).OrderBy(r => r.Id).ToListAsync());

    public static Task<int> ReminderCountAsync(this AppFactory app) =>
        app.QueryDbAsync(db => db.Set<Reminder>().CountAsync());

    /// <summary>Sets the app's clock to 10:00 UTC on <paramref name="day"/>.</summary>
    public static void SetToday(this AppFactory app, DateOnly day) =>
        app.Time.SetUtcNow(new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
}
