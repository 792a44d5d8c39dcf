using CareReview.Domain.Returns;
using CareReview.Web.Output;

namespace CareReview.Web.Features.Returns;

/// <summary>Ofsted's Annex A List 8 from the database: the page and the command line both read it here.</summary>
public static class AnnexAData
{
    public static async Task<AnnexAList8Table> LoadAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        // Only children with an episode open on some day of the window, read without tracking: the list touches every child.
        var children = await db.Children.AsNoTracking()
            .Where(c => c.Episodes.Any(e => e.StartedOn <= to && (e.EndedOn == null || e.EndedOn >= from)))
            .Include(c => c.Episodes)
            .Include(c => c.Reviews)
            .Include(c => c.CareEvents)
            .Include(c => c.CarePlans)
            .Include(c => c.Allocations)
            .Include(c => c.SocialWorker).ThenInclude(s => s!.Team)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        // The team of whoever was allocated on the last day, who may not be the social worker now.
        var teams = await db.StaffMembers.AsNoTracking().Where(s => s.Team != null)
            .Select(s => new { s.Id, TeamName = s.Team!.Name }).ToDictionaryAsync(s => s.Id, s => s.TeamName, cancellationToken);
        return AnnexAList8.Build(children, from, to, teams);
    }

    /// <summary>What the audit records of a list: the window and how many children, never who.</summary>
    public static string Counts(AnnexAList8Table table, string? format = null) =>
        $"from:{Csv.Date(table.From)};to:{Csv.Date(table.To)};children:{table.Rows.Count}" + (format is null ? "" : $";format:{format}");

    /// <summary>The file's name, with the window in it so that two downloads do not overwrite each other.</summary>
    public static string FileName(AnnexAList8Table table, string extension) =>
        $"annex-a-list-8-{Csv.Date(table.From)}-to-{Csv.Date(table.To)}.{extension}";
}
