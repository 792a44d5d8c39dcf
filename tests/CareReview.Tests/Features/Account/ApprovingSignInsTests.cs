using System.Globalization;
using System.Net;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using static CareReview.Tests.Features.Account.CouncilSignInApp;

namespace CareReview.Tests.Features.Account;

/// <summary>The IRO manager approves or refuses people waiting to sign in (/sign-ins/waiting, ADR-0031); each decision is audited.</summary>
public sealed class ApprovingSignInsTests(CouncilSignInApp app) : IClassFixture<CouncilSignInApp>
{
    [Theory]
    [InlineData(Roles.IroManager, HttpStatusCode.OK)]
    [InlineData(Roles.Administrator, HttpStatusCode.OK)]
    [InlineData(Roles.Iro, HttpStatusCode.NotFound)]
    [InlineData(Roles.TeamManager, HttpStatusCode.NotFound)]
    public async Task Only_the_iro_manager_and_administrators_see_who_is_waiting(string role, HttpStatusCode expected)
    {
        var waiting = await app.ComesBackAsync(APerson("Wes Waiting", Iros));
        using var client = await ClientAsync(role);

        using var page = await client.GetAsync(new Uri("/sign-ins/waiting", UriKind.Relative));
        using var approve = await client.GetAsync(new Uri($"/sign-ins/{await RequestIdAsync(waiting)}/approve", UriKind.Relative));

        Assert.Equal(expected, page.StatusCode);
        Assert.Equal(expected, approve.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 1 : 0, await app.QueryDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == AuditAction.WaitingSignInsViewed && a.UserName == _userName)));
        if (expected == HttpStatusCode.OK)
        {
            Assert.Contains(waiting.User!.Email!, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Approved_with_a_new_staff_record_they_sign_in_next_time_with_their_role()
    {
        var person = APerson("Nia New", Iros);
        var waiting = await app.ComesBackAsync(person);
        var requestId = await RequestIdAsync(waiting);
        using var manager = await ClientAsync(Roles.IroManager);

        using var approved = await app.SubmitFormAsync(manager, $"/sign-ins/{requestId}/approve", new Dictionary<string, string> { ["Input.Staff"] = "new" });

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var (status, staff) = await app.QueryDbAsync(async db =>
        {
            var request = await db.SignInRequests.SingleAsync(r => r.Id == requestId);
            var user = await db.Users.SingleAsync(u => u.Id == waiting.User!.Id);
            return (request.Status, await db.StaffMembers.SingleAsync(s => s.Id == user.StaffMemberId));
        });
        Assert.Equal(SignInRequestStatus.Approved, status);
        Assert.Equal(("Nia New", StaffRole.Iro, person.Email), (staff.Name, staff.Role, staff.Email));
        Assert.Equal([$"request:{requestId};user:{waiting.User!.Id};staff:{staff.Id};created"], await AuditAsync(AuditAction.SignInApproved, requestId));

        var next = await app.ComesBackAsync(person);
        Assert.Equal(OidcOutcome.SignedIn, next.Outcome);
    }

    [Fact]
    public async Task Linked_to_a_staff_record_with_no_email_the_record_takes_theirs()
    {
        var person = APerson("Kay Known", Iros);
        var staff = await app.AStaffMemberAsync("Kay Known", StaffRole.Iro);
        var requestId = await RequestIdAsync(await app.ComesBackAsync(person));
        using var manager = await ClientAsync(Roles.IroManager);

        using var approved = await app.SubmitFormAsync(manager, $"/sign-ins/{requestId}/approve",
            new Dictionary<string, string> { ["Input.Staff"] = staff.Id.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(person.Email, await app.QueryDbAsync(db => db.StaffMembers.Where(s => s.Id == staff.Id).Select(s => s.Email).SingleAsync()));
        Assert.EndsWith($"staff:{staff.Id};linked", Assert.Single(await AuditAsync(AuditAction.SignInApproved, requestId)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_record_that_already_has_a_sign_in_cannot_be_chosen()
    {
        var taken = await app.AStaffMemberAsync("Tam Taken", StaffRole.Iro);
        await app.AUserAsync($"tam-{Guid.NewGuid():N}"[..12], Roles.Iro, taken);
        var requestId = await RequestIdAsync(await app.ComesBackAsync(APerson("Tam Taken", Iros)));
        using var manager = await ClientAsync(Roles.IroManager);

        using var refused = await app.SubmitFormAsync(manager, $"/sign-ins/{requestId}/approve",
            new Dictionary<string, string> { ["Input.Staff"] = taken.Id.ToString(CultureInfo.InvariantCulture) });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose a staff record without a Care Review sign-in", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SignInRequestStatus.Waiting, await app.QueryDbAsync(db => db.SignInRequests.Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task Refused_they_are_told_so_at_every_sign_in_and_both_are_audited()
    {
        var person = APerson("Rex Refused", Iros);
        var waiting = await app.ComesBackAsync(person);
        var requestId = await RequestIdAsync(waiting);
        using var manager = await ClientAsync(Roles.IroManager);

        using var page = await manager.GetAsync(new Uri("/sign-ins/waiting", UriKind.Relative));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AppFactory.AntiforgeryTokenIn(await page.Content.ReadAsStringAsync()) });
        using var refused = await manager.PostAsync(new Uri($"/sign-ins/waiting?handler=Refuse&id={requestId}", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal([$"request:{requestId};user:{waiting.User!.Id}"], await AuditAsync(AuditAction.SignInRefused, requestId));
        var next = await app.ComesBackAsync(person);
        Assert.Equal(OidcOutcome.Refused, next.Outcome);
        Assert.Equal([$"request:{requestId}"], await app.QueryDbAsync(db => db.AuditEvents
            .Where(a => a.UserId == waiting.User.Id && a.Action == AuditAction.OidcSignInRefused).Select(a => a.Details!).ToListAsync()));
    }

    private string _userName = "";

    private async Task<HttpClient> ClientAsync(string role)
    {
        _userName = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        var staff = role == Roles.Administrator ? null : await app.AStaffMemberAsync(_userName, Enum.Parse<StaffRole>(role));
        await app.AUserAsync(_userName, role, staff);
        return await app.SignedInClientAsync(_userName);
    }

    private Task<int> RequestIdAsync(OidcSignInResult waiting) =>
        app.QueryDbAsync(db => db.SignInRequests.Where(r => r.UserId == waiting.User!.Id).Select(r => r.Id).SingleAsync());

    private async Task<List<string>> AuditAsync(AuditAction action, int requestId) =>
        [.. (await app.QueryDbAsync(db => db.AuditEvents.Where(a => a.Action == action).Select(a => a.Details ?? "").ToListAsync()))
            .Where(d => d.StartsWith($"request:{requestId};", StringComparison.Ordinal))];
}
