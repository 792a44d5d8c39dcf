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

    /// <summary>
    /// How long a saved form's token is remembered: far longer than any double click or page left open and sent
    /// again, and short enough that the table stays small (one row per change saved).
    /// </summary>
    public static readonly TimeSpan Kept = TimeSpan.FromDays(30);

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

    /// <summary>Forgets the tokens of forms saved longer ago than <see cref="Kept"/>; run by the hourly job.</summary>
    public static Task<int> ForgetOldAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var before = nowUtc - Kept;
        return db.FormSubmissions.Where(s => s.SavedAtUtc < before).ExecuteDeleteAsync(cancellationToken);
    }
}
