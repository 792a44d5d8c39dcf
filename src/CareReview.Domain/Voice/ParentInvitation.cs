using System.Security.Cryptography;
using System.Text;

namespace CareReview.Domain.Voice;

public enum InvitationPurpose
{
    /// <summary>Give views before a review.</summary>
    Views,

    /// <summary>Read the decisions of a review that were shared with them.</summary>
    Decisions,
}

public enum InvitationState
{
    Waiting,
    Used,
    Expired,
    Cancelled,
}

/// <summary>
/// A single-use, expiring link for a parent or carer, who has no account. Only a hash of the link's
/// secret is stored, so a copy of the database cannot be used to open anyone's invitation.
/// </summary>
public sealed class ParentInvitation
{
    public const int MaxNameLength = 200;
    public const int MaxRelationshipLength = 100;
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(14);

    private ParentInvitation()
    {
    }

    public int Id { get; private set; }
    public int ChildId { get; private set; }
    public int ReviewId { get; private set; }
    public InvitationPurpose Purpose { get; private set; }
    public string Name { get; private set; } = "";
    public string Relationship { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>A new invitation and the secret for its link, which is shown once and never stored.</summary>
    public static (ParentInvitation Invitation, string Token) Create(
        int childId, int reviewId, InvitationPurpose purpose, string? name, string? relationship, string createdBy, DateTimeOffset now, TimeSpan lifetime)
    {
        Check(!string.IsNullOrWhiteSpace(name), "Enter the parent's or carer's name", nameof(Name));
        Check(name!.Trim().Length <= MaxNameLength, "The name must be 200 characters or fewer", nameof(Name));
        Check(!string.IsNullOrWhiteSpace(relationship), "Enter who they are to the child, for example Mum or Foster carer", nameof(Relationship));
        Check(relationship!.Trim().Length <= MaxRelationshipLength, "This must be 100 characters or fewer", nameof(Relationship));
        Check(lifetime > TimeSpan.Zero && lifetime <= TimeSpan.FromDays(28), "A link must last between 1 and 28 days", nameof(ExpiresAt));

        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var invitation = new ParentInvitation
        {
            ChildId = childId,
            ReviewId = reviewId,
            Purpose = purpose,
            Name = name.Trim(),
            Relationship = relationship.Trim(),
            TokenHash = Hash(token),
            CreatedAt = now,
            CreatedBy = createdBy,
            ExpiresAt = now + lifetime,
        };
        return (invitation, token);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public InvitationState StateAt(DateTimeOffset now) =>
        CancelledAt is not null ? InvitationState.Cancelled
        : UsedAt is not null ? InvitationState.Used
        : now >= ExpiresAt ? InvitationState.Expired
        : InvitationState.Waiting;

    public bool Matches(string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(TokenHash));

    public const string AlreadyUsed = "This link has already been used. Ask the child's social worker or IRO for a new one.";

    /// <summary>Why the link cannot be opened now, in words for the parent; null when it can.</summary>
    public string? ProblemAt(DateTimeOffset now) => StateAt(now) switch
    {
        InvitationState.Used => AlreadyUsed,
        InvitationState.Expired => "This link has expired. Ask the child's social worker or IRO for a new one.",
        InvitationState.Cancelled => "This link was cancelled. Ask the child's social worker or IRO for a new one.",
        _ => null,
    };

    /// <summary>Opens the link: it works once, before it expires, unless the worker cancelled it.</summary>
    public void Use(string token, DateTimeOffset now)
    {
        Check(Matches(token), "This link is not recognised");
        if (ProblemAt(now) is { } problem)
        {
            throw new DomainRuleException(problem);
        }

        UsedAt = now;
    }

    public void Cancel(DateTimeOffset now)
    {
        Check(StateAt(now) == InvitationState.Waiting, "Only a link that has not been used or expired can be cancelled");
        CancelledAt = now;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static void Check(bool condition, string message, string? field = null)
    {
        if (!condition)
        {
            throw new DomainRuleException(message, field);
        }
    }
}
