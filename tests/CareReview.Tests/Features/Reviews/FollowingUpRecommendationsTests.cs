using System.Globalization;
using System.Net;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using Microsoft.EntityFrameworkCore;

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


    private static void Date(Dictionary<string, string> form, string name, DateOnly date)
    {
        form[$"{name}.Day"] = date.Day.ToString(CultureInfo.InvariantCulture);
        form[$"{name}.Month"] = date.Month.ToString(CultureInfo.InvariantCulture);
        form[$"{name}.Year"] = date.Year.ToString(CultureInfo.InvariantCulture);
    }

    private Task<Child> ReloadAsync(int id) => app.QueryDbAsync(db => db.Children
        .Include(c => c.Episodes)
        .Include(c => c.Reviews).ThenInclude(r => r.Recommendations).ThenInclude(r => r.Updates)
        .AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == id));

    private async Task<Review> ArrangeAsync(HttpClient client, Child child, DateOnly on, string? latenessReason = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = (await ReloadAsync(child.Id)).Version.ToString(CultureInfo.InvariantCulture),
            ["Input.Venue"] = "Foster home",
            ["Input.Invitees"] = "Sol Worker, social worker",
            ["Input.StartsAt"] = "10:30",
        };
        Date(form, "Input.Date", on);
        if (latenessReason is not null)
        {
            form["Input.LatenessReason"] = latenessReason;
        }

        using var response = await app.SubmitFormAsync(client, $"/children/{child.Id}/reviews/arrange", form);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (await ReloadAsync(child.Id)).OpenReview!;
    }

    [Fact]
    public async Task Recommendations_are_followed_up_until_the_next_review()
    {
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 11, 2), _iro, _socialWorker, givenName: "Ruby", dateOfBirth: new DateOnly(2014, 6, 1));
        using var iro = await app.SignedInClientAsync(_iroUser);
        var review = await ArrangeAsync(iro, child, new DateOnly(2026, 11, 23));

        // The IRO records the review with three SMART recommendations, two of them for the social worker.
        var form = RecordForm((await ReloadAsync(child.Id)).Version, new DateOnly(2026, 11, 23));
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

        var recorded = await ReloadAsync(child.Id);
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

        var next = await ArrangeAsync(iroLater, child, new DateOnly(2027, 2, 15));
        var agenda = await iroLater.GetPageAsync($"/children/{child.Id}/reviews/{next.Id}");
        Assert.Contains("Arrange a PEP meeting with the school", agenda, StringComparison.Ordinal);
        Assert.Contains("Overdue", agenda, StringComparison.Ordinal);
        Assert.Contains("Grandmother agreed to alternate Saturdays", agenda, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> RecordForm(long version, DateOnly heldOn)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Version"] = version.ToString(CultureInfo.InvariantCulture),
            ["Input.ParticipationCode"] = "PN1",
            ["Input.Attendees"] = "Ruby; Sol Worker, social worker; Pat Carer, foster carer",
            ["Input.ChildWishesAndFeelings"] = "Likes her school; wants to see her grandmother more",
            ["Input.Considerations[4]"] = "Contact with grandmother to increase",
        };
        Date(form, "Input.HeldOn", heldOn);
        return form;
    }

    private static void AddRecommendation(Dictionary<string, string> form, int row, string action, int ownerStaffId, DateOnly dueOn, string monitoring)
    {
        form[$"Input.Recommendations[{row}].Action"] = action;
        form[$"Input.Recommendations[{row}].OwnerStaffId"] = ownerStaffId.ToString(CultureInfo.InvariantCulture);
        form[$"Input.Recommendations[{row}].Monitoring"] = monitoring;
        Date(form, $"Input.Recommendations[{row}].DueOn", dueOn);
    }
}
