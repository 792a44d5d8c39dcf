using CareReview.Domain;
using CareReview.Domain.Voice;

namespace CareReview.Tests.Domain.Voice;

/// <summary>The single-use, expiring link a parent or carer opens to give views or read decisions.</summary>
public sealed class ParentInvitationTests
{
    private static readonly DateTimeOffset s_now = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    private static (ParentInvitation Invitation, string Token) Invite(TimeSpan? lifetime = null) =>
        ParentInvitation.Create(1, 2, InvitationPurpose.Views, " Kim Taylor ", "Mum", "IRO Jo", s_now, lifetime ?? ParentInvitation.DefaultLifetime);

    [Fact]
    public void Only_a_hash_of_the_secret_is_kept_and_the_secret_is_long_and_url_safe()
    {
        var (invitation, token) = Invite();

        Assert.Equal("Kim Taylor", invitation.Name);
        Assert.DoesNotContain(token, invitation.TokenHash, StringComparison.Ordinal);
        Assert.Equal(ParentInvitation.Hash(token), invitation.TokenHash);
        Assert.Equal(43, token.Length); // 32 random bytes
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
        Assert.NotEqual(token, Invite().Token);
        Assert.Equal(s_now + ParentInvitation.DefaultLifetime, invitation.ExpiresAt);
    }

    [Fact]
    public void The_link_works_once()
    {
        var (invitation, token) = Invite();
        Assert.Equal(InvitationState.Waiting, invitation.StateAt(s_now));

        invitation.Use(token, s_now.AddHours(1));

        Assert.Equal(InvitationState.Used, invitation.StateAt(s_now.AddHours(2)));
        var again = Assert.Throws<DomainRuleException>(() => invitation.Use(token, s_now.AddHours(2)));
        Assert.Contains("already been used", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expired_cancelled_or_wrong_link_does_not_open()
    {
        var (expired, expiredToken) = Invite(TimeSpan.FromDays(1));
        Assert.Contains("expired", Assert.Throws<DomainRuleException>(() => expired.Use(expiredToken, s_now.AddDays(1))).Message, StringComparison.Ordinal);
        Assert.Null(expired.UsedAt);

        var (cancelled, cancelledToken) = Invite();
        cancelled.Cancel(s_now.AddHours(1));
        Assert.Contains("cancelled", Assert.Throws<DomainRuleException>(() => cancelled.Use(cancelledToken, s_now.AddHours(2))).Message, StringComparison.Ordinal);

        var (invitation, token) = Invite();
        Assert.False(invitation.Matches(token + "x"));
        Assert.Throws<DomainRuleException>(() => invitation.Use(token[..^1], s_now));
        Assert.Null(invitation.UsedAt);
    }

    [Fact]
    public void Only_a_waiting_link_can_be_cancelled()
    {
        var (invitation, token) = Invite();
        invitation.Use(token, s_now);

        Assert.Throws<DomainRuleException>(() => invitation.Cancel(s_now.AddHours(1)));
    }

    [Theory]
    [InlineData(null, "Mum", "Name")]
    [InlineData("Kim", " ", "Relationship")]
    public void Name_and_relationship_are_needed(string? name, string relationship, string field)
    {
        var refusal = Assert.Throws<DomainRuleException>(() =>
            ParentInvitation.Create(1, 2, InvitationPurpose.Views, name, relationship, "IRO Jo", s_now, ParentInvitation.DefaultLifetime));
        Assert.Equal(field, refusal.Field);
    }

    [Fact]
    public void A_link_lasts_no_more_than_28_days()
    {
        Assert.Throws<DomainRuleException>(() => Invite(TimeSpan.FromDays(29)));
    }
}
