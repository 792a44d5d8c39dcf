using CareReview.Domain.Reviews;
using CareReview.Domain.Voice;
using CareReview.Web.Auditing;
using CareReview.Web.Authorization;
using CareReview.Web.Data;
using CareReview.Web.Data.Entities;
using CareReview.Web.Features.Children;
using CareReview.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Web.Features.Voice;

/// <summary>The IRO follows up a child's "Not happy" card: what they did, and when.</summary>
public sealed class CardModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ChildPageModel(db, audit, time, calendars)
{
    [BindProperty]
    public FollowUpInput Input { get; set; } = new();

    public Review Review { get; private set; } = null!;
    public ReviewFeedback Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, int reviewId)
    {
        if (!await LoadAsync(id, reviewId))
        {
            return await RefuseAsync($"review:{reviewId};page:card");
        }

        Input.Version = Card.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int reviewId)
    {
        if (!await LoadAsync(id, reviewId))
        {
            return await RefuseAsync($"review:{reviewId};page:card");
        }

        var on = ModelState.ReadDate("Input.On", Input.On, "The date you followed it up");
        if (!ModelState.IsValid || on is null)
        {
            return Page();
        }

        var saved = await VoiceChanges.TrySaveAsync(Db, ModelState, Card, Input.Version, () =>
        {
            Card.RecordFollowUp(on.Value, Input.FollowUpNote ?? "", User.DisplayName(), Today);
            Audit.Record(AuditAction.RatingFollowedUp, Child.Id, $"review:{reviewId}");
        });
        if (!saved)
        {
            await LoadAsync(id, reviewId);
            return Page();
        }

        TempData["Success"] = $"The follow-up of {Child.GivenName}'s card is recorded";
        return RedirectToPage("/Reviews/Details", new { id, reviewId });
    }

    /// <summary>The child's IRO and the IRO manager follow up cards; the card must be "Not happy".</summary>
    private async Task<bool> LoadAsync(int id, int reviewId)
    {
        if (await LoadChildAsync(id) is null || FindReview(reviewId) is not { } review || !CanChair)
        {
            return false;
        }

        Review = review;
        var card = await Db.ReviewFeedback.SingleOrDefaultAsync(f => f.ReviewId == reviewId);
        if (card is null || card.Rating != ReviewRating.NotHappy)
        {
            return false;
        }

        Card = card;
        return true;
    }
}

public sealed class FollowUpInput
{
    public DateInput? On { get; set; }
    public string? FollowUpNote { get; set; }
    public long Version { get; set; }
}
