using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareReview.Web.Features.Voice;

/// <summary>The views form, for a child or a parent. "Yes", "No" or "Not sure" answers post as strings.</summary>
public sealed class ViewsInput
{
    public string? GoingWell { get; set; }
    public string? NotGoingWell { get; set; }
    public string? WantToChange { get; set; }
    public string? WhoIWantThere { get; set; }
    public string? WhereAndWhen { get; set; }
    public string? TalkToIroAlone { get; set; }
    public string? WantAdvocate { get; set; }
    public string? WillAttend { get; set; }
    public long Version { get; set; }

    public static readonly IReadOnlyList<(string Value, string Text)> YesNoNotSure = [("yes", "Yes"), ("no", "No"), ("not-sure", "Not sure")];

    /// <summary>Puts every problem with the views beside its field; true when there are none.</summary>
    public static bool Check(ModelStateDictionary state, ViewsDraft draft)
    {
        foreach (var problem in ReviewViews.Problems(draft))
        {
            state.AddModelError(problem.Field is null ? "" : $"Input.{problem.Field}", problem.Message);
        }

        return state.IsValid;
    }

    public ViewsDraft ToDraft() => new(GoingWell, NotGoingWell, WantToChange, WhoIWantThere, WhereAndWhen,
        YesOrNo(TalkToIroAlone), YesOrNo(WantAdvocate), YesOrNo(WillAttend));

    public static ViewsInput From(ReviewViews views) => new()
    {
        GoingWell = views.GoingWell,
        NotGoingWell = views.NotGoingWell,
        WantToChange = views.WantToChange,
        WhoIWantThere = views.WhoIWantThere,
        WhereAndWhen = views.WhereAndWhen,
        TalkToIroAlone = Answer(views.TalkToIroAlone),
        WantAdvocate = Answer(views.WantAdvocate),
        WillAttend = Answer(views.WillAttend),
        Version = views.Version,
    };

    public static string Answer(bool? answer) => answer switch { true => "yes", false => "no", null => "not-sure" };

    public static string Describe(bool? answer) => answer switch { true => "Yes", false => "No", null => "Not sure" };

    private static bool? YesOrNo(string? answer) => answer switch { "yes" => true, "no" => false, _ => null };
}
