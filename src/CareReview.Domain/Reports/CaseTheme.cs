namespace CareReview.Domain.Reports;

/// <summary>
/// What a recommendation or an escalation is about, for the IRO annual report's themes (ADR-0014). Optional,
/// and more than one may apply. Stored by name, space-separated: never rename a member.
/// </summary>
public enum CaseTheme
{
    Contact,
    PlacementStability,
    Education,
    Health,
    Delay,
    Permanence,
    EmotionalWellbeing,
    Identity,
    LeavingCare,
    Participation,
    Other,
}

public static class CaseThemes
{
    /// <summary>The longest stored list of codes: every theme once, with the spaces between them.</summary>
    public const int MaxCodesLength = 200;

    public static readonly IReadOnlyList<CaseTheme> All = Enum.GetValues<CaseTheme>();

    public static string Describe(this CaseTheme theme) => theme switch
    {
        CaseTheme.Contact => "Contact with family and friends",
        CaseTheme.PlacementStability => "Placement stability",
        CaseTheme.Education => "Education",
        CaseTheme.Health => "Health",
        CaseTheme.Delay => "Delay and drift",
        CaseTheme.Permanence => "Permanence",
        CaseTheme.EmotionalWellbeing => "Emotional wellbeing",
        CaseTheme.Identity => "Identity",
        CaseTheme.LeavingCare => "Leaving care",
        CaseTheme.Participation => "The child's participation",
        CaseTheme.Other => "Other",
        _ => theme.ToString(),
    };

    /// <summary>The themes as stored: distinct, in <see cref="All"/> order, space-separated; empty when none.</summary>
    public static string ToCodes(IEnumerable<CaseTheme>? themes) =>
        themes is null ? "" : string.Join(' ', themes.Distinct().Order());

    /// <summary>The stored codes read back; a code no longer known is skipped rather than failing the page.</summary>
    public static IReadOnlyList<CaseTheme> FromCodes(string? codes) =>
        [.. (codes ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(c => Enum.TryParse<CaseTheme>(c, out var theme) ? (CaseTheme?)theme : null)
            .OfType<CaseTheme>()];
}
