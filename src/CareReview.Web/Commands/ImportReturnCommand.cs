using CareReview.Domain.Returns;
using CareReview.Web.Demo;
using CareReview.Web.Features.Returns;

using CareReview.Web.Hosting;

namespace CareReview.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/CareReview.Web -- import-903 DIR [--previous DIR] [--year YYYY] [--clean-only]</c>:
/// loads a council's children, episodes and reviews from its old system's return files. Every row is
/// checked first; with any problem nothing loads (exit 1) unless --clean-only asks for the children
/// with none. Importing the same files again changes nothing.
/// </summary>
public static class ImportReturnCommand
{
    public const string Name = "import-903";

    private const string Usage = $"Usage: {Name} DIR [--previous DIR] [--year YYYY] [--clean-only]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? dir = null;
        string? previousDir = null;
        int? year = null;
        var cleanOnly = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--previous" when !string.IsNullOrWhiteSpace(value):
                    previousDir = value;
                    i++;
                    break;
                case "--year" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100:
                    year = y;
                    i++;
                    break;
                case "--clean-only":
                    cleanOnly = true;
                    break;
                case var path when dir is null && !path.StartsWith("--", StringComparison.Ordinal):
                    dir = path;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Did not understand '{args[i]}'. {Usage}");
                    return 2;
            }
        }

        if (dir is null)
        {
            await Console.Error.WriteLineAsync($"Give the folder holding header.csv, episodes.csv and reviews.csv. {Usage}");
            return 2;
        }

        foreach (var folder in new[] { dir, previousDir }.OfType<string>().Where(f => !Directory.Exists(f)))
        {
            await Console.Error.WriteLineAsync($"There is no folder '{folder}'.");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().TodayInEngland();
        var rules = scope.ServiceProvider.GetRequiredService<RulebookSource>().Rules;
        if (await DemoDatabase.IsDemonstrationAsync(db))
        {
            await Console.Error.WriteLineAsync(DemoDatabase.NoImport);
            return 2;
        }

        var user = CommandLine.User();
        var outcome = await ReturnImporter.ImportAsync(db, scope.ServiceProvider.GetRequiredService<AuditLog>(), user,
            Read(dir), previousDir is null ? null : Read(previousDir),
            year is null ? null : new FinancialYear(year.Value), cleanOnly, today, rules);

        foreach (var problem in outcome.Problems.Listed)
        {
            Console.WriteLine(problem);
        }

        if (outcome.Problems.Unlisted > 0)
        {
            Console.WriteLine($"…and {outcome.Problems.Unlisted} more problems, not listed. Put these right and import again to see them.");
        }

        foreach (var name in outcome.Ignored)
        {
            Console.WriteLine($"{name}: not read (the import reads header.csv, episodes.csv, reviews.csv and names.csv)");
        }

        Console.WriteLine(outcome.Loaded
            ? $"Loaded the return for {outcome.Year.Label}: {outcome.Added.Count} children added, {outcome.Unchanged.Count} already in Care Review and unchanged"
                + (outcome.Skipped.Count > 0 ? $", {outcome.Skipped.Count} skipped for problems: {ImportOutcome.FirstOf(outcome.Skipped)}." : ".")
            : $"Nothing loaded: {outcome.Problems.Count} {(outcome.Problems.Count == 1 ? "problem" : "problems")}. Put them right in the files and import again, or add --clean-only to load only the children with none.");
        return outcome.Loaded ? 0 : 1;
    }

    /// <summary>
    /// The folder's CSV files by lower-case name, each opened as it is read; which of them the import reads is
    /// the import's business.
    /// </summary>
    public static ReturnFileSet Read(string folder)
    {
        var files = new Dictionary<string, Func<Stream>>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in Directory.EnumerateFiles(folder, "*.csv"))
        {
            files[Path.GetFileName(path).ToLowerInvariant()] = () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        }

        return new ReturnFileSet(files);
    }
}
