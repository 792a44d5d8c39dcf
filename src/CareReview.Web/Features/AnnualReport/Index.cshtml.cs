using CareReview.Web.Output;
using Report = CareReview.Domain.Reports.AnnualReport;

namespace CareReview.Web.Features.AnnualReport;

/// <summary>
/// The IRO annual report for a financial year (?year=2026 is 1 April 2025 to 31 March 2026) or any range: charts
/// with tables, each figure linked to the children behind it, and the same figures as CSV and PDF. Every view
/// and export is audited.
/// </summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules) : PageModel
{
    /// <summary>The financial year by the year it ends in.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput? To { get; set; }

    public Report? Report { get; private set; }

    /// <summary>The years offered: the current financial year and the five before it.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync())
        {
            audit.Record(AuditAction.AnnualReportViewed, details: Range(Report!));
            await db.SaveChangesAsync();
        }

        return Page();
    }

    public Task<IActionResult> OnGetCsvAsync() => ExportAsync("csv");

    public Task<IActionResult> OnGetPdfAsync() => ExportAsync("pdf");

    private async Task<IActionResult> ExportAsync(string format)
    {
        if (!await LoadAsync())
        {
            return Page();
        }

        var r = Report!;
        audit.Record(AuditAction.AnnualReportExported, details: $"{Range(r)};format:{format}");
        await db.SaveChangesAsync();
        var name = $"iro-annual-report-{Csv.Date(r.From)}-to-{Csv.Date(r.To)}";
        return format == "csv"
            ? File(Csv.ToBytes(AnnualReportOutput.CsvHeader, AnnualReportOutput.CsvRows(r)), "text/csv", $"{name}.csv")
            : File(AnnualReportOutput.Pdf(r), "application/pdf", $"{name}.pdf");
    }

    /// <summary>The query string that gives this report again, for the download links.</summary>
    public string Query => Report is null ? "" : Year is { } year && (From?.IsEmpty ?? true)
        ? $"year={year}"
        : $"From.Day={Report.From.Day}&From.Month={Report.From.Month}&From.Year={Report.From.Year}&To.Day={Report.To.Day}&To.Month={Report.To.Month}&To.Year={Report.To.Year}";

    private static string Range(Report r) => $"from:{Csv.Date(r.From)};to:{Csv.Date(r.To)}";

    private async Task<bool> LoadAsync()
    {
        var today = time.TodayInEngland();
        var currentYear = FinancialYear.Containing(today).EndingYear;
        Years = [.. Enumerable.Range(0, 6).Select(i => currentYear - i)];
        DateOnly from, to;

        // Model binding falls back to unprefixed keys, so "year=2026" alone would fill From.Year and To.Year: a
        // range counts only when the query names its fields.
        var rangeGiven = Request.Query.Keys.Any(k => k.StartsWith("From.", StringComparison.OrdinalIgnoreCase) || k.StartsWith("To.", StringComparison.OrdinalIgnoreCase));
        if (!rangeGiven)
        {
            From = null;
            To = null;
        }

        if (From is { IsEmpty: false } || To is { IsEmpty: false })
        {
            var start = ModelState.ReadDate(nameof(From), From, "The start date");
            var end = ModelState.ReadDate(nameof(To), To, "The end date");
            if (From is null || From.IsEmpty)
            {
                ModelState.AddModelError(nameof(From), "Enter the start date");
            }

            if (To is null || To.IsEmpty)
            {
                ModelState.AddModelError(nameof(To), "Enter the end date");
            }

            if (start is null || end is null || !ModelState.IsValid)
            {
                return false;
            }

            (from, to) = (start.Value, end.Value);
            Year = null;
        }
        else
        {
            if (Year is < 2000 or > 2100)
            {
                ModelState.AddModelError(nameof(Year), "Choose a year between 2000 and 2100");
                return false;
            }

            Year ??= currentYear;
            var financialYear = new FinancialYear(Year.Value);
            (from, to) = (financialYear.Start, financialYear.End);
        }

        try
        {
            Report = await AnnualReportData.LoadAsync(db, from, to, rules.Current);
            return true;
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Field ?? "", e.Message);
            return false;
        }
    }
}
