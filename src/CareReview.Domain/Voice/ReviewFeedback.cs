using CareReview.Domain.Reviews;

namespace CareReview.Domain.Voice;

/// <summary>
/// A child's "Rate My Review" card. "Not happy" asks the IRO to follow it up: talk to the child and
/// record what they did, so the card is never just filed.
/// </summary>
public sealed class ReviewFeedback
{
    public const int MaxCommentLength = 1000;
    public const int MaxFollowUpLength = 2000;

    private ReviewFeedback()
    {
    }

    public int Id { get; private set; }
    public int ChildId { get; private set; }
    public int ReviewId { get; private set; }
    public ReviewRating Rating { get; private set; }
    public string? Comment { get; private set; }
    public DateOnly GivenOn { get; private set; }
    public DateOnly? FollowedUpOn { get; private set; }
    public string? FollowUpNote { get; private set; }
    public string? FollowedUpBy { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public long Version { get; set; }

    public bool NeedsFollowUp => Rating == ReviewRating.NotHappy && FollowedUpOn is null;

    public static ReviewFeedback Give(Review review, ReviewRating rating, string? comment, DateOnly today)
    {
        if (!review.IsHeld || review.HeldOn > today)
        {
            throw new DomainRuleException("You can rate a review after it has happened", nameof(Rating));
        }

        if (!Enum.IsDefined(rating))
        {
            throw new DomainRuleException("Choose Good, OK or Not happy", nameof(Rating));
        }

        if ((comment?.Trim().Length ?? 0) > MaxCommentLength)
        {
            throw new DomainRuleException($"Your comment must be {MaxCommentLength:N0} characters or fewer", nameof(Comment));
        }

        return new ReviewFeedback
        {
            ChildId = review.ChildId,
            ReviewId = review.Id,
            Rating = rating,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            GivenOn = today,
        };
    }

    public void RecordFollowUp(DateOnly on, string note, string by, DateOnly today)
    {
        if (Rating != ReviewRating.NotHappy)
        {
            throw new DomainRuleException("Only a \"Not happy\" card needs following up", nameof(FollowUpNote));
        }

        if (FollowedUpOn is not null)
        {
            throw new DomainRuleException($"This card was followed up on {GovukDate.Format(FollowedUpOn)}", nameof(FollowUpNote));
        }

        if (string.IsNullOrWhiteSpace(note))
        {
            throw new DomainRuleException("Enter what you did to follow up the child's card", nameof(FollowUpNote));
        }

        if (note.Trim().Length > MaxFollowUpLength)
        {
            throw new DomainRuleException($"The note must be {MaxFollowUpLength:N0} characters or fewer", nameof(FollowUpNote));
        }

        if (on < GivenOn || on > today)
        {
            throw new DomainRuleException($"The date must be between {GovukDate.Format(GivenOn)} and today", "On");
        }

        FollowedUpOn = on;
        FollowUpNote = note.Trim();
        FollowedUpBy = by;
    }
}
