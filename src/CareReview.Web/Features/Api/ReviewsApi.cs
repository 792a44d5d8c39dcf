using System.ComponentModel.DataAnnotations;
using CareReview.Web.Features.Reviews;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareReview.Web.Features.Api;

/// <summary>
/// A child's reviews: read them, arrange the next, record one held. Writes go through the pages' own rules
/// (<see cref="ReviewRecording"/>, the pages' input checks) and save through <see cref="RecordChanges"/>: the change and
/// its audit in one transaction, refused whole when the child changed since the caller read <c>version</c> (409).
/// </summary>
public static class ReviewsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/children/{id:int}/reviews", ListAsync).Needs(ApiScopes.ReviewsRead).Produces<IReadOnlyList<ReviewJson>>()
            .WithSummary("The child's reviews, the one arranged last");
        api.MapGet("/children/{id:int}/reviews/{reviewId:int}", GetAsync).Needs(ApiScopes.ReviewsRead).Produces<ReviewJson>()
            .WithSummary("One of the child's reviews");
        api.MapPost("/children/{id:int}/reviews", ArrangeAsync).Needs(ApiScopes.ReviewsWrite).Produces<ReviewJson>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Arrange the child's next review inside its statutory window, or change the one arranged");
        api.MapPost("/children/{id:int}/reviews/{reviewId:int}/outcome", RecordAsync).Needs(ApiScopes.ReviewsWrite).Produces<ReviewJson>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Record the review held: participation, views, decisions as SMART recommendations, and what became of those still open");
    }

    private static async Task<IResult> ListAsync(int id, HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (!await http.MaySeeAsync(db, audit, time, id))
        {
            return ApiProblems.NotFound();
        }

        var reviews = await db.Reviews.AsNoTracking().Where(r => r.ChildId == id).OrderBy(r => r.DueOn).ThenBy(r => r.Id).ToListAsync();
        return await ApiReads.ReadAsync(db, audit, id, "reviews", reviews.Select(ReviewJson.From).ToList());
    }

    private static async Task<IResult> GetAsync(int id, int reviewId, HttpContext http, AppDbContext db, AuditLog audit, TimeProvider time)
    {
        if (!await http.MaySeeAsync(db, audit, time, id))
        {
            return ApiProblems.NotFound();
        }

        if (await db.Reviews.AsNoTracking().SingleOrDefaultAsync(r => r.Id == reviewId && r.ChildId == id) is not { } review)
        {
            await ApiReads.RefuseAsync(http, db, audit, id);
            return ApiProblems.NotFound();
        }

        audit.Record(AuditAction.ReviewViewed, id, $"api:review:{reviewId}");
        await db.SaveChangesAsync();
        return TypedResults.Ok(ReviewJson.From(review));
    }

    private static async Task<IResult> ArrangeAsync(int id, ArrangeReviewRequest body, HttpContext http, AppDbContext db, AuditLog audit,
        TimeProvider time, RulebookSource rulebook)
    {
        if (await OpenToChangeAsync(http, db, audit, id, Permission.WorkWithChildren) is not { } child)
        {
            return ApiProblems.NotFound();
        }

        if (!child.IsLookedAfter)
        {
            return ApiProblems.Conflict("The child is not looked after, so has no review to arrange.");
        }

        var state = new ModelStateDictionary();
        Check(new ArrangeModel.InputModel { Venue = body.Venue, Invitees = body.Invitees, LatenessReason = body.LatenessReason }, state);
        if (body.Date is null)
        {
            state.AddModelError("Input.Date", "Enter the date of the review");
        }

        var startsAt = ReviewRecording.ReadStartTime(body.StartsAt, (field, message) => state.AddModelError($"Input.{field}", message));
        RequireVersion(body.Version, state);
        if (!state.IsValid)
        {
            return ApiProblems.Invalid(ApiProblems.Errors(state));
        }

        var arrangements = new ReviewArrangements(body.Date, startsAt, body.Venue, body.Invitees, body.LatenessReason);
        var today = time.TodayInEngland();
        var result = await new RecordChanges(db, audit).TryApplyAsync(state, child, body.Version!.Value,
            () => ReviewRecording.Arrange(child, arrangements, today, rulebook.Rules),
            () => [new Audited(AuditAction.ReviewArranged, child.Id, ReviewRecording.ArrangedDetails(body.Date!.Value))]);
        return Answer(result, state, () => ReviewJson.From(child.OpenReview!));
    }

    private static async Task<IResult> RecordAsync(int id, int reviewId, RecordReviewRequest body, HttpContext http, AppDbContext db, AuditLog audit,
        TimeProvider time, RulebookSource rulebook)
    {
        if (await OpenToChangeAsync(http, db, audit, id, Permission.ChairReviews) is not { } child)
        {
            return ApiProblems.NotFound();
        }

        if (child.Reviews.SingleOrDefault(r => r.Id == reviewId) is not { } review)
        {
            await ApiReads.RefuseAsync(http, db, audit, id);
            return ApiProblems.NotFound();
        }

        if (review.IsHeld)
        {
            return ApiProblems.Conflict("This review is already recorded.");
        }

        var state = new ModelStateDictionary();
        void Problem(string field, string message) => state.AddModelError($"Input.{field}", message);
        Check(new RecordModel.InputModel { LetterToChild = body.LetterToChild }, state);
        var today = time.TodayInEngland();
        var heldOn = body.ClaReviewDate;
        if (heldOn is null)
        {
            Problem("HeldOn", "Enter the date the review was held");
        }

        ReviewRecording.CheckHeldOn(child, heldOn, Problem);
        var staff = await db.StaffMembers.AsNoTracking().ToListAsync();
        var rows = (body.Recommendations ?? []).Select((r, i) => (i, new ReviewRecording.RecommendationRow(r.Action, r.OwnerProfessionalId,
            r.OwnerName, r.OwnerRole, r.DueDate, r.Monitoring, r.Themes ?? []))).ToList();
        var drafts = ReviewRecording.Drafts(rows, staff, heldOn ?? today, Problem);
        var outcomes = (body.Outcomes ?? new Dictionary<int, OutcomeRequest>())
            .Where(o => o.Value.Outcome is not null)
            .Select(o => new RecommendationOutcome(o.Key, o.Value.Outcome!.Value, o.Value.Note, o.Value.NewDueDate)).ToList();
        ReviewRecording.CheckOutcomes(child, heldOn ?? today, outcomes, new HashSet<string>(), Problem);
        RequireVersion(body.Version, state);
        if (!state.IsValid)
        {
            return ApiProblems.Invalid(ApiProblems.Errors(state, s_recordNames));
        }

        var considerations = (body.Considerations ?? new Dictionary<int, string>()).Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value);
        var record = new ReviewRecord(heldOn!.Value, ReviewRecording.OnShortBreaks(child) ? null : body.ClaReviewParticipation, body.Attendees,
            body.ChildWishesAndFeelings, body.ParentsViews, body.IroView, considerations,
            string.IsNullOrWhiteSpace(body.LetterToChild) ? null : body.LetterToChild);
        var by = http.User.Identity?.Name ?? "";
        var result = await new RecordChanges(db, audit).TryApplyAsync(state, child, body.Version!.Value,
            () => ReviewRecording.Record(child, record, drafts, outcomes, body.ParticipationMeans ?? [], by, today, rulebook.Rules),
            () => [new Audited(AuditAction.ReviewRecorded, child.Id, ReviewRecording.RecordedDetails(reviewId, drafts.Count, outcomes.Count))]);
        return Answer(result, state, () => ReviewJson.From(child.Reviews.Single(r => r.Id == reviewId)), s_recordNames);
    }

    /// <summary>
    /// The whole child, to change, when the caller may change them: an integration within its reach; a person who works
    /// with the child (not through emergency access, which only reads) and holds the permission for them. Else 404, audited.
    /// </summary>
    public static async Task<Child?> OpenToChangeAsync(HttpContext http, AppDbContext db, AuditLog audit, int id, Permission permission)
    {
        var caller = http.User;
        var child = await ChildRecords.LoadAsync(db.ChildrenToChangeFor(caller), id, ChildParts.Whole);
        if (child is null || (!caller.IsIntegration() && !caller.MayFor(permission, child)))
        {
            db.ChangeTracker.Clear();
            await ApiReads.RefuseAsync(http, db, audit, id);
            return null;
        }

        return child;
    }

    /// <summary>The page's own input checks (its data annotations), under the page's field names.</summary>
    public static void Check(object input, ModelStateDictionary state)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                state.AddModelError($"Input.{member}", result.ErrorMessage ?? "");
            }
        }
    }

    public static void RequireVersion(long? version, ModelStateDictionary state)
    {
        if (version is null)
        {
            state.AddModelError("Input.Version", "Send the version of the child's record you read, so a change made since is not overwritten");
        }
    }

    /// <summary>What a write answers: the saved record, its problems by field (400), or 409 when someone else changed it first.</summary>
    public static IResult Answer<T>(ChangeResult result, ModelStateDictionary state, Func<T> saved, IReadOnlyDictionary<string, string>? names = null) =>
        result switch
        {
            ChangeResult.Saved => TypedResults.Ok(saved()),
            ChangeResult.RuleBroken => ApiProblems.Invalid(ApiProblems.Errors(state, names)),
            ChangeResult.LostRace or ChangeResult.AlreadySent => ApiProblems.Conflict(
                "Someone else changed this record since you read it. Nothing was saved: read it again, then send the change with its new version."),
            _ => throw new InvalidOperationException($"Unknown result {result}"),
        };

    private static readonly Dictionary<string, string> s_recordNames = new(StringComparer.Ordinal)
    {
        ["HeldOn"] = "cla_review_date",
        ["ParticipationCode"] = "cla_review_participation",
        ["DueOn"] = "due_date",
        ["NewDueOn"] = "new_due_date",
        ["OwnerStaffId"] = "owner_professional_id",
    };
}
