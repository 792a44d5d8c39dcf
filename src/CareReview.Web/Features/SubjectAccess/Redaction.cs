using System.Text;
using System.Text.RegularExpressions;

namespace CareReview.Web.Features.SubjectAccess;

/// <summary>What kind of thing a redaction removed: the release's summary counts each kind, and never says what it was.</summary>
public enum RedactionKind
{
    /// <summary>The name of someone other than the child and the staff who work with them, wherever it is written.</summary>
    NamesOfOtherPeople,

    /// <summary>The name of a member of staff other than the child's IROs and social workers, wherever it is written.</summary>
    NamesOfOtherStaff,

    /// <summary>A name or words the manager typed, wherever they are written.</summary>
    NamesTyped,

    /// <summary>Views a parent or carer sent before a review.</summary>
    ViewsOfParentsAndCarers,

    /// <summary>Parents' and carers' views as the IRO recorded them at a review.</summary>
    ParentsViewsAtReviews,

    /// <summary>The parents' wishes and feelings section of a care plan version.</summary>
    ParentsWishesInCarePlans,

    /// <summary>The postcode of the family home or of a placement (a carer's home).</summary>
    Postcodes,
}

public static class RedactionWords
{
    public static string Describe(this RedactionKind kind) => kind switch
    {
        RedactionKind.NamesOfOtherPeople => "Names of other people",
        RedactionKind.NamesOfOtherStaff => "Names of other staff",
        RedactionKind.NamesTyped => "Other names and words removed",
        RedactionKind.ViewsOfParentsAndCarers => "Views sent by parents and carers",
        RedactionKind.ParentsViewsAtReviews => "Parents' and carers' views recorded at reviews",
        RedactionKind.ParentsWishesInCarePlans => "Parents' wishes and feelings in care plans",
        RedactionKind.Postcodes => "Postcodes of the family home and placements",
        _ => kind.ToString(),
    };

    /// <summary>The kind as the JSON file names it: <c>names-of-other-people</c>.</summary>
    public static string Code(this RedactionKind kind) =>
        Regex.Replace(kind.ToString(), "(?<!^)[A-Z]", "-$0").ToLowerInvariant();
}

/// <summary>
/// Removes what the manager chose from every piece of text that goes into a release (ADR-0027). Names are
/// replaced wherever they are written, as whole words and whatever their case; chosen items (a parent's
/// views, a postcode) are replaced whole. It counts what it removed, by kind, for the release's summary.
/// </summary>
public sealed class Redactor
{
    public const string Mark = "[redacted]";

    private readonly Regex? _names;
    private readonly Dictionary<string, RedactionKind> _kindOfName;
    private readonly IReadOnlySet<string> _items;
    private readonly HashSet<string> _itemsRemoved = [];
    private readonly Dictionary<RedactionKind, int> _counts = Enum.GetValues<RedactionKind>().ToDictionary(k => k, _ => 0);

    /// <param name="names">Each name to remove everywhere, with why; a name listed twice counts as its first kind.</param>
    /// <param name="items">The keys of the items to remove whole (<see cref="ThirdPartyItem.Key"/>).</param>
    public Redactor(IEnumerable<(string Name, RedactionKind Kind)> names, IReadOnlySet<string> items)
    {
        _kindOfName = new Dictionary<string, RedactionKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, kind) in names)
        {
            var words = Words(name);
            if (words.Length > 0)
            {
                _kindOfName.TryAdd(words, kind);
            }
        }

        _items = items;

        // The longest first, so that "Jo Smith" goes as one before "Jo" could take part of it. The words of a name
        // may be split by any spaces or a line break (\s is Unicode's: it takes a non-breaking space too).
        var alternatives = _kindOfName.Keys.OrderByDescending(n => n.Length)
            .Select(n => string.Join(@"\s+", n.Split(' ').Select(Regex.Escape))).ToList();
        _names = alternatives.Count == 0 ? null
            : new Regex($@"(?<![\p{{L}}\p{{M}}\p{{N}}])(?:{string.Join('|', alternatives)})(?![\p{{L}}\p{{M}}\p{{N}}])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
    }

    /// <summary>A redactor that removes nothing.</summary>
    public static Redactor None { get; } = new([], new HashSet<string>());

    /// <summary>How many of each kind were removed so far.</summary>
    public IReadOnlyDictionary<RedactionKind, int> Counts => _counts;

    public int Total => _counts.Values.Sum();

    /// <summary>The text with every chosen name replaced by <see cref="Mark"/>.</summary>
    public string? Text(string? text)
    {
        if (_names is null || string.IsNullOrEmpty(text))
        {
            return text;
        }

        // An accent typed as a letter and a mark ("Zoe\u0308") is the same name as one typed as one letter ("Zoë").
        return _names.Replace(text.Normalize(NormalizationForm.FormC), match =>
        {
            _counts[_kindOfName[Words(match.Value)]]++;
            return Mark;
        });
    }

    /// <summary>A name as its words, composed (NFC) and one space apart: how the redactor knows it wherever it is written.</summary>
    private static string Words(string name) =>
        string.Join(' ', name.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Whether what the manager chose as <paramref name="key"/> is to be removed whole. A removed thing counts once,
    /// however many fields it has; <paramref name="instance"/> names each thing when one choice covers several (every postcode).
    /// </summary>
    public bool Removes(string key, RedactionKind kind, string? instance = null)
    {
        if (!_items.Contains(key))
        {
            return false;
        }

        if (_itemsRemoved.Add(instance ?? key))
        {
            _counts[kind]++;
        }

        return true;
    }

    /// <summary>One field that is a thing of its own: <see cref="Mark"/> if it is removed (and there was something to remove), else the text with names removed.</summary>
    public string? Item(string key, RedactionKind kind, string? text, string? instance = null) =>
        string.IsNullOrWhiteSpace(text) ? text : Removes(key, kind, instance) ? Mark : Text(text);
}
