using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain.Children;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Caseload;

/// <summary>An IRO's caseload: their children only, most urgent first, against the 50–70 guidance band.</summary>
public sealed class MyCaseloadTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_iro_sees_only_their_looked_after_children_most_urgent_first()
    {
        var iro = await app.AStaffMemberAsync("Ivy Caseload", StaffRole.Iro);
        var otherIro = await app.AStaffMemberAsync("Oscar Caseload", StaffRole.Iro);
        await app.AUserAsync("iro-caseload", Roles.Iro, iro);
        var recent = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 16), iro, givenName: "Recent", familyName: "Arrival");
        var overdue = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), iro, givenName: "Long", familyName: "Overdue");
        var reviewed = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), iro, givenName: "Well", familyName: "Reviewed");
        await app.ReviewsHeldForAsync(reviewed, new DateOnly(2026, 6, 20), new DateOnly(2026, 9, 10));
        await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), otherIro, givenName: "Not", familyName: "Mine");
        using var client = await app.SignedInClientAsync("iro-caseload");

        var html = await client.GetPageAsync("/caseload");

        Assert.Contains("My caseload", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not Mine", html, StringComparison.Ordinal);
        var order = new[] { "Long Overdue", "Recent Arrival", "Well Reviewed" }.Select(n => html.IndexOf(n, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);

        // First review due 29 September 2026; today is 23 November 2026.
        var overdueDays = -app.Calendar.WorkingDaysUntil(app.Today, new DateOnly(2026, 9, 29));
        Assert.Contains($"Overdue by {overdueDays} working days", html, StringComparison.Ordinal);
        Assert.Contains("10 September 2026", html, StringComparison.Ordinal); // Well Reviewed's last review
        Assert.Contains("10 March 2027", html, StringComparison.Ordinal);     // and their next, 6 months on
        Assert.Contains($"children/{overdue.Id}", html, StringComparison.Ordinal);
        Assert.Contains($"children/{recent.Id}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caseload_is_measured_against_the_guidance_pro_rated_by_fte()
    {
        var iro = await app.AStaffMemberAsync("Paula Parttime", StaffRole.Iro, fte: 0.5m);
        await app.AUserAsync("iro-part-time", Roles.Iro, iro);
        for (var i = 0; i < 3; i++)
        {
            await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 10, 1), iro, familyName: $"Band{i}");
        }

        using var client = await app.SignedInClientAsync("iro-part-time");
        var html = await client.GetPageAsync("/caseload");

        var band = Regex.Replace(html, "<[^>]+>", " ");
        Assert.Contains("You are the IRO for  3 children", band, StringComparison.Ordinal);
        Assert.Contains("which is 25 to 35 at your 0.5 FTE", band, StringComparison.Ordinal);
        Assert.Contains("Your caseload is below the guidance", band, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_caseload_can_be_filtered_to_overdue_reviews_and_by_legal_status()
    {
        var iro = await app.AStaffMemberAsync("Fay Filter", StaffRole.Iro);
        await app.AUserAsync("iro-filters", Roles.Iro, iro);
        await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 8, 3), iro, givenName: "Over", familyName: "Due", legalStatus: LegalStatus.C1);
        await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 20), iro, givenName: "Not", familyName: "Yet", legalStatus: LegalStatus.V2);
        using var client = await app.SignedInClientAsync("iro-filters");

        var overdue = await client.GetPageAsync("/caseload?Show=overdue");
        var section20 = await client.GetPageAsync("/caseload?Legal=V2");
        var byName = await client.GetPageAsync("/caseload?Search=over");

        Assert.Contains("Over Due", overdue, StringComparison.Ordinal);
        Assert.DoesNotContain("Not Yet", overdue, StringComparison.Ordinal);
        Assert.Contains("Not Yet", section20, StringComparison.Ordinal);
        Assert.DoesNotContain("Over Due", section20, StringComparison.Ordinal);
        Assert.Contains("Over Due", byName, StringComparison.Ordinal);
        Assert.DoesNotContain("Not Yet", byName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Children_who_have_left_care_are_not_on_the_caseload()
    {
        var iro = await app.AStaffMemberAsync("Lena Left", StaffRole.Iro);
        await app.AUserAsync("iro-left-care", Roles.Iro, iro);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 9, 1), iro, givenName: "Gone", familyName: "Home");
        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            loaded.CeaseToBeLookedAfter(new DateOnly(2026, 10, 15), ReasonEpisodeCeased.E4A, app.Today, app.Rules);
        });
        using var client = await app.SignedInClientAsync("iro-left-care");

        var html = await client.GetPageAsync("/caseload");

        Assert.DoesNotContain("Gone Home", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_has_no_caseload()
    {
        await app.AUserAsync("admin-no-caseload", Roles.Administrator);
        using var client = await app.SignedInClientAsync("admin-no-caseload");

        using var response = await client.GetAsync(new Uri("/caseload", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
