using System.Text.RegularExpressions;

namespace CareReview.Domain.CarePlans;

/// <summary>A care-system word or phrase, and what to say instead to a child.</summary>
public sealed record Jargon(string Term, string Plain);

/// <summary>A jargon term found in a text: as it was first written there, the plain alternative, and how many times it appears.</summary>
public sealed record JargonFound(string Term, string Plain, int Count);

/// <summary>
/// Care-system jargon in a plan written for a child, with plain words a child would understand.
/// </summary>
/// <remarks>
/// <para>Terms match whole words and phrases, ignoring case, with any spaces, line breaks or hyphens
/// between their words, and with the usual endings ("placements", "contacted", "commencing"). A term
/// written in capitals is an acronym and matches only in capitals ("LAC", never "lac" or "black"), with
/// an optional plural "s" ("PEPs").</para>
/// <para>The longest term wins: where terms overlap, only the longest is reported, so "placement
/// breakdown" is found rather than "placement" inside it.</para>
/// <para>"IRO" is the one acronym a child in care needs to know: their IRO is a person they will meet.
/// It is not flagged once the text explains it with the acronym in brackets, as in "the person who
/// checks your plan is working for you (your IRO)" or "... (IRO)". "Review" is a plain word and is
/// not on the list.</para>
/// </remarks>
public static partial class PlainWords
{
    private const string IroPlain = "the person who checks your plan is working for you (your IRO)";
    private const string AChildInCare = "a child in care";
    private const string ChildrenInCare = "children in care";
    private const string SchoolPlan = "your school plan";
    private const string ChildInNeed = "a child who gets extra help from a social worker";
    private const string KeepingSafe = "keeping you safe from harm";
    private const string SectionTwenty = "your parents agreed you could live somewhere else for now";
    private const string ProblemSortedOut = "the way a problem with your plan gets sorted out";
    private const string MoreSenior = "taking a worry to someone more senior";

    /// <summary>The jargon, and the plain words to use instead.</summary>
    public static readonly IReadOnlyList<Jargon> Terms =
    [
        // Being in care
        new("looked after child", AChildInCare),
        new("looked after children", ChildrenInCare),
        new("child looked after", AChildInCare),
        new("children looked after", ChildrenInCare),
        new("LAC", AChildInCare),
        new("CLA", AChildInCare),
        new("corporate parent", "the council, which must look after you like a good parent"),
        new("legal status", "the reason the law says you are in care"),
        new("section 20", SectionTwenty),
        new("s20", SectionTwenty),
        new("care order", "a judge's decision that the council shares looking after you"),
        new("interim care order", "a judge's decision for now, until the court decides what is best"),
        new("special guardianship order", "a judge's decision that someone you know becomes your carer until you are 18"),
        new("Cafcass", "the people who help the court understand what is best for you"),
        new("child in need", ChildInNeed),
        new("CIN", ChildInNeed),
        new("child protection", KeepingSafe),
        new("CP", KeepingSafe),
        new("LADO", "the person who looks into worries about adults who work with children"),

        // Where you live and who you see
        new("placement", "the home where you live"),
        new("foster placement", "living with a foster family"),
        new("placement breakdown", "when living somewhere stopped working out and you had to move"),
        new("permanence", "a home where you can stay while you grow up"),
        new("reunification", "going back to live with your family"),
        new("respite", "a short stay somewhere else, so everyone gets a rest"),
        new("contact", "time with your family"),
        new("sibling", "brother or sister"),

        // Plans and the people who check them
        new("care plan", "your plan: what will happen and who will help you"),
        new("IRO", IroPlain),
        new("independent reviewing officer", IroPlain),
        new("assessment", "finding out what you need"),
        new("statutory", "the law says it must happen"),
        new("DRP", ProblemSortedOut),
        new("dispute resolution", ProblemSortedOut),
        new("escalation", MoreSenior),
        new("escalate", MoreSenior),

        // School
        new("personal education plan", SchoolPlan),
        new("PEP", SchoolPlan),
        new("designated teacher", "the teacher at school who makes sure you get the help you need"),
        new("virtual school", "the team that helps children in care do well at school"),

        // Growing up
        new("pathway plan", "your plan for growing up and moving on"),
        new("leaving care", "moving on as you become an adult"),
        new("care leaver", "a young person who used to be in care"),

        // Office words
        new("facilitate", "help, or make happen"),
        new("implement", "do, or carry out"),
        new("in order to", "to"),
        new("commence", "start"),
        new("therefore", "so"),
        new("regarding", "about"),
        new("in relation to", "about"),
        new("with regard to", "about"),
        new("prior to", "before"),
        new("subsequently", "after that"),
        new("ensure", "make sure"),
        new("utilise", "use"),
        new("additionally", "also"),
    ];

    /// <summary>Acronyms that are fine once the text explains them with the acronym in brackets.</summary>
    private static readonly string[] s_fineOnceExplained = ["IRO"];

    /// <summary>Every term's pattern, longest term first so it claims its words before a shorter overlap.</summary>
    private static readonly (Jargon Jargon, Regex Pattern, Regex? Explained)[] s_patterns =
    [
        .. Terms
            .OrderByDescending(jargon => jargon.Term.Length)
            .ThenBy(jargon => jargon.Term, StringComparer.Ordinal)
            .Select(jargon => (jargon, PatternFor(jargon.Term), ExplanationFor(jargon.Term))),
    ];

    /// <summary>
    /// The jargon in a text, each term once with how many times it appears, in the order each was first
    /// used. <see cref="JargonFound.Term"/> is the term as it was first written there.
    /// </summary>
    public static IReadOnlyList<JargonFound> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        var claimed = new bool[text.Length];
        var found = new List<(int FirstAt, JargonFound Found)>();
        foreach (var (jargon, pattern, explained) in s_patterns)
        {
            if (explained?.IsMatch(text) == true)
            {
                continue;
            }

            var count = 0;
            var firstAt = -1;
            var asWritten = "";
            foreach (Match match in pattern.Matches(text))
            {
                var words = claimed.AsSpan(match.Index, match.Length);
                if (words.Contains(true))
                {
                    continue; // part of a longer term already found
                }

                words.Fill(true);
                if (count++ == 0)
                {
                    firstAt = match.Index;
                    asWritten = Whitespace().Replace(match.Value, " ");
                }
            }

            if (count > 0)
            {
                found.Add((firstAt, new JargonFound(asWritten, jargon.Plain, count)));
            }
        }

        return [.. found.OrderBy(f => f.FirstAt).Select(f => f.Found)];
    }

    private static bool IsAcronym(string term) =>
        term.Count(char.IsLetter) >= 2 && term.All(c => char.IsUpper(c) || char.IsDigit(c));

    private static Regex PatternFor(string term)
    {
        var acronym = IsAcronym(term);
        var words = string.Join(@"[\s\-‐‑]+", term.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
        var withEndings = term[^1] switch
        {
            _ when acronym => words + "s?",
            'e' => words[..^1] + "(?:e|es|ed|ing)",
            var c when char.IsLetter(c) => words + "(?:s|es|ed|ing)?",
            _ => words,
        };
        var options = RegexOptions.CultureInvariant | (acronym ? RegexOptions.None : RegexOptions.IgnoreCase);
        return new Regex($@"(?<![\p{{L}}\p{{M}}\p{{N}}]){withEndings}(?![\p{{L}}\p{{M}}\p{{N}}])", options);
    }

    private static Regex? ExplanationFor(string term) =>
        s_fineOnceExplained.Contains(term, StringComparer.Ordinal)
            ? new Regex($@"\(\s*(?:[Yy]our\s+)?{Regex.Escape(term)}\s*\)", RegexOptions.CultureInvariant)
            : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
