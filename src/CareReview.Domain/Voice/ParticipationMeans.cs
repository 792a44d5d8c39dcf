namespace CareReview.Domain.Voice;

/// <summary>
/// How the child took part in a review, beside the SSDA903 participation code: a child may attend and
/// also have written beforehand, so these combine.
/// </summary>
[Flags]
public enum ParticipationMeans
{
    None = 0,
    Attended = 1,
    Advocate = 2,
    Wrote = 4,
    App = 8,
    Phone = 16,
    IroVisit = 32,
}

public static class ParticipationMeansWords
{
    public static readonly IReadOnlyList<ParticipationMeans> Each =
        [ParticipationMeans.Attended, ParticipationMeans.Advocate, ParticipationMeans.Wrote, ParticipationMeans.App, ParticipationMeans.Phone, ParticipationMeans.IroVisit];

    public static readonly ParticipationMeans All = Each.Aggregate(ParticipationMeans.None, (all, means) => all | means);

    public static string Describe(this ParticipationMeans means) => means switch
    {
        ParticipationMeans.Attended => "Attended the meeting",
        ParticipationMeans.Advocate => "Through an advocate",
        ParticipationMeans.Wrote => "Wrote or drew their views",
        ParticipationMeans.App => "Sent views through Care Review",
        ParticipationMeans.Phone => "By phone or video call",
        ParticipationMeans.IroVisit => "IRO visited them before the review",
        ParticipationMeans.None => "Not recorded",
        _ => string.Join(", ", Each.Where(m => means.HasFlag(m)).Select(Describe)),
    };
}
