namespace CareReview.Web.Features.Caseload;

/// <summary>
/// The children a user works with, most urgent review first. For an IRO this is "My caseload", with the
/// caseload measured against the 50–70 per full-time IRO guidance.
/// </summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    [BindProperty(SupportsGet = true)]
    public LegalStatus? Legal { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Iro { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int TotalLookedAfter { get; private set; }
    public IroCaseload? MyCaseload { get; private set; }
    public IReadOnlyList<(StaffMember Iro, IroCaseload Caseload, int ChildrenWithManyChanges)> IroCaseloads { get; private set; } = [];

    /// <summary>Two changes of IRO in one period of care is where continuity (statutory-rules.md §6.2) is worth a manager's look.</summary>
    public const int ManyIroChanges = 2;
    public DateOnly Today { get; private set; }

    /// <summary>For the IRO manager: uses of emergency access not yet reviewed (ADR-0028).</summary>
    public int? EmergencyAccessToReview { get; private set; }
    /// <summary>The caseload is the user's own, as the children's IRO.</summary>
    public bool IsIro => User.ReachOf(Permission.ChairReviews) == Reach.AsTheirIro;

    public async Task OnGetAsync()
    {
        Today = time.TodayInEngland();
        var calendar = calendars.Current;
        var lookedAfter = db.ChildrenVisibleTo(User, time).Where(c => c.Episodes.Any(e => e.EndedOn == null));
        TotalLookedAfter = await lookedAfter.CountAsync();

        var filtered = lookedAfter;
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
#pragma warning disable CA1304 // ToUpper() here is translated to SQL UPPER(), which has no culture to pass.
            filtered = filtered.Where(c => (c.GivenName + " " + c.FamilyName).ToUpper().Contains(term) || c.LocalId.ToUpper().Contains(term));
#pragma warning restore CA1304
        }

        if (Legal is { } legal)
        {
            filtered = filtered.Where(c => c.Episodes.Any(e => e.EndedOn == null && e.LegalStatus == legal));
        }

        if (Iro is { } iroId)
        {
            filtered = filtered.Where(c => c.IroId == iroId);
        }

        var dueSoonBy = calendar.AddWorkingDays(Today, DueSoonPolicy.CaseloadReviewsDueWithinWorkingDays);
        filtered = Show switch
        {
            "overdue" => filtered.Where(c => c.NextReviewDueOn < Today),
            "due-soon" => filtered.Where(c => c.NextReviewDueOn >= Today && c.NextReviewDueOn <= dueSoonBy),
            "recommendations-overdue" => filtered.Where(c => c.Reviews.SelectMany(r => r.Recommendations)
                .Any(r => r.Status == RecommendationStatus.Open && r.DueOn < Today)),
            "plan-change" => filtered.Where(c => c.PlanChangeAwaitingReviewOn != null),
            _ => filtered,
        };

        var rows = await filtered
            .OrderBy(c => c.NextReviewDueOn).ThenBy(c => c.FamilyName).ThenBy(c => c.GivenName)
            .Select(c => new
            {
                c.Id,
                c.LocalId,
                Name = c.GivenName + " " + c.FamilyName,
                c.DateOfBirth,
                Episode = c.Episodes.Where(e => e.EndedOn == null).Select(e => new { e.LegalStatus, e.PlacementType }).First(),
                SocialWorker = c.SocialWorker!.Name,
                Iro = c.Iro!.Name,
                LastReview = c.Reviews.Max(r => r.HeldOn),
                c.NextReviewDueOn,
                OpenRecommendations = c.Reviews.SelectMany(r => r.Recommendations).Count(r => r.Status == RecommendationStatus.Open),
                OverdueRecommendations = c.Reviews.SelectMany(r => r.Recommendations).Count(r => r.Status == RecommendationStatus.Open && r.DueOn < Today),
                c.PlanChangeAwaitingReviewOn,
            })
            .ToListAsync();

        var changes = await IroChangesAsync(filtered);
        Rows = [.. rows.Select(r => new Row(r.Id, r.LocalId, r.Name, Child.Age(r.DateOfBirth, Today), r.Episode.LegalStatus, r.Episode.PlacementType,
            r.SocialWorker, r.Iro, r.LastReview, r.NextReviewDueOn,
            r.NextReviewDueOn is { } due ? DueStatus.For(due, Today, calendar) : null, r.OpenRecommendations, r.OverdueRecommendations, r.PlanChangeAwaitingReviewOn,
            changes.GetValueOrDefault(r.Id)))];

        if (IsIro && User.StaffMemberId() is { } me)
        {
            var fte = await db.StaffMembers.Where(s => s.Id == me).Select(s => s.Fte).SingleAsync();
            // Their own children only: a child they see for a while under emergency access is not on their caseload.
            MyCaseload = new IroCaseload(await lookedAfter.CountAsync(c => c.IroId == me), fte);
        }

        if (User.May(Permission.AllocateIros))
        {
            var counts = await db.Children.Where(c => c.IroId != null && c.Episodes.Any(e => e.EndedOn == null))
                .GroupBy(c => c.IroId).Select(g => new { IroId = g.Key!.Value, Count = g.Count() }).ToListAsync();
            var iros = await db.StaffMembers.Where(s => s.Role == StaffRole.Iro).OrderBy(s => s.Name).ToListAsync();
            var allocated = db.Children.Where(c => c.IroId != null && c.Episodes.Any(e => e.EndedOn == null));
            var allChanges = await IroChangesAsync(allocated);
            var iroOf = await allocated.Select(c => new { c.Id, IroId = c.IroId!.Value }).ToListAsync();
            var many = iroOf.Where(c => allChanges.GetValueOrDefault(c.Id) >= ManyIroChanges)
                .GroupBy(c => c.IroId).ToDictionary(g => g.Key, g => g.Count());
            IroCaseloads = [.. iros.Select(i => (i, new IroCaseload(counts.SingleOrDefault(c => c.IroId == i.Id)?.Count ?? 0, i.Fte),
                many.GetValueOrDefault(i.Id)))];
        }

        if (User.May(Permission.ReviewEmergencyAccess))
        {
            EmergencyAccessToReview = await BreakGlass.ReviewsModel.ToReviewCountAsync(db);
        }

        audit.Record(AuditAction.CaseloadViewed, details: $"rows:{Rows.Count}");
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// Changes of IRO in each child's current period of care, counted as <see cref="IroContinuity"/> counts
    /// them (as the child's page shows them), from the allocation history.
    /// </summary>
    private async Task<Dictionary<int, int>> IroChangesAsync(IQueryable<Child> children)
    {
        var periods = await children
            .Select(c => new { c.Id, Since = c.Episodes.Where(e => e.ReasonForNewEpisode == ReasonForNewEpisode.S).Max(e => (DateOnly?)e.StartedOn) })
            .ToListAsync();
        var ids = periods.Select(p => p.Id).ToList();
        var history = (await db.Set<Allocation>().AsNoTracking().Where(a => ids.Contains(a.ChildId)).ToListAsync()).ToLookup(a => a.ChildId);
        return periods.ToDictionary(p => p.Id, p => IroContinuity.Changes(history[p.Id], p.Since));
    }

    public sealed record Row(int Id, string LocalId, string Name, int Age, LegalStatus LegalStatus, PlacementType PlacementType,
        string? SocialWorker, string? Iro, DateOnly? LastReviewOn, DateOnly? NextReviewDueOn, DueStatus? Due,
        int OpenRecommendations, int OverdueRecommendations, DateOnly? PlanChangeAwaitingReviewOn, int IroChanges);
}
