using System.Net;
using System.Text.Encodings.Web;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Features.Deadlines;

/// <summary>Managers read the rule catalogue; an administrator sets a grade B or C rule for the council and every deadline follows.</summary>
public sealed class TheRuleCatalogueTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Every_rule_the_issue_lists_is_on_the_catalogue_page_with_its_source_and_grade()
    {
        await app.AUserAsync("tm-rules", Roles.TeamManager, await app.AStaffMemberAsync("Tam Rules", StaffRole.TeamManager));
        using var tm = await app.SignedInClientAsync("tm-rules");

        var page = await tm.GetPageAsync("/rules");

        foreach (var id in new[] { "P2", "P3", "P5", "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "V1.1", "V2", "V3.1", "V4.1", "V5.1",
                     "H1", "H2.1", "E2", "E3", "L2", "L5", "S3.1", "S4.1" })
        {
            Assert.Contains($"data-rule=\"{id}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("CPPCR 2010 reg 28(2)(a)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_rules_page_lists_how_far_ahead_each_list_and_reminder_counts_as_due_soon()
    {
        await app.AUserAsync("tm-due-soon", Roles.TeamManager, await app.AStaffMemberAsync("Tam Soon", StaffRole.TeamManager));
        using var tm = await app.SignedInClientAsync("tm-due-soon");

        var page = await tm.GetPageAsync("/rules");

        var table = page[page.IndexOf("data-testid=\"due-soon\"", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(DueSoonPolicy.Thresholds.Count, table.Split("<tr class=\"govuk-table__row\">").Length - 2);
        foreach (var threshold in DueSoonPolicy.Thresholds)
        {
            Assert.Contains(HtmlEncoder.Default.Encode(threshold.What), table, StringComparison.Ordinal);
            Assert.Contains($">{threshold.WorkingDays}</td>", table, StringComparison.Ordinal);
            Assert.Contains(HtmlEncoder.Default.Encode(threshold.Why), table, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_council_setting_for_a_grade_b_rule_moves_every_childs_deadline_and_is_kept_in_the_history()
    {
        await app.AUserAsync("admin-rules", Roles.Administrator);
        var child = await app.AChildLookedAfterSinceAsync(app.Today, dateOfBirth: app.Today.AddYears(-9));
        var before = await app.QueryDbAsync(db => db.ChildDeadlines.AsNoTracking()
            .SingleAsync(d => d.ChildId == child.Id && d.Item == StatutoryItem.PersonalEducationPlan));
        Assert.Equal((app.Rules.Calendar.AddWorkingDays(app.Today, 20), "1"), (before.DueOn, before.RuleVersion));
        using var admin = await app.SignedInClientAsync("admin-rules");

        using var response = await app.SubmitFormAsync(admin, "/rules/E2/setting", new Dictionary<string, string>
        {
            ["Input.Amount"] = "10",
            ["Input.Unit"] = "WorkingDays",
            ["Input.Reason"] = "Our virtual school's protocol starts the PEP within 10 working days",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await app.QueryDbAsync(db => db.ChildDeadlines.AsNoTracking()
            .SingleAsync(d => d.ChildId == child.Id && d.Item == StatutoryItem.PersonalEducationPlan));
        Assert.Equal((app.Rules.Calendar.AddWorkingDays(app.Today, 10), "1.LA1"), (after.DueOn, after.RuleVersion));
        Assert.Contains("the council's setting", after.Explanation, StringComparison.Ordinal);
        var page = await admin.GetPageAsync("/rules");
        Assert.Contains("Our virtual school's protocol", page.Replace("&#x27;", "'", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grade_a_rule_cannot_be_changed_and_only_an_administrator_changes_rules()
    {
        await app.AUserAsync("admin-grade-a", Roles.Administrator);
        await app.AUserAsync("irom-rules", Roles.IroManager, await app.AStaffMemberAsync("Ira Rules", StaffRole.IroManager));
        using var admin = await app.SignedInClientAsync("admin-grade-a");
        using var manager = await app.SignedInClientAsync("irom-rules");

        Assert.Equal(HttpStatusCode.NotFound, await admin.StatusOfAsync("/rules/P3/setting"));
        Assert.Equal(HttpStatusCode.NotFound, await manager.StatusOfAsync("/rules/E2/setting"));
        Assert.Equal(HttpStatusCode.OK, await manager.StatusOfAsync("/rules"));
        Assert.Throws<CareReview.Domain.DomainRuleException>(() =>
            RuleCatalogue.National.WithCouncilSettings([new CouncilRuleSetting("R1", new RulePeriod(25, PeriodUnit.WorkingDays), 1)]));
    }
}
