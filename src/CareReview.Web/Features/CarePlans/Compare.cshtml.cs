namespace CareReview.Web.Features.CarePlans;

/// <summary>Any two versions of the care plan side by side, with the sections that differ marked.</summary>
public sealed class CompareModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    public CarePlanVersion From { get; private set; } = null!;
    public CarePlanVersion To { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int from, int to)
    {
        var child = Child;

        if (child.CarePlans.FirstOrDefault(v => v.Number == Math.Min(from, to)) is not { } older
            || child.CarePlans.FirstOrDefault(v => v.Number == Math.Max(from, to)) is not { } newer)
        {
            return NotFound();
        }

        (From, To) = (older, newer);
        Audit.Record(AuditAction.CarePlansCompared, child.Id, $"from:{older.Number};to:{newer.Number}");
        await Db.SaveChangesAsync();
        return Page();
    }
}
