using System.Globalization;
using System.Net;
using CareReview.Domain.Children;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;

using static CareReview.Tests.Features.Reviews.ReviewForms;

namespace CareReview.Tests.Features.Reviews;

/// <summary>
/// Recommendations followed up from one review to the next. This class moves its app's clock forward,
/// which cannot go back, so it has an app of its own.
/// </summary>
public sealed class FollowingUpRecommendationsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
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
    public async Task Recommendations_are_followed_up_until_the_next_review()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker, givenName: "Ruby", dateOfBirth: new DateOnly(2014, 6, 1));
        using var iro = await app.SignedInClientAsync(_iroUser);
        var review = await app.ArrangeReviewAsync(iro, child, new DateOnly(2026, 11, 23));

        // The IRO records the review with three SMART recommendations, two of them for the social worker.
        var form = RecordForm((await app.ReloadAsync(child.Id)).Version, new DateOnly(2026, 11, 23));
        AddRecommendation(form, 0, "Arrange a PEP meeting with the school", _socialWorker.Id, new DateOnly(2026, 12, 4), "PEP minutes sent to the IRO");
        AddRecommendation(form, 1, "Ask Ruby's grandmother about weekend contact", _socialWorker.Id, new DateOnly(2026, 12, 18), "Note on file");
        form["Input.Recommendations[2].Action"] = "Book a dental check";
        form["Input.Recommendations[2].OwnerName"] = "Pat Carer";
        form["Input.Recommendations[2].OwnerRole"] = "Foster carer";
        form["Input.Recommendations[2].Monitoring"] = "Carer tells the social worker";
        Date(form, "Input.Recommendations[2].DueOn", new DateOnly(2027, 1, 15));
        using (var saved = await app.SubmitFormAsync(iro, $"/children/{child.Id}/reviews/{review.Id}/record", form))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        }

        var recorded = await app.ReloadAsync(child.Id);
        var held = recorded.Reviews.Single(r => r.Id == review.Id);
        Assert.True(held.IsHeld);
        Assert.Equal(ParticipationCode.PN1, held.ParticipationCode);
        Assert.Equal(3, held.Recommendations.Count);
        Assert.Equal(new DateOnly(2027, 2, 23), recorded.NextReviewDueOn); // second review: 3 months after the first
        Assert.Contains("Dear Ruby", held.LetterToChild, StringComparison.Ordinal);
        Assert.Contains("Sol Worker (Social worker) will arrange a PEP meeting with the school by 4 December 2026", held.LetterToChild, StringComparison.Ordinal);

        // The social worker sees both of theirs on their work list, soonest first, and completes one.
        using var sw = await app.SignedInClientAsync(_swUser);
        var work = await sw.GetPageAsync("/work");
        var pep = work.IndexOf("Arrange a PEP meeting", StringComparison.Ordinal);
        var contact = work.IndexOf("weekend contact", StringComparison.Ordinal);
        Assert.True(pep > 0 && contact > pep);
        Assert.DoesNotContain("dental", work, StringComparison.Ordinal);

        var contactId = held.Recommendations.Single(r => r.Action.Contains("contact", StringComparison.Ordinal)).Id;
        var done = new Dictionary<string, string>
        {
            ["Input.Version"] = recorded.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Note"] = "Grandmother agreed to alternate Saturdays",
            ["Input.Done"] = "true",
        };
        Date(done, "Input.On", new DateOnly(2026, 11, 23));
        using (var completed = await app.SubmitFormAsync(sw, $"/recommendations/{contactId}", done))
        {
            Assert.Equal(HttpStatusCode.Redirect, completed.StatusCode);
        }

        // Time passes: the PEP meeting is now overdue, and the IRO sees it on the caseload and on the next agenda.
        app.Time.SetUtcNow(new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.Zero));
        using var iroLater = await app.SignedInClientAsync(_iroUser);
        var caseload = await iroLater.GetPageAsync("/caseload");
        Assert.Contains("1 overdue", caseload, StringComparison.Ordinal);
        Assert.Contains("2 open", caseload, StringComparison.Ordinal);

        var next = await app.ArrangeReviewAsync(iroLater, child, new DateOnly(2027, 2, 15));
        var agenda = await iroLater.GetPageAsync($"/children/{child.Id}/reviews/{next.Id}");
        Assert.Contains("Arrange a PEP meeting with the school", agenda, StringComparison.Ordinal);
        Assert.Contains("Overdue", agenda, StringComparison.Ordinal);
        Assert.Contains("Grandmother agreed to alternate Saturdays", agenda, StringComparison.Ordinal);
    }

}
