using System.Collections.Frozen;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.TrueType;
using UglyToad.PdfPig.Fonts.TrueType.Parser;
using UglyToad.PdfPig.Writer;

namespace CareReview.Web.Output;

/// <summary>
/// A plain A4 document for exports (ADR-0008): headings, paragraphs and summary-list rows, set in Liberation
/// Sans (shipped in Output/Fonts), laid out top to bottom and carried over pages, each page with a
/// footer and its number. PdfPig's writer only places text, so this class wraps lines by the font's own
/// advance widths. Text is written as given: a character the font lacks is printed as "?".
/// </summary>
internal sealed class PrintedDocument : IDisposable
{
    private const double Margin = 56.7; // 20 mm
    private const double FooterSpace = 42;
    private const double BodySize = 11;
    private const double LineSpacing = 1.4;
    private const double RowPadding = 5;

    private static readonly Rgb s_text = new(11, 12, 12);
    private static readonly Rgb s_secondary = new(80, 90, 95);
    private static readonly Rgb s_border = new(177, 180, 182);

    private readonly PdfDocumentBuilder _builder = new();
    private readonly Face _regular;
    private readonly Face _bold;
    private readonly List<PdfPageBuilder> _pages = [];
    private PdfPageBuilder? _page;

    /// <summary>Laying out without drawing, to learn how tall something is (<see cref="KeepTogether"/>).</summary>
    private bool _measuring;
    private double _pageWidth;
    private double _pageHeight;

    /// <summary>The top of the next line on the current page, in points from the bottom edge.</summary>
    private double _y;

    /// <summary>A child's local reference made safe for a download's file name: letters and digits kept, the rest "-".</summary>
    public static string FileNamePart(string localId) => new([.. localId.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    public PrintedDocument(string title)
    {
        _regular = new Face(_builder, FontFile.Regular.Value);
        _bold = new Face(_builder, FontFile.Bold.Value);
        _builder.DocumentInformation.Title = title;
        _builder.DocumentInformation.Creator = "Care Review";
    }

    private double ContentWidth => _pageWidth - (2 * Margin);

    /// <summary>The lowest a line may reach: above the footer.</summary>
    private static double Bottom => Margin + FooterSpace - 14;

    public void Caption(string text) => Lines(text, _regular, 13, s_secondary, spaceAfter: 2);

    public void Title(string text) => Lines(text, _bold, 22, s_text, spaceAfter: 12, lineSpacing: 1.2);

    /// <summary>A section heading, kept on a page with at least the first lines of what follows it.</summary>
    public void Heading(string text)
    {
        Space(12);
        Lines(text, _bold, 15, s_text, spaceAfter: 6, keepWithNext: 3 * BodySize * LineSpacing);
    }

    /// <summary>A heading for one item of a list, such as a recommendation.</summary>
    public void Subheading(string text)
    {
        Space(6);
        Lines(text, _bold, 12, s_text, spaceAfter: 2, keepWithNext: 2 * BodySize * LineSpacing);
    }

    /// <summary>Text whose line breaks are kept, as the pages show it (white-space: pre-line).</summary>
    public void Paragraph(string text, double size = BodySize, bool secondary = false) =>
        Lines(text, _regular, size, secondary ? s_secondary : s_text, spaceAfter: size * 0.6);

    /// <summary>One row of a GOV.UK summary list: the key in bold on the left, the value beside it, a rule below.</summary>
    public void Row(string key, string value, double keyShare = 0.3)
    {
        EnsurePage();
        var gutter = 12.0;
        var keyWidth = (ContentWidth * keyShare) - (gutter / 2);
        var valueWidth = ContentWidth - keyWidth - gutter;
        var keyLines = Wrap(key, _bold, BodySize, keyWidth);
        var valueLines = Wrap(value, _regular, BodySize, valueWidth);
        var lineHeight = BodySize * LineSpacing;

        var count = Math.Max(keyLines.Count, valueLines.Count);

        NewPageUnlessRoom(RowPadding + (Math.Min(2, count) * lineHeight));
        _y -= RowPadding;

        // Page by page, the key's lines and then the value's, so that text read out of the PDF (copied,
        // extracted or spoken) keeps each one whole rather than interleaving the two columns.
        for (var first = 0; first < count;)
        {
            NewPageUnlessRoom(lineHeight);
            var fits = _measuring ? count - first : Math.Min(count - first, Math.Max(1, (int)((_y - Bottom) / lineHeight)));
            var top = _y;

            // On the pages a long row runs onto, the key is repeated so that the value is not left unnamed.
            var keyHere = first == 0 ? keyLines : Wrap($"{key} (continued)", _bold, BodySize, keyWidth);
            foreach (var line in keyHere.Take(fits))
            {
                Draw(line, _bold, BodySize, Margin, lineHeight, first == 0 ? s_text : s_secondary);
                _y -= lineHeight;
            }

            _y = top;
            foreach (var line in valueLines.Skip(first).Take(fits))
            {
                Draw(line, _regular, BodySize, Margin + keyWidth + gutter, lineHeight, s_text);
                _y -= lineHeight;
            }

            _y = top - (fits * lineHeight);
            first += fits;
        }

        _y -= RowPadding;
        Rule();
    }

    public void Rule()
    {
        EnsurePage();
        if (_measuring)
        {
            return;
        }

        _page!.SetStrokeColor(s_border.R, s_border.G, s_border.B);
        _page.DrawLine(new PdfPoint(Margin, _y), new PdfPoint(_pageWidth - Margin, _y), 0.75);
        _page.ResetColor();
    }

    /// <summary>Space between blocks; none at the top of a page.</summary>
    public void Space(double points)
    {
        EnsurePage();
        if (_y < _pageHeight - Margin)
        {
            _y -= points;
        }
    }

    /// <summary>
    /// Lays out <paramref name="content"/> on one page when it fits on one: it starts a new page rather than
    /// break across two. Content longer than a page breaks where it must.
    /// </summary>
    public void KeepTogether(Action content)
    {
        EnsurePage();
        var top = _y;
        _measuring = true;
        try
        {
            content();
        }
        finally
        {
            _measuring = false;
        }

        var height = top - _y;
        _y = top;
        if (_y - height < Bottom && height <= _pageHeight - Margin - Bottom)
        {
            NewPage();
        }

        content();
    }

    public void NewPage()
    {
        _page = _builder.AddPage(PageSize.A4);
        _pages.Add(_page);
        _pageWidth = _page.PageSize.Width;
        _pageHeight = _page.PageSize.Height;
        _y = _pageHeight - Margin;
    }

    /// <summary>Writes each page's footer (<paramref name="footer"/>, then "Page n of N") and returns the PDF.</summary>
    public byte[] Build(string footer)
    {
        EnsurePage();
        for (var i = 0; i < _pages.Count; i++)
        {
            var page = _pages[i];
            var baseline = Margin - 24;
            var number = string.Create(CultureInfo.InvariantCulture, $"Page {i + 1} of {_pages.Count}");
            var numberWidth = _regular.Width(number, 9);
            var footerText = Ellipsised(_regular.Clean(footer), _regular, 9, ContentWidth - numberWidth - 24);

            page.SetStrokeColor(s_border.R, s_border.G, s_border.B);
            page.DrawLine(new PdfPoint(Margin, baseline + 14), new PdfPoint(_pageWidth - Margin, baseline + 14), 0.75);
            page.ResetColor();
            page.SetTextAndFillColor(s_secondary.R, s_secondary.G, s_secondary.B);
            page.AddText(footerText, 9, new PdfPoint(Margin, baseline), _regular.FontFor(footerText));
            page.AddText(number, 9, new PdfPoint(_pageWidth - Margin - numberWidth, baseline), _regular.FontFor(number));
            page.ResetColor();
        }

        return _builder.Build();
    }

    public void Dispose() => _builder.Dispose();

    private void Lines(string text, Face face, double size, Rgb colour, double spaceAfter, double lineSpacing = LineSpacing, double keepWithNext = 0)
    {
        EnsurePage();
        var lineHeight = size * lineSpacing;
        var lines = Wrap(text, face, size, ContentWidth);
        NewPageUnlessRoom((Math.Min(lines.Count, 2) * lineHeight) + keepWithNext);
        foreach (var line in lines)
        {
            NewPageUnlessRoom(lineHeight);
            Draw(line, face, size, Margin, lineHeight, colour);
            _y -= lineHeight;
        }

        _y -= spaceAfter;
    }

    private void Draw(Line line, Face face, double size, double x, double lineHeight, Rgb colour)
    {
        if (line.Text.Length == 0 || _measuring)
        {
            return;
        }

        var baseline = _y - (lineHeight / 2) - (size * 0.35);
        _page!.SetTextAndFillColor(colour.R, colour.G, colour.B);
        _page.AddText(line.Text, size, new PdfPoint(x + line.Indent, baseline), face.FontFor(line.Text));
        _page.ResetColor();
    }

    private void EnsurePage()
    {
        if (_page is null)
        {
            NewPage();
        }
    }

    private void NewPageUnlessRoom(double height)
    {
        if (!_measuring && _y - height < Bottom)
        {
            NewPage();
        }
    }

    /// <summary>
    /// Breaks text into lines no wider than <paramref name="width"/>: at its own line breaks, then between
    /// words, then inside a word too long for a line. A line that starts as a list item ("- ") hangs:
    /// the lines it wraps onto start under its text, not under the dash.
    /// </summary>
    private static List<Line> Wrap(string text, Face face, double size, double width)
    {
        var lines = new List<Line>();
        foreach (var paragraph in face.Clean(text).Split('\n'))
        {
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                lines.Add(new Line("", 0));
                continue;
            }

            var hanging = words[0] is "-" or "•" or "*" ? face.Width($"{words[0]} ", size) : 0;
            var indent = 0.0;
            var line = "";
            foreach (var word in words)
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (face.Width(candidate, size) <= width - indent)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(new Line(line, indent));
                    indent = hanging;
                }

                line = word;
                while (face.Width(line, size) > width - indent)
                {
                    var fits = 1;
                    while (fits < line.Length && face.Width(line[..(fits + 1)], size) <= width - indent)
                    {
                        fits++;
                    }

                    lines.Add(new Line(line[..fits], indent));
                    indent = hanging;
                    line = line[fits..];
                }
            }

            lines.Add(new Line(line, indent));
        }

        // A blank line at the end would only add space below the text.
        while (lines.Count > 1 && lines[^1].Text.Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return lines;
    }

    private static string Ellipsised(string text, Face face, double size, double width)
    {
        if (face.Width(text, size) <= width)
        {
            return text;
        }

        while (text.Length > 0 && face.Width($"{text}…", size) > width)
        {
            text = text[..^1];
        }

        return $"{text}…";
    }

    private readonly record struct Rgb(byte R, byte G, byte B);

    private readonly record struct Line(string Text, double Indent);

    /// <summary>
    /// A TrueType font file and its advance widths (in ems), read once. The widths are frozen, so every
    /// request can measure with them at once.
    /// </summary>
    private sealed class FontFile
    {
        public static readonly Lazy<FontFile> Regular = new(() => Load("LiberationSans-Regular.ttf"));
        public static readonly Lazy<FontFile> Bold = new(() => Load("LiberationSans-Bold.ttf"));

        private FontFile(byte[] bytes, FrozenDictionary<char, double> advances)
        {
            Bytes = bytes;
            Advances = advances;
        }

        public byte[] Bytes { get; }

        /// <summary>Every character the font can draw, with its advance width in ems.</summary>
        public FrozenDictionary<char, double> Advances { get; }

        private static FontFile Load(string name)
        {
            var resource = $"CareReview.Fonts.{name}";
            using var stream = typeof(PrintedDocument).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The font {resource} is not embedded in the app.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();

            var font = TrueTypeFontParser.Parse(new TrueTypeDataBytes(bytes));
            var unitsPerEm = (double)font.GetUnitsPerEm();
            var advances = new Dictionary<char, double>();
            for (var code = 0x20; code <= 0xFFFD; code++)
            {
                var c = (char)code;
                if (!char.IsSurrogate(c) && !char.IsControl(c) && font.TryGetAdvanceWidth(code, out var advance))
                {
                    advances[c] = advance / unitsPerEm;
                }
            }

            return new FontFile(bytes, advances.ToFrozenDictionary());
        }
    }

    /// <summary>
    /// One font as used in one document. PdfPig writes a TrueType font as a simple font that holds at most
    /// 255 different characters, so when a line would go past that the same font is added again.
    /// </summary>
    private sealed class Face(PdfDocumentBuilder builder, FontFile file)
    {
        private const int CharactersPerFont = 250;

        private readonly List<(PdfDocumentBuilder.AddedFont Font, HashSet<char> Used)> _instances = [];

        public double Width(string text, double size)
        {
            var ems = 0.0;
            foreach (var c in text)
            {
                ems += file.Advances.GetValueOrDefault(c);
            }

            return ems * size;
        }

        /// <summary>
        /// The text as this font can draw it: composed (NFC), line breaks as \n, tabs as spaces, control and
        /// invisible format characters dropped, and any character the font lacks shown as "?".
        /// </summary>
        public string Clean(string text)
        {
            var composed = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ')
                .Normalize(NormalizationForm.FormC);
            var clean = new StringBuilder(composed.Length);
            foreach (var rune in composed.EnumerateRunes())
            {
                if (rune.Value == '\n')
                {
                    clean.Append('\n');
                }
                else if (Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
                {
                    continue;
                }
                else if (rune.IsBmp && file.Advances.ContainsKey((char)rune.Value))
                {
                    clean.Append((char)rune.Value);
                }
                else
                {
                    clean.Append('?');
                }
            }

            return clean.ToString();
        }

        /// <summary>The copy of the font to write <paramref name="line"/> with: one with room for all its characters.</summary>
        public PdfDocumentBuilder.AddedFont FontFor(string line)
        {
            var characters = line.ToHashSet();
            foreach (var (font, used) in _instances)
            {
                if (used.Count + characters.Count(c => !used.Contains(c)) <= CharactersPerFont)
                {
                    used.UnionWith(characters);
                    return font;
                }
            }

            var added = builder.AddTrueTypeFont(file.Bytes);
            _instances.Add((added, characters));
            return added;
        }
    }
}
