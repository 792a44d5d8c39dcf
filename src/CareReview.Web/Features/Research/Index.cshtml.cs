using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using CareReview.Domain.Research;
using CareReview.Web.Output;

namespace CareReview.Web.Features.Research;

/// <summary>
/// The anonymised research extract (issue 7, ADR-0013, ADR-0024), for researchers and the IRO manager: a zip of
/// children.csv, reviews.csv, tables.csv, codebook.csv, extract.sps and README.txt for a window of dates. The
/// page shows how the extract for the window would be made anonymous before it is downloaded.
/// </summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput? To { get; set; }

    /// <summary>The council's k (<see cref="ResearchSettings"/>).</summary>
    public int K => ResearchSettings.KIn(configuration);

    /// <summary>How the extract for the window shown is made anonymous; null when the window has a problem.</summary>
    public ExtractAnonymity? Anonymity { get; private set; }

    /// <summary>The window <see cref="Anonymity"/> is for, in words.</summary>
    public string? WindowShown { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // The last whole financial year before today.
        var lastYear = FinancialYear.Containing(time.TodayInEngland()).Previous;
        var asked = !(From is null || From.IsEmpty) || !(To is null || To.IsEmpty);
        From = From is null || From.IsEmpty ? DateInput.From(lastYear.Start) : From;
        To = To is null || To.IsEmpty ? DateInput.From(lastYear.End) : To;
        if (await BuildAsync(complainAboutWindow: asked) is { } extract)
        {
            Anonymity = extract.Anonymity;
            WindowShown = Window(extract.From, extract.To);
        }

        audit.Record(AuditAction.ResearchExtractViewed);
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        if (await BuildAsync(complainAboutWindow: true) is not { } extract)
        {
            return Page();
        }

        var tableRows = extract.TableRows().ToList();
        var a = extract.Anonymity;
        audit.Record(AuditAction.ResearchExtractExported,
            details: $"from:{Csv.Date(extract.From)};to:{Csv.Date(extract.To)};children:{Csv.Number(extract.Children.Count)};reviews:{Csv.Number(extract.Reviews.Count)};table_cells:{Csv.Number(tableRows.Count)};k:{Csv.Number(a.K)};children_generalised:{Csv.Number(a.Children.Generalised)};children_suppressed:{Csv.Number(a.Children.Suppressed)};reviews_generalised:{Csv.Number(a.Reviews.Generalised)};reviews_suppressed:{Csv.Number(a.Reviews.Suppressed)}");
        await db.SaveChangesAsync();
        return File(Zip(extract, tableRows), "application/zip", $"research-extract-{Csv.Date(extract.From)}-to-{Csv.Date(extract.To)}.zip");
    }

    public static string Window(DateOnly from, DateOnly to) =>
        $"children looked after from {GovukDate.Format(from)} to {GovukDate.Format(to)}";

    /// <summary>The extract for the window asked for, or null with the problems beside the fields.</summary>
    private async Task<ResearchExtract?> BuildAsync(bool complainAboutWindow)
    {
        var state = complainAboutWindow ? ModelState : new Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary();
        var from = state.ReadDate(nameof(From), From, "The start date");
        var to = state.ReadDate(nameof(To), To, "The end date");
        if (from is { } start && to is { } end && state.IsValid)
        {
            try
            {
                ResearchExtract.CheckWindow(start, end, time.TodayInEngland());
            }
            catch (DomainRuleException e)
            {
                state.AddModelError(e.Field ?? "", e.Message);
            }
        }

        if (from is null || to is null || !state.IsValid)
        {
            return null;
        }

        var facts = await FactsAsync(from.Value, to.Value);
        using var random = RandomNumberGenerator.Create();
        return ResearchExtract.Build(facts, from.Value, to.Value, random, K);
    }

    private static byte[] Zip(ResearchExtract extract, IReadOnlyList<TableRow> tableRows)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ResearchVariables.Children.FileName, Csv.ToBytes(ResearchVariables.Children.Header, extract.Children.Select(ResearchVariables.Children.Values)));
            Add(zip, ResearchVariables.Reviews.FileName, Csv.ToBytes(ResearchVariables.Reviews.Header, extract.Reviews.Select(ResearchVariables.Reviews.Values)));
            Add(zip, ResearchVariables.Tables.FileName, Csv.ToBytes(ResearchVariables.Tables.Header, tableRows.Select(ResearchVariables.Tables.Values)));
            Add(zip, "codebook.csv", Csv.ToBytes(SpssSyntax.CodebookHeader, SpssSyntax.CodebookRows()));
            Add(zip, "extract.sps", Encoding.UTF8.GetBytes(SpssSyntax.For(Window(extract.From, extract.To))));
            Add(zip, "README.txt", Encoding.UTF8.GetBytes(Readme(extract, tableRows.Count)));
        }

        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var output = entry.Open();
        output.Write(bytes);
    }

    private static string Readme(ResearchExtract extract, int cells)
    {
        var text = new StringBuilder();
        var n = CultureInfo.InvariantCulture;
        var a = extract.Anonymity;
        text.Append(n, $"Care Review research extract: {Window(extract.From, extract.To)}.\r\n\r\n");
        text.Append(n, $"children.csv  {extract.Children.Count} children: one row per child looked after on at least one day of the window,\r\n");
        text.Append(n, $"              but for {a.Children.Suppressed} left out to keep the extract anonymous (see below).\r\n");
        text.Append(n, $"reviews.csv   {extract.Reviews.Count} statutory reviews held in the window, but for {a.Reviews.Suppressed} left out. A row does not\r\n");
        text.Append("              say whose review it is, and the rows are in the order of their values.\r\n");
        text.Append(n, $"tables.csv    {cells} cells of aggregate tables, totals included, counted from children.csv and reviews.csv.\r\n");
        text.Append("codebook.csv  every column of the three files and every code it can hold.\r\n");
        text.Append("extract.sps   SPSS or PSPP syntax that loads the three files with their labels; run it from this folder.\r\n\r\n");
        text.Append("Anonymisation\r\n");
        text.Append("- Children and IROs are known only by pseudonymous ids (pid, iro_pid), made for this extract with a key\r\n");
        text.Append("  drawn at random for it and thrown away: they cannot be joined to any other extract.\r\n");
        text.Append("- There are no names, council ids, postcodes, URNs, free text or dates: ages are in bands, and a review's\r\n");
        text.Append("  timing is at most its calendar quarter.\r\n");
        text.Append(n, $"- k-anonymity, k = {a.K}. The columns below could also be read from the council's DfE (SSDA903) return or worked\r\n");
        text.Append("  out from it. Each was coded as finely as it could be while every row shares all of them with rows of at\r\n");
        text.Append("  least k children; rows that would still have stood out were left out. A withheld value is written *.\r\n");
        foreach (var file in new[] { a.Children, a.Reviews })
        {
            text.Append(n, $"  {file.FileName}: {file.Rows} rows, {file.Generalised} with a value coarser than its finest coding, {file.Suppressed} left out;\r\n");
            text.Append(n, $"  the smallest group sharing every one of these columns holds rows of {file.SmallestGroup} children.\r\n");
            foreach (var coding in file.Codings)
            {
                text.Append(n, $"    {coding.Column,-14}{coding.Coding}{(coding.IsGeneralised ? " (generalised)" : "")}\r\n");
            }
        }

        text.Append("  How the child took part in a review (means_*) is written only with the participation code itself.\r\n");
        text.Append("- In tables.csv, counts of 1 to 4 are written as c, and so is a second cell wherever a total would reveal\r\n");
        text.Append("  a suppressed one. Zero is published. Do not publish counts below 5 from children.csv or reviews.csv without\r\n");
        text.Append("  suppressing them the same way.\r\n");
        text.Append("Files are UTF-8 CSV (RFC 4180) with a byte-order mark.\r\n");
        return text.ToString();
    }

    /// <summary>What the extract needs of each child looked after in the window, read without names or text.</summary>
    private async Task<List<ResearchChildFacts>> FactsAsync(DateOnly start, DateOnly end)
    {
        var episodes = await db.CareEpisodes
            .Where(e => e.StartedOn <= end && (e.EndedOn == null || e.EndedOn > start))
            .Select(e => new { e.ChildId, Fact = new EpisodeFact(e.StartedOn, e.EndedOn, e.ReasonForNewEpisode, e.LegalStatus, e.CategoryOfNeed, e.PlacementType) })
            .ToListAsync();
        var ids = episodes.Select(e => e.ChildId).Distinct().ToList();
        var children = await db.Children.Where(c => ids.Contains(c.Id)).Select(c => new { c.Id, c.Sex, c.DateOfBirth }).ToListAsync();
        var allocations = (await db.Set<Allocation>().Where(a => ids.Contains(a.ChildId))
                .Select(a => new { a.ChildId, a.Id, a.From, a.IroId }).ToListAsync())
            .OrderBy(a => a.From ?? DateOnly.MinValue).ThenBy(a => a.Id)
            .ToLookup(a => a.ChildId, a => new AllocationFact(a.From, a.IroId));
        var reviews = (await (
                from review in db.Reviews
                join card in db.ReviewFeedback on review.Id equals card.ReviewId into cards
                from card in cards.DefaultIfEmpty()
                where ids.Contains(review.ChildId) && review.HeldOn >= start && review.HeldOn <= end
                select new
                {
                    review.ChildId,
                    HeldOn = review.HeldOn!.Value,
                    review.DueOn,
                    review.DueRuleId,
                    review.ParticipationCode,
                    review.ParticipationMeans,
                    SeenAlone = review.ChildSeenAloneOn != null,
                    Rating = card == null ? (Domain.Voice.ReviewRating?)null : card.Rating,
                })
            .ToListAsync())
            .ToLookup(r => r.ChildId, r => new ReviewFact(r.HeldOn, r.DueOn, r.DueRuleId, r.ParticipationCode, r.ParticipationMeans, r.SeenAlone, r.Rating));
        var recommendations = (await (
                from rec in db.Recommendations
                join review in db.Reviews on rec.ReviewId equals review.Id
                where ids.Contains(review.ChildId) && rec.MadeOn >= start && rec.MadeOn <= end
                select new { review.ChildId, rec.MadeOn, rec.DueOn, rec.Status, rec.CompletedOn })
            .ToListAsync())
            .ToLookup(r => r.ChildId, r => new RecommendationFact(r.MadeOn, r.DueOn, r.Status, r.CompletedOn));
        var escalations = (await db.Escalations.Include(e => e.Stages)
                .Where(e => ids.Contains(e.ChildId) && e.RaisedOn >= start && e.RaisedOn <= end)
                .ToListAsync())
            .ToLookup(e => e.ChildId, e => new EscalationFact(e.RaisedOn, e.StageReached));
        var referrals = (await db.CafcassReferrals
                .Where(r => ids.Contains(r.ChildId) && r.ReferredOn >= start && r.ReferredOn <= end)
                .Select(r => new { r.ChildId, r.ReferredOn }).ToListAsync())
            .ToLookup(r => r.ChildId, r => r.ReferredOn);
        var episodesByChild = episodes.ToLookup(e => e.ChildId, e => e.Fact);

        return [.. children.Select(c => new ResearchChildFacts(c.Id, c.Sex, c.DateOfBirth, [.. episodesByChild[c.Id]], [.. allocations[c.Id]],
            [.. reviews[c.Id]], [.. recommendations[c.Id]], [.. escalations[c.Id]], [.. referrals[c.Id]]))];
    }
}
