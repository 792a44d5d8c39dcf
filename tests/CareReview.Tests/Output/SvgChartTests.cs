using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Html;
using static CareReview.Web.Output.SvgChart;

namespace CareReview.Tests.Output;

/// <summary>The participation figures' bar charts, read back as XML the way a browser would draw them.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace s_svg = "http://www.w3.org/2000/svg";
    private static readonly Series[] s_one = [new("Reviews", Colours.Blue)];
    private static readonly Series[] s_two = [new("Attended", Colours.Green), new("Views shared", Colours.Orange)];

    // The plot is the drawing's width less the room kept at the right for the values.
    private const double PlotWidth = 480 - 64;

    [Fact]
    public void The_chart_is_one_image_named_by_its_title_and_described_by_its_description()
    {
        var svg = Parse(HorizontalBars("codes", "Participation codes", "PN1: 12, PN2: 5", s_one, [new("PN1", [12]), new("PN2", [5])]));

        Assert.Equal(s_svg + "svg", svg.Name);
        Assert.Equal("img", (string?)svg.Attribute("role"));
        Assert.Equal("100%", (string?)svg.Attribute("width"));
        Assert.NotNull(svg.Attribute("viewBox"));
        var ids = ((string)svg.Attribute("aria-labelledby")!).Split(' ');
        Assert.Equal(["codes-title", "codes-desc"], ids);
        var title = svg.Element(s_svg + "title")!;
        var desc = svg.Element(s_svg + "desc")!;
        Assert.Equal(ids[0], (string?)title.Attribute("id"));
        Assert.Equal(ids[1], (string?)desc.Attribute("id"));
        Assert.Equal("Participation codes", title.Value);
        Assert.Equal("PN1: 12, PN2: 5", desc.Value);
    }

    [Fact]
    public void Each_bar_has_its_label_a_segment_in_the_series_colour_and_its_value()
    {
        var svg = Parse(HorizontalBars("codes", "Codes", "Codes", s_one, [new("PN1", [12]), new("PN2", [5])]));

        var rows = Rows(svg);
        Assert.Equal(2, rows.Count);
        Assert.Equal(["PN1", "12"], Texts(rows[0]));
        Assert.Equal(["PN2", "5"], Texts(rows[1]));
        Assert.All(rows, row => Assert.Equal(Colours.Blue, (string?)Assert.Single(Rects(row)).Attribute("fill")));
    }

    [Fact]
    public void Bar_widths_are_proportional_to_the_values_and_the_longest_fills_the_plot()
    {
        var svg = Parse(HorizontalBars("codes", "Codes", "Codes", s_one, [new("A", [10]), new("B", [5]), new("C", [2.5])]));

        var widths = Rows(svg).Select(row => Width(Assert.Single(Rects(row)))).ToList();
        Assert.Equal(PlotWidth, widths[0], 0.01);
        Assert.Equal(widths[0] / 2, widths[1], 0.01);
        Assert.Equal(widths[0] / 4, widths[2], 0.01);
    }

    [Fact]
    public void With_a_maximum_bars_are_scaled_to_it_not_to_the_largest_bar()
    {
        var svg = Parse(HorizontalBars("share", "Share", "Share", s_one, [new("10 to 15", [50]), new("16 to 17", [25])], "%", maximum: 100));

        var rows = Rows(svg);
        Assert.Equal(PlotWidth / 2, Width(Assert.Single(Rects(rows[0]))), 0.01);
        Assert.Equal(PlotWidth / 4, Width(Assert.Single(Rects(rows[1]))), 0.01);
        Assert.Equal(["10 to 15", "50%"], Texts(rows[0]));
    }

    [Fact]
    public void A_bar_over_the_maximum_stretches_the_scale_instead_of_running_off_the_plot()
    {
        var svg = Parse(HorizontalBars("share", "Share", "Share", s_one, [new("A", [120]), new("B", [60])], "%", maximum: 100));

        var widths = Rows(svg).Select(row => Width(Assert.Single(Rects(row)))).ToList();
        Assert.Equal(PlotWidth, widths[0], 0.01);
        Assert.Equal(PlotWidth / 2, widths[1], 0.01);
    }

    [Fact]
    public void Stacked_segments_start_where_the_one_before_ends_in_their_series_colours_and_the_bar_shows_its_total()
    {
        var svg = Parse(HorizontalBars("attendance", "Attendance", "Attendance", s_two, [new("Under 5", [3, 7]), new("5 to 9", [1, 1])]));

        var rows = Rows(svg);
        var first = Rects(rows[0]);
        Assert.Equal([Colours.Green, Colours.Orange], first.Select(r => (string)r.Attribute("fill")!));
        Assert.Equal(0, X(first[0]), 0.01);
        Assert.Equal(X(first[0]) + Width(first[0]), X(first[1]), 0.01);
        Assert.Equal(PlotWidth, X(first[1]) + Width(first[1]), 0.01);
        Assert.Equal(Width(first[0]) * 7 / 3, Width(first[1]), 0.01);
        Assert.Equal(["Under 5", "10"], Texts(rows[0]));

        var second = Rects(rows[1]);
        Assert.Equal(PlotWidth / 10, Width(second[0]), 0.01);
        Assert.Equal(X(second[0]) + Width(second[0]), X(second[1]), 0.01);
    }

    [Fact]
    public void A_zero_segment_draws_no_rectangle_and_the_next_starts_where_the_last_drawn_one_ends()
    {
        Series[] three = [new("Good", Colours.Green), new("Okay", Colours.DarkGrey), new("Bad", Colours.Red)];
        var svg = Parse(HorizontalBars("rmr", "Rate My Review", "Ratings", three, [new("11 to 15", [4, 0, 2])]));

        var rects = Rects(Assert.Single(Rows(svg)));
        Assert.Equal([Colours.Green, Colours.Red], rects.Select(r => (string)r.Attribute("fill")!));
        Assert.Equal(X(rects[0]) + Width(rects[0]), X(rects[1]), 0.01);
    }

    [Fact]
    public void The_value_is_written_just_after_the_end_of_its_bar()
    {
        var svg = Parse(HorizontalBars("codes", "Codes", "Codes", s_one, [new("A", [10]), new("B", [5])]));

        foreach (var row in Rows(svg))
        {
            var rect = Assert.Single(Rects(row));
            var value = row.Elements(s_svg + "text").Last();
            Assert.True(X(value) > X(rect) + Width(rect), $"The value {value.Value} is drawn over its bar.");
        }
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("A & B")]
    [InlineData("\"Quoted\" 'and' apostrophes")]
    [InlineData("Zoë's review ✓")]
    public void Hostile_text_is_escaped_so_the_chart_still_parses_and_reads_back_as_written(string text)
    {
        var html = HorizontalBars("codes", text, text, [new(text, Colours.Blue), new("Other", Colours.Green)], [new(text, [1, 2])], valueSuffix: text);

        Assert.DoesNotContain("<script>", ToHtml(html), StringComparison.Ordinal);
        var svg = Parse(html);
        Assert.Equal(text, svg.Element(s_svg + "title")!.Value);
        Assert.Equal(text, svg.Element(s_svg + "desc")!.Value);
        Assert.Equal([text, "3" + text], Texts(Assert.Single(Rows(svg))));
        Assert.Contains(text, svg.Descendants(s_svg + "g").Single(IsLegend).Elements(s_svg + "text").Select(t => t.Value));
        Assert.Empty(svg.Descendants(s_svg + "script"));
    }

    [Fact]
    public void All_zero_figures_draw_no_bars_and_write_no_NaN_or_infinity()
    {
        var html = ToHtml(HorizontalBars("codes", "Codes", "Codes", s_two, [new("A", [0, 0]), new("B", [0, 0])]));

        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", html, StringComparison.Ordinal);
        Assert.DoesNotContain("∞", html, StringComparison.Ordinal);
        var svg = Parse(new HtmlString(html));
        Assert.All(NumericAttributes(svg), a => Assert.True(double.IsFinite(Number(a.Value)), $"{a.Name} is {a.Value}."));
        Assert.All(((string)svg.Attribute("viewBox")!).Split(' '), v => Assert.True(double.IsFinite(Number(v))));
        var rows = Rows(svg);
        Assert.All(rows, row => Assert.Empty(Rects(row)));
        Assert.All(rows, row => Assert.Equal("0", row.Elements(s_svg + "text").Last().Value));
    }

    [Fact]
    public void No_bars_at_all_is_an_empty_chart_not_an_error()
    {
        var svg = Parse(HorizontalBars("codes", "Codes", "No reviews yet", s_one, []));

        Assert.Empty(Rows(svg));
        Assert.DoesNotContain("NaN", svg.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_negative_or_non_numeric_value_is_refused(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HorizontalBars("codes", "Codes", "Codes", s_two, [new("A", [1, value])]));

    [Theory]
    [InlineData(0)]
    [InlineData(-100)]
    [InlineData(double.NaN)]
    public void A_maximum_that_is_not_positive_is_refused(double maximum) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HorizontalBars("codes", "Codes", "Codes", s_one, [new("A", [1])], maximum: maximum));

    [Fact]
    public void A_bar_with_the_wrong_number_of_values_is_refused() =>
        Assert.Throws<ArgumentException>(() => HorizontalBars("codes", "Codes", "Codes", s_two, [new("A", [1])]));

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    public void An_id_that_cannot_be_referred_to_by_aria_labelledby_is_refused(string id) =>
        Assert.Throws<ArgumentException>(() => HorizontalBars(id, "Codes", "Codes", s_one, [new("A", [1])]));

    [Fact]
    public void A_legend_names_each_series_in_its_colour_only_when_there_is_more_than_one()
    {
        var single = Parse(HorizontalBars("codes", "Codes", "Codes", s_one, [new("A", [1])]));
        Assert.DoesNotContain(single.Descendants(s_svg + "g"), IsLegend);
        Assert.DoesNotContain(single.Descendants(s_svg + "text"), t => t.Value == "Reviews");

        var stacked = Parse(HorizontalBars("attendance", "Attendance", "Attendance", s_two, [new("A", [1, 2])]));
        var legend = Assert.Single(stacked.Descendants(s_svg + "g"), IsLegend);
        Assert.Equal(["Attended", "Views shared"], legend.Elements(s_svg + "text").Select(t => t.Value));
        Assert.Equal([Colours.Green, Colours.Orange], legend.Elements(s_svg + "rect").Select(r => (string)r.Attribute("fill")!));
    }

    [Fact]
    public void The_legend_pushes_the_bars_down_so_they_do_not_overlap()
    {
        var stacked = Parse(HorizontalBars("attendance", "Attendance", "Attendance", s_two, [new("A", [1, 2])]));

        var legendBottom = stacked.Descendants(s_svg + "g").Single(IsLegend).Elements(s_svg + "rect").Max(r => Y(r) + Height(r));
        var firstLabel = Rows(stacked)[0].Elements(s_svg + "text").First();
        Assert.True(Y(firstLabel) > legendBottom);
        var viewBoxHeight = Number(((string)stacked.Attribute("viewBox")!).Split(' ')[3]);
        var barBottom = Rects(Rows(stacked)[0]).Max(r => Y(r) + Height(r));
        Assert.True(barBottom <= viewBoxHeight, "The last bar is cut off by the viewBox.");
    }

    [Fact]
    public void Numbers_are_written_with_a_decimal_point_whatever_the_current_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var html = ToHtml(HorizontalBars("share", "Share", "Share", s_one, [new("A", [33.25]), new("B", [12.5])], "%", maximum: 100));

            var svg = Parse(new HtmlString(html));
            Assert.Equal(["A", "33.25%"], Texts(Rows(svg)[0]));
            Assert.Equal(["B", "12.5%"], Texts(Rows(svg)[1]));
            Assert.Equal(PlotWidth * 0.3325, Width(Assert.Single(Rects(Rows(svg)[0]))), 0.01);
            // No number anywhere in the markup is written with a decimal comma.
            Assert.All(NumericAttributes(svg), a => Assert.DoesNotContain(",", a.Value, StringComparison.Ordinal));
            Assert.DoesNotContain(",", (string)svg.Attribute("viewBox")!, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    private static XElement Parse(IHtmlContent html) => XDocument.Parse(ToHtml(html)).Root!;

    private static string ToHtml(IHtmlContent html) => Assert.IsType<HtmlString>(html).Value!;

    private static bool IsLegend(XElement g) => (string?)g.Attribute("class") == "app-svg-chart__legend";

    private static List<XElement> Rows(XElement svg) =>
        [.. svg.Elements(s_svg + "g").Where(g => (string?)g.Attribute("class") == "app-svg-chart__bar")];

    private static List<XElement> Rects(XElement row) => [.. row.Elements(s_svg + "rect")];

    private static List<string> Texts(XElement row) => [.. row.Elements(s_svg + "text").Select(t => t.Value)];

    private static IEnumerable<XAttribute> NumericAttributes(XElement svg) =>
        svg.Descendants().SelectMany(e => e.Attributes()).Where(a => a.Name.LocalName is "x" or "y" or "width" or "height");

    private static double X(XElement e) => Number((string)e.Attribute("x")!);

    private static double Y(XElement e) => Number((string)e.Attribute("y")!);

    private static double Width(XElement e) => Number((string)e.Attribute("width")!);

    private static double Height(XElement e) => Number((string)e.Attribute("height")!);

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
