namespace CareReview.Web.Features.Reviews;

/// <summary>
/// A first draft of the short letter to the child that ends the review record, in plain words, for the
/// IRO to edit. It says what was agreed, who will do it and when, and when the next review is.
/// </summary>
public static class ChildLetter
{
    public static string Draft(Child child, DateOnly heldOn, IEnumerable<RecommendationDraft> agreed, DateOnly? nextReviewBy, string? iroName)
    {
        var lines = new List<string>
        {
            $"Dear {child.GivenName},",
            "",
            $"Thank you for your review on {GovukDate.Format(heldOn)}. We talked about how things are going for you and what you told us.",
        };
        var actions = agreed.Where(a => !string.IsNullOrWhiteSpace(a.Action)).ToList();
        if (actions.Count > 0)
        {
            lines.Add("");
            lines.Add("This is what we agreed:");
            lines.AddRange(actions.Select(a =>
                $"- {a.OwnerName} ({a.OwnerRole}) will {LowerFirst(a.Action!.Trim().TrimEnd('.'))} by {GovukDate.Format(a.DueOn)}."));
        }

        if (nextReviewBy is { } next)
        {
            lines.Add("");
            lines.Add($"Your next review will be by {GovukDate.Format(next)}. Tell us who you would like there, and where.");
        }

        lines.Add("");
        lines.Add($"If something is worrying you, or something we agreed is not happening, you can talk to me{(iroName is null ? "" : $", {iroName},")} at any time.");
        lines.Add("");
        lines.Add($"From {iroName ?? "your IRO"}");
        return string.Join('\n', lines);
    }

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
