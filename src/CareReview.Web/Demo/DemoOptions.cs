namespace CareReview.Web.Demo;

/// <summary>Demo mode: synthetic data and demo sign-ins (ADR-0006).</summary>
public sealed class DemoOptions
{
    public const string Password = "Demo-pass-2026!";

    /// <summary>
    /// Off unless set, on every engine: a new database is a council's unless a demonstration is asked for
    /// (ADR-0025).
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>The generator's seed: the same seed and the same day give the same data.</summary>
    public int Seed { get; set; } = 20261123;
}

/// <summary>Whether this instance runs in demo mode (so the sign-in page lists the demo accounts).</summary>
public sealed record DemoMode(bool Enabled);
