using CareReview.Domain.Returns;
using CareReview.Web.Features.Returns;

namespace CareReview.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/CareReview.Web -- annex-a --from 2026-06-01 --to 2026-11-30 --out FILE.xlsx</c>:
/// writes Ofsted's Annex A List 8 for the window (both days included) as Excel or CSV, by the file's extension,
/// and audits the export.
/// </summary>
public static class AnnexACommand
{
    public const string Name = "annex-a";

    private const string Usage = $"Usage: {Name} --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.xlsx|FILE.csv";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        DateOnly? from = null, to = null;
        string? outFile = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--from" when TryDate(value, out var f):
                    from = f;
                    i++;
                    break;
                case "--to" when TryDate(value, out var t):
                    to = t;
                    i++;
                    break;
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    outFile = value;
                    i++;
                    break;
                default:
                    return await FailAsync($"Did not understand '{args[i]}'{(value is null ? "" : $" '{value}'")}.");
            }
        }

        if (from is null || to is null || outFile is null)
        {
            return await FailAsync("Give --from, --to and --out.");
        }

        var format = Path.GetExtension(outFile).ToLowerInvariant() switch
        {
            ".csv" => "csv",
            ".xlsx" => "xlsx",
            _ => null,
        };
        if (format is null)
        {
            return await FailAsync("The file must end .xlsx or .csv.");
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            AnnexAList8.CheckWindow(from.Value, to.Value, scope.ServiceProvider.GetRequiredService<TimeProvider>().TodayInEngland());
        }
        catch (DomainRuleException e)
        {
            return await FailAsync(e.Message + ".");
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var table = await AnnexAData.LoadAsync(db, from.Value, to.Value);
        await File.WriteAllBytesAsync(outFile, format == "csv" ? AnnexAOutput.Csv(table) : AnnexAOutput.Xlsx(table));
        scope.ServiceProvider.GetRequiredService<AuditLog>().RecordFor("command-line", Environment.UserName, AuditAction.AnnexAExported,
            AnnexAData.Counts(table, format));
        await db.SaveChangesAsync();
        Console.WriteLine($"Wrote Annex A List 8 for {GovukDate.Format(table.From)} to {GovukDate.Format(table.To)} to {outFile}: {table.Rows.Count} children.");
        return 0;
    }

    private static bool TryDate(string? value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static async Task<int> FailAsync(string problem)
    {
        await Console.Error.WriteLineAsync($"{problem} {Usage}");
        return 2;
    }
}
