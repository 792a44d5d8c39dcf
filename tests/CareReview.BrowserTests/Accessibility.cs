using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CareReview.BrowserTests;

/// <summary>Checks a page with axe-core against WCAG 2.2 level AA (and the A and AA rules of 2.0 and 2.1).</summary>
public static class Accessibility
{
    private static readonly AxeRunOptions s_wcag22aa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Fails the test with every violation axe finds on the page as it is now.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(s_wcag22aa);
        Assert.True(result.Passes.Length > 0, $"axe checked nothing on {page.Url}: did the page load?");
        if (result.Violations.Length == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"axe found {result.Violations.Length} accessibility violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture,
                $"- {violation.Id} ({violation.Impact}): {violation.Help} [{string.Join(", ", violation.Tags)}] {violation.HelpUrl}");
            foreach (var node in violation.Nodes.Take(5))
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    {node.Target}: {node.Html}");
            }
        }

        Assert.Fail(report.ToString());
    }
}
