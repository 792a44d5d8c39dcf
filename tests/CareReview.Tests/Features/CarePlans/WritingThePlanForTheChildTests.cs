using System.Globalization;
using System.Net;
using CareReview.Domain.CarePlans;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.CarePlans;

/// <summary>The social worker drafts the plan for the child from the care plan, checks how it reads, and shares it.</summary>
public sealed class WritingThePlanForTheChildTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(int ChildId, string Suffix)> AChildWithAPlanAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var team = await app.ATeamAsync($"Team {suffix}");
        var iro = await app.AStaffMemberAsync("Priya Shah", StaffRole.Iro);
        var worker = await app.AStaffMemberAsync("Alex Green", StaffRole.SocialWorker, team);
        await app.AUserAsync($"iro-{suffix}", Roles.Iro, iro);
        await app.AUserAsync($"sw-{suffix}", Roles.SocialWorker, worker);
        var child = await app.AChildLookedAfterSinceAsync(app.Today.AddDays(-30), iro, worker, dateOfBirth: app.Today.AddYears(-7), givenName: "Robin");
        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            loaded.ChangeCarePlan(new CarePlanDraft([PermanenceOption.LTFOST18],
                new Dictionary<CarePlanSection, string?> { [CarePlanSection.Contact] = "Robin sees Mum on Saturdays." }, null), "Alex Green", app.Today, Rulebook.National);
        });
        return (child.Id, suffix);
    }

    [Fact]
    public async Task A_draft_for_the_childs_age_is_made_from_the_plan_with_its_reading_ease_and_jargon_shown()
    {
        var (childId, suffix) = await AChildWithAPlanAsync();
        using var sw = await app.SignedInClientAsync($"sw-{suffix}");

        var page = await sw.GetPageAsync($"/children/{childId}/care-plan/for-child");

        Assert.Contains("Dear Robin", page, StringComparison.Ordinal);
        Assert.Contains("Alex Green", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Under8\" checked", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"reading-ease\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("placement", page.Split("data-testid=\"checks\"")[0].Split("<textarea")[1].Split("</textarea>")[0],
            StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Jargon_and_long_sentences_in_the_writers_text_are_flagged_when_the_draft_is_saved()
    {
        var (childId, suffix) = await AChildWithAPlanAsync();
        using var sw = await app.SignedInClientAsync($"sw-{suffix}");
        var version = await app.QueryDbAsync(db => db.Children.Where(c => c.Id == childId).Select(c => c.Version).SingleAsync());
        const string text = "Your placement will continue and contact with your mother will be facilitated by the service in order to support the plan that we agreed.";

        using (var saved = await app.SubmitFormAsync(sw, $"/children/{childId}/care-plan/for-child?handler=Save", new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.AgeBand"] = "Under8",
            ["Input.Text"] = text,
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var page = await sw.GetPageAsync($"/children/{childId}/care-plan/for-child");
        var checks = page.Split("data-testid=\"checks\"")[1];
        Assert.Contains("<strong>placement</strong>", checks, StringComparison.Ordinal);
        Assert.Contains("<strong>contact</strong>", checks, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"long-sentences\"", checks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shared_plan_is_kept_for_the_child_read_by_the_iro_and_downloaded_as_a_pdf()
    {
        var (childId, suffix) = await AChildWithAPlanAsync();
        using var sw = await app.SignedInClientAsync($"sw-{suffix}");
        var version = await app.QueryDbAsync(db => db.Children.Where(c => c.Id == childId).Select(c => c.Version).SingleAsync());

        using (var shared = await app.SubmitFormAsync(sw, $"/children/{childId}/care-plan/for-child?handler=Share", new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.AgeBand"] = "Under8",
            ["Input.Text"] = "Dear Robin,\n\nYou live with Jo and Sam. We will keep you safe.",
        }))
        {
            Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);
        }

        var plan = await app.QueryDbAsync(db => db.Children.Include(c => c.ChildFriendlyPlans).AsNoTracking().SingleAsync(c => c.Id == childId));
        var kept = Assert.Single(plan.ChildFriendlyPlans);
        Assert.Equal((app.Today, 1, AgeBand.Under8), (kept.SharedOn!.Value, kept.CarePlanNumber, kept.AgeBand));

        using var iro = await app.SignedInClientAsync($"iro-{suffix}");
        Assert.Contains("You live with Jo and Sam.", await iro.GetPageAsync($"/children/{childId}/care-plan/for-child"), StringComparison.Ordinal);
        using var pdf = await iro.GetAsync(new Uri($"/children/{childId}/care-plan/for-child/pdf", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        using (var document = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            Assert.Contains("You live with Jo and Sam.", string.Join(' ', document.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
        }

        Assert.Equal(1, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(a => a.ChildId == childId && a.Action == AuditAction.ChildFriendlyPlanExported)));
        using var refused = await iro.PostAsync(new Uri($"/children/{childId}/care-plan/for-child?handler=Share", UriKind.Relative), null);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
    }
}
