namespace CareReview.Domain.Children;

/// <summary>
/// Brothers and sisters in care, linked so that they are offered the same IRO (statutory-rules.md §6.2).
/// A child belongs to one group at most; the group is only its members.
/// </summary>
public sealed class SiblingGroup
{
    public int Id { get; private set; }
}
