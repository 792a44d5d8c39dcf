using Microsoft.AspNetCore.Razor.TagHelpers;

namespace CareReview.Web.Records;

/// <summary>
/// Every form that posts carries a new one-time token; <see cref="RecordChanges"/> saves it with the change, so the
/// same form sent twice is saved once (issue 19, finding 8).
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class FormToken : TagHelper
{
    public const string Field = "FormToken";

    /// <summary>A GUID written as 32 hexadecimal digits.</summary>
    public const int Length = 32;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{Field}\" value=\"{Guid.NewGuid():N}\">");
        }
    }

    /// <summary>The token a posted form carried, if it is one this app could have written.</summary>
    public static string? In(HttpRequest request) =>
        request.HasFormContentType && request.Form[Field].ToString() is { Length: Length } token && token.All(char.IsAsciiHexDigitLower)
            ? token
            : null;
}
