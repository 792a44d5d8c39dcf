using System.Globalization;
using System.Net;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Deadlines;
using Microsoft.EntityFrameworkCore;

using static CareReview.Tests.Features.Reviews.ReviewForms;

namespace CareReview.Tests.Features.Reviews;

/// <summary>
/// A review from arrangement to record: the statutory window, the preparation checklist, SMART
/// recommendations, the clock moving, and recommendations followed up until the next review.
/// </summary>
public sealed class RecordingAReviewTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private StaffMember _iro = null!;
    private StaffMember _socialWorker = null!;
    private string _iroUser = null!;
    private string _swUser = null!;

    public async Task InitializeAsync()
    {
        var team = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        _iro = await app.AStaffMemberAsync("Isla Chair", StaffRole.Iro);
        _socialWorker = await app.AStaffMemberAsync("Sol Worker", StaffRole.SocialWorker, team);
        _iroUser = $"iro-{Guid.NewGuid():N}";
        _swUser = $"sw-{Guid.NewGuid():N}";
        await app.AUserAsync(_iroUser, Roles.Iro, _iro);
        await app.AUserAsync(_swUser, Roles.SocialWorker, _socialWorker);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_review_after_its_due_date_needs_a_reason_for_the_lateness()
    {
        // Looked after on 2 November 2026: first review due 30 November 2026.
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(_iroUser);

        var form = new Dictionary<string, string> { ["Input.Version"] = child.Version.ToString(CultureInfo.InvariantCulture), ["Input.Venue"] = "School" };
        Date(form, "Input.Date", new DateOnly(2026, 12, 2));
        using var refused = await app.SubmitFormAsync(client, $"/children/{child.Id}/reviews/arrange", form);

        Pages.AssertFieldError(await refused.Content.ReadAsStringAsync(), "Input-LatenessReason", "The review is due by 30 November 2026. Give the reason it will be late");
        Assert.Null((await app.ReloadAsync(child.Id)).OpenReview);

        var review = await app.ArrangeReviewAsync(client, child, new DateOnly(2026, 12, 2), "The child's exams are that week");
        Assert.Equal(new DateOnly(2026, 12, 2), review.ScheduledFor);
        Assert.Equal("The child's exams are that week", review.LatenessReason);
    }

    [Fact]
    public async Task The_preparation_checklist_shows_each_step_due_done_or_late()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker);
        using var client = await app.SignedInClientAsync(_iroUser);
        // A meeting on 30 November 2026: I1 (15 working days before) was due 9 November, already late today (23 November).
        var review = await app.ArrangeReviewAsync(client, child, new DateOnly(2026, 11, 30));

        var before = await client.GetPageAsync($"/children/{child.Id}/reviews/{review.Id}");
        Assert.Contains("9 November 2026", before, StringComparison.Ordinal);
        Assert.Contains(">Late<", before, StringComparison.Ordinal);

        var step = new Dictionary<string, string> { ["Input.Version"] = (await app.ReloadAsync(child.Id)).Version.ToString(CultureInfo.InvariantCulture) };
        Date(step, "Input.On", new DateOnly(2026, 11, 20));
        using (var saved = await app.SubmitFormAsync(client, $"/children/{child.Id}/reviews/{review.Id}/steps/I2", step))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal(new DateOnly(2026, 11, 20), (await app.ReloadAsync(child.Id)).OpenReview!.ReportsReceivedOn);

        var notAlone = new Dictionary<string, string>
        {
            ["Input.Version"] = (await app.ReloadAsync(child.Id)).Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Reason"] = "Ruby did not want to meet alone this time",
        };
        using (var saved = await app.SubmitFormAsync(client, $"/children/{child.Id}/reviews/{review.Id}/steps/I3", notAlone))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var after = await app.ReloadAsync(child.Id);
        Assert.Equal("Ruby did not want to meet alone this time", after.OpenReview!.ChildNotSeenAloneReason);
        Assert.True(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.ReviewPreparationRecorded && e.ChildId == child.Id)));
    }

    [Fact]
    public async Task A_recommendation_without_an_owner_or_a_date_is_refused_beside_its_row_and_nothing_is_saved()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker, dateOfBirth: new DateOnly(2015, 3, 1));
        using var client = await app.SignedInClientAsync(_iroUser);
        var review = await app.ArrangeReviewAsync(client, child, new DateOnly(2026, 11, 23));

        var form = RecordForm((await app.ReloadAsync(child.Id)).Version, new DateOnly(2026, 11, 23));
        form["Input.Recommendations[0].Action"] = "Arrange a PEP meeting";
        form["Input.Recommendations[0].Monitoring"] = "PEP minutes sent to the IRO";
        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/reviews/{review.Id}/record", form);

        var html = await response.Content.ReadAsStringAsync();
        Pages.AssertFieldError(html, "Input-Recommendations-0-OwnerName", "Enter who will do it: a named person");
        Pages.AssertFieldError(html, "Input-Recommendations-0-DueOn", "Enter date it must be done by");
        var after = await app.ReloadAsync(child.Id);
        Assert.False(after.OpenReview!.IsHeld);
        Assert.Equal(new DateOnly(2026, 11, 30), after.NextReviewDueOn);
    }

    [Fact]
    public async Task What_became_of_each_open_recommendation_is_refused_beside_its_own_field_and_nothing_is_saved()
    {
        // Looked after since 3 August 2026; the first review, on 24 August, made two recommendations. The next is due 24 November.
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 8, 3), _iro, _socialWorker, dateOfBirth: new DateOnly(2015, 3, 1));
        await app.ExecuteDbAsync(async db =>
        {
            var loaded = await db.Children.WithDeadlineFacts().SingleAsync(c => c.Id == child.Id);
            loaded.RecordReview(new ReviewRecord(new DateOnly(2026, 8, 24), ParticipationCode.PN1, null, null, null, null, new Dictionary<int, string>(), null),
                [
                    new RecommendationDraft("Book a dental check", "Pat Carer", "Foster carer", null, new DateOnly(2026, 10, 1), "Carer tells the social worker"),
                    new RecommendationDraft("Find a tutor", "Sol Worker", "Social worker", null, new DateOnly(2026, 10, 1), "Note on file"),
                ],
                [], "Isla Chair", app.Today, app.Rules);
        });
        var made = (await app.ReloadAsync(child.Id)).Reviews.Single().Recommendations;
        var (dentist, tutor) = (made.Single(r => r.Action == "Book a dental check").Id, made.Single(r => r.Action == "Find a tutor").Id);
        using var client = await app.SignedInClientAsync(_iroUser);
        var review = await app.ArrangeReviewAsync(client, child, new DateOnly(2026, 11, 23));

        // Nothing said about the dental check; the tutor dropped without a reason.
        var form = RecordForm((await app.ReloadAsync(child.Id)).Version, new DateOnly(2026, 11, 23));
        form[$"Input.Outcomes[{tutor}].Outcome"] = "Dropped";
        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/reviews/{review.Id}/record", form);

        var html = await response.Content.ReadAsStringAsync();
        Pages.AssertFieldError(html, $"Input-Outcomes-{dentist}-Outcome",
            "Say what happened to \"Book a dental check\": done, carried forward or no longer needed");
        Pages.AssertFieldError(html, $"Input-Outcomes-{tutor}-Note", "Say why the recommendation is no longer needed");
        var after = await app.ReloadAsync(child.Id);
        Assert.False(after.OpenReview!.IsHeld);
        Assert.All(after.Recommendations, r => Assert.True(r.IsOpen));
    }

    [Fact]
    public async Task PN0_is_refused_for_a_child_of_4_or_over()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker, dateOfBirth: new DateOnly(2015, 3, 1));
        using var client = await app.SignedInClientAsync(_iroUser);
        var review = await app.ArrangeReviewAsync(client, child, new DateOnly(2026, 11, 23));

        var form = RecordForm((await app.ReloadAsync(child.Id)).Version, new DateOnly(2026, 11, 23));
        form["Input.ParticipationCode"] = "PN0";
        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/reviews/{review.Id}/record", form);

        Pages.AssertFieldError(await response.Content.ReadAsStringAsync(), "Input-ParticipationCode", "PN0 is only for a child under 4 on the day of the review");
    }

    [Fact]
    public async Task A_social_worker_cannot_record_the_review_the_iro_chairs()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker);
        using var sw = await app.SignedInClientAsync(_swUser);
        var review = await app.ArrangeReviewAsync(sw, child, new DateOnly(2026, 11, 27));

        Assert.Equal(HttpStatusCode.NotFound, await sw.StatusOfAsync($"/children/{child.Id}/reviews/{review.Id}/record"));
        Assert.Equal(HttpStatusCode.OK, await sw.StatusOfAsync($"/children/{child.Id}/reviews/{review.Id}"));
    }

    [Fact]
    public async Task Two_people_saving_the_same_review_the_second_is_refused_and_the_first_record_is_kept()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker, dateOfBirth: new DateOnly(2014, 6, 1));
        var managerUser = $"irom-{Guid.NewGuid():N}";
        await app.AUserAsync(managerUser, Roles.IroManager, await app.AStaffMemberAsync("Mo Manager", StaffRole.IroManager));
        using var iro = await app.SignedInClientAsync(_iroUser);
        using var manager = await app.SignedInClientAsync(managerUser);
        var review = await app.ArrangeReviewAsync(iro, child, new DateOnly(2026, 11, 23));
        var seen = (await app.ReloadAsync(child.Id)).Version;

        var first = RecordForm(seen, new DateOnly(2026, 11, 23));
        first["Input.IroView"] = "The IRO's own view";
        using (var saved = await app.SubmitFormAsync(iro, $"/children/{child.Id}/reviews/{review.Id}/record", first))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var second = RecordForm(seen, new DateOnly(2026, 11, 20));
        second["Input.IroView"] = "The manager's different view";
        using var content = new FormUrlEncodedContent(second.Append(new("__RequestVerificationToken",
            AppFactory.AntiforgeryTokenIn(await manager.GetPageAsync($"/children/{child.Id}")))));
        using var refused = await manager.PostAsync(new Uri($"/children/{child.Id}/reviews/{review.Id}/record", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Someone else recorded this review while you were working on it", html, StringComparison.Ordinal);
        Assert.Contains("different view", html, StringComparison.Ordinal);
        var kept = (await app.ReloadAsync(child.Id)).Reviews.Single(r => r.Id == review.Id);
        Assert.Equal(new DateOnly(2026, 11, 23), kept.HeldOn);
        Assert.Equal("The IRO's own view", kept.IroView);
    }

    [Fact]
    public async Task The_iro_brings_the_next_review_forward_with_a_reason_and_the_clock_follows()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), _iro, _socialWorker);
        await app.ReviewsHeldForAsync(child, new DateOnly(2026, 6, 20), new DateOnly(2026, 9, 10));
        using var iro = await app.SignedInClientAsync(_iroUser);

        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = (await app.ReloadAsync(child.Id)).Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Reason"] = "The placement may end",
        };
        Date(form, "Input.To", new DateOnly(2026, 12, 11));
        using (var saved = await app.SubmitFormAsync(iro, $"/children/{child.Id}/reviews/bring-forward", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var after = await app.ReloadAsync(child.Id);
        Assert.Equal(new DateOnly(2026, 12, 11), after.NextReviewDueOn);
        Assert.Equal(ReviewSchedule.BroughtForward, after.NextReviewRuleId);
        var page = await iro.GetPageAsync($"/children/{child.Id}");
        Assert.Contains("Brought forward at the IRO&#x27;s request on 23 November 2026: The placement may end (CPPCR 2010 reg 33(3)(a))", page, StringComparison.Ordinal);

        using var sw = await app.SignedInClientAsync(_swUser);
        Assert.Equal(HttpStatusCode.NotFound, await sw.StatusOfAsync($"/children/{child.Id}/reviews/bring-forward"));
    }

    [Fact]
    public async Task A_review_is_adjourned_once_for_no_more_than_20_working_days()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker);
        using var iro = await app.SignedInClientAsync(_iroUser);
        var review = await app.ArrangeReviewAsync(iro, child, new DateOnly(2026, 11, 23));

        var tooLate = new Dictionary<string, string>
        {
            ["Input.Version"] = (await app.ReloadAsync(child.Id)).Version.ToString(CultureInfo.InvariantCulture),
            ["Input.AdjournmentReason"] = "The health assessment was not available",
        };
        Date(tooLate, "Input.AdjournedOn", new DateOnly(2026, 11, 23));
        Date(tooLate, "Input.ResumeOn", new DateOnly(2026, 12, 23));
        using (var refused = await app.SubmitFormAsync(iro, $"/children/{child.Id}/reviews/{review.Id}/adjourn", tooLate))
        {
            // 20 working days after 23 November 2026 is 21 December 2026.
            Pages.AssertFieldError(await refused.Content.ReadAsStringAsync(), "Input-ResumeOn", "An adjourned review must resume within 20 working days: by 21 December 2026");
        }

        Date(tooLate, "Input.ResumeOn", new DateOnly(2026, 12, 21));
        using (var adjourned = await app.SubmitFormAsync(iro, $"/children/{child.Id}/reviews/{review.Id}/adjourn", tooLate))
        {
            Assert.Equal(HttpStatusCode.Redirect, adjourned.StatusCode);
        }

        var after = (await app.ReloadAsync(child.Id)).OpenReview!;
        Assert.Equal(ReviewState.Adjourned, after.State);
        Assert.Equal(new DateOnly(2026, 12, 21), after.ScheduledFor);
        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync($"/children/{child.Id}/reviews/{review.Id}/adjourn"));
    }

}
