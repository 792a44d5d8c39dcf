using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace CareReview.Tests.Features.Security;

/// <summary>
/// Issue 19, finding 6: set-up links were built from the request's Host header, so a request with
/// <c>Host: evil.example</c> handed a child a link to someone else's site. Links now start with PublicUrl.
/// </summary>
public sealed class PublicAddressTests
{
    private const string Council = "https://care-review.council.example";

    [Fact]
    public async Task A_childs_set_up_link_starts_with_the_public_address_whatever_host_the_request_named()
    {
        await using var app = await AppFactory.StartAsync(new Dictionary<string, string?> { [PublicAddress.Setting] = Council });
        var iro = await app.AStaffMemberAsync("Ida Public", StaffRole.Iro);
        await app.AUserAsync("public-address-iro", Roles.Iro, iro);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 6, 1), iro, dateOfBirth: new DateOnly(2012, 4, 1));
        using var client = await app.SignedInClientAsync("public-address-iro");
        client.DefaultRequestHeaders.Host = "evil.example";

        using var made = await app.SubmitFormAsync(client, $"/children/{child.Id}/own-sign-in?handler=Create",
            new Dictionary<string, string> { ["UserName"] = "robin-public" });

        var page = await made.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var link = WebUtility.HtmlDecode(Regex.Match(page, "data-testid=\"set-up-link\">([^<]+)</code>").Groups[1].Value);
        Assert.StartsWith($"{Council}/set-up?user=", link, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", page, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(string? publicUrl) =>
        new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(PublicAddress.Setting, publicUrl)]).Build();

    [Fact]
    public void Production_without_the_public_address_does_not_start() =>
        Assert.Contains(PublicAddress.Setting, PublicAddress.Refusal(Settings(null), demoMode: false, production: true), StringComparison.Ordinal);

    [Theory]
    [InlineData("carereview.example.gov.uk")]
    [InlineData("ftp://carereview.example.gov.uk")]
    [InlineData("https://carereview.example.gov.uk/?next=evil")]
    public void An_address_that_is_not_a_web_address_is_refused_with_what_was_given(string value) =>
        Assert.Contains($"not '{value}'", PublicAddress.Refusal(Settings(value), demoMode: true, production: false), StringComparison.Ordinal);

    [Fact]
    public void Demo_mode_starts_without_it() => Assert.Null(PublicAddress.Refusal(Settings(null), demoMode: true, production: true));
}
