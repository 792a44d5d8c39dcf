using System.Security.Claims;
using CareReview.Domain.Staff;
using CareReview.Web.Authorization;
using CareReview.Web.Features.Account;

namespace CareReview.Tests.Features.Account;

/// <summary>The mapping table: which of the council's groups give which Care Review role and team (ADR-0031).</summary>
[Trait("Database", "none")]
public sealed class GroupMappingTests
{
    private static readonly OidcSettings s_settings = new()
    {
        Authority = "https://login.example/tenant/v2.0",
        ClientId = "care-review",
        Mappings =
        [
            new() { Group = "iros", Role = "Iro" },
            new() { Group = "north-sw", Role = "SocialWorker", Team = "North team" },
            new() { Group = "north-tm", Role = "TeamManager", Team = "North team" },
            new() { Group = "south-sw", Role = "SocialWorker", Team = "South team" },
            new() { Group = "it-admins", Role = "Administrator" },
        ],
    };

    [Theory]
    [InlineData("iros", "Iro", null)]
    [InlineData("IROS", "Iro", null)]
    [InlineData("north-sw,north-tm", "SocialWorker,TeamManager", "North team")]
    [InlineData("iros,it-admins,finance", "Iro,Administrator", null)]
    [InlineData("north-sw,south-sw", "SocialWorker", null)]
    [InlineData("finance,all-staff", "", null)]
    [InlineData("", "", null)]
    public void A_persons_groups_give_every_role_mapped_and_a_team_only_when_they_name_one(string groups, string roles, string? team)
    {
        var access = s_settings.AccessFor(groups.Split(',', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(roles.Split(',', StringSplitOptions.RemoveEmptyEntries), access.Roles);
        Assert.Equal(team, access.Team);
    }

    [Theory]
    [InlineData("Iro", true)]
    [InlineData("SeniorManager", true)]
    [InlineData("Administrator", false)]
    [InlineData("Researcher", false)]
    public void Practitioners_need_a_staff_record_administrators_and_researchers_do_not(string role, bool needs)
    {
        Assert.Equal(needs, new MappedAccess([role], null).NeedsStaffMember);
    }

    [Fact]
    public void A_staff_record_made_for_someone_takes_their_first_practitioner_role()
    {
        Assert.Equal(StaffRole.IroManager, new MappedAccess([Roles.IroManager, Roles.Administrator], null).StaffRoleToCreate);
        Assert.Null(new MappedAccess([Roles.Administrator], null).StaffRoleToCreate);
    }

    [Theory]
    [InlineData("Child", "it must be one of")]
    [InlineData("Superuser", "it must be one of")]
    public void A_mapping_to_a_role_a_council_sign_in_cannot_have_stops_the_app_starting(string role, string message)
    {
        var settings = new OidcSettings { Authority = "https://login.example", ClientId = "x", Mappings = [new() { Group = "g", Role = role }] };

        Assert.Contains(message, settings.Refusal(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sign_in_through_the_council_is_off_without_an_authority_and_needs_a_client_id_with_one()
    {
        Assert.Null(new OidcSettings { Mappings = [new() { Group = "", Role = "Child" }] }.Refusal());
        Assert.Contains("ClientId", new OidcSettings { Authority = "https://login.example" }.Refusal(), StringComparison.Ordinal);
        Assert.Null(s_settings.Refusal());
    }

    [Theory]
    [InlineData("sam@council.example", null, null, "sam@council.example")]
    [InlineData(null, "sam@council.example", null, "sam@council.example")]
    [InlineData(null, "sam", null, null)]
    [InlineData("sam@council.example", null, "false", null)]
    [InlineData("sam@council.example", null, "true", "sam@council.example")]
    public void The_email_that_matches_a_staff_record_is_one_the_provider_has_not_said_is_unchecked(string? email, string? preferredUsername, string? verified, string? matched)
    {
        var claims = new List<Claim> { new("sub", "abc"), new("name", "Sam"), new("groups", "iros"), new("groups", "all-staff") };
        claims.AddRange(new[] { ("email", email), ("preferred_username", preferredUsername), ("email_verified", verified) }
            .Where(c => c.Item2 is not null).Select(c => new Claim(c.Item1, c.Item2!)));

        var person = ExternalPerson.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc")), s_settings);

        Assert.Equal(matched, person!.Email);
        Assert.Equal(["iros", "all-staff"], person.Groups);
        Assert.Null(ExternalPerson.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", "No sub")], "oidc")), s_settings));
    }
}
