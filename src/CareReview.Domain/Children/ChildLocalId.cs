namespace CareReview.Domain.Children;

/// <summary>
/// A child's local identifier as the DfE return carries it (CHILD, ssda903.md §1): letters and digits only,
/// so that it can join the return's files, be written into any CSV or spreadsheet, and be shown anywhere
/// without escaping. Up to 20 characters, as the database holds it.
/// </summary>
public static class ChildLocalId
{
    public const int MaxLength = 20;

    /// <summary>What is wrong with an identifier that is not valid, in plain words.</summary>
    public const string Rule = "The child's identifier (CHILD) must be 1 to 20 letters and digits, with no spaces or other characters.";

    /// <summary>Whether <paramref name="value"/> (already upper-cased, as the return is read) is a valid identifier.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: > 0 and <= MaxLength } && value.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c));
}
