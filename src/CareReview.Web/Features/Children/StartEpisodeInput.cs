using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareReview.Web.Features.Children;

/// <summary>What the return needs when a period of care starts (reason for new episode S).</summary>
public class StartEpisodeInput : PlacementInput
{
    public DateInput? StartedOn { get; set; }

    [Required(ErrorMessage = "Select the legal status")]
    public LegalStatus? LegalStatus { get; set; }

    [Required(ErrorMessage = "Select the placement type")]
    public PlacementType? PlacementType { get; set; }

    [Required(ErrorMessage = "Select the category of need")]
    public CategoryOfNeed? CategoryOfNeed { get; set; }

    public IHtmlContent Fields(ModelStateDictionary state)
    {
        var html = new HtmlContentBuilder();
        html.AppendHtml(Govuk.DateField(state, "Input.StartedOn", "Date the child became looked after", StartedOn,
            "For a child accommodated under section 20, the day the 24 hours of accommodation ended. For example, 27 3 2026"));
        html.AppendHtml("<p class=\"govuk-body\">Reason for new episode: <strong>S – started to be looked after</strong></p>");
        html.AppendHtml(Govuk.Select(state, "Input.LegalStatus", "Legal status", CodeOptions.LegalStatuses, LegalStatus?.ToString()));
        html.AppendHtml(Govuk.Select(state, "Input.PlacementType", "Placement type", CodeOptions.PlacementTypes, PlacementType?.ToString()));
        html.AppendHtml(Govuk.Select(state, "Input.CategoryOfNeed", "Category of need", CodeOptions.CategoriesOfNeed, CategoryOfNeed?.ToString()));
        html.AppendHtml(PlacementFields(state));
        return html;
    }
}
