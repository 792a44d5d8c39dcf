namespace CareReview.Domain.Voice;

/// <summary>The child's "Rate My Review" card after a review.</summary>
public enum ReviewRating
{
    Good,
    Ok,
    NotHappy,
}

public static class ReviewRatingWords
{
    public static readonly IReadOnlyList<ReviewRating> All = Enum.GetValues<ReviewRating>();

    public static string Describe(this ReviewRating rating) => rating switch
    {
        ReviewRating.Good => "Good",
        ReviewRating.Ok => "OK",
        _ => "Not happy",
    };
}
