using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Security;

/// <summary>
/// Issue 19, finding 4: about 20 pages that show part of a child's record (the care-plan change form, a
/// placement, the return details) wrote no audit row. Every page under a child's address is read here, by
/// the IRO manager and by the child's social worker, and each one that shows anything must leave a row
/// against the child.
/// </summary>
public sealed partial class EveryChildPageIsAuditedTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Every page address under a child, from the pages' own <c>@page</c> lines.</summary>
    private static IEnumerable<string> ChildPageTemplates() =>
        Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "CareReview.Web", "Features"), "*.cshtml", SearchOption.AllDirectories)
            .Select(file => PageLine().Match(File.ReadLines(file).FirstOrDefault() ?? ""))
            .Where(m => m.Success && m.Groups[1].Value.StartsWith("/children/{id:int}", StringComparison.Ordinal))
            .Select(m => m.Groups[1].Value);

    [Fact]
    public async Task Every_page_that_shows_part_of_a_childs_record_writes_a_row_for_the_child()
    {
        var manager = await app.AStaffMemberAsync("Audit Walker", StaffRole.IroManager);
        await app.AUserAsync("audit-walker", Roles.IroManager, manager);
        var iro = await app.AStaffMemberAsync("Audit Walked Iro", StaffRole.Iro);
        var socialWorker = await app.AStaffMemberAsync("Audit Walking Worker", StaffRole.SocialWorker);
        await app.AUserAsync("audit-walker-sw", Roles.SocialWorker, socialWorker);
        var child = await app.AChildLookedAfterSinceAsync(new DateOnly(2026, 3, 2), iro, socialWorker, dateOfBirth: new DateOnly(2012, 5, 1));
        await app.ReviewsHeldForAsync(child, new DateOnly(2026, 3, 20));
        var (reviewId, episodeId) = await app.QueryDbAsync(async db =>
            (await db.Reviews.Where(r => r.ChildId == child.Id).Select(r => r.Id).SingleAsync(),
             await db.CareEpisodes.Where(e => e.ChildId == child.Id).Select(e => e.Id).FirstAsync()));
        var shown = new List<string>();
        var unaudited = new List<string>();
        foreach (var (user, template) in new[] { "audit-walker", "audit-walker-sw" }.SelectMany(u => ChildPageTemplates().Select(t => (u, t))))
        {
            using var client = await app.SignedInClientAsync(user);
            var address = template.Replace("{id:int}", $"{child.Id}", StringComparison.Ordinal)
                .Replace("{reviewId:int}", $"{reviewId}", StringComparison.Ordinal)
                .Replace("{episodeId:int}", $"{episodeId}", StringComparison.Ordinal)
                .Replace("{kind}", "visit", StringComparison.Ordinal)
                .Replace("{step}", "I1", StringComparison.Ordinal);
            var before = await RowsForAsync(child.Id, user);
            using var response = await client.GetAsync(new Uri(address, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            shown.Add(address);
            if (await RowsForAsync(child.Id, user) <= before)
            {
                unaudited.Add($"{address} ({user})");
            }
        }

        Assert.Empty(unaudited);
        Assert.True(shown.Count >= 15, $"Only {shown.Count} pages showed anything: {string.Join(", ", shown)}");
        Assert.Contains($"/children/{child.Id}/care-plan/change", shown);
        Assert.Contains($"/children/{child.Id}/episodes/{episodeId}/placement", shown);
        Assert.Contains($"/children/{child.Id}/return-details", shown);
    }

    private Task<int> RowsForAsync(int childId, string user) =>
        app.QueryDbAsync(db => db.AuditEvents.CountAsync(e => e.ChildId == childId && e.UserName == user && e.Action != AuditAction.AccessRefused));

    [GeneratedRegex("^@page \"([^\"]+)\"")]
    private static partial Regex PageLine();
}
