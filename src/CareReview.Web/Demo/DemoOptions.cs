namespace CareReview.Web.Demo;

/// <summary>Demo mode: synthetic data and demo sign-ins (ADR-0006).</summary>
public sealed class DemoOptions
{
    public const string Password = "Demo-pass-2026!";

    /// <summary>
    /// Null means "the default for the engine": on for the embedded SQLite database, off for
    /// PostgreSQL, which only gets demo data when this is set to true explicitly.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>The generator's seed: the same seed and the same day give the same data.</summary>
    public int Seed { get; set; } = 20261123;

    public bool IsEnabledFor(string provider) => Enabled ?? provider == Data.DatabaseSetup.Sqlite;
}

/// <summary>Whether this instance runs in demo mode (so the sign-in page lists the demo accounts).</summary>
public sealed record DemoMode(bool Enabled);
