namespace CareReview.Domain.Deadlines;

/// <summary>
/// The rules in force for one council: its working-day calendar (bank holidays and any days an
/// administrator added) and its rule catalogue (national rules and the council's settings).
/// </summary>
public sealed record Rulebook(WorkingDayCalendar Calendar, RuleCatalogue Catalogue)
{
    /// <summary>England and Wales bank holidays and the national rules, with no local settings.</summary>
    public static Rulebook National { get; } = new(WorkingDayCalendar.EnglandAndWales, RuleCatalogue.National);

    /// <summary>The period of a rule in force on <paramref name="from"/>, added to it.</summary>
    public DateOnly Add(string ruleId, DateOnly from) => Period(ruleId, from).After(from, Calendar);

    public RulePeriod Period(string ruleId, DateOnly on) =>
        (Catalogue.InForce(ruleId, on) ?? Catalogue.Current(ruleId)).Period
        ?? throw new InvalidOperationException($"Rule {ruleId} has no period");
}
