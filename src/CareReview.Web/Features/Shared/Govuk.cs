using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CareReview.Web.Features.Shared;

/// <summary>
/// GOV.UK Design System form fields written once: label, hint, error message beside the field and the
/// error summary that links to it. Field ids are the bound names with dots turned to hyphens.
/// </summary>
public static class Govuk
{
    public static string Id(string name) => name.Replace('.', '-').Replace('[', '-').Replace("]", "", StringComparison.Ordinal);

    public static IHtmlContent ErrorSummary(ModelStateDictionary state)
    {
        if (state.IsValid)
        {
            return HtmlString.Empty;
        }

        var html = new StringBuilder();
        html.Append("<div class=\"govuk-error-summary\" data-module=\"govuk-error-summary\"><div role=\"alert\">")
            .Append("<h2 class=\"govuk-error-summary__title\">There is a problem</h2><div class=\"govuk-error-summary__body\">")
            .Append("<ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (key, entry) in state)
        {
            foreach (var error in entry.Errors)
            {
                if (key.Length == 0)
                {
                    // Not about one field (for example, someone else saved first): no field to link to.
                    html.Append("<li>").Append(Encode(error.ErrorMessage)).Append("</li>");
                    continue;
                }

                var target = IsDateKey(state, key) ? Id(key) + "-Day" : Id(key);
                html.Append("<li><a href=\"#").Append(Encode(target)).Append("\">").Append(Encode(error.ErrorMessage)).Append("</a></li>");
            }
        }

        html.Append("</ul></div></div></div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent TextInput(ModelStateDictionary state, string name, string label, string? value,
        string? hint = null, string? autocomplete = null, string type = "text", string width = "govuk-input--width-20")
    {
        var id = Id(name);
        var error = Error(state, name);
        var html = new StringBuilder();
        html.Append(GroupStart(error))
            .Append("<label class=\"govuk-label\" for=\"").Append(id).Append("\">").Append(Encode(label)).Append("</label>")
            .Append(Hint(id, hint)).Append(ErrorMessage(id, error))
            .Append("<input class=\"govuk-input ").Append(width).Append(error is null ? "" : " govuk-input--error")
            .Append("\" id=\"").Append(id).Append("\" name=\"").Append(Encode(name)).Append("\" type=\"").Append(type)
            .Append("\" value=\"").Append(Encode(value ?? "")).Append('"')
            .Append(Describedby(id, hint, error))
            .Append(autocomplete is null ? "" : $" autocomplete=\"{autocomplete}\"")
            .Append(" spellcheck=\"false\"></div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent TextArea(ModelStateDictionary state, string name, string label, string? value, string? hint = null, int rows = 5)
    {
        var id = Id(name);
        var error = Error(state, name);
        var html = new StringBuilder();
        html.Append(GroupStart(error))
            .Append("<label class=\"govuk-label\" for=\"").Append(id).Append("\">").Append(Encode(label)).Append("</label>")
            .Append(Hint(id, hint)).Append(ErrorMessage(id, error))
            .Append("<textarea class=\"govuk-textarea").Append(error is null ? "" : " govuk-textarea--error")
            .Append("\" id=\"").Append(id).Append("\" name=\"").Append(Encode(name)).Append("\" rows=\"")
            .Append(rows.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('"')
            .Append(Describedby(id, hint, error)).Append('>').Append(Encode(value ?? "")).Append("</textarea></div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent DateField(ModelStateDictionary state, string name, string legend, DateInput? value, string? hint = null)
    {
        value ??= new DateInput();
        var id = Id(name);
        var error = Error(state, name);
        var html = new StringBuilder();
        html.Append(GroupStart(error))
            .Append("<fieldset class=\"govuk-fieldset\" role=\"group\"").Append(Describedby(id, hint, error)).Append('>')
            .Append("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">").Append(Encode(legend)).Append("</legend>")
            .Append(Hint(id, hint)).Append(ErrorMessage(id, error))
            .Append("<div class=\"govuk-date-input\" id=\"").Append(id).Append("\">");
        foreach (var (part, label, width, text) in new[]
                 {
                     ("Day", "Day", 2, value.Day), ("Month", "Month", 2, value.Month), ("Year", "Year", 4, value.Year),
                 })
        {
            html.Append("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">")
                .Append("<label class=\"govuk-label govuk-date-input__label\" for=\"").Append(id).Append('-').Append(part).Append("\">")
                .Append(label).Append("</label>")
                .Append("<input class=\"govuk-input govuk-date-input__input govuk-input--width-").Append(width)
                .Append(error is null ? "" : " govuk-input--error").Append("\" id=\"").Append(id).Append('-').Append(part)
                .Append("\" name=\"").Append(Encode(name)).Append('.').Append(part)
                .Append("\" type=\"text\" inputmode=\"numeric\" value=\"").Append(Encode(text ?? "")).Append("\"></div></div>");
        }

        html.Append("</div></fieldset></div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent Select(ModelStateDictionary state, string name, string label,
        IEnumerable<(string Value, string Text)> options, string? selected, string? hint = null, string? emptyText = "Select")
    {
        var id = Id(name);
        var error = Error(state, name);
        var html = new StringBuilder();
        html.Append(GroupStart(error))
            .Append("<label class=\"govuk-label\" for=\"").Append(id).Append("\">").Append(Encode(label)).Append("</label>")
            .Append(Hint(id, hint)).Append(ErrorMessage(id, error))
            .Append("<select class=\"govuk-select").Append(error is null ? "" : " govuk-select--error")
            .Append("\" id=\"").Append(id).Append("\" name=\"").Append(Encode(name)).Append('"').Append(Describedby(id, hint, error)).Append('>');
        if (emptyText is not null)
        {
            html.Append("<option value=\"\">").Append(Encode(emptyText)).Append("</option>");
        }

        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(Encode(value)).Append('"').Append(value == selected ? " selected" : "").Append('>')
                .Append(Encode(text)).Append("</option>");
        }

        html.Append("</select></div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>GOV.UK's file upload; the form around it must post multipart/form-data.</summary>
    public static IHtmlContent FileUpload(ModelStateDictionary state, string name, string label, string? hint = null, string accept = ".csv,text/csv")
    {
        var id = Id(name);
        var error = Error(state, name);
        var html = new StringBuilder();
        html.Append(GroupStart(error))
            .Append("<label class=\"govuk-label govuk-label--s\" for=\"").Append(id).Append("\">").Append(Encode(label)).Append("</label>")
            .Append(Hint(id, hint)).Append(ErrorMessage(id, error))
            .Append("<input class=\"govuk-file-upload").Append(error is null ? "" : " govuk-file-upload--error")
            .Append("\" id=\"").Append(id).Append("\" name=\"").Append(Encode(name)).Append("\" type=\"file\" multiple accept=\"")
            .Append(Encode(accept)).Append('"').Append(Describedby(id, hint, error)).Append("></div>");
        return new HtmlString(html.ToString());
    }

    public static IHtmlContent Radios(ModelStateDictionary state, string name, string legend,
        IEnumerable<(string Value, string Text)> options, string? selected, string? hint = null, bool inline = false) =>
        Choices(state, name, legend, options, value => value == selected, hint, "radios", "radio", inline ? " govuk-radios--inline" : "");

    public static IHtmlContent Checkboxes(ModelStateDictionary state, string name, string legend,
        IEnumerable<(string Value, string Text)> options, IReadOnlyCollection<string> selected, string? hint = null) =>
        Choices(state, name, legend, options, selected.Contains, hint, "checkboxes", "checkbox", " govuk-checkboxes--small");

    /// <summary>Radios and checkboxes: the same fieldset, legend, hint and error, with GOV.UK's class names for each.</summary>
    private static HtmlString Choices(ModelStateDictionary state, string name, string legend, IEnumerable<(string Value, string Text)> options,
        Func<string, bool> isChosen, string? hint, string component, string inputType, string modifier)
    {
        var id = Id(name);
        var error = Error(state, name);
        var html = new StringBuilder();
        html.Append(GroupStart(error))
            .Append("<fieldset class=\"govuk-fieldset\"").Append(Describedby(id, hint, error)).Append('>')
            .Append("<legend class=\"govuk-fieldset__legend govuk-fieldset__legend--s\">").Append(Encode(legend)).Append("</legend>")
            .Append(Hint(id, hint)).Append(ErrorMessage(id, error))
            .Append("<div class=\"govuk-").Append(component).Append(modifier).Append("\" data-module=\"govuk-").Append(component).Append("\">");
        var index = 0;
        foreach (var (value, text) in options)
        {
            var optionId = index++ == 0 ? id : $"{id}-{index}";
            html.Append("<div class=\"govuk-").Append(component).Append("__item\"><input class=\"govuk-").Append(component)
                .Append("__input\" id=\"").Append(optionId)
                .Append("\" name=\"").Append(Encode(name)).Append("\" type=\"").Append(inputType).Append("\" value=\"").Append(Encode(value)).Append('"')
                .Append(isChosen(value) ? " checked" : "").Append('>')
                .Append("<label class=\"govuk-label govuk-").Append(component).Append("__label\" for=\"").Append(optionId).Append("\">").Append(Encode(text))
                .Append("</label></div>");
        }

        html.Append("</div></fieldset></div>");
        return new HtmlString(html.ToString());
    }

    /// <summary>Adds a date's parse error to the model state and returns the date, if there is one.</summary>
    public static DateOnly? ReadDate(this ModelStateDictionary state, string name, DateInput? input, string fieldName)
    {
        var (date, error) = (input ?? new DateInput()).Parse(fieldName);
        if (error is not null)
        {
            state.AddModelError(name, error);
        }

        return date;
    }

    private static bool IsDateKey(ModelStateDictionary state, string key) =>
        state.Keys.Any(k => k.StartsWith(key + ".", StringComparison.Ordinal) && k.EndsWith(".Day", StringComparison.Ordinal));

    private static string? Error(ModelStateDictionary state, string name) =>
        state.TryGetValue(name, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private static string GroupStart(string? error) =>
        error is null ? "<div class=\"govuk-form-group\">" : "<div class=\"govuk-form-group govuk-form-group--error\">";

    private static string Hint(string id, string? hint) =>
        hint is null ? "" : $"<div id=\"{id}-hint\" class=\"govuk-hint\">{Encode(hint)}</div>";

    private static string ErrorMessage(string id, string? error) =>
        error is null ? "" : $"<p id=\"{id}-error\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> {Encode(error)}</p>";

    private static string Describedby(string id, string? hint, string? error)
    {
        var ids = string.Join(' ', new[] { hint is null ? null : $"{id}-hint", error is null ? null : $"{id}-error" }.OfType<string>());
        return ids.Length == 0 ? "" : $" aria-describedby=\"{ids}\"";
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
