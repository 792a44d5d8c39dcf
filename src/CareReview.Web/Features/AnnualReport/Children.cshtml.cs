using CareReview.Web.Output;
using Report = CareReview.Domain.Reports.AnnualReport;

namespace CareReview.Web.Features.AnnualReport;

/// <summary>
/// The children behind one figure of the annual report. Only children the user may see are named; the others
/// are counted, never named. Each drill-down is audited with the figure and how many were shown.
/// </summary>
public sealed class ChildrenModel(AppDbContext db, AuditLog audit, RulebookSource rules, TimeProvider time) : PageModel
{
    public sealed record Row(int Id, string Name, string LocalId);

    public Report? Report { get; private set; }
    public string Figure { get; private set; } = "";
    public string Heading { get; private set; } = "";
    public IReadOnlyList<Row> Shown { get; private set; } = [];
    public int NotShown { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? figure, string? from, string? to)
    {
        if (figure is null || !TryDate(from, out var start) || !TryDate(to, out var end) || end < start)
        {
            return NotFound();
        }

        Report = await AnnualReportData.LoadAsync(db, start, end, rules.Current);
        if (Report.ChildrenBehind(figure) is not { } ids || Report.Line(figure) is not { } line)
        {
            return NotFound();
        }

        Figure = figure;
        var section = AnnualReportOutput.Sections.FirstOrDefault(s => s.Measure == line.Measure).Heading ?? line.Measure;
        Heading = line.Measure.EndsWith("_by_quarter", StringComparison.Ordinal) || line.Measure == "attended_review"
            ? $"{section}: {line.Value}, {line.Group}" : $"{section}: {line.Value}";
        var idList = ids.ToList();
        Shown = [.. (await db.ChildrenVisibleTo(User, time).Where(c => idList.Contains(c.Id))
                .Select(c => new { c.Id, c.GivenName, c.FamilyName, c.LocalId })
                .ToListAsync())
            .Select(c => new Row(c.Id, $"{c.GivenName} {c.FamilyName}", c.LocalId))
            .OrderBy(c => c.Name, StringComparer.Ordinal)];
        NotShown = idList.Count - Shown.Count;
        audit.Record(AuditAction.AnnualReportDrilledInto,
            details: $"figure:{figure};from:{Csv.Date(start)};to:{Csv.Date(end)};children:{idList.Count};shown:{Shown.Count}");
        await db.SaveChangesAsync();
        return Page();
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
