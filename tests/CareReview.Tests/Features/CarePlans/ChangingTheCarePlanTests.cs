using System.Globalization;
using System.Net;
using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.CarePlans;

/// <summary>
/// The social worker writes and changes the care plan from its current version; a significant change is
/// flagged to the IRO until a review is held; any two versions compare side by side.
/// </summary>
public sealed class ChangingTheCarePlanTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private StaffMember _iro = null!;
    private StaffMember _worker = null!;
    private string _suffix = "";

    public async Task InitializeAsync()
    {
        _suffix = Guid.NewGuid().ToString("N")[..8];
        var team = await app.ATeamAsync($"Team {_suffix}");
        _iro = await app.AStaffMemberAsync("Priya Plan", StaffRole.Iro);
        _worker = await app.AStaffMemberAsync("Sam Writer", StaffRole.SocialWorker, team);
        await app.AUserAsync($"iro-{_suffix}", Roles.Iro, _iro);
        await app.AUserAsync($"sw-{_suffix}", Roles.SocialWorker, _worker);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> PlanForm(long version, string contact, string placement = "Lives with the Lee family", params string[] permanence)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.Sections[PlacementPlan]"] = placement,
            ["Input.Sections[Contact]"] = contact,
            ["Input.Sections[HealthPlan]"] = "Annual health assessment; dentist every six months",
        };
        for (var i = 0; i < permanence.Length; i++)
        {
            // Repeated checkbox values bind to a list; the dictionary needs distinct keys, so index them.
            form[$"Input.Permanence[{i}]"] = permanence[i];
        }

        return form;
    }

    private Task<Child> ReloadAsync(int id) =>
        app.QueryDbAsync(db => db.Children.Include(c => c.CarePlans).ThenInclude(v => v.Sections).Include(c => c.Deadlines)
            .AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task The_first_plan_meets_the_care_plan_deadline_and_a_change_to_contact_is_flagged_until_a_review()
    {
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-3), _iro, _worker);
        using var sw = await app.SignedInClientAsync($"sw-{_suffix}");

        using (var first = await app.SubmitFormAsync(sw, $"/children/{child.Id}/care-plan/change",
                   PlanForm(child.Version, "Sees Mum every Saturday", permanence: "LTFOST18")))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var afterFirst = await ReloadAsync(child.Id);
        Assert.Equal(1, afterFirst.CurrentCarePlan!.Number);
        Assert.Equal(app.Today, afterFirst.Deadlines.Single(d => d.Item == StatutoryItem.CarePlan).DoneOn);
        Assert.Null(afterFirst.PlanChangeAwaitingReviewOn);

        // The form starts from the current version: nothing typed twice.
        var form = await sw.GetPageAsync($"/children/{child.Id}/care-plan/change");
        Assert.Contains("Sees Mum every Saturday", form, StringComparison.Ordinal);
        Assert.Contains("Empty: Plan for permanence", form, StringComparison.Ordinal);

        using (var second = await app.SubmitFormAsync(sw, $"/children/{child.Id}/care-plan/change",
                   PlanForm(afterFirst.Version, "Sees Mum every other Saturday, supervised", permanence: "LTFOST18")))
        {
            Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        }

        var afterSecond = await ReloadAsync(child.Id);
        Assert.Equal([CarePlanSection.Contact], afterSecond.CurrentCarePlan!.SignificantSections);
        Assert.Equal(app.Today, afterSecond.PlanChangeAwaitingReviewOn);
        Assert.Equal(app.Today.AddDays(0), afterSecond.CurrentCarePlan.ChangedOn(CarePlanSection.Contact));

        using var iro = await app.SignedInClientAsync($"iro-{_suffix}");
        var caseload = await iro.GetPageAsync("/caseload?Show=plan-change");
        Assert.Contains($"data-testid=\"plan-change-{child.Id}\"", caseload, StringComparison.Ordinal);

        await app.ReviewsHeldForAsync(child, app.Today);
        var cleared = await iro.GetPageAsync("/caseload?Show=plan-change");
        Assert.DoesNotContain($"/children/{child.Id}\"", cleared, StringComparison.Ordinal);
        Assert.Equal(2, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(a => a.ChildId == child.Id && a.Action == AuditAction.CarePlanChanged)));
    }

    [Fact]
    public async Task Two_versions_compare_side_by_side_with_only_the_changed_sections_marked()
    {
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-3), _iro, _worker);
        using var sw = await app.SignedInClientAsync($"sw-{_suffix}");
        using (await app.SubmitFormAsync(sw, $"/children/{child.Id}/care-plan/change", PlanForm(child.Version, "Weekly", permanence: "RETURNEV")))
        {
        }

        var version = (await ReloadAsync(child.Id)).Version;
        using (await app.SubmitFormAsync(sw, $"/children/{child.Id}/care-plan/change",
                   PlanForm(version, "Weekly", "Moves to the Patel family", "RETURNEV", "LTFOST18")))
        {
        }

        using var iro = await app.SignedInClientAsync($"iro-{_suffix}");
        var page = await iro.GetPageAsync($"/children/{child.Id}/care-plan/compare?from=2&to=1");

        Assert.Contains("data-section=\"PlacementPlan\" data-changed=\"true\"", page, StringComparison.Ordinal);
        Assert.Contains("data-section=\"Contact\" data-changed=\"false\"", page, StringComparison.Ordinal);
        Assert.Contains("Moves to the Patel family", page, StringComparison.Ordinal);
        Assert.Contains("Lives with the Lee family", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync($"/children/{child.Id}/care-plan/compare?from=1&to=9"));
    }

    [Fact]
    public async Task A_plan_without_a_permanence_option_is_refused_beside_the_field_and_nothing_is_saved()
    {
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-3), _iro, _worker);
        using var sw = await app.SignedInClientAsync($"sw-{_suffix}");

        using var response = await app.SubmitFormAsync(sw, $"/children/{child.Id}/care-plan/change", PlanForm(child.Version, "Weekly"));

        var html = await response.Content.ReadAsStringAsync();
        Pages.AssertFieldError(html, "Input-Permanence", "Select at least one permanence option");
        Assert.Contains("Weekly", html, StringComparison.Ordinal);
        Assert.Empty((await ReloadAsync(child.Id)).CarePlans);
    }

    [Fact]
    public async Task A_plan_saved_from_a_stale_page_is_refused_and_the_other_persons_version_kept()
    {
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-3), _iro, _worker);
        using var sw = await app.SignedInClientAsync($"sw-{_suffix}");
        using (await app.SubmitFormAsync(sw, $"/children/{child.Id}/care-plan/change", PlanForm(child.Version, "First writer", permanence: "ADOPTION")))
        {
        }

        using var stale = await app.SubmitFormAsync(sw, $"/children/{child.Id}/care-plan/change", PlanForm(child.Version, "Second writer", permanence: "ADOPTION"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("Someone else changed this while you were working on it", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var plans = (await ReloadAsync(child.Id)).CarePlans;
        Assert.Equal("First writer", Assert.Single(plans).Text(CarePlanSection.Contact));
    }

    [Fact]
    public async Task The_iro_reads_the_plan_but_may_not_change_it()
    {
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-3), _iro, _worker);
        using var iro = await app.SignedInClientAsync($"iro-{_suffix}");

        Assert.Equal(HttpStatusCode.OK, await iro.StatusOfAsync($"/children/{child.Id}/care-plan"));
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync($"/children/{child.Id}/care-plan/change"));
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync($"/children/{child.Id}/record/visit"));
    }
}
