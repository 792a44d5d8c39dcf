namespace CareReview.Domain.Reviews;

/// <summary>
/// What every review must consider: CPPCR 2010 Schedule 7 (statutory-rules.md §4.1). Paragraphs 3, 7,
/// 8, 11 and 12 are taken from the believed text (grade C) until the revised schedule is checked.
/// Ids are stored with the answers: never renumber one.
/// </summary>
public static class Schedule7
{
    public sealed record Consideration(int Paragraph, string Text, string Grade);

    public static readonly IReadOnlyList<Consideration> Considerations =
    [
        new(1, "Changes since the last review, especially to the care plan, and whether the last review's decisions were carried out (and if not, why not)", "A/C"),
        new(2, "Whether the council should seek a change in the child's legal status", "A"),
        new(3, "Whether there is a plan for permanence for the child", "C"),
        new(4, "Contact arrangements, and whether they need to change", "A"),
        new(5, "Whether the placement is still the most appropriate one, and any change needed before the next review", "A"),
        new(6, "The child's educational needs, progress and development, with the designated teacher's advice", "A"),
        new(7, "The child's leisure interests and activities", "C"),
        new(8, "The latest health assessment and whether health arrangements need to change", "C"),
        new(9, "Whether the child's needs related to identity (religion, racial origin, culture and language) are met", "A"),
        new(10, "Whether the advice, support and assistance arrangements (reg 31) are still right and understood by the child", "A"),
        new(11, "Whether arrangements are needed for when the child stops being looked after", "C"),
        new(12, "The child's wishes and feelings, and the IRO's views, about the case and any change to the care plan", "C"),
        new(13, "Where the child is placed with a parent before assessment (reg 28(3)), how often the social worker visits", "A"),
    ];

    public static bool IsKnown(int paragraph) => paragraph is >= 1 and <= 13;
}
