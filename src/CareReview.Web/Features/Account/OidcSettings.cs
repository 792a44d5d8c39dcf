namespace CareReview.Web.Features.Account;

/// <summary>
/// Signing in through the council's OpenID Connect provider (Entra ID or another), section
/// <c>Authentication:Oidc</c>. Off unless <see cref="Authority"/> is set; local accounts always stay (ADR-0031).
/// </summary>
public sealed class OidcSettings
{
    public const string Section = "Authentication:Oidc";

    /// <summary>The authentication scheme, and the login provider an Identity user's external login is kept under.</summary>
    public const string Scheme = "oidc";

    /// <summary>The issuer, such as https://login.microsoftonline.com/{tenant}/v2.0.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public IReadOnlyList<string> Scopes { get; set; } = ["openid", "profile", "email"];

    /// <summary>False only for a test provider on plain http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The ID token claim that lists the person's groups (Entra ID: <c>groups</c>, or <c>roles</c> for app roles).</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>Which of the provider's groups give which Care Review role, and which team.</summary>
    public IReadOnlyList<GroupMapping> Mappings { get; set; } = [];

    /// <summary>The audience of the API's access tokens from the same provider.</summary>
    public string ApiAudience { get; set; } = "care-review-api";

    /// <summary>The name on the sign-in page's button: "Sign in with Northshire County Council".</summary>
    public string CouncilName { get; set; } = "your council account";

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public static OidcSettings In(IConfiguration configuration) => configuration.GetSection(Section).Get<OidcSettings>() ?? new OidcSettings();

    /// <summary>What the person's groups give them: every role any of their groups maps to, and a team if their groups name exactly one.</summary>
    public MappedAccess AccessFor(IEnumerable<string> groups)
    {
        var held = groups.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var mapped = Mappings.Where(m => held.Contains(m.Group)).ToList();
        var teams = mapped.Select(m => m.Team?.Trim()).Where(t => !string.IsNullOrEmpty(t)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new MappedAccess(
            [.. Roles.All.Where(role => mapped.Any(m => string.Equals(m.Role, role, StringComparison.OrdinalIgnoreCase)))],
            teams.Count == 1 ? teams[0] : null);
    }

    /// <summary>Why the app must not start with these settings, or null: a mapping names no group or a role a council sign-in cannot have.</summary>
    public string? Refusal()
    {
        if (!Enabled)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            return $"{Section}:ClientId must be set when {Section}:Authority is.";
        }

        var mappable = Roles.All.Where(role => role != Roles.Child).ToList();
        foreach (var (mapping, i) in Mappings.Select((m, i) => (m, i)))
        {
            if (string.IsNullOrWhiteSpace(mapping.Group))
            {
                return $"{Section}:Mappings:{i}:Group is empty.";
            }

            if (!mappable.Contains(mapping.Role, StringComparer.OrdinalIgnoreCase))
            {
                return $"{Section}:Mappings:{i}:Role is \"{mapping.Role}\": it must be one of {string.Join(", ", mappable)}.";
            }
        }

        return null;
    }
}

/// <summary>One row of the mapping table: members of <see cref="Group"/> hold <see cref="Role"/> (and belong to <see cref="Team"/>, if named).</summary>
public sealed class GroupMapping
{
    public string Group { get; set; } = "";

    public string Role { get; set; } = "";

    public string? Team { get; set; }
}

/// <summary>The roles and team a person's groups give them.</summary>
public sealed record MappedAccess(IReadOnlyList<string> Roles, string? Team)
{
    /// <summary>A role that works with children or escalations needs a staff record; an administrator's or a researcher's does not.</summary>
    public bool NeedsStaffMember => StaffRoleToCreate is not null;

    /// <summary>The staff record's role for someone created with these roles: their first practitioner role.</summary>
    public StaffRole? StaffRoleToCreate => Roles.Select(role => Enum.TryParse<StaffRole>(role, out var staffRole) ? staffRole : (StaffRole?)null)
        .FirstOrDefault(role => role is not null);
}
