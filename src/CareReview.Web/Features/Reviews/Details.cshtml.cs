using System.Globalization;
using CareReview.Domain.Reviews;
using CareReview.Web.Auditing;
using CareReview.Web.Data;
using CareReview.Web.Features.Children;
using Microsoft.AspNetCore.Mvc;

namespace CareReview.Web.Features.Reviews;

/// <summary>
/// One review: before the meeting, its arrangements, preparation checklist and agenda; after it, the
/// record, the recommendations and the steps that follow (decisions and record sent out).
/// </summary>
public sealed class DetailsModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    public Review Review { get; private set; } = null!;
    public IReadOnlyList<ChecklistItem> Before { get; private set; } = [];
    public IReadOnlyList<ChecklistItem> After { get; private set; } = [];
    public ReviewAgenda Agenda { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int reviewId)
    {
        if (!await LoadAsync(id, reviewId))
        {
            return await RefuseAsync($"review:{reviewId};page:details");
        }

        Audit.Record(AuditAction.ReviewViewed, Child.Id, $"review:{Review.Id}");
        await Db.SaveChangesAsync();
        return Page();
    }

    private async Task<bool> LoadAsync(int id, int reviewId)
    {
        if (await LoadChildAsync(id) is null || FindReview(reviewId) is null)
        {
            return false;
        }

        Show(reviewId);
        return true;
    }

    private void Show(int reviewId)
    {
        Review = FindReview(reviewId)!;
        Before = ReviewChecklist.Before(Review, Today, Calendar);
        After = ReviewChecklist.After(Review, Today, Calendar);
        Agenda = ReviewAgenda.For(Child);
    }

    public static string Tag(ChecklistState state) => state switch
    {
        ChecklistState.Done => "govuk-tag govuk-tag--green",
        ChecklistState.DoneLate => "govuk-tag govuk-tag--yellow",
        ChecklistState.Late => "govuk-tag govuk-tag--red",
        ChecklistState.Due => "govuk-tag govuk-tag--grey",
    };

    public static string Describe(ChecklistState state) => state switch
    {
        ChecklistState.Done => "Done",
        ChecklistState.DoneLate => "Done late",
        ChecklistState.Late => "Late",
        ChecklistState.Due => "Due",
    };

    public static string Time(TimeOnly? time) => time?.ToString("h:mmtt", CultureInfo.GetCultureInfo("en-GB")).ToLowerInvariant() ?? "";
}
