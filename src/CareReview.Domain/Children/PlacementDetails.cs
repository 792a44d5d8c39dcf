using System.Text.RegularExpressions;

namespace CareReview.Domain.Children;

/// <summary>
/// Where a placement is and who provides it, as the DfE looked-after return asks of each episode
/// (PLACE_PROVIDER, HOME_POST, PL_POST, URN). Every part is optional here: the return's own checks say
/// what is missing, so a social worker can record a move before the provider's details are known.
/// </summary>
public sealed partial record PlacementDetails(PlacementProvider? Provider, string? HomePostcode, string? PlacementPostcode, string? Urn)
{
    public static readonly PlacementDetails None = new(null, null, null, null);

    /// <summary>Written in place of an Ofsted URN for placements without one (outside England, or exempt types).</summary>
    public const string NoUrn = "XXXXXXX";

    /// <summary>The details in the form the return writes them, or a refusal naming the field.</summary>
    public PlacementDetails Checked(PlacementType placementType)
    {
        var home = Postcode(HomePostcode, "HomePostcode", "the child's home");
        var placement = Postcode(PlacementPostcode, "PlacementPostcode", "the placement");
        var urn = string.IsNullOrWhiteSpace(Urn) ? null : Urn.Trim().ToUpperInvariant();

        // SSDA903 rules 178 and 213: no provider for a temporary placement (T0 to T3) or a Z code.
        if (Provider is not null && placementType.ProviderNotRequired())
        {
            throw new DomainRuleException($"A {placementType} placement has no placement provider. Leave it blank", "Provider");
        }

        if (urn is not null && !UrnPattern().IsMatch(urn))
        {
            throw new DomainRuleException(
                "Enter the Ofsted unique reference number (URN), such as SC123456 or 2123456, or XXXXXXX if the placement has none", "Urn");
        }

        // SSDA903 rule 392d: a child placed away from their parents is placed somewhere other than home.
        if (home is not null && home == placement && placementType != PlacementType.P1)
        {
            throw new DomainRuleException("The placement postcode must differ from the home postcode unless the child is placed with parents (P1)",
                "PlacementPostcode");
        }

        return new PlacementDetails(Provider, home, placement, urn);
    }

    /// <summary>A UK postcode in capitals with one space before the inward part, such as "LS1 4AP".</summary>
    public static string? Postcode(string? value, string field, string whose)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var compact = value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (!PostcodePattern().IsMatch(compact))
        {
            throw new DomainRuleException($"Enter the postcode of {whose} in the right format, such as LS1 4AP", field);
        }

        return $"{compact[..^3]} {compact[^3..]}";
    }

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$")]
    private static partial Regex PostcodePattern();

    // Ofsted's URNs: SC and six digits for children's homes, or a six or seven digit number.
    [GeneratedRegex("^(SC[0-9]{6}|[0-9]{6,7}|XXXXXXX)$")]
    private static partial Regex UrnPattern();
}
