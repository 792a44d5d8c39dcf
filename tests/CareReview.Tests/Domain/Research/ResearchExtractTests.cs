using System.Security.Cryptography;
using CareReview.Domain.Children;
using CareReview.Domain.Research;
using CareReview.Domain.Reviews;
using CareReview.Domain.Voice;

namespace CareReview.Tests.Domain.Research;

public sealed class ResearchExtractTests
{
    private static readonly DateOnly s_from = new(2025, 4, 1);
    private static readonly DateOnly s_to = new(2026, 3, 31);

    private static byte[] Key(byte fill) => [.. Enumerable.Repeat(fill, Pseudonyms.KeyLength)];

    private static ResearchChildFacts AChild(int id, DateOnly born, DateOnly since, DateOnly? ended = null, params ReviewFact[] reviews) =>
        new(id, Sex.F, born,
            [new EpisodeFact(since, ended, ReasonForNewEpisode.S, LegalStatus.C2, CategoryOfNeed.N1, PlacementType.U4)],
            [new AllocationFact(null, 7)], reviews, [], [], []);

    [Fact]
    public void Pids_are_16_base32_characters_and_differ_by_prefix_and_key()
    {
        using var one = new Pseudonyms(Key(1));
        using var again = new Pseudonyms(Key(1));
        using var other = new Pseudonyms(Key(2));
        Assert.Matches("^[A-Z2-7]{16}$", one.ForChild(42));
        Assert.Equal(one.ForChild(42), again.ForChild(42));
        Assert.NotEqual(one.ForChild(42), other.ForChild(42));
        Assert.NotEqual(one.ForChild(42), one.ForIro(42));
    }

    [Fact]
    public void Base32_is_rfc_4648()
    {
        Assert.Equal("MZXW6YTBOI", Pseudonyms.Base32("foobar"u8));
        Assert.Equal("MY", Pseudonyms.Base32("f"u8));
    }

    [Fact]
    public void The_pseudonyms_key_is_drawn_from_the_random_source_given()
    {
        var random = new FixedRandom(3);
        var extract = ResearchExtract.Build([AChild(1, new(2012, 1, 1), new(2024, 1, 1))], s_from, s_to, random, k: 1);
        using var pseudonyms = new Pseudonyms(random.Key);
        Assert.Equal(pseudonyms.ForChild(1), Assert.Single(extract.Children).Pid);
        Assert.Equal(pseudonyms.ForIro(7), extract.Children[0].IroPid);
    }

    [Fact]
    public void Two_extracts_of_the_same_children_share_no_pid()
    {
        var facts = Enumerable.Range(1, 50).Select(i => AChild(i, new(2012, 1, 1), new(2024, 1, 1))).ToList();
        using var random = RandomNumberGenerator.Create();
        var first = ResearchExtract.Build(facts, s_from, s_to, random);
        var second = ResearchExtract.Build(facts, s_from, s_to, random);
        Assert.Equal(50, first.Children.Count);
        Assert.Empty(first.Children.Select(c => c.Pid).Intersect(second.Children.Select(c => c.Pid)));
        Assert.NotEqual(first.Children[0].IroPid, second.Children[0].IroPid);
    }

    [Fact]
    public void Pids_are_unique_over_many_children_and_rows_are_sorted_by_pid()
    {
        var extract = ResearchExtract.Build(Enumerable.Range(1, 2000).Select(i => AChild(i, new(2012, 1, 1), new(2024, 1, 1))), s_from, s_to, new FixedRandom(3));
        Assert.Equal(2000, extract.Children.Select(c => c.Pid).Distinct().Count());
        Assert.Equal(extract.Children.Select(c => c.Pid).Order(StringComparer.Ordinal), extract.Children.Select(c => c.Pid));
    }

    [Fact]
    public void Age_is_taken_on_the_last_day_looked_after_and_children_outside_the_window_are_left_out()
    {
        using var pseudonyms = new Pseudonyms(Key(4));
        var review = new ReviewFact(new(2025, 5, 20), new(2025, 5, 10), "R2", ParticipationCode.PN1, ParticipationMeans.Attended, true, ReviewRating.Good);
        var children = ResearchExtract.Derive(
            [
                AChild(1, new(2015, 5, 1), new(2025, 3, 1), new(2025, 6, 1), review),
                AChild(2, new(2015, 5, 1), new(2024, 1, 1), new(2025, 4, 1)),
                AChild(3, new(2009, 1, 1), new(2025, 9, 1)),
            ],
            s_from, s_to, pseudonyms);
        Assert.Equal(2, children.Count);
        var left = children.Single(c => c.Pid == pseudonyms.ForChild(1));
        Assert.Equal((10, false, true, 1), (left.Age, left.StartedInWindow, left.CeasedInWindow, left.Placements));
        Assert.Equal(pseudonyms.ForIro(7), left.IroPid);
        var held = Assert.Single(left.Reviews);
        Assert.Equal((new DateOnly(2025, 5, 20), true), (held.HeldOn, held.Late));
        var came = children.Single(c => c.Pid == pseudonyms.ForChild(3));
        Assert.Equal((17, true, false), (came.Age, came.StartedInWindow, came.CeasedInWindow));
    }

    [Fact]
    public void With_nothing_to_hide_the_finest_codings_are_written()
    {
        var review = new ReviewFact(new(2025, 5, 20), new(2025, 5, 10), "R2", ParticipationCode.PN2, ParticipationMeans.Attended | ParticipationMeans.Advocate, true, ReviewRating.Good);
        var extract = ResearchExtract.Build([AChild(1, new(2015, 5, 1), new(2025, 3, 1), new(2025, 6, 1), review)], s_from, s_to, new FixedRandom(5), k: 1);
        var child = Assert.Single(extract.Children);
        Assert.Equal(("F", "10-12", "C2", "N1", "U4", "ceased", "1"),
            (child.Sex, child.AgeBand, child.LegalStatus, child.CategoryOfNeed, child.Placement, child.Period, child.Placements));
        Assert.Equal(("1", "1", "all"), (child.ReviewsHeld, child.ReviewsLate, child.TookPart));
        var row = Assert.Single(extract.Reviews);
        Assert.Equal(("F", "10-12", "2025-Q2", "PN2", "1", ParticipationMeans.Attended | ParticipationMeans.Advocate, true, ReviewRating.Good),
            (row.Sex, row.AgeBand, row.Quarter, row.Participation, row.Late, row.Means, row.SeenAloneBefore, row.Rating));
        foreach (var file in new[] { extract.Anonymity.Children, extract.Anonymity.Reviews })
        {
            Assert.Equal((1, 0, 0, 1), (file.Rows, file.Generalised, file.Suppressed, file.SmallestGroup));
            Assert.All(file.Codings, c => Assert.False(c.IsGeneralised));
        }
    }

    [Fact]
    public void A_child_who_would_stand_out_is_left_out_and_the_tables_count_only_what_is_published()
    {
        var review = new ReviewFact(new(2025, 5, 20), new(2025, 5, 10), "R2", ParticipationCode.PN1, ParticipationMeans.Attended, false, null);
        var alike = Enumerable.Range(1, 20).Select(i => AChild(i, new(2012, 1, 1), new(2024, 1, 1), null, review));
        var odd = new ResearchChildFacts(21, Sex.M, new(2008, 1, 1),
            [new EpisodeFact(new(2025, 5, 1), null, ReasonForNewEpisode.S, LegalStatus.J1, CategoryOfNeed.N6, PlacementType.K2)],
            [], [review, review with { HeldOn = new(2025, 11, 1) }, review with { HeldOn = new(2026, 2, 1) }], [], [], []);

        var extract = ResearchExtract.Build([.. alike, odd], s_from, s_to, new FixedRandom(6));

        Assert.Equal(20, extract.Children.Count);
        Assert.Equal((20, 0, 1, 20), (extract.Anonymity.Children.Rows, extract.Anonymity.Children.Generalised, extract.Anonymity.Children.Suppressed,
            extract.Anonymity.Children.SmallestGroup));
        Assert.All(extract.Children, c => Assert.Equal(("F", "13-15", "C2"), (c.Sex, c.AgeBand, c.LegalStatus)));
        var total = extract.TableRows().Single(r => r.Table == ResearchExtract.ChildrenByAgeAndSex && r.Row == CountTable.Total && r.Column == CountTable.Total);
        Assert.Equal("20", total.Count);

        // reviews.csv cannot be joined to children.csv, so it is checked over every review: the odd child's are
        // kept by coarsening what told them apart, and no group holds fewer than k children.
        Assert.Equal(23, extract.Reviews.Count);
        Assert.True(extract.Anonymity.Reviews.SmallestGroup >= KAnonymity.DefaultK);
        Assert.Contains(extract.Anonymity.Reviews.Codings, c => c.IsGeneralised);
    }

    [Fact]
    public void Recommendations_escalations_and_iro_changes_are_counted()
    {
        using var pseudonyms = new Pseudonyms(Key(5));
        var facts = new ResearchChildFacts(1, Sex.M, new(2010, 1, 1),
            [new EpisodeFact(new(2024, 1, 1), null, ReasonForNewEpisode.S, LegalStatus.C2, CategoryOfNeed.N1, PlacementType.U4),],
            [new AllocationFact(null, 1), new AllocationFact(new(2025, 6, 1), 2), new AllocationFact(new(2025, 7, 1), 2)],
            [],
            [
                new RecommendationFact(new(2025, 5, 1), new(2025, 6, 1), RecommendationStatus.Done, new(2025, 5, 30)),
                new RecommendationFact(new(2025, 5, 1), new(2025, 6, 1), RecommendationStatus.Done, new(2025, 6, 30)),
                new RecommendationFact(new(2025, 5, 1), new(2025, 6, 1), RecommendationStatus.Open, null),
                new RecommendationFact(new(2024, 5, 1), new(2024, 6, 1), RecommendationStatus.Open, null),
            ],
            [new EscalationFact(new(2025, 8, 1), 2), new EscalationFact(new(2025, 9, 1), 0)],
            [new(2025, 10, 1)]);
        var child = Assert.Single(ResearchExtract.Derive([facts], s_from, s_to, pseudonyms));
        Assert.Equal((3, 1, 1, 1, 1), (child.RecsMade, child.RecsDoneOnTime, child.RecsDoneLate, child.RecsOpen, child.IroChanges));
        Assert.Equal((2, 2, true), (child.Escalations, child.EscalationMaxStage, child.CafcassReferred));
        Assert.Equal(pseudonyms.ForIro(2), child.IroPid);
    }
}

public sealed class SuppressionTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Counts_of_1_to_4_are_suppressed_and_0_is_kept(int count, bool suppressed) =>
        Assert.Equal(suppressed, Suppression.IsPrimary(count));

    [Fact]
    public void A_second_cell_is_suppressed_so_the_totals_cannot_reveal_the_first()
    {
        // Rows: 3 10 20 | 33 ; 8 12 0 | 20 ; totals 11 22 20 | 53
        var table = new CountTable("t", "T", ["a", "b"], ["x", "y", "z"], new[,] { { 3, 10, 20 }, { 8, 12, 0 } });
        var published = table.Published();
        Assert.Equal("c", published[0, 0]);

        // Row a: the smallest other cell, 10, goes too; column x: 8 goes, so row b loses 12 to keep 8 hidden.
        Assert.Equal("c", published[0, 1]);
        Assert.Equal("c", published[1, 0]);
        Assert.Equal("c", published[1, 1]);
        Assert.Equal("0", published[1, 2]);
        Assert.Equal("20", published[0, 2]);
        Assert.Equal("53", published[2, 3]);

        // No row or column has exactly one suppressed cell.
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, 4).Count(j => published[i, j] == "c"));
        }

        for (var j = 0; j < 4; j++)
        {
            Assert.NotEqual(1, Enumerable.Range(0, 3).Count(i => published[i, j] == "c"));
        }
    }

    [Fact]
    public void When_no_other_cell_can_hide_it_the_total_is_suppressed()
    {
        var published = new CountTable("t", "T", ["a"], ["x", "y"], new[,] { { 3, 0 } }).Published();
        Assert.Equal(["c", "0", "c"], [published[0, 0], published[0, 1], published[0, 2]]);
    }
}

public sealed class ResearchVariablesTests
{
    [Fact]
    public void Every_column_is_in_the_spss_syntax_once_per_file_and_in_the_codebook()
    {
        var sps = SpssSyntax.For("test window");
        var blocks = sps.Split("GET DATA")[1..];
        Assert.Equal(ResearchVariables.Files.Count, blocks.Length);
        var codebook = SpssSyntax.CodebookRows().ToList();
        foreach (var (file, block) in ResearchVariables.Files.Zip(blocks))
        {
            Assert.Contains($"/FILE='{file.FileName}'", block, StringComparison.Ordinal);
            var lines = block.Split('\n');
            var declared = lines.SkipWhile(l => !l.Contains("/VARIABLES=", StringComparison.Ordinal)).Skip(1)
                .TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[0]).ToList();
            Assert.Equal(file.Variables.Select(v => v.Name), declared);
            var labelled = lines.SkipWhile(l => l != "VARIABLE LABELS").Skip(1).TakeWhile(l => l.StartsWith("  ", StringComparison.Ordinal))
                .Select(l => l.Trim().TrimStart('/').Split(' ')[0]).ToList();
            Assert.Equal(file.Variables.Select(v => v.Name), labelled);
            foreach (var variable in file.Variables)
            {
                Assert.Single(codebook, r => r[0] == file.FileName && r[1] == variable.Name && r[7] == "");
                Assert.Equal(variable.ValueLabels.Count, codebook.Count(r => r[0] == file.FileName && r[1] == variable.Name && r[7] != ""));
            }
        }

        Assert.Equal(ResearchVariables.Files.Sum(f => f.Variables.Count), ResearchVariables.Files.Sum(f => f.Variables.Select(v => v.Name).Distinct().Count()));
    }

    [Fact]
    public void Labels_come_from_the_code_descriptions_and_quotes_are_doubled()
    {
        var sex = ResearchVariables.Children.Variables.Single(v => v.Name == "sex");
        Assert.Contains(new ValueLabel("F", Sex.F.Describe()), sex.ValueLabels);
        Assert.Equal("'child''s'", SpssSyntax.Quote("child's"));
    }
}
