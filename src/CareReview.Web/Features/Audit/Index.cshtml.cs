namespace CareReview.Web.Features.Audit;

/// <summary>The IRO manager's view of who looked at or changed what, newest first.</summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)]
    public int? Child { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
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
