namespace CareReview.Web.Data.Entities;

public enum SsdSyncState
{
    Running,
    Finished,

    /// <summary>The tables could not be read, or the run stopped part-way; what it saved before stopping stays saved, a child at a time.</summary>
    Failed,
}

/// <summary>One run of the SSD sync (ADR-0029): what it read, what it did, and the problems it met.</summary>
public sealed class SsdSyncRun
{
    public int Id { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }

    /// <summary>Written as the run goes; a run left Running with no heartbeat for <c>SsdSync.Stale</c> stopped without finishing.</summary>
    public DateTime HeartbeatAtUtc { get; set; }

    /// <summary>Who started it: a person's name, "command line" or "schedule".</summary>
    public required string StartedBy { get; set; }

    /// <summary>Where the tables were read from, without a password.</summary>
    public required string Source { get; set; }

    /// <summary>A dry run reports what would change and saves no child.</summary>
    public bool DryRun { get; set; }

    public SsdSyncState State { get; set; }

    /// <summary>Why a failed run stopped.</summary>
    public string? Failure { get; set; }

    /// <summary>Children in the case system's tables (people with an episode of care).</summary>
    public int ChildrenRead { get; set; }

    /// <summary>Children worked through so far, for the progress shown while it runs.</summary>
    public int ChildrenDone { get; set; }

    public int Added { get; set; }
    public int Changed { get; set; }
    public int Unchanged { get; set; }

    /// <summary>Children Care Review holds that the case system no longer has, newly flagged for a manager.</summary>
    public int Flagged { get; set; }

    /// <summary>Children skipped for problems in their rows, each listed in <see cref="Problems"/>.</summary>
    public int Refused { get; set; }

    /// <summary>Records merged upstream that Care Review followed to the surviving person id.</summary>
    public int Merged { get; set; }

    public List<SsdSyncProblem> Problems { get; set; } = [];

    /// <summary>A dry run's report, child by child, of what a run would change; not stored.</summary>
    public List<string> WouldChange { get; } = [];

    public long Version { get; set; }

    /// <summary>Seconds from start to finish, for the page.</summary>
    public double? Seconds => FinishedAtUtc is { } end ? (end - StartedAtUtc).TotalSeconds : null;
}

/// <summary>A row the sync could not use: the table, the row's own id, the field, and what is wrong, in words a data officer can act on.</summary>
public sealed class SsdSyncProblem
{
    public const int MaxMessageLength = 500;

    public long Id { get; set; }
    public int RunId { get; set; }
    public required string Table { get; set; }
    public required string Row { get; set; }
    public required string Field { get; set; }

    /// <summary>The person the row belongs to (<c>pers_person_id</c>), when known.</summary>
    public string? PersonId { get; set; }

    public required string Message { get; set; }
}
