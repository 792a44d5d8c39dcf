using System.Net;
using System.Text;
using CareReview.Domain.Reports;
using CareReview.Web.Output;
using Microsoft.AspNetCore.Html;
using Report = CareReview.Domain.Reports.AnnualReport;

namespace CareReview.Web.Features.AnnualReport;

/// <summary>The annual report's words and its three outputs besides the page's charts: HTML tables, the long CSV and the PDF.</summary>
public static class AnnualReportOutput
{
    /// <summary>Each measure's heading, in the order the page, the PDF and the CSV give them.</summary>
    public static readonly IReadOnlyList<(string Measure, string Heading)> Sections =
    [
        ("children_in_care", "Children in care"),
        ("caseload_at_end", "IRO caseloads at the end of the period"),
        ("iro_changes", "Changes of IRO (continuity)"),
        ("reviews", "Reviews held, and held on time"),
        ("seen_alone_before_review", "Children seen alone by the IRO before their review"),
        ("attended_review", "Participation by age: the child attended (PN1 to PN4)"),
        ("rate_my_review", "Rate My Review"),
        ("recommendations", "Recommendations made, as they stood at the end of the period"),
        ("escalations", "Escalations raised"),
        ("escalations_by_stage", "Escalations by the stage they reached"),
        ("escalations_by_category", "Escalations by category"),
        ("escalations_by_outcome", "Escalations by outcome at the end of the period"),
        ("escalations_resolution", "Time to resolution"),
        ("cafcass_referrals", "Cafcass referrals"),
        ("cafcass_referrals_by_outcome", "Cafcass referrals by outcome"),
        ("recommendation_themes", "Themes of recommendations"),
        ("recommendation_themes_by_quarter", "Themes of recommendations by quarter"),
        ("escalation_themes", "Themes of escalations"),
        ("escalation_themes_by_quarter", "Themes of escalations by quarter"),
    ];

    public const string CaseloadFootnote =
        "Caseloads count the children allocated to each IRO on the last day of the period, from the allocation history, against 50 to 70 children per full-time IRO. FTE is each IRO's current FTE: it has no history.";

    public const string SeenAloneFootnote =
        "Care Review records only whether the IRO saw the child alone before the review, not whether they saw the child at all. Children under 4 are left out.";

    public const string ThemesFootnote =
        "Themes are optional. An item with two themes counts under each, so the rows can add up to more than the items; untagged items count as not tagged. Quarters run April to June (Q1) to January to March (Q4), by the day a recommendation was made or an escalation raised.";

    public static string Period(Report r) => $"{GovukDate.Format(r.From)} to {GovukDate.Format(r.To)}";

    public static string DrillLink(Report r, string figure) =>
        $"/annual-report/children?figure={Uri.EscapeDataString(figure)}&from={Csv.Date(r.From)}&to={Csv.Date(r.To)}";

    public static string Percent(double? share) => share is { } s ? s.ToString("0%", CultureInfo.GetCultureInfo("en-GB")) : "–";

    /// <summary>"12 of 40 (30%)", or just the count when a share means nothing.</summary>
    public static string CountOf(ReportLine line) =>
        line.Of is { } of ? string.Create(CultureInfo.GetCultureInfo("en-GB"), $"{line.Count:N0} of {of:N0} ({Percent(line.Share)})") : line.Count.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A chart's text alternative: every bar and its number.</summary>
    public static string Describe(IEnumerable<ReportLine> lines) => string.Join("; ", lines.Select(l => $"{l.Value}: {CountOf(l)}"));

    /// <summary>A GOV.UK table of one measure's lines, each count a link to the children behind it.</summary>
    public static IHtmlContent Table(Report r, string measure, string caption, string firstColumn, string testId, bool showGroup = false)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<table class=\"govuk-table\" data-testid=\"{Encode(testId)}\"><caption class=\"govuk-table__caption govuk-table__caption--s\">{Encode(caption)}</caption>")
            .Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">");
        if (showGroup)
        {
            html.Append("<th scope=\"col\" class=\"govuk-table__header\">Quarter</th>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<th scope=\"col\" class=\"govuk-table__header\">{Encode(firstColumn)}</th>")
            .Append("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Number</th>")
            .Append("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Out of</th>")
            .Append("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Share</th></tr></thead><tbody class=\"govuk-table__body\">");
        foreach (var line in r.Measure(measure))
        {
            html.Append("<tr class=\"govuk-table__row\">");
            if (showGroup)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"govuk-table__cell\">{Encode(line.Group)}</td>");
            }

            var count = line.Count.ToString("N0", CultureInfo.GetCultureInfo("en-GB"));
            var cell = line.Figure is not null && line.Count > 0
                ? $"<a class=\"govuk-link\" href=\"{Encode(DrillLink(r, line.Figure))}\">{count}<span class=\"govuk-visually-hidden\"> – children behind {Encode(line.Value)}</span></a>"
                : count;
            html.Append(CultureInfo.InvariantCulture, $"<th scope=\"row\" class=\"govuk-table__header\">{Encode(line.Value)}</th>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{cell}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{(line.Of is { } of ? of.ToString("N0", CultureInfo.GetCultureInfo("en-GB")) : "–")}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{Percent(line.Share)}</td></tr>");
        }

        html.Append("</tbody></table>");
        return new HtmlString(html.ToString());
    }

    /// <summary>A bar chart of one measure's counts, with its text alternative.</summary>
    public static IHtmlContent Chart(Report r, string measure, string id, string title, string colour = SvgChart.Colours.Blue, Func<ReportLine, bool>? where = null)
    {
        var lines = r.Measure(measure).Where(where ?? (_ => true)).ToList();
        return SvgChart.HorizontalBars(id, title, Describe(lines), [new SvgChart.Series("Number", colour)],
            [.. lines.Select(l => new SvgChart.Bar(l.Value, [l.Count]))]);
    }

    public static readonly IReadOnlyList<string> CsvHeader = ["measure", "group", "value", "count", "of", "share"];

    public static IEnumerable<IReadOnlyList<string?>> CsvRows(Report r)
    {
        foreach (var (measure, _) in Sections)
        {
            foreach (var l in r.Measure(measure))
            {
                yield return [l.Measure, l.Group, l.Value, Csv.Number(l.Count), l.Of is { } of ? Csv.Number(of) : "",
                    l.Share is { } s ? s.ToString("0.000", CultureInfo.InvariantCulture) : ""];
            }
        }

        if (r.MedianDaysToResolve is { } median)
        {
            yield return ["escalations_resolution", "closed in the period", "median working days to close", median.ToString("0.#", CultureInfo.InvariantCulture), "", ""];
        }
    }

    /// <summary>The report as a PDF (ADR-0008): each figure a summary row; the rows stand in for the page's charts.</summary>
    public static byte[] Pdf(Report r)
    {
        using var pdf = new PrintedDocument($"IRO annual report, {Period(r)}");
        pdf.Title("IRO annual report");
        pdf.Caption(Period(r));
        pdf.Paragraph("The Independent Reviewing Officer service's figures for the period. Each figure counts what happened in the period; recommendations and escalations are as they stood on its last day.", size: 10, secondary: true);
        foreach (var (measure, heading) in Sections)
        {
            var lines = r.Measure(measure).ToList();
            if (lines.Count == 0 && measure != "escalations_resolution")
            {
                continue;
            }

            pdf.Heading(heading);
            foreach (var line in lines)
            {
                var key = measure.EndsWith("_by_quarter", StringComparison.Ordinal) || measure == "caseload_at_end" || measure == "attended_review"
                    ? $"{line.Group}: {line.Value}" : line.Value;
                pdf.Row(key, CountOf(line), keyShare: 0.6);
            }

            if (measure == "escalations_resolution")
            {
                pdf.Row("Median working days to close", r.MedianDaysToResolve is { } m ? m.ToString("0.#", CultureInfo.GetCultureInfo("en-GB")) : "None closed", keyShare: 0.6);
            }

            var note = measure switch
            {
                "caseload_at_end" => CaseloadFootnote,
                "seen_alone_before_review" => SeenAloneFootnote,
                "recommendation_themes" => ThemesFootnote,
                _ => null,
            };
            if (note is not null)
            {
                pdf.Paragraph(note, size: 9, secondary: true);
            }
        }

        return pdf.Build($"IRO annual report, {Period(r)}");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
