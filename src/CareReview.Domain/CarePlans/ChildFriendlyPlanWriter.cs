using CareReview.Domain.Children;
using CareReview.Domain.Reviews;

namespace CareReview.Domain.CarePlans;

/// <summary>
/// A first draft of the care plan written to the child, from the current plan and the latest review,
/// for the writer to edit before it is shared. It is plain text in "you" and "we" (the council), with
/// short headings on their own lines and a blank line between parts.
/// </summary>
/// <remarks>
/// <para>Every sentence the writer makes up itself has at most <see cref="MaxWords"/> words for the band.
/// Text taken from the record (a plan section, the child's words, an agreed action) is someone else's
/// writing, so it is never reworded: a younger child gets only the first sentence or two of a section.</para>
/// <para>The plan's own words are written about the child, not to them; the writer turns them into
/// "you" when editing.</para>
/// </remarks>
public static class ChildFriendlyPlanWriter
{
    /// <summary>The most words in a sentence the writer makes up itself, for each band.</summary>
    public static int MaxWords(AgeBand band) => band switch
    {
        AgeBand.Under8 => 12,
        AgeBand.From8To12 => 16,
        _ => 20,
    };

    /// <summary>How many open actions "What happens next" lists, soonest first; null for all of them.</summary>
    private static int? NextActionsShown(AgeBand band) => band switch
    {
        AgeBand.Under8 => 3,
        AgeBand.From8To12 => 5,
        _ => null,
    };

    public static string Draft(Child child, AgeBand band, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(child);
        var plan = child.CurrentCarePlan
            ?? throw new DomainRuleException("Write the care plan before writing it for the child", "Text");
        var latestReview = child.Reviews.Where(r => r.IsHeld).MaxBy(r => r.HeldOn);

        List<string>[] parts =
        [
            [$"Dear {child.GivenName},"],
            Opening(band),
            Part("Where you live", WhereYouLive(child, plan, band)),
            Part("People who help you", PeopleWhoHelp(child, band)),
            Part("Seeing your family", Excerpt(plan.Text(CarePlanSection.Contact), band)),
            Part("School", Excerpt(plan.Text(CarePlanSection.PersonalEducationPlan), band)),
            Part("Your health", Excerpt(plan.Text(CarePlanSection.HealthPlan), band)),
            Part("What you told us", WhatYouTold(latestReview, band)),
            Part("What we are doing", WhatWeAgreed(latestReview, band, today)),
            Part("What happens next", WhatHappensNext(child, band, today)),
        ];
        return string.Join("\n\n", parts.Where(p => p.Count > 0).Select(p => string.Join('\n', p)));
    }

    private static List<string> Part(string heading, IEnumerable<string> lines)
    {
        var body = lines.ToList();
        return body.Count == 0 ? [] : [heading, .. body];
    }

    private static List<string> Opening(AgeBand band) => band switch
    {
        AgeBand.Under8 =>
        [
            "This is your plan. It says how we will look after you.",
            "We are the council. Our job is to look after you and keep you safe.",
        ],
        AgeBand.From8To12 =>
        [
            "This is your plan. It says where you live, who helps you and what happens next.",
            "When we say \"we\", we mean the council, which looks after you.",
        ],
        _ =>
        [
            "This is your care plan, written for you.",
            "It sets out where you live, who supports you, and what happens next.",
            "When we say \"we\", we mean the council, which is responsible for your care.",
        ],
    };

    private static IEnumerable<string> WhereYouLive(Child child, CarePlanVersion plan, AgeBand band)
    {
        var placement = child.CurrentEpisode?.PlacementType;
        if (placement is { } type)
        {
            yield return Home(type);
        }

        var livingWithAdopters = placement is PlacementType.A3 or PlacementType.A4 or PlacementType.A5 or PlacementType.A6;
        foreach (var line in LongTermPlan(plan.Permanence, band, livingWithAdopters, child.SocialWorker?.Name))
        {
            yield return line;
        }

        foreach (var line in Excerpt(plan.Text(CarePlanSection.Permanence), band))
        {
            yield return line;
        }
    }

    /// <summary>The SSDA903 placement type in words a child uses, short enough for the youngest band.</summary>
    private static string Home(PlacementType type) => type switch
    {
        PlacementType.U1 or PlacementType.U2 or PlacementType.U3 => "You live with family or friends who are your foster carers.",
        PlacementType.U4 or PlacementType.U5 or PlacementType.U6 => "You live with foster carers.",
        PlacementType.K2 => "You live in a children's home.",
        PlacementType.P1 => "You live at home with your family.",
        PlacementType.R1 => "You live in a home where staff look after you.",
        PlacementType.S1 => "You live at your school, and sleep there too.",
        PlacementType.K3 or PlacementType.Z11 or PlacementType.Z12 or PlacementType.Z13 or PlacementType.Z14 =>
            "You live in supported housing, with staff to help you.",
        PlacementType.A3 or PlacementType.A5 => "You live with your foster carers, who plan to adopt you.",
        PlacementType.A4 or PlacementType.A6 => "You live with the family who plan to adopt you.",

        // Secure homes, hospital, custody and the temporary codes need the writer's own words.
        _ => "We check that where you live now is right for you.",
    };

    private static IEnumerable<string> LongTermPlan(IReadOnlyList<PermanenceOption> options, AgeBand band, bool livingWithAdopters,
        string? socialWorker)
    {
        var aims = options.Where(o => o != PermanenceOption.OTHERPLN).Select(o => Aim(o, band, livingWithAdopters)).ToList();
        var otherPlan = options.Contains(PermanenceOption.OTHERPLN);
        if (aims.Count == 0)
        {
            return [$"{(socialWorker is null ? "We" : FirstName(socialWorker))} will talk with you about the plan for your future."];
        }

        if (aims.Count == 1 && !otherPlan)
        {
            var lead = band switch
            {
                AgeBand.Under8 => "We plan for you to",
                AgeBand.From8To12 => "The plan is for you to",
                _ => "The long-term plan is for you to",
            };
            return [$"{lead} {aims[0]}."];
        }

        // Parallel planning: the child is told that more than one future is being worked towards at once.
        var lines = new List<string>
        {
            band switch
            {
                AgeBand.Under8 => "We have more than one plan for you.",
                AgeBand.From8To12 => "We are working on more than one plan for you at the same time.",
                _ => "We are working on more than one plan at the same time, so that you are settled sooner.",
            },
        };
        lines.AddRange(aims.Select(a => $"- {Capitalise(a)}."));
        if (otherPlan)
        {
            lines.Add("- Something else, which we will talk with you about.");
        }

        lines.Add("We will tell you when we decide.");
        return lines;
    }

    /// <summary>
    /// What a permanence option means for the child, to follow "for you to". The youngest band's words
    /// leave room for the lead-in within twelve words.
    /// </summary>
    private static string Aim(PermanenceOption option, AgeBand band, bool livingWithAdopters) => band == AgeBand.Under8
        ? option switch
        {
            PermanenceOption.REMAINSUP => "live with your family, with short breaks",
            PermanenceOption.RETURN1M => "go back home soon",
            PermanenceOption.RETURN6M => "go back home in a few months",
            PermanenceOption.RETURNEV => "go back home one day",
            PermanenceOption.LTRELFR => "grow up with family or friends",
            PermanenceOption.LTFOST18 => "grow up with your foster family",
            PermanenceOption.RESPLMT => "grow up in a home with staff",
            PermanenceOption.SUPPLIV => "live with people who help you",
            PermanenceOption.ADOPTION => livingWithAdopters ? "be adopted by your new forever family" : "be adopted by a new forever family",
            _ => "have a plan we will talk with you about",
        }
        : option switch
        {
            PermanenceOption.REMAINSUP => "keep living with your family, with short breaks to help",
            PermanenceOption.RETURN1M => "go back home to live with your family within a month",
            PermanenceOption.RETURN6M => "go back home to live with your family within six months",
            PermanenceOption.RETURNEV => "go back home to live with your family one day",
            PermanenceOption.LTRELFR => "grow up living with family or friends who look after you",
            PermanenceOption.LTFOST18 => "stay with your foster family until you are grown up",
            PermanenceOption.RESPLMT => "live in a home with staff until you are grown up",
            PermanenceOption.SUPPLIV => "live on your own, with people to help and support you",
            PermanenceOption.ADOPTION => livingWithAdopters
                ? "be adopted by the family you live with now"
                : "be adopted by a new forever family",
            _ => "have a plan we will talk with you about",
        };

    private static IEnumerable<string> PeopleWhoHelp(Child child, AgeBand band)
    {
        if (child.SocialWorker is { } socialWorker)
        {
            var (name, first) = (socialWorker.Name, FirstName(socialWorker.Name));
            yield return $"{name} is your social worker.";
            yield return band switch
            {
                AgeBand.Under8 => $"{first} comes to see you and checks you are okay.",
                AgeBand.From8To12 => $"{first} visits you, listens to you and helps make your plan happen.",
                _ => $"{first} visits you, listens to you and makes sure your plan happens.",
            };
        }

        if (child.Iro is { } iro)
        {
            var (name, first) = (iro.Name, FirstName(iro.Name));

            // "IRO" is a word the child will hear, so it is always given with what it means.
            IEnumerable<string> lines = band switch
            {
                AgeBand.Under8 =>
                [
                    $"{name} checks your plan is working for you (your IRO).",
                    $"{first} makes sure the grown-ups do what they promised.",
                ],
                AgeBand.From8To12 =>
                [
                    $"{name} is your independent reviewing officer (IRO).",
                    $"{first} checks that your plan is working and that we keep our promises.",
                    $"{first} runs your review meetings and wants to hear what you think.",
                ],
                _ =>
                [
                    $"{name} is your Independent Reviewing Officer (IRO).",
                    $"{first} is not part of your social work team, and checks that we do what your plan says.",
                    $"{first} runs your review meetings and can challenge us if your plan is not working.",
                    $"You can get in touch with {first} at any time.",
                ],
            };
            foreach (var line in lines)
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<string> WhatYouTold(Review? latest, AgeBand band)
    {
        if (string.IsNullOrWhiteSpace(latest?.ChildWishesAndFeelings))
        {
            return [];
        }

        // The child's own words are given whole, in every band: they are what the child will look for.
        var words = string.Join(' ', Lines(latest.ChildWishesAndFeelings));
        return
        [
            $"You told us: {EndSentence(words)}",
            band == AgeBand.Under8 ? "Thank you for telling us." : "Thank you for telling us what you think.",
        ];
    }

    private static IEnumerable<string> WhatWeAgreed(Review? latest, AgeBand band, DateOnly today)
    {
        if (latest is not { HeldOn: { } heldOn } || latest.Recommendations.Count == 0)
        {
            return [];
        }

        return
        [
            $"At your review meeting on {GovukDate.Format(heldOn)}, we agreed these things.",
            .. latest.Recommendations.Select(r => Agreed(r, band, today)),
        ];
    }

    private static string Agreed(Recommendation recommendation, AgeBand band, DateOnly today)
    {
        var action = recommendation.Action.Trim().TrimEnd('.');
        var owner = recommendation.OwnerName;
        var outcome = recommendation.Status switch
        {
            RecommendationStatus.Done => "this is done",
            RecommendationStatus.Dropped => "we decided it is no longer needed",
            RecommendationStatus.CarriedForward => "we are still working on this",
            _ when recommendation.IsOverdueOn(today) => $"{owner} should have done this by {GovukDate.Format(recommendation.DueOn)}",
            _ => $"{owner} will do this by {GovukDate.Format(recommendation.DueOn)}",
        };
        var oneSentence = $"We agreed: {action} — {outcome}.";

        // Too long for the band as one sentence, the outcome becomes a sentence of its own.
        return WordCount(oneSentence) <= MaxWords(band) ? oneSentence : $"We agreed: {EndSentence(action)} {Capitalise(outcome)}.";
    }

    private static IEnumerable<string> WhatHappensNext(Child child, AgeBand band, DateOnly today)
    {
        var lines = new List<string>();
        if (child.OpenReview?.ScheduledFor is { } scheduled && scheduled >= today)
        {
            lines.Add($"Your next review meeting is on {GovukDate.Format(scheduled)}.");
        }
        else if (child.NextReviewDueOn is { } due)
        {
            lines.Add($"Your next review meeting will be by {GovukDate.Format(due)}.");
        }

        if (lines.Count > 0)
        {
            lines.Add(band == AgeBand.Under8
                ? "It is a meeting to check your plan with you."
                : "Tell us who you would like there, and where.");
        }

        var open = child.Recommendations
            .Where(r => r.IsOpen)
            .OrderBy(r => r.DueOn)
            .ThenBy(r => r.MadeOn)
            .ThenBy(r => r.Action, StringComparer.Ordinal)
            .ToList();
        var shown = open.Take(NextActionsShown(band) ?? open.Count).ToList();
        if (shown.Count > 0)
        {
            lines.Add("This is what will happen next:");
            lines.AddRange(shown.Select(r =>
            {
                var line = $"- {(r.IsOverdueOn(today) ? "Was due by" : "By")} {GovukDate.Format(r.DueOn)}: {r.Action.Trim().TrimEnd('.')}";

                // The owner was named under "What we are doing", so a line too long for the band can do without.
                var withOwner = $"{line} ({r.OwnerName}).";
                return WordCount(withOwner) <= MaxWords(band) ? withOwner : $"{line}.";
            }));
        }

        if (open.Count > shown.Count)
        {
            lines.Add("Your social worker can tell you about the other things we agreed.");
        }

        string[] people = [.. new[] { child.SocialWorker?.Name, child.Iro?.Name }.OfType<string>().Select(FirstName)];
        var talkTo = people.Length == 0 ? "us" : string.Join(" or ", people);
        lines.AddRange(band switch
        {
            AgeBand.Under8 => [$"If you are worried, you can tell {talkTo}."],
            AgeBand.From8To12 => [$"If you are worried, or want your plan to change, talk to {talkTo}."],
            _ =>
            [
                $"If you are unhappy with your plan or want something changed, talk to {talkTo}.",
                "You can also ask for an advocate, someone who helps you say what you want.",
            ],
        });
        return lines;
    }

    /// <summary>
    /// A plan section cut to suit the band: the first sentence for the youngest, the first two for
    /// 8 to 12, and the whole text from 13.
    /// </summary>
    private static IEnumerable<string> Excerpt(string text, AgeBand band)
    {
        var lines = Lines(text);
        if (band == AgeBand.From13 || lines.Length == 0)
        {
            return lines;
        }

        var sentences = lines
            .Select(l => l.TrimStart('-', '*', '•', ' '))
            .SelectMany(Sentences)
            .Take(band == AgeBand.Under8 ? 1 : 2)
            .Select(EndSentence);
        return [string.Join(' ', sentences)];
    }

    /// <summary>A text's non-blank lines, so that a blank line in the record cannot split a part of the draft.</summary>
    private static string[] Lines(string text) =>
        text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Sentences end at . ! or ? before a space or the end of the line, so "2.5" and "3pm." read as written.</summary>
    private static IEnumerable<string> Sentences(string line)
    {
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is '.' or '!' or '?' && (i + 1 == line.Length || char.IsWhiteSpace(line[i + 1])))
            {
                var sentence = line[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        var rest = line[start..].Trim();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    private static int WordCount(string sentence) =>
        sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    /// <summary>Adds a full stop unless the text already ends a sentence, perhaps inside a closing quote or bracket.</summary>
    private static string EndSentence(string text)
    {
        var bare = text.TrimEnd('"', '\'', ')', '\u201D', '\u2019');
        return bare.Length > 0 && bare[^1] is '.' or '!' or '?' ? text : text + ".";
    }

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
