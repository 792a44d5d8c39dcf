using CareReview.Web.Features.AnnualReport;
using CareReview.Web.Output;

namespace CareReview.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/CareReview.Web -- annual-report --year 2026 --out FILE.pdf</c>: writes the IRO
/// annual report for the financial year ending in March of that year (2026 is 1 April 2025 to 31 March 2026)
/// as a PDF, and audits the export.
/// </summary>
public static class AnnualReportCommand
{
    public const string Name = "annual-report";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        // Program.cs passes the arguments after the command's name; the name itself is allowed too.
        var rest = args.Length > 0 && args[0] == Name ? args[1..] : args;
        int? year = null;
        string? outFile = null;
        for (var i = 0; i < rest.Length; i++)
        {
            var value = i + 1 < rest.Length ? rest[i + 1] : null;
            switch (rest[i])
            {
                case "--year" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100:
                    year = y;
                    i++;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    outFile = value;
                    i++;
                    break;
                default:
                    return await UsageAsync($"Did not understand '{rest[i]}'{(value is null ? "" : $" '{value}'")}.");
            }
        }

        if (year is null || outFile is null)
        {
            return await UsageAsync("Give both --year and --out.");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var calendar = (await RulebookSource.BuildAsync(db)).Calendar;
        var financialYear = new FinancialYear(year.Value);
        var (from, to) = (financialYear.Start, financialYear.End);
        var report = await AnnualReportData.LoadAsync(db, from, to, calendar);
        await File.WriteAllBytesAsync(outFile, AnnualReportOutput.Pdf(report));
        scope.ServiceProvider.GetRequiredService<AuditLog>().RecordFor("command-line", Environment.UserName, AuditAction.AnnualReportExported,
            $"from:{Csv.Date(from)};to:{Csv.Date(to)};format:pdf");
        await db.SaveChangesAsync();
        Console.WriteLine($"Wrote the IRO annual report for {financialYear.Label} to {outFile}.");
        return 0;
    }

    private static async Task<int> UsageAsync(string problem)
    {
        await Console.Error.WriteLineAsync($"{problem} Usage: {Name} --year YYYY --out FILE.pdf  (2026 is 1 April 2025 to 31 March 2026)");
        return 2;
    }
}
