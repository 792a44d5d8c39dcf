using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Reviews;

/// <summary>Every review page answers "Page not found" to someone who does not work with the child, and says so in the audit log.</summary>
public sealed class RefusingAccessToReviewsTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncLifetime
{
    private int _childId;
    private int _openReviewId;
    private int _heldReviewId;
    private int _recommendationId;

    public async Task InitializeAsync()
    {
        var team = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        var iro = await app.AStaffMemberAsync("Irma Owner", StaffRole.Iro);
        var worker = await app.AStaffMemberAsync("Will Owner", StaffRole.SocialWorker, team);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), iro, worker, dateOfBirth: new DateOnly(2014, 1, 1));
        var iroUser = $"iro-{Guid.NewGuid():N}";
        await app.AUserAsync(iroUser, Roles.Iro, iro);
        using var client = await app.SignedInClientAsync(iroUser);
        var first = await app.ArrangeReviewAsync(client, child, new DateOnly(2026, 11, 23), "The first review was missed");
        var form = ReviewForms.RecordForm((await app.ReloadAsync(child.Id)).Version, new DateOnly(2026, 11, 23));
        ReviewForms.AddRecommendation(form, 0, "Arrange a PEP meeting", worker.Id, new DateOnly(2026, 12, 11), "PEP minutes");
        using (var saved = await app.SubmitFormAsync(client, $"/children/{child.Id}/reviews/{first.Id}/record", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var next = await app.ArrangeReviewAsync(client, child, new DateOnly(2027, 2, 1));
        var reloaded = await app.ReloadAsync(child.Id);
        (_childId, _openReviewId, _heldReviewId) = (child.Id, next.Id, first.Id);
        _recommendationId = reloaded.Reviews.Single(r => r.Id == first.Id).Recommendations.Single().Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string, string> Pages => new()
    {
        { Roles.SocialWorker, "/children/{child}/reviews/arrange" },
        { Roles.SocialWorker, "/children/{child}/reviews/{open}" },
        { Roles.SocialWorker, "/children/{child}/reviews/{open}/steps/I1" },
        { Roles.SocialWorker, "/children/{child}/reviews/{open}/record" },
        { Roles.SocialWorker, "/children/{child}/reviews/{open}/adjourn" },
        { Roles.SocialWorker, "/children/{child}/reviews/{held}" },
        { Roles.SocialWorker, "/children/{child}/reviews/{held}/steps/I5" },
        { Roles.SocialWorker, "/children/{child}/reviews/{held}/pdf" },
        { Roles.SocialWorker, "/children/{child}/reviews/bring-forward" },
        { Roles.SocialWorker, "/recommendations/{recommendation}" },
        { Roles.Iro, "/children/{child}/reviews/{open}" },
        { Roles.Iro, "/children/{child}/reviews/{held}/pdf" },
        { Roles.Iro, "/recommendations/{recommendation}" },
        { Roles.TeamManager, "/children/{child}/allocation" },
        { Roles.Administrator, "/children/{child}/reviews/{held}" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Someone_who_does_not_work_with_the_child_gets_page_not_found(string role, string page)
    {
        var userName = $"outsider-{Guid.NewGuid():N}";
        var staffRole = role switch
        {
            Roles.Iro => StaffRole.Iro,
            Roles.TeamManager => StaffRole.TeamManager,
            _ => StaffRole.SocialWorker,
        };
        var staff = role == Roles.Administrator ? null
            : await app.AStaffMemberAsync("Olly Outsider", staffRole, await app.ATeamAsync($"Other {Guid.NewGuid():N}"));
        var user = await app.AUserAsync(userName, role, staff);
        using var client = await app.SignedInClientAsync(userName);
        var url = page.Replace("{child}", $"{_childId}", StringComparison.Ordinal)
            .Replace("{open}", $"{_openReviewId}", StringComparison.Ordinal)
            .Replace("{held}", $"{_heldReviewId}", StringComparison.Ordinal)
            .Replace("{recommendation}", $"{_recommendationId}", StringComparison.Ordinal);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        if (role != Roles.Administrator && role != Roles.TeamManager)
        {
            Assert.True(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e => e.UserId == user.Id && e.Action == AuditAction.AccessRefused)));
        }
    }

    [Fact]
    public async Task A_review_of_one_child_cannot_be_reached_through_another_childs_address()
    {
        var team = await app.ATeamAsync($"Team {Guid.NewGuid():N}");
        var iro = await app.AStaffMemberAsync("Ivo Other", StaffRole.Iro);
        var otherChild = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), iro, await app.AStaffMemberAsync("Wyn", StaffRole.SocialWorker, team));
        var userName = $"iro-{Guid.NewGuid():N}";
        await app.AUserAsync(userName, Roles.Iro, iro);
        using var client = await app.SignedInClientAsync(userName);

        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/children/{otherChild.Id}/reviews/{_heldReviewId}"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/children/{otherChild.Id}/reviews/{_heldReviewId}/pdf"));
        Assert.Equal(HttpStatusCode.NotFound, await client.StatusOfAsync($"/children/{otherChild.Id}/reviews/{_openReviewId}/record"));
    }
}
