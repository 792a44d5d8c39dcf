using CareReview.Web.Output;

namespace CareReview.Web.Features.Audit;

/// <summary>The IRO manager's view of who looked at or changed what, newest first, and its download for a range of days.</summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int? Child { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The first day of the download, in England.</summary>
    [BindProperty(SupportsGet = true)]
    public DateInput? From { get; set; }

    /// <summary>The last day of the download, in England.</summary>
    [BindProperty(SupportsGet = true)]
    public DateInput? To { get; set; }

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        if ((From is null || From.IsEmpty) && (To is null || To.IsEmpty))
        {
            var today = time.TodayInEngland();
            From = DateInput.From(today.AddMonths(-1).AddDays(1));
            To = DateInput.From(today);
        }

        await ShowAsync();
    }

    /// <summary>The download; a range that cannot be downloaded shows the log again with the message beside its field.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        var from = ModelState.ReadDate(nameof(From), From, "The start date");
        var to = ModelState.ReadDate(nameof(To), To, "The end date");
        if (from is { } first && to is { } last && AuditExport.Problem(first, last, time.TodayInEngland()) is { } problem)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync();
            return Page();
        }

        var (fromUtc, beforeUtc) = AuditExport.Instants(from!.Value, to!.Value);
        var inRange = db.AuditEvents.AsNoTracking().Where(e => e.OccurredAtUtc >= fromUtc && e.OccurredAtUtc < beforeUtc);

        // The rows are counted, and the download ends at the last of them, before the download's own event is saved:
        // the event names exactly what went out.
        var rows = await inRange.CountAsync(cancellationToken);
        var lastId = await inRange.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
        audit.Record(AuditAction.AuditLogExported, details: $"from:{Csv.Date(from.Value)};to:{Csv.Date(to.Value)};rows:{rows}");
        await db.SaveChangesAsync(cancellationToken);

        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename={AuditExport.FileName(from.Value, to.Value)}";
        await Csv.WriteAsync(Response.Body, AuditExport.Header, AuditExport.RowsAsync(inRange.Where(e => e.Id <= lastId), cancellationToken), cancellationToken);
        return new EmptyResult();
    }

    private async Task ShowAsync()
    {
        PageNumber = Math.Clamp(PageNumber, 1, 1_000_000);
        var events = db.AuditEvents.AsNoTracking();
        if (Child is { } childId)
        {
            events = events.Where(e => e.ChildId == childId);
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            events = events.Where(e => e.UserName == UserName.Trim());
        }

        Total = await events.CountAsync();
        Events = await events.OrderByDescending(e => e.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();

        audit.Record(AuditAction.AuditLogViewed, Child, UserName is null ? null : "filtered-by-user");
        await db.SaveChangesAsync();
    }
}
