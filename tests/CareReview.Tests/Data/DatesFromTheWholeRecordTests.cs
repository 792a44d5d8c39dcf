using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Data;

/// <summary>
/// A child's stored dates are worked out from their whole record; from a child loaded in part they would be
/// wrong without anyone noticing, so the save is refused and nothing is written.
/// </summary>
public sealed class DatesFromTheWholeRecordTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static CareEventDraft AVisitOn(DateOnly on) => new(CareEventKind.Visit, on, true, true, null, null);

    [Fact]
    public async Task A_visit_recorded_on_a_child_loaded_without_their_visits_is_refused_and_nothing_is_saved()
    {
        var iro = await app.AStaffMemberAsync("Whole Record Iro", StaffRole.Iro);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), iro);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.Include(c => c.Episodes).Include(c => c.Deadlines).SingleAsync(c => c.Id == child.Id);
            loaded.RecordCareEvent(AVisitOn(app.Today), "Sol Worker", app.Today, app.Rules);
        }));

        Assert.Contains("CareEvents", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryDbAsync(db => db.CareEvents.CountAsync(e => e.ChildId == child.Id)));
    }

    [Fact]
    public async Task The_same_visit_on_the_whole_record_is_saved_with_the_next_visit_moved()
    {
        var iro = await app.AStaffMemberAsync("Whole Record Iro Two", StaffRole.Iro);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), iro);
        var before = await NextVisitAsync(child);

        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            loaded.RecordCareEvent(AVisitOn(app.Today), "Sol Worker", app.Today, app.Rules);
        });

        Assert.NotEqual(before, await NextVisitAsync(child));
    }

    private Task<DateOnly> NextVisitAsync(Child child) =>
        app.QueryDbAsync(db => db.ChildDeadlines.Where(d => d.ChildId == child.Id && d.Item == StatutoryItem.Visit)
            .Select(d => d.DueOn).SingleAsync());
}
