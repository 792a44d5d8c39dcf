using CareReview.Domain.Returns;
using CareReview.Web.Features.Returns;

namespace CareReview.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/CareReview.Web -- export-903 --year 2026 --out DIR</c>: writes header.csv,
/// episodes.csv and reviews.csv of the DfE looked-after return for the collection year ending on 31 March
/// of that year, prints any problems the app's checks find, and audits the export.
/// </summary>
public static class ExportReturnCommand
{
    public const string Name = "export-903";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        int? year = null;
        string? outDir = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--year" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100:
                    year = y;
                    i++;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    outDir = value;
                    i++;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Did not understand '{args[i]}'. Usage: {Name} --year YYYY --out DIR  (2026 is 1 April 2025 to 31 March 2026)");
                    return 2;
            }
        }

        if (year is null || outDir is null)
        {
            await Console.Error.WriteLineAsync($"Give both --year and --out. Usage: {Name} --year YYYY --out DIR");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var collection = new FinancialYear(year.Value);
        var files = await ReturnData.LoadAsync(db, collection);
        Directory.CreateDirectory(outDir);
        foreach (var (name, content) in files.Files)
        {
            await File.WriteAllBytesAsync(Path.Combine(outDir, name), content);
        }

        scope.ServiceProvider.GetRequiredService<AuditLog>().RecordFor("command-line", Environment.UserName, AuditAction.ReturnExported, ReturnData.Counts(files));
        await db.SaveChangesAsync();

        var problems = ReturnChecks.Run(files.Tables, collection);
        foreach (var problem in problems)
        {
            Console.WriteLine($"{problem.Table.ToLowerInvariant()}.csv:{problem.Line}: {problem.Field}: {problem.Message} (rule {problem.Code})");
        }

        Console.WriteLine($"Wrote the return for {collection.Label} to {outDir}: {files.Header.Count} children, {files.Episodes.Count} episodes, "
            + $"{files.Reviews.Count} reviews; {problems.Count} problems found by the app's checks.");
        return 0;
    }
}
