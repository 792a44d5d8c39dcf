using System.Security.Cryptography;
using CareReview.Domain.Children;
using CareReview.Domain.Research;

namespace CareReview.Tests.Domain.Research;

/// <summary>
/// A random source that gives the same bytes every time, so a test knows the key an extract's pseudonyms were
/// drawn with and can work out any child's pid itself.
/// </summary>
internal sealed class FixedRandom(byte fill) : RandomNumberGenerator
{
    public byte[] Key => [.. Enumerable.Repeat(fill, Pseudonyms.KeyLength)];

    public override void GetBytes(byte[] data) => Array.Fill(data, fill);

    public override void GetBytes(Span<byte> data) => data.Fill(fill);
}

internal static class ResearchFixtures
{
    /// <summary>
    /// What the research page would read of <paramref name="children"/>, each given the id its place in the list
    /// gives it (from 1), since children built in memory have none.
    /// </summary>
    public static List<ResearchChildFacts> FactsOf(IReadOnlyList<Child> children) =>
        [.. children.Select((c, i) => new ResearchChildFacts(i + 1, c.Sex, c.DateOfBirth,
            [.. c.Episodes.Select(e => new EpisodeFact(e.StartedOn, e.EndedOn, e.ReasonForNewEpisode, e.LegalStatus, e.CategoryOfNeed, e.PlacementType))],
            [.. c.Allocations.Select(a => new AllocationFact(a.From, a.IroId))],
            [.. c.Reviews.Where(r => r.HeldOn is not null)
                .Select(r => new ReviewFact(r.HeldOn!.Value, r.DueOn, r.DueRuleId, r.ParticipationCode, r.ParticipationMeans, r.ChildSeenAloneOn is not null, null))],
            [], [], []))];
}
