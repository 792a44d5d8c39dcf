using CareReview.Web.Features.Recommendations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareReview.Web.Features.Api;

/// <summary>A child's recommendations, and progress recorded on one, by the same rules as its page.</summary>
public static class RecommendationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/children/{id:int}/recommendations", ListAsync).Needs(ApiScopes.RecommendationsRead).Produces<IReadOnlyList<RecommendationJson>>()
            .WithSummary("Every recommendation made at the child's reviews, with its notes");
        api.MapPost("/recommendations/{id:int}/progress", ProgressAsync).Needs(ApiScopes.RecommendationsWrite).Produces<RecommendationJson>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record progress on a recommendation, or that it is done (done: true)");
    }

    private static async Task<IResult> ListAsync(int id, HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (!await http.MaySeeAsync(db, audit, time, id))
        {
            return ApiProblems.NotFound();
        }

        var recommendations = await db.Recommendations.AsNoTracking().Include(r => r.Updates)
            .Where(r => db.Reviews.Any(review => review.Id == r.ReviewId && review.ChildId == id))
            .OrderBy(r => r.MadeOn).ThenBy(r => r.Id).ToListAsync();
        return await ApiReads.ReadAsync(db, audit, id, "recommendations", recommendations.Select(RecommendationJson.From).ToList());
    }

    private static async Task<IResult> ProgressAsync(int id, ProgressRequest body, HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        // As on the page: the owner reaches their own recommendation, anyone else only through the child.
        var caller = http.User;
        var found = await RecommendationProgress.FindAsync(db, id);
        var reachable = found is { } f && (await db.ChildrenFor(caller, time).AnyAsync(c => c.Id == f.ChildId)
            || (!caller.IsIntegration() && RecommendationProgress.OwnedBy(caller, f.OwnerStaffId)));
        if (!reachable)
        {
            audit.Record(AuditAction.AccessRefused, null, $"api:recommendation:{id}");
            await db.SaveChangesAsync();
            return ApiProblems.NotFound();
        }

        var state = new ModelStateDictionary();
        ReviewsApi.Check(new DetailsModel.InputModel { Note = body.Note, Done = body.Done }, state);
        if (body.Date is null)
        {
            state.AddModelError("Input.Date", "Enter the date");
        }

        ReviewsApi.RequireVersion(body.Version, state);
        if (!state.IsValid)
        {
            return ApiProblems.Invalid(ApiProblems.Errors(state));
        }

        var child = await RecommendationProgress.LoadChildAsync(db, found!.Value.ChildId);
        var recommendation = child.Recommendations.Single(r => r.Id == id);
        var done = body.Done == true;
        var by = caller.DisplayName();
        var result = await new RecordChanges(db, audit).TryApplyAsync(state, child, body.Version!.Value,
            () => RecommendationProgress.Record(recommendation, done, body.Date!.Value, body.Note ?? "", by, time.TodayInEngland()),
            () => [RecommendationProgress.Audited(done, child.Id, id)]);
        return ReviewsApi.Answer(result, state, () => RecommendationJson.From(recommendation), s_names);
    }

    /// <summary>The domain names the date of a note <c>On</c>; the request calls it <c>date</c>.</summary>
    private static readonly Dictionary<string, string> s_names = new(StringComparer.Ordinal) { ["On"] = "date" };
}
