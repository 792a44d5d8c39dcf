using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareReview.Web.Features.Children;

/// <summary>
/// Where a placement is and who provides it (SSDA903 PLACE_PROVIDER, HOME_POST, PL_POST, URN), as the
/// forms that start, change or correct an episode ask for it. The property names are the domain's field
/// names, so a refusal from <see cref="PlacementDetails.Checked"/> lands beside its own field.
/// </summary>
public class PlacementInput
{
    public PlacementProvider? Provider { get; set; }

    public string? HomePostcode { get; set; }

    public string? PlacementPostcode { get; set; }

    public string? Urn { get; set; }

    public PlacementDetails Placement => new(Provider, HomePostcode, PlacementPostcode, Urn);

    public void Show(PlacementDetails details)
    {
        Provider = details.Provider;
        HomePostcode = details.HomePostcode;
        PlacementPostcode = details.PlacementPostcode;
        Urn = details.Urn;
    }

    public static IEnumerable<(string Value, string Text)> Providers =>
        Enum.GetValues<PlacementProvider>().Select(c => (c.ToString(), $"{c} – {c.Describe()}"));

    /// <summary>The four fields in a fieldset; <paramref name="legend"/> names it for screen reader users.</summary>
    public IHtmlContent PlacementFields(ModelStateDictionary state, string legend = "Placement details for the DfE return")
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml("<fieldset class=\"govuk-fieldset\"><legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">");
        html.Append(legend);
        html.AppendHtml("</legend>");
        html.AppendHtml("<p class=\"govuk-body\">Leave any you do not know yet: the return's check will list what is missing.</p>");
        html.AppendHtml(Govuk.Select(state, "Input.Provider", "Placement provider", Providers, Provider?.ToString(),
            hint: "Who provides the placement. Temporary placements (T0 to T3) and Z11 to Z14 have no provider", emptyText: "Not recorded"));
        html.AppendHtml(Govuk.TextInput(state, "Input.HomePostcode", "Postcode of the child's home", HomePostcode,
            hint: "Where the child lived when they became looked after, for example LS1 4AP", autocomplete: "off", width: "govuk-input--width-10"));
        html.AppendHtml(Govuk.TextInput(state, "Input.PlacementPostcode", "Postcode of the placement", PlacementPostcode,
            hint: "For example, LS2 7UE", autocomplete: "off", width: "govuk-input--width-10"));
        html.AppendHtml(Govuk.TextInput(state, "Input.Urn", "Unique reference number (URN)", Urn,
            hint: "Ofsted unique reference number, for example SC123456. Enter XXXXXXX if the placement has none", autocomplete: "off",
            width: "govuk-input--width-10"));
        html.AppendHtml("</fieldset>");
        return html;
    }
}
