using CareReview.Web.Auditing;

namespace CareReview.Tests.Features.Audit;

/// <summary>
/// How a row's hash is worked out (ADR-0023). It must never change for rows already written, so one row's hash is
/// written down here; and no two different rows may give the same bytes to hash.
/// </summary>
[Trait("Database", "none")]
public sealed class AuditHashTests
{
    private static readonly DateTime s_at = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static string Hash(string userId = "u1", string userName = "iro.one", string? details = "child:3", int? childId = 3,
        string? previous = null, DateTime? at = null, long sequence = 1) =>
        AuditChain.HashOf(sequence, at ?? s_at, userId, userName, "ChildViewed", childId, details, previous);

    /// <summary>Worked out apart from this code, from ADR-0023's description of the bytes, with Python's hashlib.</summary>
    [Fact]
    public void A_rows_hash_is_the_same_today_as_when_it_was_written()
    {
        Assert.Equal("3ca512ceb90387243bf8770dac4beb2b54ac48826405b625b3bf99d90c9604f9", Hash());
    }

    [Fact]
    public void Fields_do_not_run_together()
    {
        Assert.NotEqual(Hash(userId: "ab", userName: "c"), Hash(userId: "a", userName: "bc"));
        Assert.NotEqual(Hash(details: null), Hash(details: ""));
        Assert.NotEqual(Hash(childId: null, details: "3"), Hash(childId: 3, details: null));
    }

    [Fact]
    public void Every_field_and_the_row_before_count()
    {
        var hashes = new[]
        {
            Hash(), Hash(userId: "u2"), Hash(userName: "iro.two"), Hash(details: "child:4"), Hash(childId: 4), Hash(previous: Hash()),
            Hash(sequence: 2), Hash(at: s_at.AddTicks(10)),
            AuditChain.HashOf(1, s_at, "u1", "iro.one", "ChildRecordViewed", 3, "child:3", null),
        };

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
        Assert.All(hashes, h => Assert.Matches("^[0-9a-f]{64}$", h));
    }

    [Fact]
    public void Time_counts_to_the_microsecond_that_PostgreSQL_keeps()
    {
        Assert.Equal(Hash(), Hash(at: s_at.AddTicks(9)));
        Assert.NotEqual(Hash(), Hash(at: s_at.AddTicks(10)));
    }
}
