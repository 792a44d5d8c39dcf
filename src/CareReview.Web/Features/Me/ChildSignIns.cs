using System.Text;
using System.Text.RegularExpressions;
using CareReview.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace CareReview.Web.Features.Me;

/// <summary>
/// A child's own sign-in: made by their social worker or IRO, finished by the child, who chooses their
/// password through a set-up link. The link is an Identity password-reset token, so it works once.
/// </summary>
public static partial class ChildSignIns
{
    public static readonly TimeSpan SetUpLinkLifetime = TimeSpan.FromDays(7);

    /// <summary>Younger children give their views with their carer or IRO; the pages are written for 8 and over.</summary>
    public const int MinimumAge = 8;

    /// <summary>The problem with a user name a worker typed for a child, or null.</summary>
    public static string? UserNameProblem(string? userName) =>
        string.IsNullOrWhiteSpace(userName) ? "Enter a user name"
        : !UserNamePattern().IsMatch(userName.Trim()) ? "The user name must be 3 to 40 letters, numbers, dots or hyphens, with no spaces"
        : null;

    /// <summary>
    /// A fresh set-up link. The security stamp changes first, so any earlier link (and any session on
    /// another device) stops working: a lost link is replaced, never added to.
    /// </summary>
    public static async Task<string> NewSetUpLinkAsync(UserManager<AppUser> users, AppUser user, PublicAddress address, HttpRequest request)
    {
        await users.UpdateSecurityStampAsync(user);
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        return address.Link(request, $"/set-up?user={Uri.EscapeDataString(user.Id)}&code={code}");
    }

    public static string? DecodeCode(string? code)
    {
        try
        {
            return code is null ? null : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9.-]{3,40}$")]
    private static partial Regex UserNamePattern();
}
