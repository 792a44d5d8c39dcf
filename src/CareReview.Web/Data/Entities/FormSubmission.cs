namespace CareReview.Web.Data.Entities;

/// <summary>
/// A form whose change was saved, by the one-time token the form carried (<c>FormToken</c>), so the same form sent
/// again (a double click, a resend after going back) is not saved twice: two escalations, two parent links.
/// </summary>
public sealed class FormSubmission
{
    public required string Token { get; set; }

    /// <summary>When the change was saved; tokens are forgotten after <see cref="Records.FormToken.Kept"/>.</summary>
    public DateTime SavedAtUtc { get; set; }
}
