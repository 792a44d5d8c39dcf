namespace CareReview.Web.Data;

public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>
    /// Database:Provider picks the engine (Sqlite by default, Postgres in production) and
    /// ConnectionStrings:App says where it is.
    /// </summary>
    public static string AddAppDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = ProviderIn(config);
        var connection = config.GetConnectionString("App") ?? "Data Source=carereview.db";
        switch (provider)
        {
            case Sqlite:
                services.AddDbContext<AppDbContext, SqliteAppDbContext>(o => o.UseAppSqlite(connection));
                break;
            case Postgres:
                services.AddDbContext<AppDbContext, PostgresAppDbContext>(o => o.UseNpgsql(connection));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider must be {Sqlite} or {Postgres}, not '{provider}'.");
        }

        return provider;
    }

    /// <summary>SQLite as the app uses it, with <see cref="SqliteConnectionSettings"/>; for anything that builds its own context.</summary>
    /// <summary>The engine Database:Provider names: Sqlite unless it says otherwise.</summary>
    public static string ProviderIn(IConfiguration config) => config["Database:Provider"] ?? Sqlite;

    public static DbContextOptionsBuilder UseAppSqlite(this DbContextOptionsBuilder options, string connection) =>
        options.UseSqlite(connection).AddInterceptors(SqliteConnectionSettings.Instance);

    /// <inheritdoc cref="UseAppSqlite(DbContextOptionsBuilder, string)"/>
    public static DbContextOptionsBuilder<TContext> UseAppSqlite<TContext>(this DbContextOptionsBuilder<TContext> options, string connection)
        where TContext : DbContext
    {
        ((DbContextOptionsBuilder)options).UseAppSqlite(connection);
        return options;
    }
}
