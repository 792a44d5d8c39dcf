using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Research;
using CareReview.Domain.Returns;
using CareReview.Tests.Domain.Returns;
using Xunit.Abstractions;
using ReviewRow = CareReview.Domain.Research.ReviewRow;

namespace CareReview.Tests.Domain.Research;

/// <summary>
/// Issue 19's finding, as a test: a council's extract for 2025-26 is linked to the same council's DfE return for
/// that year (<see cref="ReturnLinkage"/>). With the extract's k of 5, every extract child matches at least five
/// CHILDs of the return, its own among them; with k of 1 (generalising and leaving out nothing) the same attack
/// finds most children, so the test can fail.
/// </summary>
public sealed class ResearchExtractLinkageTests(ITestOutputHelper output)
{
    private static readonly DateOnly s_today = new(2026, 11, 23);
    private static readonly FinancialYear s_year = new(2026);
    private static readonly Lazy<IReadOnlyList<Child>> s_council = new(() => ReturnPopulation.Build(42, s_today, Rulebook.National));

    /// <summary>The council's extract for the year, with k <paramref name="k"/>, and each pid's true CHILD.</summary>
    internal static (ResearchExtract Extract, Dictionary<string, string> Truth) ExtractOf(IReadOnlyList<Child> children, FinancialYear year, int k)
    {
        var random = new FixedRandom(9);
        var extract = ResearchExtract.Build(ResearchFixtures.FactsOf(children), year.Start, year.End, random, k);
        using var pseudonyms = new Pseudonyms(random.Key);
        var truth = children.Select((c, i) => (Pid: pseudonyms.ForChild(i + 1), c.LocalId)).ToDictionary(p => p.Pid, p => p.LocalId, StringComparer.Ordinal);
        return (extract, truth);
    }

    internal static string Figures(ResearchExtract extract, ReturnFiles returned)
    {
        var children = ReturnLinkage.LinkChildren(extract, returned);
        var reviews = ReturnLinkage.LinkReviews(extract, returned);
        return $"k {extract.Anonymity.K}. " + string.Join(" ", new[] { extract.Anonymity.Children, extract.Anonymity.Reviews }.Select(f =>
                $"{f.FileName}: {f.Rows} rows, {f.Generalised} generalised, {f.Suppressed} left out, smallest group {f.SmallestGroup} children; "
                + $"codings: {string.Join("; ", f.Codings.Select(c => $"{c.Column} {c.Coding}"))}."))
            + $" Children matching one CHILD of the return: {children.Count(l => l.Value.Count == 1)}, fewest matched {Fewest(children.Values.Select(v => v.Count))};"
            + $" reviews matching reviews of one child: {reviews.Count(r => Owners(r.Matches) == 1)}, fewest children matched {Fewest(reviews.Select(r => Owners(r.Matches)))}.";
    }

    internal static int Owners(IEnumerable<(string Child, DateOnly On)> matches) => matches.Select(m => m.Child).Distinct().Count();

    private static int Fewest(IEnumerable<int> counts) => counts.DefaultIfEmpty(0).Min();

    [Fact]
    public void No_child_of_the_extract_matches_fewer_than_k_children_of_the_councils_own_return()
    {
        var (extract, truth) = ExtractOf(s_council.Value, s_year, KAnonymity.DefaultK);
        var returned = ReturnExport.Build(s_council.Value, s_year);
        output.WriteLine(Figures(extract, returned));

        var links = ReturnLinkage.LinkChildren(extract, returned);
        Assert.True(extract.Children.Count > 200, $"Only {extract.Children.Count} children");
        Assert.All(links, l => Assert.Contains(truth[l.Key], l.Value));
        Assert.All(links, l => Assert.True(l.Value.Count >= KAnonymity.DefaultK, $"{l.Key} matches only {string.Join(", ", l.Value)}"));
    }

    [Fact]
    public void No_review_of_the_extract_matches_reviews_of_fewer_than_k_children_of_the_return()
    {
        var (extract, _) = ExtractOf(s_council.Value, s_year, KAnonymity.DefaultK);
        var links = ReturnLinkage.LinkReviews(extract, ReturnExport.Build(s_council.Value, s_year));

        Assert.True(links.Count > 400, $"Only {links.Count} reviews with a participation code");

        // Each published row is a review of the return, so rows alike never outnumber the reviews they match.
        var published = ResearchVariables.Reviews.Header.Select((c, i) => (c, i)).Where(c => ReturnLinkage.Compared["reviews.csv"].Contains(c.c)).Select(c => c.i).ToList();
        string Key(ReviewRow row) => string.Join(',', published.Select(i => ResearchVariables.Reviews.Values(row)[i]));
        var alike = links.Select(l => l.Row).GroupBy(Key).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.All(links, l => Assert.True(l.Matches.Count >= alike[Key(l.Row)], $"{Key(l.Row)}: {alike[Key(l.Row)]} rows, {l.Matches.Count} reviews"));
        Assert.All(links, l => Assert.True(Owners(l.Matches) >= KAnonymity.DefaultK, $"{Key(l.Row)} matches reviews of {Owners(l.Matches)} children"));
    }

    [Fact]
    public void With_a_k_of_1_the_same_attack_singles_out_most_children_and_many_reviews()
    {
        var (extract, truth) = ExtractOf(s_council.Value, s_year, 1);
        var returned = ReturnExport.Build(s_council.Value, s_year);
        output.WriteLine(Figures(extract, returned));

        var children = ReturnLinkage.LinkChildren(extract, returned);
        var reviews = ReturnLinkage.LinkReviews(extract, returned);
        Assert.Equal((0, 0), (extract.Anonymity.Children.Suppressed, extract.Anonymity.Reviews.Suppressed));
        Assert.All(children, l => Assert.Contains(truth[l.Key], l.Value));
        Assert.True(children.Count(l => l.Value.Count == 1) > extract.Children.Count / 2, Figures(extract, returned));
        Assert.True(reviews.Count(r => Owners(r.Matches) == 1) > reviews.Count / 10, Figures(extract, returned));
    }

    [Fact]
    public void Every_column_of_the_extract_is_either_compared_with_the_return_or_not_in_it()
    {
        foreach (var file in new IExtractFile[] { ResearchVariables.Children, ResearchVariables.Reviews })
        {
            foreach (var column in file.Variables.Select(v => v.Name))
            {
                Assert.True(ReturnLinkage.Compared[file.FileName].Contains(column) ^ ReturnLinkage.NotInTheReturn[file.FileName].Contains(column), $"{file.FileName} {column}");
            }
        }
    }
}
