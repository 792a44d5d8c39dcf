namespace CareReview.Web.Features.Me;

/// <summary>Who has looked at my record in the last year: their role and team and the day, newest first, a page at a time.</summary>
public sealed class WhoLookedModel(AppDbContext db, TimeProvider time, AuditLog audit) : MyPageModel(db, time)
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public DateOnly From { get; private set; }
    public IReadOnlyList<RecordLook> Looks { get; private set; } = [];
    public int Total { get; private set; }
    public bool HasNext => PageNumber * PageSize < Total;

    public async Task OnGetAsync()
    {
        await LoadChildAsync();
        From = Today.AddYears(-1).AddDays(1);
        var all = await RecordViewers.SinceAsync(Db, Child, From);
        Total = all.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        Looks = [.. all.Skip((PageNumber - 1) * PageSize).Take(PageSize)];

        // Audited after the list is read, and as the child's own view, which the list never shows back to them.
        audit.Record(AuditAction.ChildPageViewed, Child.Id, "page:who-looked");
        await Db.SaveChangesAsync();
    }
}
