namespace CareReview.Web.Data.Entities;

/// <summary>Where a person first seen through the council's sign-in stands. Stored by name: never rename a member.</summary>
public enum SignInRequestStatus
{
    /// <summary>Their groups give them a role, but no staff record matched: an IRO manager has yet to decide.</summary>
    Waiting,
    Approved,
    Refused,
}

/// <summary>
/// A person who signed in through the council's OpenID Connect provider with groups that give them a role but whom
/// no staff record matched by email (ADR-0031). They reach nothing until an IRO manager approves them, linking or
/// creating their staff record, or refuses them. One per user.
/// </summary>
public sealed class SignInRequest
{
    public int Id { get; private set; }

    /// <summary>The Identity user made for them, holding their external login (provider <c>oidc</c>, their <c>sub</c>), name and email.</summary>
    public string UserId { get; private set; } = "";

    public AppUser? User { get; private set; }

    /// <summary>The roles their groups gave them when they last tried, comma-separated (roles follow the groups at every sign-in).</summary>
    public string Roles { get; private set; } = "";

    /// <summary>The team their groups named when they last tried, if any.</summary>
    public string? Team { get; private set; }

    public DateTime FirstTriedAtUtc { get; private set; }

    public DateTime LastTriedAtUtc { get; private set; }

    public SignInRequestStatus Status { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecidedByUserId { get; private set; }

    private SignInRequest()
    {
    }

    public SignInRequest(string userId, DateTime nowUtc)
    {
        UserId = userId;
        FirstTriedAtUtc = nowUtc;
        LastTriedAtUtc = nowUtc;
        Status = SignInRequestStatus.Waiting;
    }

    public IReadOnlyList<string> RoleList => Roles.Length == 0 ? [] : Roles.Split(',');

    /// <summary>They signed in again: what their groups give them now.</summary>
    public void TriedAgain(IReadOnlyList<string> roles, string? team, DateTime nowUtc)
    {
        Roles = string.Join(',', roles);
        Team = team;
        LastTriedAtUtc = nowUtc;
    }

    public void Decide(SignInRequestStatus decision, string deciderUserId, DateTime nowUtc)
    {
        Status = decision;
        DecidedByUserId = deciderUserId;
        DecidedAtUtc = nowUtc;
    }
}
