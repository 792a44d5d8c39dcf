namespace CareReview.Web.Features.Deadlines;

/// <summary>
/// Every looked-after child's statutory items and where each stands, for managers: filtered by team,
/// IRO, social worker, item and state, with totals. A team manager sees their team's children.
/// </summary>
[Requires(Permission.OverseeCompliance)]
public sealed class ComplianceModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars) : PageModel
{
    public static readonly StatutoryItem[] Columns =
    [
        StatutoryItem.Review, StatutoryItem.Visit, StatutoryItem.HealthAssessment, StatutoryItem.PersonalEducationPlan,
        StatutoryItem.CarePlan, StatutoryItem.PlacementPlan, StatutoryItem.IroAppointed, StatutoryItem.NeedsAssessment,
    ];

    [BindProperty(SupportsGet = true)]
    public int? Team { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Iro { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? SocialWorker { get; set; }

    [BindProperty(SupportsGet = true)]
    public StatutoryItem? Item { get; set; }

    [BindProperty(SupportsGet = true)]
    public Compliance? State { get; set; }

    public DateOnly Today { get; private set; }
    public Domain.WorkingDayCalendar Calendar => calendars.Current;
    public IReadOnlyList<Child> Children { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<StaffMember> Iros { get; private set; } = [];
    public IReadOnlyList<StaffMember> SocialWorkers { get; private set; } = [];

    /// <summary>How many items are in each state, for each item, across the children shown.</summary>
    public IReadOnlyDictionary<(StatutoryItem Item, Compliance State), int> Totals { get; private set; } = new Dictionary<(StatutoryItem, Compliance), int>();

    public async Task OnGetAsync()
    {
        Today = time.TodayInEngland();
        var soonUntil = DueSoonPolicy.ShownAsDueSoonUntil(Today, Calendar);
        var children = db.ChildrenVisibleTo(User, time).Where(c => c.NextReviewDueOn != null);
        if (Team is { } team)
        {
            children = children.Where(c => c.SocialWorker!.TeamId == team);
        }

        if (Iro is { } iro)
        {
            children = children.Where(c => c.IroId == iro);
        }

        if (SocialWorker is { } socialWorker)
        {
            children = children.Where(c => c.SocialWorkerId == socialWorker);
        }

        if (State is not null || Item is not null)
        {
            var deadlines = State is { } state ? ComplianceState.Where(db.ChildDeadlines, state, Today, soonUntil) : db.ChildDeadlines;
            var item = Item;
            children = children.Where(c => deadlines.Any(d => d.ChildId == c.Id && (item == null || d.Item == item)));
        }

        Children = await children
            .Include(c => c.Deadlines).Include(c => c.Iro).Include(c => c.SocialWorker).ThenInclude(s => s!.Team)
            .OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName)
            .AsSplitQuery().ToListAsync();
        Totals = Children.SelectMany(c => c.Deadlines)
            .GroupBy(d => (d.Item, ComplianceState.For(d, Today, Calendar).State))
            .ToDictionary(g => g.Key, g => g.Count());

        var staff = await db.StaffMembers.Include(s => s.Team).OrderBy(s => s.Name).ToListAsync();
        Iros = [.. staff.Where(s => s.Role == StaffRole.Iro)];
        SocialWorkers = [.. staff.Where(s => s.Role is StaffRole.SocialWorker or StaffRole.TeamManager)];
        Teams = await db.Teams.OrderBy(t => t.Name).ToListAsync();

        audit.Record(AuditAction.ComplianceViewed, details: $"rows:{Children.Count};item:{Item};state:{State}");
        await db.SaveChangesAsync();
    }

    public int Total(StatutoryItem item, Compliance state) => Totals.TryGetValue((item, state), out var count) ? count : 0;
}
