using CareReview.Web.Features.Ssd;
using CareReview.Web.Features.Ssd.Publishing;

namespace CareReview.Web.Commands;

/// <summary>
/// <c>dotnet run --project src/CareReview.Web -- publish-ssd --to DIR|postgres://user:password@host/database [--schema NAME]</c>:
/// writes the IRO service's data for all the council's children as Standard Safeguarding Dataset tables
/// (docs/ssd/README.md, ADR-0030), replacing what each table held, and audits the export with each table's rows.
/// With <c>--schema-sql</c> it prints the tables' PostgreSQL definitions instead (docs/ssd/schema.sql).
/// </summary>
public static class PublishSsdCommand
{
    public const string Name = "publish-ssd";

    private const string Usage = $"Usage: {Name} --to DIR|postgres://user:password@host:port/database [--schema NAME], or {Name} --schema-sql [--schema NAME]";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? to = null, schema = null;
        var schemaSql = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--to" when !string.IsNullOrWhiteSpace(value):
                    to = value;
                    i++;
                    break;
                case "--schema" when !string.IsNullOrWhiteSpace(value):
                    schema = value;
                    i++;
                    break;
                case "--schema-sql":
                    schemaSql = true;
                    break;
                default:
                    return await FailAsync($"Did not understand '{args[i]}'.");
            }
        }

        if (schemaSql)
        {
            if (to is not null)
            {
                return await FailAsync("--schema-sql prints the definitions and writes nothing: leave out --to.");
            }

            Console.Write(SsdPublication.SchemaSql(schema ?? SsdPublication.DocumentedSchema));
            return 0;
        }

        if (to is null)
        {
            return await FailAsync("Give --to: a folder, or a PostgreSQL database as postgres://.");
        }

        SsdStore store;
        try
        {
            store = SsdStore.Parse(to, schema);
        }
        catch (UriFormatException)
        {
            return await FailAsync("The PostgreSQL address is not a valid postgres:// URL.");
        }

        if (schema is not null && store is not SsdPostgresSchema)
        {
            return await FailAsync("--schema is for a PostgreSQL database; a folder has no schema.");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().TodayInEngland();
        var publication = SsdPublication.Build(await SsdPublicationSource.LoadAsync(db, today));
        var destination = store is SsdPostgresSchema ? "postgres" : "folder";
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        try
        {
            await publication.WriteAsync(store);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Npgsql.NpgsqlException)
        {
            // Some tables may have been written before the failure, so the attempt is an export too.
            audit.RecordFor("command-line", Environment.UserName, AuditAction.SsdPublished, $"to:{destination};{publication.Counts};failed");
            await db.SaveChangesAsync();
            await Console.Error.WriteLineAsync($"Could not write to {store.Description}: {e.Message}");
            return 1;
        }

        audit.RecordFor("command-line", Environment.UserName, AuditAction.SsdPublished, $"to:{destination};{publication.Counts}");
        await db.SaveChangesAsync();
        Console.WriteLine($"Published to {store.Description}: "
            + string.Join(", ", SsdPublication.Tables.Select(t => $"{t.Name} {publication.Rows(t).Count.ToString("N0", CultureInfo.InvariantCulture)}")) + ".");
        return 0;
    }

    private static async Task<int> FailAsync(string problem)
    {
        await Console.Error.WriteLineAsync($"{problem} {Usage}");
        return 2;
    }
}
