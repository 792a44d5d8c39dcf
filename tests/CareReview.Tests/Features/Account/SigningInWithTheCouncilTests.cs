using CareReview.Domain.Staff;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using static CareReview.Tests.Features.Account.CouncilSignInApp;

namespace CareReview.Tests.Features.Account;

/// <summary>
/// Who a person coming back from the council's provider is in Care Review (ADR-0031): linked by their sub, matched to a
/// staff record by email the first time, their roles and team following their groups at every sign-in, and every
/// outcome audited.
/// </summary>
public sealed class SigningInWithTheCouncilTests(CouncilSignInApp app) : IClassFixture<CouncilSignInApp>
{
    [Fact]
    public async Task A_person_is_matched_to_their_staff_record_by_email_and_found_by_their_sub_after_that()
    {
        var person = APerson("Ira Match", Iros, "all-staff");
        var staff = await AStaffMemberWithEmailAsync("Ira Match", StaffRole.Iro, person.Email!.ToUpperInvariant());

        var first = await app.ComesBackAsync(person);
        var again = await app.ComesBackAsync(person with { Email = "changed@council.example" });

        Assert.Equal(OidcOutcome.SignedIn, first.Outcome);
        Assert.Equal(first.User!.Id, again.User!.Id);
        Assert.Equal(staff.Id, again.User.StaffMemberId);
        Assert.Equal([Roles.Iro], await RolesOfAsync(first.User.Id));
        Assert.Equal([$"staff:{staff.Id};matched:email"], await AuditAsync(first.User.Id, AuditAction.OidcUserLinked));
        Assert.Equal(["via:oidc", "via:oidc"], await AuditAsync(first.User.Id, AuditAction.SignedIn));
    }

    [Fact]
    public async Task A_member_of_staff_with_a_local_account_keeps_it_and_signs_in_with_the_council_too()
    {
        var person = APerson("Lou Local", Iros);
        var staff = await AStaffMemberWithEmailAsync("Lou Local", StaffRole.Iro, person.Email!);
        var local = await app.AUserAsync($"lou-{Guid.NewGuid():N}"[..12], Roles.Iro, staff);

        var result = await app.ComesBackAsync(person);

        Assert.Equal(local.Id, result.User!.Id);
        Assert.Single(await app.QueryDbAsync(db => db.UserLogins.Where(l => l.UserId == local.Id && l.LoginProvider == "oidc").ToListAsync()));
    }

    [Fact]
    public async Task Roles_follow_the_groups_at_every_sign_in_and_someone_left_in_no_mapped_group_is_refused()
    {
        var person = APerson("Sol Mover", Iros);
        await AStaffMemberWithEmailAsync("Sol Mover", StaffRole.Iro, person.Email!);
        var user = (await app.ComesBackAsync(person)).User!;

        var promoted = await app.ComesBackAsync(person with { Groups = [Managers] });
        Assert.Equal(OidcOutcome.SignedIn, promoted.Outcome);
        Assert.Equal([Roles.IroManager], await RolesOfAsync(user.Id));

        var left = await app.ComesBackAsync(person with { Groups = ["all-staff"] });
        Assert.Equal(OidcOutcome.NoAccess, left.Outcome);
        Assert.Empty(await RolesOfAsync(user.Id));
        Assert.Equal(["roles:->Iro", "roles:Iro->IroManager", "roles:IroManager->"], await AuditAsync(user.Id, AuditAction.OidcRolesChanged));
        Assert.Equal(["groups:1"], await AuditAsync(user.Id, AuditAction.OidcSignInNoAccess));
    }

    [Fact]
    public async Task Someone_whose_groups_map_to_nothing_is_refused_audited_and_not_kept()
    {
        var person = APerson("Fin Outsider", "finance", "all-staff");

        var result = await app.ComesBackAsync(person);

        Assert.Equal(OidcOutcome.NoAccess, result.Outcome);
        Assert.Null(result.User);
        Assert.False(await app.QueryDbAsync(db => db.UserLogins.AnyAsync(l => l.ProviderKey == person.Subject)));
        Assert.Equal(["groups:2"], await app.QueryDbAsync(db => db.AuditEvents
            .Where(a => a.UserName == $"oidc:{person.Subject}" && a.Action == AuditAction.OidcSignInNoAccess).Select(a => a.Details!).ToListAsync()));
    }

    [Fact]
    public async Task Someone_no_staff_record_matches_waits_with_no_role_however_often_they_try()
    {
        var person = APerson("Nia Newcomer", Iros);

        var first = await app.ComesBackAsync(person);
        var again = await app.ComesBackAsync(person);

        Assert.Equal(OidcOutcome.Waiting, first.Outcome);
        Assert.Equal(OidcOutcome.Waiting, again.Outcome);
        Assert.Equal(first.User!.Id, again.User!.Id);
        Assert.Empty(await RolesOfAsync(first.User.Id));
        Assert.Null(again.User.StaffMemberId);
        var request = await app.QueryDbAsync(db => db.SignInRequests.SingleAsync(r => r.UserId == first.User.Id));
        Assert.Equal((SignInRequestStatus.Waiting, "Iro"), (request.Status, request.Roles));
        Assert.Equal(2, (await AuditAsync(first.User.Id, AuditAction.OidcSignInWaiting)).Count);
    }

    [Fact]
    public async Task Two_staff_records_with_the_same_email_match_neither_and_the_person_waits()
    {
        var person = APerson("Pat Twice", Iros);
        await AStaffMemberWithEmailAsync("Pat Twice", StaffRole.Iro, person.Email!);
        await AStaffMemberWithEmailAsync("Pat Twice", StaffRole.SocialWorker, person.Email!);

        var result = await app.ComesBackAsync(person);

        Assert.Equal(OidcOutcome.Waiting, result.Outcome);
        Assert.Equal(["staff:none;matched:several"], await AuditAsync(result.User!.Id, AuditAction.OidcUserLinked));
    }

    [Fact]
    public async Task A_team_named_by_the_groups_is_the_staff_records_team_made_if_care_review_has_none()
    {
        var person = APerson("Sam North", NorthSocialWorkers);
        var staff = await AStaffMemberWithEmailAsync("Sam North", StaffRole.SocialWorker, person.Email!);

        var result = await app.ComesBackAsync(person);

        var team = await app.QueryDbAsync(db => db.StaffMembers.Where(s => s.Id == staff.Id).Select(s => s.Team!.Name).SingleAsync());
        Assert.Equal("North team", team);
        Assert.Single(await AuditAsync(result.User!.Id, AuditAction.OidcTeamChanged));
    }

    [Fact]
    public async Task An_administrator_needs_no_staff_record_and_signs_in_at_once()
    {
        var result = await app.ComesBackAsync(APerson("Ada Admin", Admins));

        Assert.Equal(OidcOutcome.SignedIn, result.Outcome);
        Assert.Equal([Roles.Administrator], await RolesOfAsync(result.User!.Id));
    }

    private Task<StaffMember> AStaffMemberWithEmailAsync(string name, StaffRole role, string email) =>
        app.QueryDbAsync(async db =>
        {
            var staff = new StaffMember(name, role, email: email);
            db.StaffMembers.Add(staff);
            await db.SaveChangesAsync();
            return staff;
        });

    private Task<List<string>> RolesOfAsync(string userId) =>
        app.QueryDbAsync(db => db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());

    private Task<List<string>> AuditAsync(string userId, AuditAction action) =>
        app.QueryDbAsync(db => db.AuditEvents.Where(a => a.UserId == userId && a.Action == action).OrderBy(a => a.Id).Select(a => a.Details ?? "").ToListAsync());
}
