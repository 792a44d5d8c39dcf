using CareReview.Domain.CarePlans;

namespace CareReview.Tests.Domain;

/// <summary>
/// How easy a plan written for a child is to read: the Flesch reading ease score, its band in plain
/// words, and the sentences that are too long.
/// </summary>
public sealed class ReadingEaseTests
{
    [Fact]
    public void A_known_passage_scores_what_the_flesch_formula_gives_by_hand()
    {
        // You live with Sam and Jo.                              6 words, 6 syllables
        // You go to Oak Hill School.                             6 words, 6 syllables
        // Your social worker, Amy, will visit you every six weeks.
        //   your so-cial work-er A-my will vis-it you ev-ery six weeks  10 words, 15 syllables
        //
        // 3 sentences, 22 words, 27 syllables:
        // 206.835 - 1.015 × (22 / 3) - 84.6 × (27 / 22)
        //   = 206.835 - 1.015 × 7.3333 - 84.6 × 1.2273
        //   = 206.835 - 7.4433 - 103.8273
        //   = 95.5644, which is 95.6
        var result = ReadingEase.Measure(
            "You live with Sam and Jo. You go to Oak Hill School. Your social worker, Amy, will visit you every six weeks.");

        Assert.Equal(3, result.Sentences);
        Assert.Equal(22, result.Words);
        Assert.Equal(27, result.Syllables);
        Assert.Equal(95.6, result.FleschReadingEase, 1);
        Assert.Equal("Very easy", result.Band);
        Assert.Empty(result.LongSentences);
    }

    [Fact]
    public void Short_plain_sentences_score_higher_than_long_jargon()
    {
        var plain = ReadingEase.Measure(
            "You live with Sam and Jo. They help you get to school. You see your mum on Saturdays. Your IRO will come to see you in May.");
        var jargon = ReadingEase.Measure(
            "In order to facilitate the implementation of the care plan, the independent reviewing officer will subsequently " +
            "commence a statutory review regarding the sustainability of the placement prior to the final hearing.");

        Assert.True(plain.FleschReadingEase > jargon.FleschReadingEase,
            $"plain {plain.FleschReadingEase:F1} should score above jargon {jargon.FleschReadingEase:F1}");
        Assert.Equal("Very easy", plain.Band);
        Assert.Equal("Very difficult", jargon.Band);
    }

    [Fact]
    public void A_sentence_of_exactly_twenty_words_is_not_long_but_one_of_twenty_one_is()
    {
        const string twenty = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty";

        var result = ReadingEase.Measure($"{twenty}. {twenty} more.");

        Assert.Equal(2, result.Sentences);
        Assert.Equal(41, result.Words);
        Assert.Equal([$"{twenty} more."], result.LongSentences);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(5, 0)]
    public void The_long_sentence_limit_is_the_callers_choice(int limit, int expectedLong)
    {
        var result = ReadingEase.Measure("You see Mum every week. Jo takes you.", limit);

        Assert.Equal(expectedLong, result.LongSentences.Count);
    }

    [Fact]
    public void A_long_bullet_point_is_listed_without_its_bullet_mark()
    {
        var result = ReadingEase.Measure("What will happen:\n- You will see Mum.\n• You will stay with Sam and Jo.", longSentenceWords: 4);

        Assert.Equal(["You will stay with Sam and Jo."], result.LongSentences);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("... - • ?!")]
    public void Text_with_no_words_scores_nothing_and_says_so(string text)
    {
        var result = ReadingEase.Measure(text);

        Assert.Equal(0, result.Sentences);
        Assert.Equal(0, result.Words);
        Assert.Equal(0, result.Syllables);
        Assert.Equal(0.0, result.FleschReadingEase);
        Assert.Equal("No text", result.Band);
        Assert.Empty(result.LongSentences);
    }

    [Theory]
    [InlineData("One. Two! Three?", 3)]
    [InlineData("What happens next\n- You stay with Sam\n- You see Mum", 3)] // a bullet without a full stop is a sentence
    [InlineData("Line one\r\n\r\nLine two.", 2)]
    [InlineData("Wait... what?! Really.", 3)]
    [InlineData("Your pocket money goes up to £2.50 a week.", 1)]
    [InlineData("Bring something to do, e.g. a book or a game, i.e. something quiet.", 1)]
    [InlineData("Look at www.gov.uk for more.", 1)]
    [InlineData("\"Can I stay?\" you asked. Yes.", 3)]
    public void Sentences_end_at_full_stops_question_and_exclamation_marks_and_line_breaks(string text, int expected)
    {
        Assert.Equal(expected, ReadingEase.Measure(text).Sentences);
    }

    [Theory]
    [InlineData("The child's well-being matters.", 4)]
    [InlineData("You will be 16 on 3 May.", 7)]
    [InlineData("It costs £1,000.50 at 10:30.", 5)]
    [InlineData("Mum & Dad - and Gran.", 4)]
    public void Words_keep_their_apostrophes_hyphens_and_numbers_together(string text, int expected)
    {
        Assert.Equal(expected, ReadingEase.Measure(text).Words);
    }

    [Fact]
    public void A_number_counts_as_one_syllable()
    {
        var result = ReadingEase.Measure("You will be 16 on 3 May.");

        Assert.Equal(7, result.Syllables);
    }

    [Theory]
    [InlineData("cat", 1)]
    [InlineData("the", 1)]
    [InlineData("you", 1)]
    [InlineData("home", 1)]
    [InlineData("school", 1)]
    [InlineData("looked", 1)]
    [InlineData("makes", 1)]
    [InlineData("child's", 1)]
    [InlineData("don't", 1)]
    [InlineData("LAC", 1)] // an acronym with a vowel is read as a word
    [InlineData("16", 1)] // numbers: one syllable, by convention
    [InlineData("table", 2)] // consonant + "le"
    [InlineData("little", 2)]
    [InlineData("people", 2)]
    [InlineData("centre", 2)] // consonant + "re"
    [InlineData("centres", 2)]
    [InlineData("placement", 2)] // the silent "e" stays silent before "-ment"
    [InlineData("safety", 2)]
    [InlineData("social", 2)]
    [InlineData("question", 2)]
    [InlineData("wanted", 2)] // "-ed" after "t"
    [InlineData("handled", 2)]
    [InlineData("agreed", 2)]
    [InlineData("places", 2)] // "-es" after a hissing sound
    [InlineData("being", 2)]
    [InlineData("beyond", 2)]
    [InlineData("issue", 2)]
    [InlineData("didn't", 2)]
    [InlineData("sibling", 2)]
    [InlineData("every", 2)] // ev-ry, as most people say it
    [InlineData("something", 2)]
    [InlineData("CP", 2)] // no vowel: spelt out
    [InlineData("reviewing", 3)]
    [InlineData("family", 3)]
    [InlineData("carefully", 3)]
    [InlineData("continue", 3)]
    [InlineData("period", 3)]
    [InlineData("actual", 3)]
    [InlineData("permanence", 3)]
    [InlineData("assessment", 3)]
    [InlineData("well-being", 3)] // the sum of its parts
    [InlineData("NHS", 3)]
    [InlineData("behaviour", 3)]
    [InlineData("independent", 4)]
    [InlineData("education", 4)]
    [InlineData("statutory", 4)]
    [InlineData("facilitate", 4)]
    [InlineData("reunification", 6)]
    public void Syllables_are_counted_by_an_english_heuristic(string word, int expected)
    {
        Assert.Equal(expected, ReadingEase.Syllables(word));
    }

    [Theory]
    [InlineData(121.2, "Very easy")]
    [InlineData(90.0, "Very easy")]
    [InlineData(89.9, "Easy")]
    [InlineData(80.0, "Easy")]
    [InlineData(79.9, "Fairly easy")]
    [InlineData(70.0, "Fairly easy")]
    [InlineData(69.9, "Plain English")]
    [InlineData(60.0, "Plain English")]
    [InlineData(59.9, "Fairly difficult")]
    [InlineData(50.0, "Fairly difficult")]
    [InlineData(49.9, "Difficult")]
    [InlineData(30.0, "Difficult")]
    [InlineData(29.9, "Very difficult")]
    [InlineData(-15.0, "Very difficult")]
    public void The_score_is_described_in_the_flesch_bands(double score, string expected)
    {
        var result = new ReadingEaseResult(Sentences: 1, Words: 1, Syllables: 1, score, LongSentences: []);

        Assert.Equal(expected, result.Band);
    }
}
