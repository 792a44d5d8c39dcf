using CareReview.Domain;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Research;
using CareReview.Domain.Returns;
using CareReview.Tests.Domain.Research;
using CareReview.Web.Demo;
using Xunit.Abstractions;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Data;

/// <summary>
/// Issue 19's penetration test repeated on the demo council, which is what it was run against: its research
/// extract for 2025-26 linked to its own DfE return for the year (<see cref="ReturnLinkage"/>). It uses no
/// database, so the PostgreSQL run leaves it out (test.sh filters on the trait).
/// </summary>
[Trait("Database", "none")]
public sealed class DemoCouncilResearchExtractTests(ITestOutputHelper output)
{
    private static readonly FinancialYear s_year = new(2026);

    [Fact]
    public void No_row_of_the_demo_councils_extract_matches_fewer_than_k_children_of_its_return()
    {
        var council = DemoCouncil.Generate(new DemoOptions().Seed, D("2026-11-23"), Rulebook.National);
        var returned = ReturnExport.Build(council.Children, s_year);
        var (extract, truth) = ResearchExtractLinkageTests.ExtractOf(council.Children, s_year, KAnonymity.DefaultK);
        output.WriteLine(ResearchExtractLinkageTests.Figures(extract, returned));

        var children = ReturnLinkage.LinkChildren(extract, returned);
        var reviews = ReturnLinkage.LinkReviews(extract, returned);
        Assert.True(extract.Children.Count > 200, $"Only {extract.Children.Count} children");
        Assert.All(children, l => Assert.Contains(truth[l.Key], l.Value));
        Assert.All(children, l => Assert.True(l.Value.Count >= KAnonymity.DefaultK, $"{l.Key} matches only {string.Join(", ", l.Value)}"));
        Assert.All(reviews, r => Assert.True(ResearchExtractLinkageTests.Owners(r.Matches) >= KAnonymity.DefaultK));
    }

    [Fact]
    public void With_a_k_of_1_the_demo_councils_children_are_singled_out()
    {
        var council = DemoCouncil.Generate(new DemoOptions().Seed, D("2026-11-23"), Rulebook.National);
        var returned = ReturnExport.Build(council.Children, s_year);
        var (extract, truth) = ResearchExtractLinkageTests.ExtractOf(council.Children, s_year, 1);
        output.WriteLine(ResearchExtractLinkageTests.Figures(extract, returned));

        var children = ReturnLinkage.LinkChildren(extract, returned);
        Assert.All(children, l => Assert.Contains(truth[l.Key], l.Value));
        Assert.True(children.Count(l => l.Value.Count == 1) > extract.Children.Count / 2, ResearchExtractLinkageTests.Figures(extract, returned));
    }
}
