using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareReview.Web.Features.Api;

/// <summary>
/// A child's views before their review, sent from a child-voice app: the same record the child's own page makes, checked
/// by the same rules (<see cref="ReviewViews.Problems"/>), saved through <see cref="RecordChanges"/> and audited the same way.
/// </summary>
public static class ViewsApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapPost("/children/{id:int}/views", SendAsync).Needs(ApiScopes.ViewsWrite).Produces<ViewsJson>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Send the child's views for their review arranged (once a review)");

    private static async Task<IResult> SendAsync(int id, ViewsRequest body, HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        var caller = http.User;
        if (!caller.IsIntegration() && !caller.IsChildOwnSignIn(id))
        {
            // Staff do not speak for the child here: the child, or the app they use, sends their views.
            return caller.May(Permission.UseOwnPages)
                ? await RefusedAsync(http, db, audit, id)
                : ApiProblems.Forbidden("Only the child, or a child-voice app registered as an integration, sends the child's views.");
        }

        // An integration that sees only what it creates may send views for any child it names; it then sees that child.
        var createsOnly = caller.IsIntegration() && caller.FindFirst(ApiCallers.IntegrationReachClaim)?.Value == nameof(IntegrationReach.OnlyWhatItCreates);
        var children = caller.IsIntegration() && !createsOnly ? db.ChildrenFor(caller, time) : db.Children;
        var child = await children.Include(c => c.Reviews).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id);
        if (child is null)
        {
            return await RefusedAsync(http, db, audit, id);
        }

        var draft = new ViewsDraft(body.GoingWell, body.NotGoingWell, body.WantToChange, body.WhoIWantThere, body.WhereAndWhen,
            body.TalkToIroAlone, body.WantAdvocate, body.WillAttend);
        var state = new ModelStateDictionary();
        foreach (var problem in ReviewViews.Problems(draft))
        {
            state.AddModelError(problem.Field ?? "", problem.Message);
        }

        if (!state.IsValid)
        {
            return ApiProblems.Invalid(ApiProblems.Errors(state));
        }

        if (child.OpenReview is not { } review)
        {
            return ApiProblems.Conflict("The child has no review arranged, so there is nothing to send views for yet.");
        }

        if (await db.ReviewViews.AnyAsync(v => v.ReviewId == review.Id && v.Author == ViewsAuthor.Child))
        {
            return ApiProblems.Conflict("The child's views for this review have already been sent.");
        }

        var today = time.TodayInEngland();
        var views = ReviewViews.FromChild(review, child.GivenName, draft, today);
        var integrationId = caller.IntegrationId();
        var result = await new RecordChanges(db, audit).TryApplyAsync(state, null, 0, () =>
        {
            db.ReviewViews.Add(views);
            if (createsOnly && !db.ApiIntegrationChildren.Any(a => a.IntegrationId == integrationId && a.ChildId == id))
            {
                db.ApiIntegrationChildren.Add(new ApiIntegrationChild
                {
                    IntegrationId = integrationId!.Value,
                    ChildId = id,
                    AddedAtUtc = time.GetUtcNow().UtcDateTime,
                });
            }
        }, () => [new Audited(AuditAction.ChildViewsSent, id, $"review:{review.Id}")]);
        return result == ChangeResult.Saved
            ? TypedResults.Created((string?)null, new ViewsJson(views.Id, review.Id, views.SentOn))
            : ReviewsApi.Answer(result, state, () => 0);
    }

    private static async Task<IResult> RefusedAsync(HttpContext http, AppDbContext db, AuditLog audit, int id)
    {
        await ApiReads.RefuseAsync(http, db, audit, id);
        return ApiProblems.NotFound();
    }
}
