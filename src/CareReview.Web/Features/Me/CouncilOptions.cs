namespace CareReview.Web.Features.Me;

/// <summary>What a child is told about reaching the council out of hours ("Council" in settings).</summary>
public sealed class CouncilOptions
{
    /// <summary>The children's services duty number. The default is an Ofcom drama number, never a real line.</summary>
    public string DutyPhone { get; set; } = "01632 960000";
}
