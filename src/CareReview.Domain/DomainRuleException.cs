namespace CareReview.Domain;

/// <summary>
/// A rule from statute, guidance or the business was broken. The message is written for the user
/// and is safe to show beside the field that caused it.
/// </summary>
public sealed class DomainRuleException(string message, string? field = null) : Exception(message)
{
    /// <summary>The input the message belongs beside, when there is one.</summary>
    public string? Field { get; } = field;
}
