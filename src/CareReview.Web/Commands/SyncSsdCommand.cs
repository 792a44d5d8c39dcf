using CareReview.Web.Features.Ssd;

using CareReview.Web.Hosting;

namespace CareReview.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/CareReview.Web -- sync-ssd FROM [--schema NAME] [--dry-run]</c>: brings children in step
/// with the council's SSD tables, from a folder of CSV files or a postgres:// URL (ADR-0029). Exit 0 when every child
/// was read, 1 when some were refused for problems (listed), 2 when nothing could be done.
/// </summary>
public static class SyncSsdCommand
{
    public const string Name = "sync-ssd";

    private const string Usage = $"Usage: {Name} DIR|postgres://user:password@host:port/database [--schema NAME] [--dry-run]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? from = null;
        string? schema = null;
        var dryRun = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--schema" when i + 1 < args.Length:
                    schema = args[++i];
                    break;
                case "--dry-run":
                    dryRun = true;
                    break;
                case var value when from is null && !value.StartsWith("--", StringComparison.Ordinal):
                    from = value;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Did not understand '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        if (from is null)
        {
            await Console.Error.WriteLineAsync($"Give the folder or database holding the SSD tables. {Usage}");
            return 2;
        }

        var store = SsdStore.Parse(from, schema);
        if (store is SsdCsvFolder folder && !Directory.Exists(folder.Folder))
        {
            await Console.Error.WriteLineAsync($"There is no folder '{folder.Folder}'.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var sync = scope.ServiceProvider.GetRequiredService<SsdSync>();
        var user = CommandLine.User();
        var run = await sync.BeginAsync($"command line ({Environment.UserName})", store, dryRun);
        if (run is null)
        {
            await Console.Error.WriteLineAsync("Another SSD sync is running. Try again when it has finished.");
            return 2;
        }

        run = await sync.RunAsync(run, store, user);
        foreach (var change in run.WouldChange.Take(1000))
        {
            Console.WriteLine(change);
        }

        if (run.WouldChange.Count > 1000)
        {
            Console.WriteLine($"…and {run.WouldChange.Count - 1000} more children would change.");
        }

        foreach (var problem in run.Problems.Take(100))
        {
            Console.WriteLine($"{problem.Table} row {problem.Row}, {problem.Field}: {problem.Message}");
        }

        if (run.Problems.Count > 100)
        {
            Console.WriteLine($"…and {run.Problems.Count - 100} more problems, listed on the sync page.");
        }

        if (run.State != SsdSyncState.Finished)
        {
            await Console.Error.WriteLineAsync(run.Failure);
            return 2;
        }

        Console.WriteLine($"{(dryRun ? "Dry run, nothing saved: would have" : "Done:")} {run.ChildrenRead} children read from {store.Description}; "
            + $"{run.Added} added, {run.Changed} changed, {run.Unchanged} unchanged, {run.Merged} merged, {run.Flagged} flagged as missing upstream, {run.Refused} refused.");
        return run.Refused > 0 ? 1 : 0;
    }
}
