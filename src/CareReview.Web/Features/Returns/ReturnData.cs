using CareReview.Domain.Returns;

namespace CareReview.Web.Features.Returns;

/// <summary>The year's return from the database: the export, the in-app check and the command line all read it here.</summary>
public static class ReturnData
{
    public static async Task<ReturnFiles> LoadAsync(AppDbContext db, FinancialYear year, CancellationToken cancellationToken = default)
    {
        // Only children with an episode open at some point in the year, read without tracking: a return touches every child.
        var children = await db.Children.AsNoTracking()
            .Where(c => c.Episodes.Any(e => e.StartedOn <= year.End && (e.EndedOn == null || e.EndedOn >= year.Start)))
            .Include(c => c.Episodes)
            .Include(c => c.Reviews)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return ReturnExport.Build(children, year);
    }

    /// <summary>The three files in one zip, named as the DfE's upload expects.</summary>
    public static byte[] Zip(ReturnFiles files)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in files.Files)
            {
                using var entry = zip.CreateEntry(name).Open();
                entry.Write(content);
            }
        }

        return stream.ToArray();
    }

    public static string Counts(ReturnFiles files) =>
        $"year:{files.Year.EndingYear};header:{files.Header.Count};episodes:{files.Episodes.Count};reviews:{files.Reviews.Count}";
}
