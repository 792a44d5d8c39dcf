using System.Net;
using CareReview.Domain.Staff;
using CareReview.Domain.Voice;
using CareReview.Tests.Support;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

using static CareReview.Tests.Features.Voice.VoiceSteps;

namespace CareReview.Tests.Features.Voice;

/// <summary>
/// The IRO records how the child's views reached the review beside the participation code, and the figures
/// count each review under the IRO who was allocated on the day it was held.
/// </summary>
public sealed class HowTheChildTookPartTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private VoiceCast _cast = null!;

    public async Task InitializeAsync() => _cast = await app.AVoiceCastAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private static List<KeyValuePair<string, string>> RecordForm(string version, DateOnly heldOn, params string[] means)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.Version", version),
            new("Input.ParticipationCode", "PN1"),
            new("Input.Attendees", "Robin; Sid Worker; Ida Reviewer"),
            new("Input.ChildWishesAndFeelings", "Wants to stay with Jo"),
            new("Input.HeldOn.Day", Number(heldOn.Day)),
            new("Input.HeldOn.Month", Number(heldOn.Month)),
            new("Input.HeldOn.Year", Number(heldOn.Year)),
        };
        form.AddRange(means.Select(m => new KeyValuePair<string, string>("Input.Means", m)));
        return form;
    }

    [Fact]
    public async Task The_iro_ticks_every_way_the_childs_views_reached_the_review_and_they_are_kept_with_it()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var reviewId = await app.ArrangedReviewAsync(child.Id, app.Today);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        var address = $"/children/{child.Id}/reviews/{reviewId}/record";
        var form = await iro.GetPageAsync(address);
        foreach (var means in new[] { "Attended", "Advocate", "Wrote", "App", "Phone", "IroVisit" })
        {
            Assert.Contains($"name=\"Input.Means\" type=\"checkbox\" value=\"{means}\"", form, StringComparison.Ordinal);
        }

        using var recorded = await iro.PostFormAsync(address, RecordForm(AppFactory.HiddenValueIn(form, "Input.Version"), app.Today, "Attended", "Wrote", "App"));

        Assert.Equal($"/children/{child.Id}/reviews/{reviewId}", RedirectPath(recorded));
        var review = await app.ReviewAsync(reviewId);
        Assert.True(review.IsHeld);
        Assert.Equal(ParticipationMeans.Attended | ParticipationMeans.Wrote | ParticipationMeans.App, review.ParticipationMeans);
        Assert.Single(await app.AuditAsync(AuditAction.ReviewRecorded, _cast.IroUser), e => e.ChildId == child.Id);
        var details = Text(await iro.GetPageAsync($"/children/{child.Id}/reviews/{reviewId}"));
        Assert.Contains("How Robin took part PN1 – Attended and spoke for themselves Attended the meeting, Wrote or drew their views, Sent views through Care Review",
            details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_ticked_the_means_are_not_recorded()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var reviewId = await app.ArrangedReviewAsync(child.Id, app.Today);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        var address = $"/children/{child.Id}/reviews/{reviewId}/record";
        var form = await iro.GetPageAsync(address);

        using var recorded = await iro.PostFormAsync(address, RecordForm(AppFactory.HiddenValueIn(form, "Input.Version"), app.Today));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(ParticipationMeans.None, (await app.ReviewAsync(reviewId)).ParticipationMeans);
        var details = Text(await iro.GetPageAsync($"/children/{child.Id}/reviews/{reviewId}"));
        Assert.Contains("How Robin took part PN1 – Attended and spoke for themselves Rate My Review", details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_means_not_on_the_list_is_not_saved()
    {
        var child = await app.AChildOfAsync(_cast, "Robin");
        var reviewId = await app.ArrangedReviewAsync(child.Id, app.Today);
        using var iro = await app.SignedInClientAsync(_cast.IroUser);
        var address = $"/children/{child.Id}/reviews/{reviewId}/record";
        var form = await iro.GetPageAsync(address);

        using var refused = await iro.PostFormAsync(address, RecordForm(AppFactory.HiddenValueIn(form, "Input.Version"), app.Today, "Attended", "Telepathy"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("There is a problem", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False((await app.ReviewAsync(reviewId)).IsHeld);
    }

    [Fact]
    public async Task The_figures_count_a_review_under_the_iro_allocated_on_the_day_even_after_two_changes_that_day()
    {
        // The IRO manager moves the child to Bea, sees it was a mistake and moves the child to Cy, the same morning.
        var bea = await app.AStaffMemberAsync("Bea Second", StaffRole.Iro);
        var cy = await app.AStaffMemberAsync("Cy Third", StaffRole.Iro);
        var child = await app.AChildOfAsync(_cast, "Robin");
        using var manager = await app.SignedInClientAsync(_cast.IroManagerUser);
        foreach (var iro in new[] { bea, cy })
        {
            var address = $"/children/{child.Id}/allocation";
            var form = await manager.GetPageAsync(address);
            using var changed = await manager.PostFormAsync(address,
            [
                new("Input.Version", AppFactory.HiddenValueIn(form, "Input.Version")),
                new("Input.IroId", Number(iro.Id)),
                new("Input.SocialWorkerId", Number(_cast.SocialWorker.Id)),
                new("Input.From.Day", Number(app.Today.Day)),
                new("Input.From.Month", Number(app.Today.Month)),
                new("Input.From.Year", Number(app.Today.Year)),
            ]);
            Assert.Equal($"/children/{child.Id}", RedirectPath(changed));
        }

        Assert.Equal(cy.Id, await app.QueryDbAsync(db => db.Children.Where(c => c.Id == child.Id).Select(c => c.IroId).SingleAsync()));
        var reviewId = await app.HeldReviewAsync(child.Id, app.Today);
        await app.ACardAsync(reviewId, ReviewRating.Good);

        var day = app.Today;
        var page = await manager.GetPageAsync(
            $"/participation?From.Day={day.Day}&From.Month={day.Month}&From.Year={day.Year}&To.Day={day.Day}&To.Month={day.Month}&To.Year={day.Year}");

        var byIro = TableRows(page, "ratings-by-iro");
        Assert.True(byIro.Count == 1 && byIro[0][0] == "Cy Third",
            $"The review held after the child moved to Cy Third is counted under: {string.Join("; ", byIro.Select(r => string.Join(" | ", r)))}");
        Assert.Equal(["Cy Third", "1", "1", "1", "0", "0"], byIro[0]);
    }
}
