namespace CareReview.Web.Features.Api;

/// <summary>Children, their episodes, deadlines and escalations: read only.</summary>
public static class ChildrenApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/children", ListAsync).Needs(ApiScopes.ChildrenRead).Produces<PageOf<ChildJson>>()
            .WithSummary("The children the caller may see, a page at a time, by id; with updatedSince, only those changed since then");
        api.MapGet("/children/{id:int}", GetAsync).Needs(ApiScopes.ChildrenRead).Produces<ChildJson>()
            .WithSummary("One child");
        api.MapGet("/children/{id:int}/episodes", EpisodesAsync).Needs(ApiScopes.EpisodesRead).Produces<IReadOnlyList<EpisodeJson>>()
            .WithSummary("The child's care episodes, oldest first");
        api.MapGet("/children/{id:int}/deadlines", DeadlinesAsync).Needs(ApiScopes.DeadlinesRead).Produces<IReadOnlyList<DeadlineJson>>()
            .WithSummary("The child's statutory deadlines as last worked out, soonest first");
        api.MapGet("/children/{id:int}/escalations", EscalationsAsync).Needs(ApiScopes.EscalationsRead).Produces<IReadOnlyList<EscalationJson>>()
            .WithSummary("The IRO's escalations about the child, with their stages");
        api.MapGet("/escalations/{id:int}", EscalationAsync).Needs(ApiScopes.EscalationsRead).Produces<EscalationJson>()
            .WithSummary("One escalation");
    }

    private static async Task<IResult> ListAsync(HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time,
        string? page, string? pageSize, string? updatedSince)
    {
        var errors = new Dictionary<string, string[]>();
        var number = Whole(page, 1, int.MaxValue, "page", "Enter a page number of 1 or more", errors) ?? 1;
        var size = Whole(pageSize, 1, MaxPageSize, "pageSize", $"Enter a page size from 1 to {MaxPageSize}", errors) ?? DefaultPageSize;
        DateTime? since = null;
        if (!string.IsNullOrEmpty(updatedSince))
        {
            if (DateTimeOffset.TryParse(updatedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                since = at.UtcDateTime;
            }
            else
            {
                errors["updatedSince"] = ["Enter a date and time in ISO 8601, for example 2026-11-23T10:00:00Z"];
            }
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var children = db.ChildrenFor(http.User, time);
        if (since is { } from)
        {
            children = children.Where(c => c.ChangedAtUtc >= from);
        }

        var total = await children.CountAsync();
        var items = await Project(children.OrderBy(c => c.Id).Skip((number - 1) * size).Take(size)).ToListAsync();
        audit.Record(AuditAction.ApiChildrenListed, details: $"api:page:{number};size:{size};since:{(since is null ? "" : "y")};count:{items.Count}");
        await db.SaveChangesAsync();
        var next = number * size < total
            ? $"/api/v1/children?page={number + 1}&pageSize={size}{(string.IsNullOrEmpty(updatedSince) ? "" : $"&updatedSince={Uri.EscapeDataString(updatedSince)}")}"
            : null;
        return TypedResults.Ok(new PageOf<ChildJson>([.. items.Select(WithUtc)], number, size, total, next));
    }

    private static async Task<IResult> GetAsync(int id, HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (!await http.MaySeeAsync(db, audit, time, id))
        {
            return ApiProblems.NotFound();
        }

        var child = await Project(db.Children.Where(c => c.Id == id)).SingleAsync();
        audit.Record(AuditAction.ChildViewed, id, "api:child");
        await db.SaveChangesAsync();
        return TypedResults.Ok(WithUtc(child));
    }

    private static async Task<IResult> EpisodesAsync(int id, HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (!await http.MaySeeAsync(db, audit, time, id))
        {
            return ApiProblems.NotFound();
        }

        var episodes = await db.CareEpisodes.AsNoTracking().Where(e => e.ChildId == id).OrderBy(e => e.StartedOn).ThenBy(e => e.Id)
            .Select(e => new EpisodeJson(e.Id, e.StartedOn, e.ReasonForNewEpisode, e.CategoryOfNeed, e.LegalStatus, e.PlacementType,
                e.PlacementProvider, e.EndedOn, e.ReasonEnded))
            .ToListAsync();
        return await ApiReads.ReadAsync(db, audit, id, "episodes", episodes);
    }

    private static async Task<IResult> DeadlinesAsync(int id, HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (!await http.MaySeeAsync(db, audit, time, id))
        {
            return ApiProblems.NotFound();
        }

        var deadlines = await db.ChildDeadlines.AsNoTracking().Where(d => d.ChildId == id).OrderBy(d => d.DueOn).ThenBy(d => d.Id)
            .Select(d => new DeadlineJson(d.Item, d.DueOn, d.RuleId, d.RuleVersion, d.Explanation, d.LastDoneOn, d.DoneOn))
            .ToListAsync();
        return await ApiReads.ReadAsync(db, audit, id, "deadlines", deadlines);
    }

    private static async Task<IResult> EscalationsAsync(int id, HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (!await http.MaySeeAsync(db, audit, time, id))
        {
            return ApiProblems.NotFound();
        }

        var escalations = await Escalations(db).Where(e => e.ChildId == id).OrderBy(e => e.RaisedOn).ThenBy(e => e.Id).ToListAsync();
        return await ApiReads.ReadAsync(db, audit, id, "escalations", escalations.Select(EscalationJson.From).ToList());
    }

    private static async Task<IResult> EscalationAsync(int id, HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        var escalation = await Escalations(db).SingleOrDefaultAsync(e => e.Id == id);
        if (escalation is null)
        {
            await ApiReads.RefuseAsync(http, db, audit, null);
            return ApiProblems.NotFound();
        }

        if (!await http.MaySeeAsync(db, audit, time, escalation.ChildId))
        {
            return ApiProblems.NotFound();
        }

        return await ApiReads.ReadAsync(db, audit, escalation.ChildId, $"escalation:{id}", EscalationJson.From(escalation));
    }

    private static IQueryable<Escalation> Escalations(AppDbContext db) =>
        db.Escalations.AsNoTracking().Include(e => e.Stages).AsSplitQuery();

    private static IQueryable<ChildJson> Project(IQueryable<Child> children) =>
        children.AsNoTracking().Select(c => new ChildJson(c.Id, c.LocalId, c.GivenName, c.FamilyName, c.Sex, c.DateOfBirth, c.Ethnicity, c.Upn,
            c.Episodes.Any(e => e.EndedOn == null),
            c.Episodes.Where(e => e.EndedOn == null).Select(e => (LegalStatus?)e.LegalStatus).FirstOrDefault(),
            c.NextReviewDueOn,
            c.Iro == null ? null : new StaffJson(c.Iro.Id, c.Iro.Name),
            c.SocialWorker == null ? null : new StaffJson(c.SocialWorker.Id, c.SocialWorker.Name),
            c.Version, c.ChangedAtUtc));

    private static ChildJson WithUtc(ChildJson child) => child with { UpdatedAt = ApiReads.Utc(child.UpdatedAt) };

    private static int? Whole(string? text, int min, int max, string field, string message, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[field] = [message];
        return null;
    }
}
