namespace CareReview.Web.Data.Entities;

/// <summary>
/// One stage of the council's formal dispute-resolution process as an administrator set it. A change saves
/// a whole new revision; rows are never changed or deleted, so the earlier revisions are the history. Open
/// escalations keep the stage names and times they were opened with.
/// </summary>
public sealed class DrpStageSetting
{
    public int Id { get; set; }

    /// <summary>1 for the council's first change to the default process, then 2, 3…</summary>
    public int Revision { get; set; }

    public int Number { get; set; }
    public required string Respondent { get; set; }
    public int ResponseWorkingDays { get; set; }
    public required string ChangedBy { get; set; }
    public DateTime ChangedAtUtc { get; set; }

    /// <summary>The process in force: the latest revision, or the default when the council has not changed it.</summary>
    public static async Task<(DisputeResolutionProcess Process, int Revision)> CurrentAsync(AppDbContext db)
    {
        var revision = await db.Set<DrpStageSetting>().MaxAsync(s => (int?)s.Revision) ?? 0;
        if (revision == 0)
        {
            return (DisputeResolutionProcess.Default, 0);
        }

        var stages = await db.Set<DrpStageSetting>().Where(s => s.Revision == revision).OrderBy(s => s.Number)
            .Select(s => new DrpStageDefinition(s.Number, s.Respondent, s.ResponseWorkingDays))
            .ToListAsync();
        return (new DisputeResolutionProcess(stages), revision);
    }
}
