using System.Security.Claims;

namespace CareReview.Web.Records;

/// <summary>
/// The parts of a child's record a page shows. The child's own row, their IRO and their social worker (with
/// team) always come; the rest only when asked for, since a page that shows one thing should not read ten.
/// </summary>
[Flags]
public enum ChildParts
{
    None = 0,
    Episodes = 1,
    Allocations = 2,

    /// <summary>The reviews, with the considerations recorded at each.</summary>
    Reviews = 4,

    /// <summary>The reviews' recommendations and their updates (with the reviews themselves).</summary>
    Recommendations = 8 | Reviews,

    /// <summary>Every version of the care plan: who made it and when, what changed significantly; not its text.</summary>
    CarePlanVersions = 16,

    /// <summary>Every version of the care plan, with the text of its sections.</summary>
    CarePlans = 256 | CarePlanVersions,

    /// <summary>Visits, assessments, health checks and the other events the statutory deadlines count from.</summary>
    CareEvents = 32,
    ChildFriendlyPlans = 64,

    /// <summary>The statutory deadlines worked out and stored for the child.</summary>
    Deadlines = 128,

    /// <summary>Everything: what a change needs, since the child's rules (and its deadlines) read the whole record.</summary>
    Whole = Episodes | Allocations | Recommendations | CarePlans | CareEvents | ChildFriendlyPlans | Deadlines,
}

/// <summary>
/// Declares what of the child's record a page shows when it is read (GET). A page without it reads the whole
/// record; a change (POST) always loads the whole record, because the child's own rules need all of it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ShowsAttribute(ChildParts parts) : Attribute
{
    public ChildParts Parts => parts;
}

/// <summary>Loads a child the user may see, with the parts asked for.</summary>
public static class ChildRecords
{
    /// <summary>The child, or null when there is none or the user may not see them (answer 404 either way).</summary>
    public static Task<Child?> LoadAsync(AppDbContext db, ClaimsPrincipal user, TimeProvider time, int childId, ChildParts parts) =>
        LoadAsync(db.ChildrenVisibleTo(user, time), childId, parts);

    /// <summary>The child among <paramref name="visible"/>, with the parts asked for, or null.</summary>
    public static async Task<Child?> LoadAsync(IQueryable<Child> visible, int childId, ChildParts parts)
    {
        var children = visible
            .Include(c => c.Iro)
            .Include(c => c.SocialWorker).ThenInclude(s => s!.Team)
            .AsQueryable();
        if (parts.HasFlag(ChildParts.Episodes))
        {
            children = children.Include(c => c.Episodes);
        }

        if (parts.HasFlag(ChildParts.Allocations))
        {
            children = children.Include(c => c.Allocations);
        }

        if (parts.HasFlag(ChildParts.Reviews))
        {
            children = children.Include(c => c.Reviews).ThenInclude(r => r.Considerations);
        }

        if (parts.HasFlag(ChildParts.Recommendations))
        {
            children = children.Include(c => c.Reviews).ThenInclude(r => r.Recommendations).ThenInclude(r => r.Updates);
        }

        if (parts.HasFlag(ChildParts.CarePlans))
        {
            children = children.Include(c => c.CarePlans).ThenInclude(v => v.Sections);
        }
        else if (parts.HasFlag(ChildParts.CarePlanVersions))
        {
            children = children.Include(c => c.CarePlans);
        }

        if (parts.HasFlag(ChildParts.CareEvents))
        {
            children = children.Include(c => c.CareEvents);
        }

        if (parts.HasFlag(ChildParts.ChildFriendlyPlans))
        {
            children = children.Include(c => c.ChildFriendlyPlans);
        }

        if (parts.HasFlag(ChildParts.Deadlines))
        {
            children = children.Include(c => c.Deadlines);
        }

        return await children.AsSplitQuery().SingleOrDefaultAsync(c => c.Id == childId);
    }

    /// <summary>What a page loads for this request: what it declares it shows when it is read, the whole record for a change.</summary>
    public static ChildParts PartsFor(Type page, string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method)
            ? page.GetCustomAttributes(typeof(ShowsAttribute), inherit: false) is [ShowsAttribute shows, ..] ? shows.Parts : ChildParts.Whole
            : ChildParts.Whole;
}
