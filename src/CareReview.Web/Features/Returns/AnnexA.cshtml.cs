using CareReview.Domain.Returns;

namespace CareReview.Web.Features.Returns;

/// <summary>
/// Ofsted's ILACS Annex A List 8 (children in care) for a window, normally the 6 months before an inspection:
/// how many children are in it, and the list as CSV or Excel. The view and every download are audited.
/// </summary>
public sealed class AnnexAModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput? To { get; set; }

    public AnnexAList8Table? Table { get; private set; }

    /// <summary>The query string that gives this window again, for the download links.</summary>
    public string Query => Table is null ? "" :
        $"From.Day={Table.From.Day}&From.Month={Table.From.Month}&From.Year={Table.From.Year}&To.Day={Table.To.Day}&To.Month={Table.To.Month}&To.Year={Table.To.Year}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken))
        {
            audit.Record(AuditAction.AnnexAViewed, details: AnnexAData.Counts(Table!));
            await db.SaveChangesAsync(cancellationToken);
        }

        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken) => ExportAsync("csv", cancellationToken);

    public Task<IActionResult> OnGetXlsxAsync(CancellationToken cancellationToken) => ExportAsync("xlsx", cancellationToken);

    private async Task<IActionResult> ExportAsync(string format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return Page();
        }

        var table = Table!;
        audit.Record(AuditAction.AnnexAExported, details: AnnexAData.Counts(table, format));
        await db.SaveChangesAsync(cancellationToken);
        return format == "csv"
            ? File(AnnexAOutput.Csv(table), AnnexAOutput.CsvContentType, AnnexAData.FileName(table, "csv"))
            : File(AnnexAOutput.Xlsx(table), AnnexAOutput.XlsxContentType, AnnexAData.FileName(table, "xlsx"));
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var today = time.TodayInEngland();
        if ((From is null || From.IsEmpty) && (To is null || To.IsEmpty))
        {
            // Ofsted asks for the 6 months before the inspection; the day 6 months ago is the day before the window.
            From = DateInput.From(today.AddMonths(-6).AddDays(1));
            To = DateInput.From(today);
        }

        var from = ModelState.ReadDate(nameof(From), From, "The start date");
        var to = ModelState.ReadDate(nameof(To), To, "The end date");
        if (from is null || to is null)
        {
            return false;
        }

        try
        {
            AnnexAList8.CheckWindow(from.Value, to.Value, today);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Field ?? "", e.Message);
            return false;
        }

        Table = await AnnexAData.LoadAsync(db, from.Value, to.Value, cancellationToken);
        return true;
    }
}
