using System.Net;
using System.Text.RegularExpressions;

namespace CareReview.Tests.Features.Security.Fuzz;

/// <summary>One field of a form as the page wrote it: its name, kind, value, and the choices a select or radio offers.</summary>
internal sealed record FormField(string Name, string Kind, string Value, bool Checked, IReadOnlyList<string> Options);

/// <summary>A form that posts, as a browser reads it from the page: where it goes and what it would send.</summary>
internal sealed record HtmlForm(string Action, bool Multipart, IReadOnlyList<FormField> Fields, IReadOnlyList<(string Name, string Value)> Buttons)
{
    /// <summary>The hidden fields the app checks rather than the person fills in.</summary>
    public static readonly IReadOnlySet<string> Tokens = new HashSet<string>(StringComparer.Ordinal) { "__RequestVerificationToken", "FormToken" };

    /// <summary>The names a person could fill in or choose, once each, in page order.</summary>
    public IReadOnlyList<string> Names => [.. Fields.Select(f => f.Name).Where(n => !Tokens.Contains(n)).Distinct()];

    public string? Value(string name) => Fields.FirstOrDefault(f => f.Name == name)?.Value;

    /// <summary>The same form with another one-time token, as the page shows it again after a refusal.</summary>
    public HtmlForm WithToken(string? token) =>
        this with { Fields = [.. Fields.Select(f => f.Name == "FormToken" ? f with { Value = token ?? "" } : f)] };
}

/// <summary>
/// Reads the forms that post from a page. The app writes its fields one way (Features/Shared/Govuk.cs and the
/// tag helpers), so a few patterns read them all; this is not an HTML parser for pages anyone else wrote.
/// </summary>
internal static partial class HtmlForms
{
    /// <summary>Every form on the page with method="post", its action resolved against <paramref name="pageUrl"/>.</summary>
    public static IReadOnlyList<HtmlForm> PostFormsIn(string html, string pageUrl)
    {
        var forms = new List<HtmlForm>();
        foreach (Match form in FormPattern().Matches(html))
        {
            var attributes = Attributes(form.Groups[1].Value);
            if (!string.Equals(attributes.GetValueOrDefault("method"), "post", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var body = form.Groups[2].Value;
            var fields = new List<FormField>();
            foreach (Match element in FieldPattern().Matches(body))
            {
                var attrs = Attributes(element.Groups["attrs"].Value);
                if (attrs.GetValueOrDefault("name") is not { Length: > 0 } name)
                {
                    continue;
                }

                switch (element.Groups["tag"].Value.ToLowerInvariant())
                {
                    case "input":
                        var kind = attrs.GetValueOrDefault("type")?.ToLowerInvariant() ?? "text";
                        fields.Add(new FormField(name, kind, attrs.GetValueOrDefault("value") ?? (kind is "checkbox" or "radio" ? "on" : ""),
                            attrs.ContainsKey("checked"), []));
                        break;
                    case "textarea":
                        fields.Add(new FormField(name, "textarea", WebUtility.HtmlDecode(element.Groups["inner"].Value), false, []));
                        break;
                    case "select":
                        var options = OptionPattern().Matches(element.Groups["inner"].Value).Select(o => Attributes(o.Groups[1].Value)).ToList();
                        var values = options.Select(o => o.GetValueOrDefault("value") ?? "").ToList();
                        var selected = options.FirstOrDefault(o => o.ContainsKey("selected"))?.GetValueOrDefault("value") ?? values.FirstOrDefault() ?? "";
                        fields.Add(new FormField(name, "select", selected, false, values));
                        break;
                }
            }

            // Radios of one name are one field with choices; keep each so that the one checked is known.
            fields = [.. fields.Select(f => f.Kind == "radio"
                ? f with { Options = [.. fields.Where(r => r.Kind == "radio" && r.Name == f.Name).Select(r => r.Value)] }
                : f)];
            var buttons = ButtonPattern().Matches(body).Select(b => Attributes(b.Groups[1].Value))
                .Where(a => a.ContainsKey("name"))
                .Select(a => (a["name"], a.GetValueOrDefault("value") ?? ""))
                .ToList();
            var action = attributes.GetValueOrDefault("action") is { Length: > 0 } a ? Resolve(a, pageUrl) : pageUrl;
            forms.Add(new HtmlForm(action, string.Equals(attributes.GetValueOrDefault("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase),
                fields, buttons));
        }

        return forms;
    }

    /// <summary>The exception the developer exception page names (the test host runs as Development), or the start of the answer.</summary>
    public static string Fault(string body)
    {
        var title = TitleError().Match(body);
        var text = title.Success ? WebUtility.HtmlDecode(title.Groups[1].Value) : body;
        return text.Length > 600 ? text[..600] : text;
    }

    /// <summary>An action such as "?handler=Link" or "/children/4/own-sign-in?handler=Link" as a path from the site's root.</summary>
    private static string Resolve(string action, string pageUrl) =>
        action.StartsWith('?') ? pageUrl.Split('?')[0] + action : action;

    private static Dictionary<string, string> Attributes(string text) =>
        AttributePattern().Matches(text)
            .GroupBy(m => m.Groups[1].Value.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[3].Success ? g.First().Groups[3].Value : ""), StringComparer.Ordinal);

    [GeneratedRegex("class=\"titleerror\">(.*?)</", RegexOptions.Singleline)]
    private static partial Regex TitleError();

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<(?<tag>input)\\b(?<attrs>[^>]*)>|<(?<tag>textarea|select)\\b(?<attrs>[^>]*)>(?<inner>.*?)</\\k<tag>>",
        RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FieldPattern();

    [GeneratedRegex("<option\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex OptionPattern();

    [GeneratedRegex("<button\\b([^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex ButtonPattern();

    [GeneratedRegex("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(\\s*=\\s*\"([^\"]*)\")?")]
    private static partial Regex AttributePattern();
}
