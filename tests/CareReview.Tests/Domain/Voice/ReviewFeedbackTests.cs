using CareReview.Domain.Voice;
using static CareReview.Tests.Domain.Dates;
using static CareReview.Tests.Domain.ReviewFixtures;

namespace CareReview.Tests.Domain.Voice;

/// <summary>The child's "Rate My Review" card and the IRO's follow-up of a "Not happy" card.</summary>
public sealed class ReviewFeedbackTests
{
    [Fact]
    public void A_review_can_be_rated_only_after_it_has_happened()
    {
        var child = AChildLookedAfterSince("2026-09-01");
        var review = child.ScheduleReview(Arrangements("2026-09-20"), D("2026-09-05"), Rules);

        AssertRefused(nameof(ReviewFeedback.Rating), () => ReviewFeedback.Give(review, ReviewRating.Good, null, D("2026-09-10")));

        child.RecordReview(Held("2026-09-20"), [], [], "IRO Jo", D("2026-09-20"), Rules);
        var card = ReviewFeedback.Give(review, ReviewRating.Ok, "  It was long ", D("2026-09-22"));

        Assert.Equal(ReviewRating.Ok, card.Rating);
        Assert.Equal("It was long", card.Comment);
        Assert.False(card.NeedsFollowUp);
    }

    [Fact]
    public void An_overlong_comment_or_an_unknown_rating_is_refused()
    {
        var child = AChildLookedAfterSince("2026-09-01");
        var review = RecordWith(child, "2026-09-20");

        AssertRefused(nameof(ReviewFeedback.Comment), () => ReviewFeedback.Give(review, ReviewRating.Good, new string('x', ReviewFeedback.MaxCommentLength + 1), D("2026-09-22")));
        AssertRefused(nameof(ReviewFeedback.Rating), () => ReviewFeedback.Give(review, (ReviewRating)9, null, D("2026-09-22")));
    }

    [Fact]
    public void Not_happy_needs_following_up_until_the_iro_records_what_they_did()
    {
        var child = AChildLookedAfterSince("2026-09-01");
        var review = RecordWith(child, "2026-09-20");
        var card = ReviewFeedback.Give(review, ReviewRating.NotHappy, "Nobody listened", D("2026-09-22"));
        Assert.True(card.NeedsFollowUp);

        AssertRefused(nameof(ReviewFeedback.FollowUpNote), () => card.RecordFollowUp(D("2026-09-23"), " ", "IRO Jo", D("2026-09-23")));
        AssertRefused("On", () => card.RecordFollowUp(D("2026-09-21"), "Visited Sam", "IRO Jo", D("2026-09-23")));
        AssertRefused("On", () => card.RecordFollowUp(D("2026-09-24"), "Visited Sam", "IRO Jo", D("2026-09-23")));

        card.RecordFollowUp(D("2026-09-23"), "Visited Sam; agreed to meet before the next review", "IRO Jo", D("2026-09-23"));

        Assert.False(card.NeedsFollowUp);
        Assert.Equal("IRO Jo", card.FollowedUpBy);
        AssertRefused(nameof(ReviewFeedback.FollowUpNote), () => card.RecordFollowUp(D("2026-09-23"), "Again", "IRO Jo", D("2026-09-23")));
    }

    [Fact]
    public void A_good_card_has_nothing_to_follow_up()
    {
        var child = AChildLookedAfterSince("2026-09-01");
        var card = ReviewFeedback.Give(RecordWith(child, "2026-09-20"), ReviewRating.Good, null, D("2026-09-22"));

        AssertRefused(nameof(ReviewFeedback.FollowUpNote), () => card.RecordFollowUp(D("2026-09-23"), "Said thanks", "IRO Jo", D("2026-09-23")));
    }
}
