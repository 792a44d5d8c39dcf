namespace CareReview.Web.Features.CarePlans;

/// <summary>The child's care plan as it stands, with every earlier version and who made it.</summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    /// <summary>A section unchanged for this long is marked as possibly out of date.</summary>
    public const int OutOfDateMonths = 6;

    public CarePlanVersion? Plan { get; private set; }

    public bool CanPlan => May(Permission.PlanCare);

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var child = Child;

        Plan = child.CurrentCarePlan;
        Audit.Record(AuditAction.CarePlanViewed, child.Id, Plan is null ? null : $"version:{Plan.Number}");
        await Db.SaveChangesAsync();
        return Page();
    }

    /// <summary>Whether a section's text has gone unchanged long enough to check it is still right.</summary>
    public static bool IsOutOfDate(CarePlanVersion plan, CarePlanSection section, DateOnly today) =>
        plan.ChangedOn(section) is { } changed && changed.AddMonths(OutOfDateMonths) < today;
}
