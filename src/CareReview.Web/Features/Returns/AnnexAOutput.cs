using System.Xml;
using CareReview.Domain.Returns;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CareReview.Web.Features.Returns;

/// <summary>List 8 as the two files Ofsted's inspectors are sent: CSV, and an Excel workbook (ADR-0015).</summary>
public static class AnnexAOutput
{
    public const string CsvContentType = "text/csv";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Csv(AnnexAList8Table table) => Output.Csv.ToBytes(AnnexAList8.Columns, table.Rows);

    /// <summary>
    /// One sheet, a bold header row kept in view when scrolling, and every cell written as an inline string: a
    /// date or code stays exactly as the CSV has it (Excel would turn 01/06/2026 into a number and a leading
    /// zero would go), and no cell can be a formula.
    /// </summary>
    public static byte[] Xlsx(AnnexAList8Table table)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();

            var data = new SheetData();
            data.Append(Row(1, AnnexAList8.Columns, BoldStyle));
            for (var i = 0; i < table.Rows.Count; i++)
            {
                data.Append(Row((uint)i + 2, table.Rows[i], null));
            }

            var sheet = workbook.AddNewPart<WorksheetPart>();
            sheet.Worksheet = new Worksheet(
                new SheetViews(new SheetView(
                    new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                    new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
                { WorkbookViewId = 0U }),
                new Columns(new Column { Min = 1U, Max = (uint)AnnexAList8.Columns.Count, Width = 20D, CustomWidth = true }),
                data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1U, Name = "List 8" }));
        }

        return stream.ToArray();
    }

    /// <summary>Excel's name for the column at a 0-based index: A, B, … Z, AA, AB, ….</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private const uint BoldStyle = 1;

    private static Row Row(uint number, IReadOnlyList<string?> values, uint? style)
    {
        var row = new Row { RowIndex = number };
        for (var i = 0; i < values.Count; i++)
        {
            // A blank is left out, as Excel itself writes one; the reference on each cell keeps the rest in place.
            if (string.IsNullOrEmpty(values[i]))
            {
                continue;
            }

            var cell = new Cell
            {
                CellReference = ColumnName(i) + number.ToString(CultureInfo.InvariantCulture),
                DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(XmlSafe(values[i]!)) { Space = SpaceProcessingModeValues.Preserve }),
            };
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }

            row.Append(cell);
        }

        return row;
    }

    /// <summary>A control character typed into a name cannot be written to XML; it would make the whole file fail.</summary>
    private static string XmlSafe(string value) =>
        value.All(XmlConvert.IsXmlChar) ? value : new string([.. value.Where(XmlConvert.IsXmlChar)]);

    /// <summary>The least a workbook's styles need (Excel requires the two default fills), and a bold font for the header.</summary>
    private static Stylesheet Styles() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2U },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2U },
        new Borders(new Border()) { Count = 1U },
        new CellStyleFormats(new CellFormat()) { Count = 1U },
        new CellFormats(new CellFormat(), new CellFormat { FontId = 1U, ApplyFont = true }) { Count = 2U });
}
