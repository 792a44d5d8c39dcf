using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CareReview.Web.Output;

/// <summary>
/// Horizontal bar charts drawn on the server as inline SVG, so the figures pages need no JavaScript or
/// chart library. The chart is one image to assistive technology (role="img" with a title and
/// description); the page gives the same figures as a table, which is the real text alternative.
/// </summary>
public static class SvgChart
{
    /// <summary>One row of the chart: one value per series, stacked left to right in series order.</summary>
    public sealed record Bar(string Label, IReadOnlyList<double> Values);

    /// <summary>A series' name (shown in the legend) and its fill colour, one of <see cref="Colours"/>.</summary>
    public sealed record Series(string Name, string Colour);

    /// <summary>The GOV.UK Design System palette.</summary>
    public static class Colours
    {
        public const string Blue = "#1d70b8";
        public const string Green = "#00703c";
        public const string Orange = "#f47738";
        public const string Red = "#d4351c";
        public const string Purple = "#4c2c92";
        public const string DarkGrey = "#505a5f";
        public const string Turquoise = "#28a197";
        public const string Text = "#0b0c0c";
    }

    // A narrow drawing, so that at width 100% the text is still readable when a phone scales it down.
    private const double ViewWidth = 480;
    private const double FontSize = 16;
    // Labels sit above their bars rather than beside them, so a long label never squeezes the plot.
    private const double LabelHeight = 20;
    private const double BarHeight = 24;
    private const double RowGap = 12;
    private const double RowHeight = LabelHeight + BarHeight + RowGap;
    // Room at the right for the value written after the longest bar ("100%", "1,234").
    private const double ValueSpace = 64;
    private const double ValueGap = 6;
    private const double PlotWidth = ViewWidth - ValueSpace;
    private const double LegendLineHeight = 24;
    private const double SwatchSize = 16;

    /// <summary>
    /// A horizontal bar chart, stacked when there is more than one series. Each bar is scaled to
    /// <paramref name="maximum"/> when given (say 100 for percentages), else to the largest bar; a bar
    /// bigger than the maximum stretches the scale rather than running off the plot. The number at the
    /// end of a bar is its total.
    /// </summary>
    /// <param name="id">Unique on the page; the chart's title and description ids are made from it.</param>
    /// <param name="valueSuffix">Written after each value, such as "%".</param>
    public static IHtmlContent HorizontalBars(string id, string title, string description, IReadOnlyList<Series> series,
        IReadOnlyList<Bar> bars, string? valueSuffix = null, double? maximum = null)
    {
        Validate(id, series, bars, maximum);

        var largest = bars.Count == 0 ? 0 : bars.Max(b => b.Values.Sum());
        var scaleTo = Math.Max(maximum ?? 0, largest);
        // All zero: every bar has no width, rather than dividing by zero.
        var unit = scaleTo > 0 ? PlotWidth / scaleTo : 0;

        var legendHeight = series.Count > 1 ? series.Count * LegendLineHeight + RowGap : 0;
        var height = legendHeight + bars.Count * RowHeight;

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
                $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"app-svg-chart\" role=\"img\" aria-labelledby=\"{Encode(id)}-title {Encode(id)}-desc\"")
            .Append(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {N(ViewWidth)} {N(height)}\" width=\"100%\" font-size=\"{N(FontSize)}\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{Encode(id)}-title\">{Encode(title)}</title>")
            .Append(CultureInfo.InvariantCulture, $"<desc id=\"{Encode(id)}-desc\">{Encode(description)}</desc>");

        if (series.Count > 1)
        {
            AppendLegend(svg, series);
        }

        for (var row = 0; row < bars.Count; row++)
        {
            AppendBar(svg, series, bars[row], legendHeight + row * RowHeight, unit, valueSuffix);
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static void Validate(string id, IReadOnlyList<Series> series, IReadOnlyList<Bar> bars, double? maximum)
    {
        // aria-labelledby is a space-separated list of ids, so an id with a space would name the wrong elements.
        if (string.IsNullOrEmpty(id) || id.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("The chart id must be non-empty with no spaces.", nameof(id));
        }

        if (series.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
        }

        if (maximum is { } max && (!double.IsFinite(max) || max <= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(maximum), max, "The maximum must be a positive number.");
        }

        foreach (var bar in bars)
        {
            if (bar.Values.Count != series.Count)
            {
                throw new ArgumentException(
                    $"Bar \"{bar.Label}\" has {bar.Values.Count} values for {series.Count} series.", nameof(bars));
            }

            foreach (var value in bar.Values)
            {
                if (!double.IsFinite(value) || value < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(bars), value,
                        $"Bar \"{bar.Label}\" has a value that is negative or not a number.");
                }
            }
        }
    }

    private static void AppendLegend(StringBuilder svg, IReadOnlyList<Series> series)
    {
        // One entry a line: a row of entries would run off a phone's screen with four or five series.
        svg.Append("<g class=\"app-svg-chart__legend\">");
        for (var i = 0; i < series.Count; i++)
        {
            var top = i * LegendLineHeight;
            svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"0\" y=\"{N(top + (LegendLineHeight - SwatchSize) / 2)}\" width=\"{N(SwatchSize)}\" height=\"{N(SwatchSize)}\" fill=\"{Encode(series[i].Colour)}\"/>")
                .Append(CultureInfo.InvariantCulture,
                    $"<text x=\"{N(SwatchSize + ValueGap)}\" y=\"{N(top + LegendLineHeight / 2)}\" dominant-baseline=\"central\" fill=\"{Colours.Text}\">{Encode(series[i].Name)}</text>");
        }

        svg.Append("</g>");
    }

    private static void AppendBar(StringBuilder svg, IReadOnlyList<Series> series, Bar bar, double top, double unit, string? valueSuffix)
    {
        var barTop = top + LabelHeight;
        svg.Append("<g class=\"app-svg-chart__bar\">")
            .Append(CultureInfo.InvariantCulture,
                $"<text x=\"0\" y=\"{N(top + LabelHeight / 2)}\" dominant-baseline=\"central\" fill=\"{Colours.Text}\">{Encode(bar.Label)}</text>");

        // Each segment runs between rounded running totals, so the next one starts exactly where it ends.
        var total = 0d;
        var start = 0d;
        for (var i = 0; i < series.Count; i++)
        {
            total += bar.Values[i];
            var end = Math.Round(total * unit, 2);
            if (bar.Values[i] > 0)
            {
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect x=\"{N(start)}\" y=\"{N(barTop)}\" width=\"{N(end - start)}\" height=\"{N(BarHeight)}\" fill=\"{Encode(series[i].Colour)}\"/>");
            }

            start = end;
        }

        svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{N(start + ValueGap)}\" y=\"{N(barTop + BarHeight / 2)}\" dominant-baseline=\"central\" fill=\"{Colours.Text}\">{N(total)}{Encode(valueSuffix ?? "")}</text>")
            .Append("</g>");
    }

    private static string N(double number) => number.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
