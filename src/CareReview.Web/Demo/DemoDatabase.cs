using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Demo;

/// <summary>
/// Keeps demonstrations and councils' records apart (ADR-0025): a new database is marked for the mode it was
/// first started in, and the app refuses to start in the other mode on it.
/// </summary>
public static class DemoDatabase
{
    public const string ForACouncil =
        "This database holds a council's records, so it cannot be used for a demonstration (Demo__Enabled=true). "
        + "Start the demonstration on a new database, for example ConnectionStrings__App=\"Data Source=demo.db\".";

    public const string ForADemonstration =
        "This database was made for a demonstration: its records are synthetic and its sign-ins have a published password. "
        + "Start it with Demo__Enabled=true, or give the council's records a new database (ConnectionStrings__App).";

    public const string NoImport =
        "This is a demonstration's database: its records are synthetic, so it does not load a council's children. "
        + "Load the return into the council's own database, started without Demo__Enabled.";

    public const string NoSync =
        "This is a demonstration's database: its records are synthetic, so it does not take children from a council's case-management system. "
        + "Sync into the council's own database, started without Demo__Enabled.";

    /// <summary>Marks a database the first time the app starts on it; returns why it must not run in this mode, or null.</summary>
    public static async Task<string?> RefusalAsync(AppDbContext db, bool demoMode, DateTime nowUtc)
    {
        var installation = await db.Installations.AsNoTracking().SingleOrDefaultAsync();
        if (installation is null)
        {
            installation = new Installation { Id = 1, IsDemonstration = await BeforeTheMarkIsDemonstrationAsync(db, demoMode), SetUpAtUtc = nowUtc };
            db.Installations.Add(installation);
            await db.SaveChangesAsync();
        }

        return (installation.IsDemonstration, demoMode) switch
        {
            (false, true) => ForACouncil,
            (true, false) => ForADemonstration,
            _ => null,
        };
    }

    /// <summary>Whether the database the import or another loader is about to fill is a demonstration's.</summary>
    public static Task<bool> IsDemonstrationAsync(AppDbContext db) =>
        db.Installations.AnyAsync(i => i.IsDemonstration);

    /// <summary>What an unmarked database is: a new one whatever demo mode says, an older one by its demo sign-in.</summary>
    private static async Task<bool> BeforeTheMarkIsDemonstrationAsync(AppDbContext db, bool demoMode)
    {
        var empty = !await db.Users.AnyAsync() && !await db.StaffMembers.AnyAsync() && !await db.Children.AnyAsync();
        if (empty)
        {
            return demoMode;
        }

        // A database from before the mark: releases before ADR-0025 filled every new SQLite database with the
        // demo council, and only the demo seeder makes this sign-in.
        var normalized = new UpperInvariantLookupNormalizer().NormalizeName(DemoAccounts.IroManager);
        return await db.Users.AnyAsync(u => u.NormalizedUserName == normalized);
    }
}
