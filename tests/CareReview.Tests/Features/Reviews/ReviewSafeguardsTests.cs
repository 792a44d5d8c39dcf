using System.Globalization;
using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using static CareReview.Tests.Features.Reviews.ReviewForms;

namespace CareReview.Tests.Features.Reviews;

/// <summary>What the IRO alone records, dates that cannot be bent, and a second try after someone else saved first.</summary>
public sealed class ReviewSafeguardsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private StaffMember _iro = null!;
    private StaffMember _socialWorker = null!;
    private string _iroUser = null!;
    private string _swUser = null!;

    public async Task InitializeAsync()
    {
        var team = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        _iro = await app.AStaffMemberAsync("Ida Guard", StaffRole.Iro);
        _socialWorker = await app.AStaffMemberAsync("Sid Guard", StaffRole.SocialWorker, team);
        _iroUser = $"iro-{Guid.NewGuid():N}";
        _swUser = $"sw-{Guid.NewGuid():N}";
        await app.AUserAsync(_iroUser, Roles.Iro, _iro);
        await app.AUserAsync(_swUser, Roles.SocialWorker, _socialWorker);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(int ChildId, int ReviewId, int RecommendationId)> AHeldReviewAsync()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker, dateOfBirth: new DateOnly(2014, 1, 1));
        using var iro = await app.SignedInClientAsync(_iroUser);
        var review = await app.ArrangeReviewAsync(iro, child, new DateOnly(2026, 11, 23));
        var form = RecordForm((await app.ReloadAsync(child.Id)).Version, new DateOnly(2026, 11, 23));
        AddRecommendation(form, 0, "Arrange a PEP meeting", _socialWorker.Id, new DateOnly(2026, 12, 11), "PEP minutes");
        using var saved = await app.SubmitFormAsync(iro, $"/children/{child.Id}/reviews/{review.Id}/record", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var recommendation = (await app.ReloadAsync(child.Id)).Reviews.Single(r => r.Id == review.Id).Recommendations.Single();
        return (child.Id, review.Id, recommendation.Id);
    }

    [Fact]
    public async Task Only_the_iro_records_that_the_decisions_and_the_record_were_sent_and_the_refusal_is_audited()
    {
        var (childId, reviewId, _) = await AHeldReviewAsync();
        using var sw = await app.SignedInClientAsync(_swUser);

        Assert.Equal(HttpStatusCode.NotFound, await sw.StatusOfAsync($"/children/{childId}/reviews/{reviewId}/steps/I5"));
        Assert.Equal(HttpStatusCode.NotFound, await sw.StatusOfAsync($"/children/{childId}/reviews/{reviewId}/steps/I6"));
        Assert.True(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.Action == AuditAction.AccessRefused && e.ChildId == childId && e.Details == $"review:{reviewId};page:step")));
    }

    [Fact]
    public async Task A_recommendation_cannot_be_done_before_the_review_that_made_it()
    {
        var (childId, _, recommendationId) = await AHeldReviewAsync();
        using var sw = await app.SignedInClientAsync(_swUser);
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = (await app.ReloadAsync(childId)).Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Note"] = "Done long ago",
            ["Input.Done"] = "true",
        };
        Date(form, "Input.On", new DateOnly(2001, 1, 1));

        using var response = await app.SubmitFormAsync(sw, $"/recommendations/{recommendationId}", form);

        Features.Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-On",
            "The date must be on or after the review that made this recommendation, on 23 November 2026");
        Assert.True((await app.ReloadAsync(childId)).Recommendations.Single().IsOpen);
    }

    [Fact]
    public async Task After_someone_else_saved_first_a_second_try_from_the_refreshed_page_succeeds()
    {
        var (childId, _, recommendationId) = await AHeldReviewAsync();
        using var sw = await app.SignedInClientAsync(_swUser);
        var stale = (await app.ReloadAsync(childId)).Version;
        using var iro = await app.SignedInClientAsync(_iroUser);
        var progress = new Dictionary<string, string>
        {
            ["Input.Version"] = stale.ToString(CultureInfo.InvariantCulture),
            ["Input.Note"] = "School has offered dates",
            ["Input.Done"] = "false",
        };
        Date(progress, "Input.On", new DateOnly(2026, 11, 23));
        using (var first = await app.SubmitFormAsync(iro, $"/recommendations/{recommendationId}", progress))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        }

        var done = new Dictionary<string, string>(progress) { ["Input.Note"] = "Meeting held", ["Input.Done"] = "true" };
        using var refused = await app.SubmitFormAsync(sw, $"/recommendations/{recommendationId}", done);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this while you were working on it", html, StringComparison.Ordinal);

        // The refreshed page carries the version now saved; posting it again goes through.
        done["Input.Version"] = AppFactory.HiddenValueIn(html, "Input.Version");
        using (var retried = await app.SubmitFormAsync(sw, $"/recommendations/{recommendationId}", done))
        {
            Assert.Equal(HttpStatusCode.Redirect, retried.StatusCode);
        }

        var updates = (await app.ReloadAsync(childId)).Recommendations.Single().Updates;
        Assert.Equal(["School has offered dates", "Meeting held"], updates.OrderBy(u => u.Id).Select(u => u.Note));
    }

    [Fact]
    public async Task A_page_the_role_does_not_allow_answers_not_found_and_is_audited()
    {
        var iroUser = await app.QueryDbAsync(db => db.Users.SingleAsync(u => u.UserName == _iroUser));
        using var iro = await app.SignedInClientAsync(_iroUser);

        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync("/children/new"));
        Assert.True(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e =>
            e.UserId == iroUser.Id && e.Action == AuditAction.AccessRefused && e.Details == "path:/children/new")));
    }
}
