using System.Security.Claims;
using CareReview.Web.Commands;

namespace CareReview.Web.Hosting;

/// <summary>
/// The commands a council can script (README), by the name given as the first argument. Each returns the
/// process's exit code. Audited as <c>command-line</c>.
/// </summary>
public static class CommandLine
{
    public delegate Task<int> Command(IServiceProvider services, string[] args);

    /// <summary>Commands that run before start-up, on the database as it is, or (demo-ssd) on none.</summary>
    private static readonly Dictionary<string, Command> s_beforeStartUp = new(StringComparer.Ordinal)
    {
        [CreateAdministratorCommand.Name] = CreateAdministratorCommand.RunAsync,
        [DemoSsdCommand.Name] = DemoSsdCommand.RunAsync,
    };

    /// <summary>Commands that read the records, so run on the database once migrated and (in demo mode) seeded.</summary>
    private static readonly Dictionary<string, Command> s_afterStartUp = new(StringComparer.Ordinal)
    {
        [AnnualReportCommand.Name] = AnnualReportCommand.RunAsync,
        [ExportReturnCommand.Name] = ExportReturnCommand.RunAsync,
        [ImportReturnCommand.Name] = ImportReturnCommand.RunAsync,
        [AnnexACommand.Name] = AnnexACommand.RunAsync,
        [PublishSsdCommand.Name] = PublishSsdCommand.RunAsync,
        [VerifyAuditCommand.Name] = VerifyAuditCommand.RunAsync,
        [SyncSsdCommand.Name] = SyncSsdCommand.RunAsync,
    };

    /// <summary>Who a command acts as: the command line, named by the operating system's user, as its audit events say.</summary>
    public static ClaimsPrincipal User() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "command-line"), new Claim(ClaimTypes.Name, Environment.UserName)], "command-line"));

    public static Command? BeforeStartUp(string[] args) => Find(s_beforeStartUp, args);

    public static Command? AfterStartUp(string[] args) => Find(s_afterStartUp, args);

    private static Command? Find(Dictionary<string, Command> commands, string[] args) =>
        args.Length > 0 && commands.TryGetValue(args[0], out var command) ? command : null;
}
