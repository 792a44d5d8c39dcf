using CareReview.Web.Demo;
using CareReview.Web.Features.Ssd;
using Microsoft.Extensions.Options;

namespace CareReview.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/CareReview.Web -- demo-ssd --out DIR</c>: writes the demo council as the Standard
/// Safeguarding Dataset tables <c>sync-ssd</c> reads (<see cref="DemoSsd"/>), as CSV files in DIR or, given a
/// <c>postgres://</c> URL, as tables in <c>--schema</c>. The council is built in memory from the demo's seed and
/// today (or <c>--seed</c> and <c>--today</c>), so it needs no database and reads no one's records: nothing to audit.
/// </summary>
public static class DemoSsdCommand
{
    public const string Name = "demo-ssd";

    private const string Usage = $"Usage: {Name} --out DIR|postgres://USER:PASSWORD@HOST:PORT/DATABASE [--schema NAME] [--seed N] [--today YYYY-MM-DD]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        var seed = services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed;
        var today = services.GetRequiredService<TimeProvider>().TodayInEngland();
        string? location = null, schema = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--out" when !string.IsNullOrWhiteSpace(value):
                    location = value;
                    break;
                case "--schema" when !string.IsNullOrWhiteSpace(value):
                    schema = value;
                    break;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--today" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                    today = d;
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Did not understand '{args[i]}'{(value is null ? "" : $" '{value}'")}. {Usage}");
                    return 2;
            }

            i++;
        }

        if (location is null)
        {
            await Console.Error.WriteLineAsync($"Give --out. {Usage}");
            return 2;
        }

        var build = await DemoIds.BuildAsync(seed, today, Rulebook.National);
        var tables = DemoSsd.Write(build.Council);
        var store = SsdStore.Parse(location, schema);
        foreach (var table in SsdTables.Read)
        {
            await store.WriteAsync(table, tables[table]);
        }

        Console.WriteLine($"Wrote the demo council (seed {seed.ToString(CultureInfo.InvariantCulture)}, as on {GovukDate.Format(today)}) to {store.Description}: "
            + string.Join(", ", SsdTables.Read.Select(t => $"{t.Name} {tables[t].Count.ToString(CultureInfo.InvariantCulture)}")) + ".");
        return 0;
    }
}
