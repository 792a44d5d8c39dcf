using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Features.Account;

/// <summary>
/// Refuses the passwords people guessing passwords try first, as the NCSC advises instead of rules about capitals
/// and symbols: the 100,000 seen most often in breaches, any of them with digits or symbols added to make up the
/// length (<c>password1234</c>, <c>Iloveyou2026!</c>), a few characters repeated (<c>aaaaaaaaaaaa</c>), and the
/// person's own name or user name.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const string Common = "PasswordCommon";
    public const string Repetitive = "PasswordRepetitive";
    public const string ContainsName = "PasswordContainsName";

    public const string CommonMessage =
        "This password is one of the most used, so it is among the first that people guess. Choose another: three random words together are long and easy to remember";

    public const string RepetitiveMessage =
        "This password repeats a few characters, so it is easy to guess. Choose another: three random words together are long and easy to remember";

    public const string ContainsNameMessage = "Your password must not contain your name or user name";

    /// <summary>Fewer different characters than this in 12 or more is a pattern, not a password.</summary>
    private const int FewestDifferentCharacters = 5;

    /// <summary>Shorter parts of a name (initials, "Jo") would refuse too many good passwords by chance.</summary>
    private const int ShortestNamePart = 3;

    /// <summary>Below this, what is left once digits and symbols are taken off the end is too short to call common.</summary>
    private const int ShortestCommonStem = 4;

    private static readonly Lazy<FrozenSet<string>> s_common = new(Load);

    /// <summary>The list, as shipped (lower case, for comparing).</summary>
    public static FrozenSet<string> CommonPasswords => s_common.Value;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(Validate(password ?? "", user.UserName, user.DisplayName));

    /// <summary>The user name is checked whole and the name people know them by word by word ("Sam Patel").</summary>
    public static IdentityResult Validate(string password, string? userName, string? displayName)
    {
        var lower = password.ToLowerInvariant();
        if (IsCommon(lower))
        {
            return IdentityResult.Failed(new IdentityError { Code = Common, Description = CommonMessage });
        }

        if (lower.Distinct().Count() < FewestDifferentCharacters)
        {
            return IdentityResult.Failed(new IdentityError { Code = Repetitive, Description = RepetitiveMessage });
        }

        var nameParts = (displayName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(userName ?? "")
            .Where(part => part.Length >= ShortestNamePart);
        return nameParts.Any(part => lower.Contains(part.ToLowerInvariant(), StringComparison.Ordinal))
            ? IdentityResult.Failed(new IdentityError { Code = ContainsName, Description = ContainsNameMessage })
            : IdentityResult.Success;
    }

    public static bool IsCommon(string lowerCasePassword)
    {
        if (CommonPasswords.Contains(lowerCasePassword))
        {
            return true;
        }

        var stem = lowerCasePassword.TrimEnd("0123456789!\"£$%^&*()-_=+[]{};:'@#~,.<>/?\\| ".ToCharArray());
        return stem.Length >= ShortestCommonStem && stem.Length < lowerCasePassword.Length && CommonPasswords.Contains(stem);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("CareReview.CommonPasswords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is missing from the build.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        var pastHeader = false;
        while (reader.ReadLine() is { } line)
        {
            if (pastHeader)
            {
                passwords.Add(line.ToLowerInvariant());
            }
            else
            {
                pastHeader = line == "--";
            }
        }

        return passwords.ToFrozenSet(StringComparer.Ordinal);
    }
}
