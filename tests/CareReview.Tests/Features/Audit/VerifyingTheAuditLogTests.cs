using System.Net;
using CareReview.Tests.Support;
using CareReview.Web.Commands;
using CareReview.Web.Data.Entities;
using Microsoft.EntityFrameworkCore;
using static CareReview.Tests.Features.Audit.AuditChainTests;

namespace CareReview.Tests.Features.Audit;

/// <summary>
/// The two ways to check the audit log (ADR-0023): <c>verify-audit</c>, whose exit code a scheduled job can
/// act on, and the IRO manager's page. Both name the first broken link, and both checks are audited.
/// </summary>
public sealed class VerifyingTheAuditLogTests
{
    [Fact]
    public async Task Verify_audit_prints_the_rows_of_an_intact_log_and_exits_0()
    {
        await using var app = await AppFactory.StartAsync();
        await AddEventsAsync(app, 4);

        var (exit, output, errors) = await VerifyAsync(app);

        Assert.Equal(0, exit);
        Assert.Equal("Audit log intact: 4 rows.", output.Trim());
        Assert.Equal("", errors);
        var check = await app.QueryDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditAction.AuditChainChecked));
        Assert.Equal(("command-line", "intact;rows:4;earlier:0"), (check.UserId, check.Details));
    }

    [Fact]
    public async Task Verify_audit_names_the_first_broken_link_and_exits_1()
    {
        await using var app = await AppFactory.StartAsync();
        var ids = await AddEventsAsync(app, 4);
        await SqlAsync(app, $"""UPDATE "AuditEvents" SET "Details" = 'child:999' WHERE "Id" = {ids[2]}""");

        var (exit, output, errors) = await VerifyAsync(app);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal($"Audit log broken at row {ids[2]} (written 23 November 2026 at 10:00:02 UK time): "
            + "its contents do not match its hash, so it was changed after it was written.", errors.Trim());

        // The check's own event goes on the end of the chain; the break stays where it was.
        var check = await app.QueryDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditAction.AuditChainChecked));
        Assert.Equal($"broken;row:{ids[2]};rows:2", check.Details);
        Assert.Equal(1, (await VerifyAsync(app)).Exit);
    }

    [Fact]
    public async Task Verify_audit_takes_no_options()
    {
        await using var app = await AppFactory.StartAsync();

        var (exit, _, errors) = await VerifyAsync(app, "--fix");

        Assert.Equal(2, exit);
        Assert.Contains("Usage: verify-audit", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manager_sees_an_intact_log_and_the_view_is_audited()
    {
        await using var app = await AppFactory.StartAsync();
        await AuditPages.AManagerAsync(app, "chain-page-manager");
        using var manager = await app.SignedInClientAsync("chain-page-manager");

        var page = await manager.GetPageAsync("/audit/chain");
        var audit = await manager.GetPageAsync("/audit");

        Assert.Contains("data-testid=\"chain-intact\"", page, StringComparison.Ordinal);
        Assert.Contains("Audit log intact: 1 row.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/audit/chain\"", audit, StringComparison.Ordinal);
        var check = await app.QueryDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditAction.AuditChainChecked));
        Assert.Equal("chain-page-manager", check.UserName);
        Assert.Equal("intact;rows:1;earlier:0", check.Details);
    }

    [Fact]
    public async Task The_manager_sees_the_first_broken_link()
    {
        await using var app = await AppFactory.StartAsync();
        var ids = await AddEventsAsync(app, 3);
        await AuditPages.AManagerAsync(app, "chain-broken-manager");
        using var manager = await app.SignedInClientAsync("chain-broken-manager");
        await SqlAsync(app, $"""DELETE FROM "AuditEvents" WHERE "Id" = {ids[1]}""");

        var page = await manager.GetPageAsync("/audit/chain");

        Assert.Contains("data-testid=\"chain-broken\"", page, StringComparison.Ordinal);
        Assert.Contains($"Audit log broken at row {ids[2]} (written 23 November 2026 at 10:00:02 UK time)", page, StringComparison.Ordinal);
        var firstBreak = page[page.IndexOf("data-testid=\"first-break\"", StringComparison.Ordinal)..];
        Assert.Contains($"<dd class=\"govuk-summary-list__value\">{ids[2]}</dd>", firstBreak, StringComparison.Ordinal);
        Assert.Contains("23 November 2026 at 10:00:02", firstBreak, StringComparison.Ordinal);
        Assert.Contains("The row before it in the chain (number 2) is missing: it was deleted", firstBreak, StringComparison.Ordinal);
        Assert.Contains("The check found 1 row of the chain intact before it stopped here.", page, StringComparison.Ordinal);
        var check = await app.QueryDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == AuditAction.AuditChainChecked));
        Assert.Equal($"broken;row:{ids[2]};rows:1", check.Details);
    }

    [Fact]
    public async Task Only_those_who_may_read_the_audit_log_may_check_it()
    {
        await using var app = await AppFactory.StartAsync();
        await AuditPages.AnIroAsync(app, "chain-page-iro");
        using var iro = await app.SignedInClientAsync("chain-page-iro");

        Assert.Equal(HttpStatusCode.NotFound, await iro.StatusOfAsync("/audit/chain"));
        Assert.False(await app.QueryDbAsync(db => db.AuditEvents.AnyAsync(e => e.Action == AuditAction.AuditChainChecked)));
    }

    private static async Task<(int Exit, string Output, string Errors)> VerifyAsync(AppFactory app, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await app.RunCommandAsync(services => VerifyAuditCommand.RunAsync(services, args, output, errors));
        return (exit, output.ToString(), errors.ToString());
    }
}
