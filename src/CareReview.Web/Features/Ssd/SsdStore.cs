using System.Collections.Frozen;
using System.Text;
using CareReview.Domain.Returns;
using CareReview.Web.Output;
using Npgsql;

namespace CareReview.Web.Features.Ssd;

/// <summary>One row of an SSD table: where it was (a file's line, or the row's place in the query) and its values by lower-case column name.</summary>
public sealed record SsdRow(string Table, int Line, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Values.TryGetValue(column, out var value) ? value.Trim() : "";

    /// <summary>The row's own id (its table's first column), to name it in a problem.</summary>
    public string Key(SsdTable table) => this[table.Key.Name];
}

/// <summary>What reading a table found: its rows, or why it could not be read. A table the council does not supply is <see cref="Missing"/>.</summary>
public sealed record SsdTableRead(SsdTable Table, IReadOnlyList<SsdRow> Rows, string? Problem, bool Missing)
{
    public bool Supplied => !Missing && Problem is null;
}

/// <summary>
/// Where a council's SSD tables are: a folder of CSV files named after the tables (<c>ssd_person.csv</c>), or a
/// schema in a PostgreSQL database. A SQL Server source would be one more subclass (ADR-0029).
/// </summary>
public abstract class SsdStore
{
    /// <summary>Shown on the sync page and in the audit log: never a password.</summary>
    public abstract string Description { get; }

    public abstract Task<SsdTableRead> ReadAsync(SsdTable table, CancellationToken cancellationToken = default);

    /// <summary>Replaces the table's rows with <paramref name="rows"/>, each in <see cref="SsdTable.Columns"/> order.</summary>
    public abstract Task WriteAsync(SsdTable table, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken = default);

    /// <summary>
    /// A folder path, or <c>postgres://user:password@host:port/database</c> with the schema given apart
    /// (<c>public</c> when none is).
    /// </summary>
    public static SsdStore Parse(string location, string? schema = null) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            ? new SsdPostgresSchema(SsdPostgresSchema.ConnectionString(location), string.IsNullOrWhiteSpace(schema) ? "public" : schema)
            : new SsdCsvFolder(location);

    /// <summary>A date as D2I's CSV extracts write it (ISO 8601), and a flag as Y or N.</summary>
    public static string Date(DateOnly date) => Csv.Date(date);

    public static string? Date(DateOnly? date) => date is { } d ? Date(d) : null;

    public static string? Flag(bool? value) => value switch { true => "Y", false => "N", null => null };

    /// <summary>A date from an SSD value: ISO 8601 with or without a time (as SQL Server writes DATETIME), or dd/MM/yyyy.</summary>
    public static bool TryDate(string value, out DateOnly date)
    {
        var text = value.Trim();
        var space = text.IndexOfAny([' ', 'T']);
        if (space == 10)
        {
            text = text[..10];
        }

        return DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}

/// <summary>A folder of CSV files, one a table, as D2I's extract tool writes them.</summary>
public sealed class SsdCsvFolder(string folder) : SsdStore
{
    /// <summary>Far more rows than any council's table of visits holds; a file of junk stops here.</summary>
    private const int MaxRows = 5_000_000;

    public string Folder { get; } = folder;

    public override string Description => $"the folder {Folder}";

    public override Task<SsdTableRead> ReadAsync(SsdTable table, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Folder, table.Name + ".csv");
        if (!File.Exists(path))
        {
            return Task.FromResult(new SsdTableRead(table, [], null, Missing: true));
        }

        Stream Open() => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
        var header = HeaderOf(Open);
        var missing = table.RequiredColumns.Where(c => !header.Contains(c.Name.ToUpperInvariant())).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            return Task.FromResult(new SsdTableRead(table, [], $"The file has no column {string.Join(", ", missing)}.", Missing: false));
        }

        var file = Ssda903Csv.Read(Open, header, asTyped: header.ToHashSet(StringComparer.Ordinal), maxRows: MaxRows);
        if (!file.IsReadable)
        {
            var first = file.Problems[0];
            return Task.FromResult(new SsdTableRead(table, [], $"Line {first.Line}: {first.Message}", Missing: false));
        }

        // Every row shares one map of lower-case names to places; a dictionary a row made a table of visits cost gigabytes.
        var names = header.Select((h, i) => (h, i)).ToFrozenDictionary(c => c.h.ToLowerInvariant(), c => c.i, StringComparer.Ordinal);
        var rows = file.Rows.Select(r => new SsdRow(table.Name, r.Line, ((Ssda903Values)r.Values).Renamed(names))).ToList();
        return Task.FromResult(new SsdTableRead(table, rows, null, Missing: false));
    }

    public override async Task WriteAsync(SsdTable table, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Folder);
        await using var file = File.Create(Path.Combine(Folder, table.Name + ".csv"));
        await Csv.WriteAsync(file, [.. table.Columns.Select(c => c.Name)], rows.ToAsyncEnumerable(), cancellationToken);
    }

    /// <summary>The header's column names, upper-cased as the CSV reader compares them; empty when the file cannot be read.</summary>
    private static List<string> HeaderOf(Func<Stream> open)
    {
        using var reader = new StreamReader(open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = reader.ReadLine() ?? "";
        return [.. line.Split(',').Select(c => c.Trim().Trim('"').Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}

/// <summary>A schema in a PostgreSQL database, such as the council's reporting database or a copy of it.</summary>
public sealed class SsdPostgresSchema(string connectionString, string schema) : SsdStore
{
    public string Schema { get; } = schema;

    public override string Description
    {
        get
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}, schema {Schema}";
        }
    }

    /// <summary>An Npgsql connection string from a <c>postgres://</c> URL, with the user and password unescaped.</summary>
    public static string ConnectionString(string url)
    {
        var uri = new Uri(url);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        return builder.ConnectionString;
    }

    public override async Task<SsdTableRead> ReadAsync(SsdTable table, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using (var columns = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table", connection))
        {
            columns.Parameters.AddWithValue("schema", Schema);
            columns.Parameters.AddWithValue("table", table.Name);
            await using var reader = await columns.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                present.Add(reader.GetString(0).ToLowerInvariant());
            }
        }

        if (present.Count == 0)
        {
            return new SsdTableRead(table, [], null, Missing: true);
        }

        var missing = table.RequiredColumns.Where(c => !present.Contains(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            return new SsdTableRead(table, [], $"The table has no column {string.Join(", ", missing)}.", Missing: false);
        }

        var read = table.Columns.Where(c => present.Contains(c.Name)).ToList();
        var select = $"SELECT {string.Join(", ", read.Select(c => $"{Quoted(c.Name)}::text"))} FROM {Quoted(Schema)}.{Quoted(table.Name)}";
        var names = read.Select((c, i) => (c.Name, i)).ToFrozenDictionary(c => c.Name, c => c.i, StringComparer.Ordinal);
        var rows = new List<SsdRow>();
        await using var query = new NpgsqlCommand(select, connection);
        await using var rowReader = await query.ExecuteReaderAsync(cancellationToken);
        while (await rowReader.ReadAsync(cancellationToken))
        {
            var values = new string[read.Count];
            for (var i = 0; i < read.Count; i++)
            {
                values[i] = rowReader.IsDBNull(i) ? "" : rowReader.GetString(i);
            }

            rows.Add(new SsdRow(table.Name, rows.Count + 1, new Ssda903Values(names, values)));
        }

        return new SsdTableRead(table, rows, null, Missing: false);
    }

    /// <summary>Creates the schema and table when missing (with the types docs/ssd/ gives), and replaces the rows in one transaction.</summary>
    public override async Task WriteAsync(SsdTable table, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var create = new NpgsqlCommand($"CREATE SCHEMA IF NOT EXISTS {Quoted(Schema)}; {CreateTable(table, Schema)} DELETE FROM {Quoted(Schema)}.{Quoted(table.Name)};", connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var columns = string.Join(", ", table.Columns.Select(c => Quoted(c.Name)));
        await using (var copy = await connection.BeginTextImportAsync(
            $"COPY {Quoted(Schema)}.{Quoted(table.Name)} ({columns}) FROM STDIN", cancellationToken))
        {
            var line = new StringBuilder();
            foreach (var row in rows)
            {
                line.Clear();
                for (var i = 0; i < row.Count; i++)
                {
                    // Empty is NULL, as it is in a CSV file: an empty date or number is not a value PostgreSQL can store.
                    line.Append(i == 0 ? "" : "\t").Append(row[i] is { Length: > 0 } value ? CopyText(value) : "\\N");
                }

                await copy.WriteLineAsync(line, cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The table as docs/ssd/ defines it, in PostgreSQL's types.</summary>
    public static string CreateTable(SsdTable table, string schema) =>
        $"CREATE TABLE IF NOT EXISTS {Quoted(schema)}.{Quoted(table.Name)} ({string.Join(", ", table.Columns.Select((c, i) => $"{Quoted(c.Name)} {SqlType(c.Type)}{(i == 0 ? " PRIMARY KEY" : "")}"))});";

    public static string SqlType(SsdType type) => type switch
    {
        SsdType.Id => "varchar(48)",
        SsdType.Text => "varchar(255)",
        SsdType.Date => "date",
        SsdType.Flag => "char(1)",
        SsdType.Number => "integer",
        SsdType.Decimal => "numeric(6,2)",
        SsdType.Json => "text",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static string Quoted(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string CopyText(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}
