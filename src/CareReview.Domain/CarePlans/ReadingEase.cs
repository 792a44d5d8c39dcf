using System.Text.RegularExpressions;

namespace CareReview.Domain.CarePlans;

/// <summary>
/// How easy a text is to read. <see cref="FleschReadingEase"/> is the raw Flesch score: it is not
/// clamped, so a very short, plain text can score over 100 and a dense one below 0. A text with no
/// words scores 0, and its <see cref="Band"/> is "No text" rather than "Very difficult".
/// </summary>
public sealed record ReadingEaseResult(int Sentences, int Words, int Syllables, double FleschReadingEase, IReadOnlyList<string> LongSentences)
{
    /// <summary>The Flesch band in plain words, from "Very easy" (90 and over) to "Very difficult" (under 30).</summary>
    public string Band => Words == 0
        ? "No text"
        : FleschReadingEase switch
        {
            >= 90 => "Very easy",
            >= 80 => "Easy",
            >= 70 => "Fairly easy",
            >= 60 => "Plain English",
            >= 50 => "Fairly difficult",
            >= 30 => "Difficult",
            _ => "Very difficult",
        };
}

/// <summary>
/// The Flesch reading ease of a text written for a child, and the sentences that are too long.
/// Flesch reading ease = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words).
/// </summary>
/// <remarks>
/// <para><b>Sentences</b> end at a full stop, exclamation mark, question mark or ellipsis, and at every
/// line break, so a bullet point without a full stop is a sentence of its own. A full stop inside a
/// number ("2.5"), inside a word ("gov.uk") or closing an abbreviation with full stops ("e.g.", "i.e.")
/// does not end a sentence. Pieces with no words in them (a bullet mark, "...") are ignored.</para>
/// <para><b>Words</b> are runs of letters and digits. An apostrophe or hyphen between letters keeps them
/// one word ("child's", "well-being"); a full stop, comma or colon between digits keeps a number one
/// word ("2.5", "1,000", "10:30").</para>
/// <para><b>Syllables</b> come from <see cref="Syllables(string)"/>, a heuristic that is right for most
/// everyday words and documented there. Numbers count as one syllable each, the usual convention in
/// readability tools, although "16" is said in two.</para>
/// </remarks>
public static partial class ReadingEase
{
    /// <summary>Sentences longer than this many words are listed as long, unless the caller says otherwise.</summary>
    public const int DefaultLongSentenceWords = 20;

    private static readonly char[] s_listMarks = ['-', '*', '•', '◦', '▪', '–', '—', '·', ' ', '\t'];
    private static readonly char[] s_hyphens = ['-', '‐', '‑'];

    /// <summary>
    /// Whole words whose syllables the rules below get wrong, mostly compounds with a silent "e" inside
    /// ("something") and vowels said apart ("idea"). "Every" is taken as two syllables ("ev-ry"), as most
    /// people say it.
    /// </summary>
    private static readonly Dictionary<string, int> s_exceptions = new(StringComparer.Ordinal)
    {
        ["every"] = 2,
        ["everyone"] = 3,
        ["everything"] = 3,
        ["everybody"] = 4,
        ["everywhere"] = 3,
        ["anyone"] = 3,
        ["someone"] = 2,
        ["something"] = 2,
        ["sometimes"] = 2,
        ["somewhere"] = 2,
        ["homework"] = 2,
        ["therefore"] = 2,
        ["whereas"] = 2,
        ["business"] = 2,
        ["businesses"] = 3,
        ["behaviour"] = 3,
        ["behaviours"] = 3,
        ["create"] = 2,
        ["created"] = 3,
        ["creates"] = 2,
        ["creating"] = 3,
        ["area"] = 3,
        ["areas"] = 3,
        ["idea"] = 3,
        ["ideas"] = 3,
        ["quiet"] = 2,
        ["science"] = 2,
        ["client"] = 2,
        ["clients"] = 2,
        ["experience"] = 4,
        ["wednesday"] = 2,
        ["reunification"] = 6,
    };

    /// <summary>
    /// Endings that start with a consonant, with their syllables. The word before them is counted on its
    /// own, so it keeps its silent "e" ("place|ment", "care|ful", "safe|ty").
    /// </summary>
    private static readonly (string Ending, int Syllables)[] s_consonantEndings =
    [
        ("ments", 1), ("ment", 1), ("ness", 1), ("less", 1), ("fully", 2), ("ful", 1), ("ly", 1), ("ty", 1),
    ];

    /// <summary>Measures a text. <paramref name="longSentenceWords"/> is the most words a sentence may have before it is listed as long.</summary>
    public static ReadingEaseResult Measure(string text, int longSentenceWords = DefaultLongSentenceWords)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(longSentenceWords, 1);

        int sentences = 0, words = 0, syllables = 0;
        var longSentences = new List<string>();
        foreach (var sentence in SplitIntoSentences(text))
        {
            var sentenceWords = WordPattern().Matches(sentence);
            if (sentenceWords.Count == 0)
            {
                continue;
            }

            sentences++;
            words += sentenceWords.Count;
            syllables += sentenceWords.Sum(word => Syllables(word.Value));
            if (sentenceWords.Count > longSentenceWords)
            {
                longSentences.Add(sentence.TrimStart(s_listMarks));
            }
        }

        // No words: score 0 rather than dividing by zero.
        var score = words == 0
            ? 0
            : 206.835 - (1.015 * ((double)words / sentences)) - (84.6 * ((double)syllables / words));
        return new ReadingEaseResult(sentences, words, syllables, score, longSentences);
    }

    /// <summary>
    /// The syllables in one word, by an English heuristic: good enough for a readability score, not a
    /// dictionary. At least 1 for any word with a letter or digit in it, and 0 for one with neither.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item>A hyphenated word is the sum of its parts ("well-being" = 1 + 2). An apostrophe is dropped
    /// ("child's" = 1), except that "n't" after a consonant is a syllable of its own ("didn't" = 2).</item>
    /// <item>Anything with a digit in it is one syllable ("16", "2.5", "16th").</item>
    /// <item>A word in capitals with no vowel is spelt out, a syllable a letter ("CP" = 2, "NHS" = 3),
    /// with W as three. Acronyms with vowels are counted as words ("LAC" = 1).</item>
    /// <item>Otherwise, each group of vowels (a, e, i, o, u, and y except first or before a vowel) is a
    /// syllable, except that "ia", "io" and "ua" after most consonants are two ("pe-ri-od", "ac-tu-al",
    /// but "so-cial", "ques-tion", "lan-guage").</item>
    /// <item>A final "e" after a consonant is silent ("home" = 1), but not in a consonant + "le" or "re"
    /// ending ("ta-ble", "cen-tre"), and never when it is the only vowel ("the" = 1).</item>
    /// <item>Endings: "-ment", "-ness", "-less", "-ful", "-ly" and "-ty" add a syllable to the word
    /// before them, which keeps its own silent "e" ("place-ment" = 2, "safe-ty" = 2). "-ing" adds one
    /// ("re-view-ing" = 3). "-ed" adds one only after "t" or "d" ("want-ed", but "looked" = 1), and
    /// "-es" only after a hissing sound ("plac-es", but "makes" = 1); both add one after a consonant +
    /// "l" or "r" ("han-dled", "ta-bles", "cen-tres").</item>
    /// <item>A short list of exceptions covers common words the rules get wrong ("every" = 2,
    /// "something" = 2, "idea" = 3, "reunification" = 6).</item>
    /// </list>
    /// </remarks>
    public static int Syllables(string word)
    {
        ArgumentNullException.ThrowIfNull(word);

        var total = 0;
        var any = false;
        foreach (var part in word.Split(s_hyphens, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Any(char.IsLetterOrDigit))
            {
                any = true;
                total += PartSyllables(part);
            }
        }

        return any ? Math.Max(1, total) : 0;
    }

    private static int PartSyllables(string part)
    {
        if (part.Any(char.IsDigit))
        {
            return 1;
        }

        var letters = new string([.. part.Where(char.IsLetter)]);
        if (letters.Length >= 2 && letters.All(char.IsUpper) && !letters.Any(c => IsVowelLetter(char.ToLowerInvariant(c))))
        {
            return letters.Sum(c => c is 'W' ? 3 : 1);
        }

        var lower = part.ToLowerInvariant().Replace('’', '\'');
        if (lower.Length > 3 && lower.EndsWith("n't", StringComparison.Ordinal) && IsConsonant(lower[^4]))
        {
            return Count(lower[..^3]) + 1;
        }

        return Count(lower.Replace("'", "", StringComparison.Ordinal));
    }

    private static int Count(string word)
    {
        if (s_exceptions.TryGetValue(word, out var known))
        {
            return known;
        }

        foreach (var (ending, syllables) in s_consonantEndings)
        {
            if (Stem(word, ending) is { } stem)
            {
                return Count(stem) + syllables;
            }
        }

        if (Stem(word, "ing") is { } ing)
        {
            return VowelGroups(ing) + 1;
        }

        if (Stem(word, "ed") is { } ed)
        {
            return VowelGroups(ed) + (ed[^1] is 't' or 'd' || EndsInConsonantThenLOrR(ed) ? 1 : 0);
        }

        if (Stem(word, "es") is { } es)
        {
            var hissing = es[^1] is 's' or 'x' or 'z' or 'c' or 'g' || es.EndsWith("ch", StringComparison.Ordinal) || es.EndsWith("sh", StringComparison.Ordinal);
            return VowelGroups(es) + (hissing || EndsInConsonantThenLOrR(es) ? 1 : 0);
        }

        var groups = VowelGroups(word);
        if (groups > 1 && word.Length >= 2 && word[^1] == 'e' && IsConsonant(word[^2]) && !EndsInConsonantThenLOrR(word[..^1]))
        {
            groups--;
        }

        return Math.Max(1, groups);
    }

    /// <summary>The word without the ending, if it has the ending and a vowel is left.</summary>
    private static string? Stem(string word, string ending)
    {
        if (word.Length < ending.Length + 2 || !word.EndsWith(ending, StringComparison.Ordinal))
        {
            return null;
        }

        var stem = word[..^ending.Length];
        return VowelGroups(stem) > 0 ? stem : null;
    }

    private static int VowelGroups(string word)
    {
        var groups = 0;
        var inGroup = false;
        for (var i = 0; i < word.Length; i++)
        {
            var vowel = IsVowel(word, i);
            if (vowel && (!inGroup || SaidApart(word, i)))
            {
                groups++;
            }

            inGroup = vowel;
        }

        return groups;
    }

    private static bool IsVowel(string word, int i) => word[i] switch
    {
        'a' or 'e' or 'i' or 'o' or 'u' => true,
        'y' => i > 0 && !(i + 1 < word.Length && IsVowelLetter(word[i + 1]) && word[i + 1] != 'y'),
        _ => false,
    };

    /// <summary>"ia" and "io" after most consonants ("pe-ri-od"), and "ua" except after q and g ("ac-tu-al").</summary>
    private static bool SaidApart(string word, int i)
    {
        if (i < 2 || !IsConsonant(word[i - 2]))
        {
            return false;
        }

        var pair = (word[i - 1], word[i]);
        return pair switch
        {
            ('i', 'a' or 'o') => word[i - 2] is not ('c' or 'g' or 'l' or 'n' or 's' or 't' or 'x'),
            ('u', 'a') => word[i - 2] is not ('q' or 'g'),
            _ => false,
        };
    }

    /// <summary>"table", "centre": a consonant, then "l" or "r" as the last letter (before any final "e").</summary>
    private static bool EndsInConsonantThenLOrR(string word) =>
        word.Length >= 2 && word[^1] is 'l' or 'r' && IsConsonant(word[^2]) && word[^2] != word[^1] && word[^2] is not ('l' or 'r');

    private static bool IsVowelLetter(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool IsConsonant(char c) => char.IsLetter(c) && !IsVowelLetter(c);

    private static List<string> SplitIntoSentences(string text)
    {
        var sentences = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                sentences.Add(text[start..i].Trim());
                start = ++i;
            }
            else if (EndsSentence(text, i))
            {
                // Take the rest of "?!" or "..." and any closing quote or bracket with the sentence.
                var end = i + 1;
                while (end < text.Length && text[end] is '.' or '!' or '?' or '…' or '"' or '\'' or '’' or '”' or ')' or ']')
                {
                    end++;
                }

                sentences.Add(text[start..end].Trim());
                start = i = end;
            }
            else
            {
                i++;
            }
        }

        sentences.Add(text[start..].Trim());
        return sentences;
    }

    private static bool EndsSentence(string text, int i)
    {
        switch (text[i])
        {
            case '!' or '?' or '…':
                return true;
            case '.':
                if (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                {
                    return false; // 2.5, gov.uk, the first stop in e.g.
                }

                // The last stop in "e.g." or "i.e.": the letters before it follow another stop.
                var first = i;
                while (first > 0 && char.IsLetter(text[first - 1]))
                {
                    first--;
                }

                return !(first < i && first > 0 && text[first - 1] == '.');
            default:
                return false;
        }
    }

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+(?:(?:['’\-‐‑]|(?<=\p{N})[.,:](?=\p{N}))[\p{L}\p{M}\p{N}]+)*")]
    private static partial Regex WordPattern();
}
