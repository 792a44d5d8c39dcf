using CareReview.Domain.Research;

namespace CareReview.Tests.Domain.Research;

/// <summary>The k-anonymity check on its own, over rows of an age and a sex.</summary>
public sealed class KAnonymityTests
{
    private sealed record Person(string Id, int Age, string Sex);

    // Exact age, then its decade, then withheld.
    private static readonly QuasiIdentifier<Person> s_age = new("age",
    [
        ("years", p => p.Age.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("decade", p => $"{p.Age / 10 * 10}s"),
        ("withheld", _ => "*"),
    ]);

    private static readonly QuasiIdentifier<Person> s_sex = new("sex", [("code", p => p.Sex), ("withheld", _ => "*")]);

    private static IReadOnlyList<QuasiIdentifier<Person>> AgeAndSex => [s_age, s_sex];

    private static List<Person> People(params (int Age, string Sex, int Count)[] groups) =>
        [.. groups.SelectMany((g, i) => Enumerable.Range(0, g.Count).Select(j => new Person($"{i}-{j}", g.Age, g.Sex)))];

    [Fact]
    public void Rows_that_share_their_values_with_k_minus_1_others_are_published_as_they_are()
    {
        var result = KAnonymity.Apply(People((12, "M", 5), (14, "F", 6)), AgeAndSex, k: 5, suppressionCost: 10);

        Assert.Equal([0, 0], result.Levels);
        Assert.Equal((11, 0, 0, 5), (result.Kept.Count, result.Suppressed.Count, result.Generalised, result.SmallestClass));
    }

    [Fact]
    public void Groups_smaller_than_k_are_generalised_first_and_every_row_that_changed_is_counted()
    {
        var people = People((11, "M", 2), (12, "M", 2), (13, "M", 2), (14, "M", 2), (20, "M", 5));

        var result = KAnonymity.Apply(people, AgeAndSex, k: 5, suppressionCost: 10);

        Assert.Equal([1, 0], result.Levels);
        Assert.Empty(result.Suppressed);
        Assert.Equal((13, 5), (result.Generalised, result.SmallestClass));
    }

    [Fact]
    public void A_row_that_generalising_would_not_save_cheaply_is_left_out_and_counted()
    {
        var people = People((12, "M", 5), (14, "F", 5), (41, "U", 1));

        var result = KAnonymity.Apply(people, AgeAndSex, k: 5, suppressionCost: 3);

        Assert.Equal([0, 0], result.Levels);
        Assert.Equal(41, Assert.Single(result.Suppressed).Age);
        Assert.Equal((10, 0, 5), (result.Kept.Count, result.Generalised, result.SmallestClass));
    }

    [Theory]
    [InlineData(2, 0, 0)]
    [InlineData(3, 1, 0)]
    [InlineData(9, 2, 0)]
    [InlineData(10, 0, 9)]
    public void K_is_a_parameter(int k, int ageLevel, int suppressed)
    {
        var people = People((11, "F", 2), (12, "F", 2), (31, "F", 3), (32, "F", 2));

        var result = KAnonymity.Apply(people, [s_age], k, suppressionCost: 10);

        Assert.Equal((ageLevel, suppressed), (result.Levels[0], result.Suppressed.Count));
        Assert.True(result.Kept.Count == 0 || result.SmallestClass >= k);
    }

    [Fact]
    public void No_more_rows_are_left_out_than_the_share_allowed_however_cheap()
    {
        var people = People((11, "M", 2), (12, "M", 2), (13, "M", 2), (14, "M", 2), (15, "M", 2));

        var cheap = KAnonymity.Apply(people, AgeAndSex, k: 5, suppressionCost: 0.1);
        var limited = KAnonymity.Apply(people, AgeAndSex, k: 5, suppressionCost: 0.1, maxSuppressedShare: 0.2);

        Assert.Equal(10, cheap.Suppressed.Count);
        Assert.Equal([1, 0], limited.Levels);
        Assert.Empty(limited.Suppressed);
    }

    [Fact]
    public void The_lighter_column_is_generalised_when_either_would_do()
    {
        var people = People((12, "M", 4), (12, "F", 4), (35, "M", 4), (35, "F", 4));
        var heavySex = new QuasiIdentifier<Person>("sex", [("code", p => p.Sex), ("withheld", _ => "*")], weight: 3);

        Assert.Equal([0, 1], KAnonymity.Apply(people, [s_age, s_sex], k: 5, suppressionCost: 100).Levels);
        Assert.Equal([2, 0], KAnonymity.Apply(people, [s_age, heavySex], k: 5, suppressionCost: 100).Levels);
    }

    [Fact]
    public void A_group_needs_k_owners_not_k_rows()
    {
        var people = People((12, "M", 6));

        var byRow = KAnonymity.Apply(people, AgeAndSex, k: 3, suppressionCost: 1);
        var byOwner = KAnonymity.Apply(people, AgeAndSex, k: 3, suppressionCost: 1, owner: p => p.Id[^1..] is "0" or "1" or "2" ? "first" : "second");

        Assert.Equal((6, 6), (byRow.Kept.Count, byRow.SmallestClass));
        Assert.Equal(6, byOwner.Suppressed.Count);
    }

    [Fact]
    public void When_nothing_leaves_out_few_enough_every_column_is_withheld_and_the_rest_left_out()
    {
        var result = KAnonymity.Apply(People((12, "M", 2), (50, "F", 1)), AgeAndSex, k: 5, suppressionCost: 1, maxSuppressedShare: 0.05);

        Assert.Equal([2, 1], result.Levels);
        Assert.Equal((0, 3, 0), (result.Kept.Count, result.Suppressed.Count, result.SmallestClass));
    }
}
