namespace CareReview.Web.Features.Family;

/// <summary>
/// The cookie a parent or carer gets by opening the single-use link the IRO or social worker sent them.
/// It names the link and so the child and review it is for, and lasts long enough to write their views.
/// </summary>
public static class FamilyLink
{
    public const string Scheme = "Family";

    public static readonly TimeSpan SessionLength = TimeSpan.FromHours(2);
}
