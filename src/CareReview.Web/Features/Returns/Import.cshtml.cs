using CareReview.Domain.Returns;
using CareReview.Web.Demo;
using CareReview.Web.Output;

namespace CareReview.Web.Features.Returns;

/// <summary>
/// Loads a council's existing children from its old system's DfE return files. The files are checked
/// first: with any problem nothing loads, unless the IRO manager asks for the children with none.
/// </summary>
[RequestSizeLimit(4 * ImportModel.MaxFileBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = 4 * ImportModel.MaxFileBytes)]
public sealed class ImportModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rulebook) : PageModel
{
    /// <summary>A return for a whole council is a few megabytes; this is well above it and stops a mistaken upload early.</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    [BindProperty]
    public ImportInput Input { get; set; } = new();

    public IReadOnlyList<FinancialYear> Years { get; private set; } = [];

    public ImportOutcome? Outcome { get; private set; }

    /// <summary>True when the files were only checked.</summary>
    public bool Checked { get; private set; }

    /// <summary>A demonstration's database takes no council's return (ADR-0025): the page checks files but does not load them.</summary>
    public bool Demonstration { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        SetYears();
        Demonstration = await DemoDatabase.IsDemonstrationAsync(db);
        audit.Record(AuditAction.ReturnImportViewed);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) => await RunAsync(load: true, cancellationToken);

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken) => await RunAsync(load: false, cancellationToken);

    /// <summary>The problems as a CSV, for whoever puts the old system's data right.</summary>
    public async Task<IActionResult> OnPostProblemsAsync(CancellationToken cancellationToken)
    {
        var result = await RunAsync(load: false, cancellationToken);
        if (Outcome is null)
        {
            return result;
        }

        var rows = Outcome.Problems.Listed.Select(p => (IReadOnlyList<string?>)[p.File, p.Line.ToString(CultureInfo.InvariantCulture), p.Field, p.Child, p.Message, p.RuleCode]);
        if (Outcome.Problems.Unlisted > 0)
        {
            rows = rows.Append([null, null, null, null, $"and {Outcome.Problems.Unlisted.ToString("N0", CultureInfo.InvariantCulture)} more problems, not listed: put these right and check the files again to see them", null]);
        }

        return File(Csv.ToBytes(["file", "line", "field", "child", "problem", "rule"], rows), "text/csv",
            $"ssda903-import-problems-{Outcome.Year.EndingYear}.csv");
    }

    private async Task<IActionResult> RunAsync(bool load, CancellationToken cancellationToken)
    {
        SetYears();
        Demonstration = await DemoDatabase.IsDemonstrationAsync(db);
        if (Demonstration && load)
        {
            ModelState.AddModelError("", DemoDatabase.NoImport);
            return Page();
        }

        var current = Read("Input.Current", Input.Current, required: true);
        var previous = Read("Input.Previous", Input.Previous, required: false);
        FinancialYear? year = null;
        if (!string.IsNullOrEmpty(Input.Year))
        {
            if (Years.FirstOrDefault(y => y.EndingYear.ToString(CultureInfo.InvariantCulture) == Input.Year) is { } chosen)
            {
                year = chosen;
            }
            else
            {
                ModelState.AddModelError("Input.Year", "Choose a collection year from the list");
            }
        }

        if (!ModelState.IsValid || current is null)
        {
            return Page();
        }

        var today = time.TodayInEngland();
        Checked = !load;
        Outcome = load
            ? await ReturnImporter.ImportAsync(db, audit, User, current, previous, year, Input.CleanOnly, today, rulebook.Rules, cancellationToken)
            : await ReturnImporter.CheckAsync(db, audit, User, current, previous, year, Input.CleanOnly, today, rulebook.Rules, cancellationToken);
        return Page();
    }

    /// <summary>
    /// The chosen files by lower-case name, or null with the reason next to the field. Each is read from
    /// where ASP.NET Core buffered the upload (a temporary file once it is large), never copied into memory.
    /// </summary>
    private ReturnFileSet? Read(string field, IReadOnlyList<IFormFile> chosen, bool required)
    {
        var files = chosen.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (files.Count == 0)
        {
            if (required)
            {
                ModelState.AddModelError(field, "Choose this year's header.csv, episodes.csv and reviews.csv");
            }

            return null;
        }

        var read = new Dictionary<string, Func<Stream>>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            var name = Path.GetFileName(file.FileName).ToLowerInvariant();
            if (!name.EndsWith(".csv", StringComparison.Ordinal))
            {
                ModelState.AddModelError(field, $"{Path.GetFileName(file.FileName)} is not a CSV file: choose the return's .csv files");
                return null;
            }

            if (file.Length > MaxFileBytes)
            {
                ModelState.AddModelError(field, $"{name} must be smaller than {MaxFileBytes / (1024 * 1024)} MB");
                return null;
            }

            if (read.ContainsKey(name))
            {
                ModelState.AddModelError(field, $"Choose {name} only once");
                return null;
            }

            read[name] = file.OpenReadStream;
        }

        return new ReturnFileSet(read);
    }

    private void SetYears()
    {
        Years = FinancialYear.Recent(time.TodayInEngland());
    }

    public sealed class ImportInput
    {
        public List<IFormFile> Current { get; set; } = [];

        public List<IFormFile> Previous { get; set; } = [];

        /// <summary>Empty: worked out from the latest date in the files.</summary>
        public string? Year { get; set; }

        public bool CleanOnly { get; set; }
    }
}
