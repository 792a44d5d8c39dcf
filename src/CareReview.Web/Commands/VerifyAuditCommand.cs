namespace CareReview.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/CareReview.Web -- verify-audit</c>: walks the audit log's hash chain (ADR-0023)
/// and prints "Audit log intact: N rows." or the first broken link (the row, when it was written and what is
/// wrong). Exits 0 when the log is intact and 1 when it is not, so a scheduled job can raise the alarm. The
/// check is itself audited.
/// </summary>
public static class VerifyAuditCommand
{
    public const string Name = "verify-audit";

    public static Task<int> RunAsync(IServiceProvider services, string[] args) => RunAsync(services, args, Console.Out, Console.Error);

    /// <param name="output">Where the result goes when the log is intact.</param>
    /// <param name="errors">Where usage mistakes and a broken log go.</param>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        if (args.Length > 0)
        {
            await errors.WriteLineAsync($"Did not understand '{args[0]}'. Usage: {Name}  (takes no options)");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var report = await AuditChainCheck.RunAsync(db);
        await (report.Intact ? output : errors).WriteLineAsync(report.Summary);

        // Without the chain's head nothing audited can be saved, the record of this check included.
        if (await db.Set<AuditChainHead>().AnyAsync())
        {
            scope.ServiceProvider.GetRequiredService<AuditLog>().RecordFor("command-line", Environment.UserName, AuditAction.AuditChainChecked, report.Details);
            await db.SaveChangesAsync();
        }

        return report.Intact ? 0 : 1;
    }
}
