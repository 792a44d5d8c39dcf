using System.Text.RegularExpressions;
using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using static CareReview.Tests.Domain.Dates;
using static CareReview.Tests.Domain.ReviewFixtures;

namespace CareReview.Tests.Domain;

/// <summary>
/// The first draft of the care plan written to the child, in three age bands: "you" and "we", the
/// names of the people who help, where the child lives and the long-term plan in a child's words, what
/// the child said at the last review and what was agreed, and what happens next and when.
/// </summary>
/// <remarks>
/// Sam (born 14 March 2020) became looked after on 5 January 2026 with foster carers (U4). Alex Green is
/// the social worker and Priya Shah the IRO. The plan was made on 10 January; the first review was held
/// on 28 January, so the next is due by 28 April 2026. The draft is written on 16 February 2026. Every
/// plan section is one short sentence, so that lines copied from the plan are easy to tell apart.
/// </remarks>
public sealed class ChildFriendlyPlanWriterTests
{
    private const string Today = "2026-02-16";
    private const string ReviewHeld = "2026-01-28";
    private const string ChildsWords = "I want to see my brother more";

    private static readonly Dictionary<CarePlanSection, string?> s_shortSections = new()
    {
        [CarePlanSection.Permanence] = "Sam will stay with Jo and Chris Hill.",
        [CarePlanSection.Contact] = "Sam sees Mum every Saturday at the family centre.",
        [CarePlanSection.PersonalEducationPlan] = "Sam goes to Oak Hill Primary School.",
        [CarePlanSection.HealthPlan] = "Sam is healthy and sees the dentist twice a year.",
    };

    private static Child Sam(PlacementType placement = PlacementType.U4, bool allocated = true,
        IReadOnlyList<PermanenceOption>? permanence = null, IReadOnlyDictionary<CarePlanSection, string?>? sections = null,
        IReadOnlyList<RecommendationDraft>? agreed = null)
    {
        var child = new Child("LOC-0042", "Sam", "Taylor", D("2020-03-14"), Sex.F);
        if (allocated)
        {
            child.Allocate(new StaffMember("Priya Shah", StaffRole.Iro), new StaffMember("Alex Green", StaffRole.SocialWorker), D("2026-01-05"), Rules, D("2026-01-05"));
        }

        child.BecomeLookedAfter(D("2026-01-05"), LegalStatus.C2, placement, CategoryOfNeed.N1, D("2026-01-05"), Rules);
        child.ChangeCarePlan(new CarePlanDraft(permanence ?? [PermanenceOption.LTFOST18], sections ?? s_shortSections, null),
            "Alex Green", D("2026-01-10"), Rules);
        child.RecordReview(
            new ReviewRecord(D(ReviewHeld), ParticipationCode.PN1, "Sam, carers, social worker, IRO", ChildsWords, null, null,
                new Dictionary<int, string>(), null),
            agreed ?? [], [], "Priya Shah", D(ReviewHeld), Rules);
        return child;
    }

    private static RecommendationDraft Agreed(string action, string dueOn, string owner = "Alex Green") =>
        new(action, owner, "Social worker", null, D(dueOn), "Told to the IRO");

    private static string Draft(Child child, AgeBand band) => ChildFriendlyPlanWriter.Draft(child, band, D(Today));

    /// <summary>The sentences of a draft, split on . ! ? and line breaks, with the lines copied from plan sections left out.</summary>
    private static IEnumerable<string> GeneratedSentences(string draft, IEnumerable<string?> copied) =>
        draft.Split('\n')
            .Where(line => !copied.Contains(line))
            .SelectMany(line => line.Split(['.', '!', '?'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static int Words(string sentence) =>
        sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(word => word.Any(char.IsLetterOrDigit));

    // ---- The three bands ------------------------------------------------------------------------

    [Fact]
    public void Each_band_reads_differently_and_the_youngest_gets_the_shortest_draft()
    {
        var child = Sam();

        var under8 = Draft(child, AgeBand.Under8);
        var from8 = Draft(child, AgeBand.From8To12);
        var from13 = Draft(child, AgeBand.From13);

        Assert.Equal(3, new[] { under8, from8, from13 }.Distinct().Count());
        Assert.True(under8.Length < from13.Length, $"Under 8 ({under8.Length}) should be shorter than 13 and over ({from13.Length})");
        Assert.Contains("This is your plan.", under8, StringComparison.Ordinal);
        Assert.Contains("This is your care plan", from13, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgeBand.Under8)]
    [InlineData(AgeBand.From8To12)]
    [InlineData(AgeBand.From13)]
    public void The_draft_greets_the_child_by_first_name_and_puts_short_headings_on_lines_of_their_own(AgeBand band)
    {
        var parts = Draft(Sam(agreed: [Agreed("Book a check-up at the dentist", "2026-03-01")]), band).Split("\n\n");

        Assert.Equal("Dear Sam,", parts[0]);
        Assert.Equal(
            new[] { "Where you live", "People who help you", "Seeing your family", "School", "Your health", "What you told us",
                "What we are doing", "What happens next" },
            parts.Skip(2).Select(part => part.Split('\n')[0]));
        Assert.All(parts, part => Assert.DoesNotContain("\n\n", part, StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_record_on_the_same_day_gives_the_same_draft()
    {
        var child = Sam(agreed: [Agreed("Book a check-up at the dentist", "2026-03-01"), Agreed("Find a swimming club", "2026-04-15")]);

        Assert.Equal(Draft(child, AgeBand.From8To12), Draft(child, AgeBand.From8To12));
    }

    // ---- People who help ------------------------------------------------------------------------

    [Theory]
    [InlineData(AgeBand.Under8, "Priya Shah checks your plan is working for you (your IRO).")]
    [InlineData(AgeBand.From8To12, "Priya Shah is your independent reviewing officer (IRO).")]
    [InlineData(AgeBand.From13, "Priya Shah is your Independent Reviewing Officer (IRO).")]
    public void The_social_worker_and_the_IRO_are_named_and_the_IRO_is_explained_for_the_band(AgeBand band, string iroLine)
    {
        var draft = Draft(Sam(), band);

        Assert.Contains("Alex Green is your social worker.", draft, StringComparison.Ordinal);
        Assert.Contains(iroLine, draft, StringComparison.Ordinal);
    }

    [Fact]
    public void The_IRO_is_explained_to_the_youngest_as_the_person_who_makes_the_grown_ups_keep_their_promises()
    {
        Assert.Contains("Priya makes sure the grown-ups do what they promised.", Draft(Sam(), AgeBand.Under8), StringComparison.Ordinal);
    }

    [Fact]
    public void Nobody_is_named_when_no_social_worker_or_IRO_is_allocated()
    {
        var draft = Draft(Sam(allocated: false), AgeBand.From8To12);

        Assert.DoesNotContain("People who help you", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Priya", draft, StringComparison.Ordinal);
        Assert.Contains("talk to us.", draft, StringComparison.Ordinal);
    }

    // ---- Where you live -------------------------------------------------------------------------

    [Theory]
    [InlineData(PlacementType.U4, "You live with foster carers.")]
    [InlineData(PlacementType.U1, "You live with family or friends who are your foster carers.")]
    [InlineData(PlacementType.K2, "You live in a children's home.")]
    [InlineData(PlacementType.P1, "You live at home with your family.")]
    [InlineData(PlacementType.R1, "You live in a home where staff look after you.")]
    [InlineData(PlacementType.S1, "You live at your school, and sleep there too.")]
    [InlineData(PlacementType.K3, "You live in supported housing, with staff to help you.")]
    [InlineData(PlacementType.Z12, "You live in supported housing, with staff to help you.")]
    [InlineData(PlacementType.A4, "You live with the family who plan to adopt you.")]
    [InlineData(PlacementType.A5, "You live with your foster carers, who plan to adopt you.")]
    [InlineData(PlacementType.T1, "We check that where you live now is right for you.")]
    public void Where_the_child_lives_is_said_in_plain_words(PlacementType placement, string expected)
    {
        var whereYouLive = Draft(Sam(placement), AgeBand.Under8).Split("\n\n")[2].Split('\n');

        Assert.Equal(new[] { "Where you live", expected }, whereYouLive.Take(2));
    }

    [Theory]
    [InlineData(PermanenceOption.LTFOST18, AgeBand.Under8, "We plan for you to grow up with your foster family.")]
    [InlineData(PermanenceOption.LTFOST18, AgeBand.From8To12, "The plan is for you to stay with your foster family until you are grown up.")]
    [InlineData(PermanenceOption.ADOPTION, AgeBand.Under8, "We plan for you to be adopted by a new forever family.")]
    [InlineData(PermanenceOption.RETURN6M, AgeBand.From13,
        "The long-term plan is for you to go back home to live with your family within six months.")]
    [InlineData(PermanenceOption.RETURNEV, AgeBand.From8To12, "The plan is for you to go back home to live with your family one day.")]
    [InlineData(PermanenceOption.OTHERPLN, AgeBand.Under8, "Alex will talk with you about the plan for your future.")]
    public void The_long_term_plan_is_said_in_a_childs_words(PermanenceOption option, AgeBand band, string expected)
    {
        var draft = Draft(Sam(permanence: [option]), band);

        Assert.Contains(expected, draft, StringComparison.Ordinal);
        Assert.DoesNotContain(option.Describe(), draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Adoption_by_the_family_the_child_already_lives_with_is_not_described_as_finding_a_new_one()
    {
        var draft = Draft(Sam(PlacementType.A3, permanence: [PermanenceOption.ADOPTION]), AgeBand.From8To12);

        Assert.Contains("The plan is for you to be adopted by the family you live with now.", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void Parallel_plans_are_each_listed_and_the_child_is_told_we_will_say_when_we_decide()
    {
        var draft = Draft(Sam(permanence: [PermanenceOption.RETURN6M, PermanenceOption.ADOPTION]), AgeBand.Under8);

        Assert.Contains(
            "We have more than one plan for you.\n- Go back home in a few months.\n- Be adopted by a new forever family.\n"
            + "We will tell you when we decide.",
            draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_plan_section_is_cut_to_one_sentence_under_8_and_two_from_8_to_12_and_kept_whole_from_13()
    {
        var contact = "Sam sees Mum every Saturday.\n\nSam sees her brother Leo on Sundays! Nan phones on Wednesdays";
        var sections = new Dictionary<CarePlanSection, string?>(s_shortSections) { [CarePlanSection.Contact] = contact };
        var child = Sam(sections: sections);

        string SeeingYourFamily(AgeBand band) =>
            Draft(child, band).Split("\n\n").Single(p => p.StartsWith("Seeing your family\n", StringComparison.Ordinal));

        Assert.Equal("Seeing your family\nSam sees Mum every Saturday.", SeeingYourFamily(AgeBand.Under8));
        Assert.Equal("Seeing your family\nSam sees Mum every Saturday. Sam sees her brother Leo on Sundays!", SeeingYourFamily(AgeBand.From8To12));
        Assert.Equal("Seeing your family\nSam sees Mum every Saturday.\nSam sees her brother Leo on Sundays! Nan phones on Wednesdays",
            SeeingYourFamily(AgeBand.From13));
    }

    [Fact]
    public void An_empty_plan_section_leaves_out_its_heading()
    {
        var sections = new Dictionary<CarePlanSection, string?>(s_shortSections) { [CarePlanSection.HealthPlan] = null };

        Assert.DoesNotContain("Your health", Draft(Sam(sections: sections), AgeBand.From13), StringComparison.Ordinal);
    }

    // ---- What you told us and what we did -------------------------------------------------------

    [Theory]
    [InlineData(AgeBand.Under8)]
    [InlineData(AgeBand.From13)]
    public void You_told_us_carries_the_childs_own_words_from_the_latest_review(AgeBand band)
    {
        var child = Sam();
        child.RecordReview(
            new ReviewRecord(D("2026-02-11"), ParticipationCode.PN1, null, "I want a bike for my birthday.", null, null,
                new Dictionary<int, string>(), null),
            [], [], "Priya Shah", D("2026-02-11"), Rules);

        var draft = Draft(child, band);

        Assert.Contains("What you told us\nYou told us: I want a bike for my birthday.\n", draft, StringComparison.Ordinal);
        Assert.DoesNotContain(ChildsWords, draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recommendation_appears_with_its_owner_and_the_date_written_the_GOVUK_way()
    {
        var draft = Draft(Sam(agreed: [Agreed("Book a check-up at the dentist", "2026-03-01")]), AgeBand.From13);

        Assert.Contains("At your review meeting on 28 January 2026, we agreed these things.\n"
            + "We agreed: Book a check-up at the dentist — Alex Green will do this by 1 March 2026.", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recommendation_too_long_for_one_short_sentence_is_split_in_two_for_the_youngest()
    {
        var draft = Draft(Sam(agreed: [Agreed("Book a check-up at the dentist", "2026-03-01")]), AgeBand.Under8);

        Assert.Contains("We agreed: Book a check-up at the dentist. Alex Green will do this by 1 March 2026.", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recommendation_that_is_done_says_so_and_is_not_listed_as_coming_next()
    {
        var child = Sam(agreed: [Agreed("Get a library card", "2026-03-01", "Jo Hill")]);
        Assert.Single(child.Recommendations).Complete(D("2026-02-10"), "Card collected", "Jo Hill", D("2026-02-10"));

        var draft = Draft(child, AgeBand.Under8);

        Assert.Contains("We agreed: Get a library card — this is done.", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("This is what will happen next:", draft, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recommendation_past_its_date_says_it_should_have_been_done()
    {
        var draft = Draft(Sam(agreed: [Agreed("Find a swimming club", "2026-02-13", "Jo Hill")]), AgeBand.From8To12);

        Assert.Contains("We agreed: Find a swimming club — Jo Hill should have done this by 13 February 2026.", draft, StringComparison.Ordinal);
        Assert.Contains("- Was due by 13 February 2026: Find a swimming club (Jo Hill).", draft, StringComparison.Ordinal);
    }

    // ---- What happens next ----------------------------------------------------------------------

    [Theory]
    [InlineData(AgeBand.Under8)]
    [InlineData(AgeBand.From8To12)]
    [InlineData(AgeBand.From13)]
    public void The_next_review_date_appears(AgeBand band)
    {
        var child = Sam();

        Assert.Equal(D("2026-04-28"), child.NextReviewDueOn);
        Assert.Contains("What happens next\nYour next review meeting will be by 28 April 2026.", Draft(child, band), StringComparison.Ordinal);
    }

    [Fact]
    public void A_review_meeting_already_arranged_gives_its_day()
    {
        var child = Sam();
        child.ScheduleReview(Arrangements("2026-04-20"), D(Today), Rules);

        Assert.Contains("Your next review meeting is on 20 April 2026.", Draft(child, AgeBand.From8To12), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AgeBand.Under8, 3)]
    [InlineData(AgeBand.From8To12, 5)]
    [InlineData(AgeBand.From13, 6)]
    public void Open_actions_are_listed_soonest_first_up_to_the_number_the_band_allows(AgeBand band, int listed)
    {
        var child = Sam(agreed:
        [
            Agreed("Action six", "2026-06-06"),
            Agreed("Action two", "2026-02-20"),
            Agreed("Action four", "2026-04-04"),
            Agreed("Action one", "2026-02-17"),
            Agreed("Action five", "2026-05-05"),
            Agreed("Action three", "2026-03-03"),
        ]);

        var next = Draft(child, band).Split("\n\n").Single(p => p.StartsWith("What happens next\n", StringComparison.Ordinal));

        string[] soonestFirst = ["one", "two", "three", "four", "five", "six"];
        Assert.Equal(
            soonestFirst.Take(listed).Select(n => $"Action {n}"),
            next.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l.Split(": ")[1].Split(" (")[0]));
        Assert.Equal(listed < 6, next.Contains("Your social worker can tell you about the other things we agreed.", StringComparison.Ordinal));
    }

    // ---- Short sentences and plain words --------------------------------------------------------

    [Theory]
    [InlineData(AgeBand.Under8, 12)]
    [InlineData(AgeBand.From8To12, 16)]
    [InlineData(AgeBand.From13, 20)]
    public void Every_sentence_the_writer_makes_keeps_within_the_bands_word_limit(AgeBand band, int maxWords)
    {
        var child = Sam(permanence: [PermanenceOption.RETURN6M, PermanenceOption.ADOPTION, PermanenceOption.OTHERPLN],
            agreed: [Agreed("Book a check-up at the dentist", "2026-03-01"), Agreed("Find a swimming club", "2026-02-13", "Jo Hill")]);

        var tooLong = GeneratedSentences(Draft(child, band), s_shortSections.Values).Where(s => Words(s) > maxWords);

        Assert.Equal(maxWords, ChildFriendlyPlanWriter.MaxWords(band));
        Assert.Empty(tooLong);
    }

    [Theory]
    [InlineData("placement")]
    [InlineData("contact")]
    [InlineData("care plan")]
    [InlineData("looked after")]
    [InlineData("LAC")]
    public void Care_system_jargon_does_not_appear_in_the_under_8_draft(string jargon)
    {
        var child = Sam(permanence: [PermanenceOption.LTFOST18, PermanenceOption.RETURNEV],
            agreed: [Agreed("Book a check-up at the dentist", "2026-03-01")]);

        var draft = Draft(child, AgeBand.Under8);

        Assert.DoesNotMatch(new Regex($@"\b{jargon}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), draft);
    }

    // ---- Refusal --------------------------------------------------------------------------------

    [Fact]
    public void A_child_without_a_care_plan_is_refused_with_a_clear_message()
    {
        var child = AChildLookedAfterSince("2026-01-05");

        var refusal = AssertRefused("Text", () => ChildFriendlyPlanWriter.Draft(child, AgeBand.Under8, D(Today)));

        Assert.Equal("Write the care plan before writing it for the child", refusal.Message);
    }
}
