using CareReview.Domain.CarePlans;

namespace CareReview.Tests.Domain;

/// <summary>
/// Care-system jargon in a plan written for a child, each term found once with how often it is used
/// and the plain words to say instead.
/// </summary>
public sealed class PlainWordsTests
{
    [Fact]
    public void A_term_is_found_once_with_how_many_times_it_is_used()
    {
        var found = PlainWords.Find("Your placement is going well. We will visit the placement in May. Both placements were good.");

        var placement = Assert.Single(found);
        Assert.Equal("placement", placement.Term);
        Assert.Equal("the home where you live", placement.Plain);
        Assert.Equal(3, placement.Count);
    }

    [Fact]
    public void A_term_is_reported_as_first_written_and_in_the_order_terms_are_first_used()
    {
        var found = PlainWords.Find("Contact with Mum will commence in June. CONTACT with Dad is weekly. Your Sibling visits too.");

        Assert.Equal(
            [
                new JargonFound("Contact", "time with your family", 2),
                new JargonFound("commence", "start", 1),
                new JargonFound("Sibling", "brother or sister", 1),
            ],
            found);
    }

    [Theory]
    [InlineData("Your contact is on Saturday.", "contact")]
    [InlineData("Mum contacted me.", "contacted")]
    [InlineData("Your assessments are done.", "assessments")]
    [InlineData("Visits are commencing soon.", "commencing")]
    [InlineData("You have two PEPs a year.", "PEPs")]
    [InlineData("in order\nto help", "in order to")]
    [InlineData("a looked-after child", "looked-after child")]
    public void Terms_match_whole_words_with_their_usual_endings(string text, string expectedTerm)
    {
        Assert.Equal(expectedTerm, Assert.Single(PlainWords.Find(text)).Term);
    }

    [Theory]
    [InlineData("Black shoes")]
    [InlineData("lac")]
    [InlineData("Lac")]
    [InlineData("cinema and pepper")]
    [InlineData("a CPR course")]
    [InlineData("my cp")]
    [InlineData("an iron and a drip")]
    [InlineData("a replacement uncontactable")]
    public void Acronyms_match_only_as_whole_words_in_capitals(string text)
    {
        Assert.Empty(PlainWords.Find(text));
    }

    [Theory]
    [InlineData("You are LAC.", "LAC", "a child in care")]
    [InlineData("You were on a CP plan.", "CP", "keeping you safe from harm")]
    [InlineData("This is a CIN plan.", "CIN", "a child who gets extra help from a social worker")]
    [InlineData("Your IRO used the DRP.", "IRO", "the person who checks your plan is working for you (your IRO)")]
    public void Acronyms_in_capitals_are_found(string text, string expectedTerm, string expectedPlain)
    {
        var found = PlainWords.Find(text);

        Assert.Contains(new JargonFound(expectedTerm, expectedPlain, 1), found);
    }

    [Fact]
    public void The_longest_phrase_wins_over_a_shorter_one_inside_it()
    {
        var found = PlainWords.Find("The foster placement went well until the placement breakdown and the interim care order. The next placement is good.");

        Assert.Equal(
            [
                new JargonFound("foster placement", "living with a foster family", 1),
                new JargonFound("placement breakdown", "when living somewhere stopped working out and you had to move", 1),
                new JargonFound("interim care order", "a judge's decision for now, until the court decides what is best", 1),
                new JargonFound("placement", "the home where you live", 1),
            ],
            found);
    }

    [Fact]
    public void A_looked_after_child_is_found_as_the_phrase_not_its_parts()
    {
        var found = PlainWords.Find("As a looked after child, your care plan says where you live.");

        Assert.Equal(["looked after child", "care plan"], found.Select(f => f.Term));
    }

    [Fact]
    public void Iro_is_fine_once_the_text_explains_it_in_brackets()
    {
        var found = PlainWords.Find(
            "Ann is the person who checks your plan is working for you (your IRO). Your IRO will visit you in May.");

        Assert.Empty(found);
    }

    [Fact]
    public void Iro_is_flagged_when_the_text_does_not_explain_it()
    {
        var found = PlainWords.Find("Your IRO will visit you in May. Ask your IRO anything.");

        Assert.Equal([new JargonFound("IRO", "the person who checks your plan is working for you (your IRO)", 2)], found);
    }

    [Fact]
    public void Spelling_out_the_independent_reviewing_officer_is_still_jargon()
    {
        var found = PlainWords.Find("Your Independent Reviewing Officer (IRO) is Ann.");

        Assert.Equal("Independent Reviewing Officer", Assert.Single(found).Term);
    }

    [Theory]
    [InlineData("Your review is in May. We reviewed your plan and will keep reviewing it.")]
    [InlineData("You live with Sam and Jo, and you see Mum every Saturday.")]
    [InlineData("")]
    public void Plain_text_has_no_jargon(string text)
    {
        Assert.Empty(PlainWords.Find(text));
    }

    [Fact]
    public void The_list_has_at_least_thirty_distinct_terms()
    {
        Assert.True(PlainWords.Terms.Count >= 30);
        Assert.Equal(PlainWords.Terms.Count, PlainWords.Terms.Select(t => t.Term).Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void No_plain_alternative_is_jargon_itself()
    {
        Assert.All(PlainWords.Terms, term => Assert.Empty(PlainWords.Find(term.Plain)));
    }

    [Fact]
    public void Every_term_finds_itself()
    {
        Assert.All(PlainWords.Terms, term => Assert.Equal(term.Term, Assert.Single(PlainWords.Find(term.Term)).Term));
    }
}
