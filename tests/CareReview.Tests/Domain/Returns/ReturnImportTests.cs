using System.Globalization;
using System.Text;
using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Returns;
using CareReview.Domain.Reviews;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain.Returns;

/// <summary>Reading a council's return files into children: every problem found with its file, line and field, and the round trip.</summary>
public sealed class ReturnImportTests
{
    private static readonly Rulebook s_rules = Rulebook.National;
    private static readonly DateOnly s_today = D("2026-11-23");
    private static readonly FinancialYear s_year = new(2026);

    private const string Header = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n";
    private const string Episodes = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n";
    private const string Reviews = "CHILD,DOB,REVIEW,REVIEW_CODE\r\n";

    private static ReturnFileSet Files(string header, string episodes, string reviews, string? names = null) => new(Bytes(header, episodes, reviews, names));

    private static Dictionary<string, byte[]> Bytes(string header, string episodes, string reviews, string? names = null)
    {
        var files = new Dictionary<string, byte[]>
        {
            ["header.csv"] = Encoding.UTF8.GetBytes(Header + header),
            ["episodes.csv"] = Encoding.UTF8.GetBytes(Episodes + episodes),
            ["reviews.csv"] = Encoding.UTF8.GetBytes(Reviews + reviews),
        };
        if (names is not null)
        {
            files["names.csv"] = Encoding.UTF8.GetBytes("CHILD,GIVEN_NAME,FAMILY_NAME\r\n" + names);
        }

        return files;
    }

    private static ReturnFileSet Files(ReturnFiles export) => new(export.Files.ToDictionary(f => f.Name, f => f.Content));

    private static ImportPlan Plan(ReturnFileSet current, ReturnFileSet? previous = null) => ReturnImport.Plan(current, previous, null, s_today, s_rules);

    private static string Describe(IEnumerable<ImportProblem> problems) => string.Join("\n", problems.Take(20));

    private const string TwoChildrenHeader = "CR0001,F,01/05/2012,WBRI,A12345678901B,0,\r\nCR0002,M,14/09/2015,MWBA,UN1,,\r\n";

    private const string TwoChildrenEpisodes =
        "CR0001,03/02/2025,S,C1,N1,U4,PR1,10/06/2025,X1,,LS1 4AP,BD7 1DP,XXXXXXX\r\n"
        + "CR0001,10/06/2025,L,C2,N1,U4,PR1,,,,LS1 4AP,BD7 1DP,XXXXXXX\r\n"
        + "CR0002,06/05/2025,S,V2,N4,U1,PR1,,,,LS6 2QT,HX1 1AA,XXXXXXX\r\n";

    private const string TwoChildrenReviews = "CR0001,01/05/2012,20/02/2025,PN3\r\nCR0001,01/05/2012,20/05/2025,PN1\r\nCR0002,14/09/2015,30/05/2025,PN2\r\n";

    [Fact]
    public void Clean_files_give_each_child_their_details_episodes_and_reviews()
    {
        var plan = Plan(Files(TwoChildrenHeader, TwoChildrenEpisodes, TwoChildrenReviews));

        Assert.True(plan.IsClean, Describe(plan.Problems.Listed));
        Assert.Equal(s_year, plan.Year);
        var first = plan.Children.Single(c => c.LocalId == "CR0001");
        Assert.Equal((Sex.F, D("2012-05-01"), Ethnicity.WBRI, "A12345678901B", (bool?)false),
            (first.Sex, first.DateOfBirth, first.ReturnDetails.Ethnicity, first.Upn, first.IsMother));
        Assert.Equal([(D("2025-02-03"), ReasonForNewEpisode.S, LegalStatus.C1, (ReasonEpisodeCeased?)ReasonEpisodeCeased.X1),
            (D("2025-06-10"), ReasonForNewEpisode.L, LegalStatus.C2, null)],
            first.Episodes.Select(e => (e.StartedOn, e.ReasonForNewEpisode, e.LegalStatus, e.ReasonEnded)));
        Assert.Equal(new PlacementDetails(PlacementProvider.PR1, "LS1 4AP", "BD7 1DP", "XXXXXXX"), first.Episodes[1].Placement);
        Assert.Equal([(D("2025-02-20"), ParticipationCode.PN3), (D("2025-05-20"), ParticipationCode.PN1)],
            first.Reviews.Select(r => (r.HeldOn!.Value, r.ParticipationCode!.Value)));
        Assert.Null(first.HistoryStartsOn);
        // The first review was due 20 working days after 3 February 2025 (R1), the second three months after it (R2).
        Assert.Equal([ReviewSchedule.FirstReview, ReviewSchedule.SecondReview], first.Reviews.Select(r => r.DueRuleId));
        Assert.Equal(ReviewSchedule.SubsequentReview, first.NextReviewRuleId);
    }

    [Fact]
    public void Without_a_names_file_a_child_is_unnamed_and_with_one_the_names_are_kept_as_typed_with_their_spaces_tidied()
    {
        var unnamed = Plan(Files(TwoChildrenHeader, TwoChildrenEpisodes, TwoChildrenReviews)).Children.Single(c => c.LocalId == "CR0002");
        var named = Plan(Files(TwoChildrenHeader, TwoChildrenEpisodes, TwoChildrenReviews,
            "cr0001, Siân  Mary ,McDonald\r\nCR0002,Mary-Jane,O'Brien   Smith\r\n")).Children.OrderBy(c => c.LocalId, StringComparer.Ordinal).ToList();

        Assert.Equal(("Unnamed", "CR0002"), (unnamed.GivenName, unnamed.FamilyName));
        Assert.Equal([("Siân Mary", "McDonald"), ("Mary-Jane", "O'Brien Smith")], named.Select(c => (c.GivenName, c.FamilyName)));
    }

    [Fact]
    public void A_names_file_saved_in_windows_1252_is_read_as_that_and_one_in_utf8_as_utf8()
    {
        var names = "CHILD,GIVEN_NAME,FAMILY_NAME\r\nCR0001,Zoë,Brontë\r\nCR0002,Siân,Ó Ceallaigh\r\n";
        var plans = new[] { CodePagesEncodingProvider.Instance.GetEncoding(1252)!, new UTF8Encoding(false) }.Select(encoding =>
        {
            var files = Bytes(TwoChildrenHeader, TwoChildrenEpisodes, TwoChildrenReviews);
            files["names.csv"] = encoding.GetBytes(names);
            return Plan(new ReturnFileSet(files));
        });

        Assert.All(plans, plan => Assert.Equal([("Zoë", "Brontë"), ("Siân", "Ó Ceallaigh")],
            plan.Children.OrderBy(c => c.LocalId, StringComparer.Ordinal).Select(c => (c.GivenName, c.FamilyName))));
    }

    [Theory]
    [InlineData("=HYPERLINK(1)", "GIVEN_NAME", "The given name may hold only letters, spaces, hyphens, apostrophes and full stops, and must start with a letter.")]
    [InlineData("@Ann", "GIVEN_NAME", "The given name may hold only letters, spaces, hyphens, apostrophes and full stops, and must start with a letter.")]
    [InlineData("-Ann", "GIVEN_NAME", "The given name may hold only letters, spaces, hyphens, apostrophes and full stops, and must start with a letter.")]
    [InlineData("Ann2", "GIVEN_NAME", "The given name may hold only letters, spaces, hyphens, apostrophes and full stops, and must start with a letter.")]
    [InlineData("\"Ann\u001b[2J\"", "GIVEN_NAME", "The given name may hold only letters, spaces, hyphens, apostrophes and full stops, and must start with a letter.")]
    [InlineData("Smith<script>", "FAMILY_NAME", "The family name may hold only letters, spaces, hyphens, apostrophes and full stops, and must start with a letter.")]
    [InlineData("101", "FAMILY_NAME", "The family name is longer than 100 characters.")]
    public void A_name_that_is_not_a_name_or_is_longer_than_100_characters_is_a_problem_on_its_row(string name, string field, string message)
    {
        var cell = name == "101" ? new string('a', ReturnImport.MaxNameLength + 1) : name;
        var names = field == "GIVEN_NAME" ? $"CR0001,Ann,Smith\r\nCR0002,{cell},Smith\r\n" : $"CR0001,Ann,Smith\r\nCR0002,Ann,{cell}\r\n";

        var plan = Plan(Files(TwoChildrenHeader, TwoChildrenEpisodes, TwoChildrenReviews, names));

        var problem = Assert.Single(plan.Problems.Listed);
        Assert.Equal(("names.csv", 3, field, "CR0002", message), (problem.File, problem.Line, problem.Field, problem.Child, problem.Message));
        Assert.Equal(["CR0001"], plan.CleanChildren.Select(c => c.LocalId));
    }

    [Fact]
    public void A_name_of_100_characters_in_any_alphabet_loads()
    {
        var family = "Ó Súilleabháin-Nguyễn D'Arcy St. John" + new string('z', ReturnImport.MaxNameLength - 37);

        var plan = Plan(Files(TwoChildrenHeader, TwoChildrenEpisodes, TwoChildrenReviews, $"CR0001,Zoë,{family}\r\nCR0002,Ольга,Ng’ang’a\r\n"));

        Assert.True(plan.IsClean, Describe(plan.Problems.Listed));
        Assert.Equal([("Zoë", family), ("Ольга", "Ng’ang’a")], plan.Children.OrderBy(c => c.LocalId, StringComparer.Ordinal).Select(c => (c.GivenName, c.FamilyName)));
    }

    [Fact]
    public void A_withdrawn_placement_code_is_reported_with_its_file_line_and_field_and_only_that_child_is_not_clean()
    {
        var episodes = TwoChildrenEpisodes.Replace("CR0002,06/05/2025,S,V2,N4,U1,", "CR0002,06/05/2025,S,V2,N4,H5,", StringComparison.Ordinal);

        var plan = Plan(Files(TwoChildrenHeader, episodes, TwoChildrenReviews));

        var problem = Assert.Single(plan.Problems.Listed, p => p.RuleCode == "146");
        Assert.Equal(("episodes.csv", 4, "PLACE", "CR0002"), (problem.File, problem.Line, problem.Field, problem.Child));
        Assert.Equal("episodes.csv:4: PLACE: Placement type code is not a valid code. (rule 146)", problem.ToString());
        Assert.False(plan.IsClean);
        Assert.Equal(["CR0001"], plan.CleanChildren.Select(c => c.LocalId));
    }

    [Fact]
    public void A_short_row_or_a_long_row_is_a_problem_naming_its_file_and_line_and_its_child_does_not_load()
    {
        // CR0002's episode has lost its placement postcode and URN, which it used to load without; one of
        // CR0001's reviews has a comma too many.
        var episodes = TwoChildrenEpisodes.Replace(",LS6 2QT,HX1 1AA,XXXXXXX\r\n", ",LS6 2QT\r\n", StringComparison.Ordinal);
        var reviews = TwoChildrenReviews.Replace("20/05/2025,PN1\r\n", "20/05/2025,PN1,\r\n", StringComparison.Ordinal);

        var plan = Plan(Files(TwoChildrenHeader, episodes, reviews));

        Assert.Equal(
            [
                ("episodes.csv", 4, null, "CR0002", "This row has 11 fields; the header has 13."),
                ("reviews.csv", 3, null, "CR0001", "This row has 5 fields; the header has 4."),
            ],
            plan.Problems.Listed.Select(p => (p.File, p.Line, p.Field, p.Child, p.Message)));
        Assert.Empty(plan.CleanChildren);
    }

    [Theory]
    [InlineData("-1+CMD|X!A0")]
    [InlineData("=1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("CR 0003")]
    [InlineData("CR-0003")]
    [InlineData("CRÉ0003")]
    [InlineData("\"CR\t0003\"")]
    [InlineData("CR0000000000000000003")]
    public void A_child_id_that_is_not_1_to_20_letters_and_digits_is_a_problem_naming_its_rows_and_is_never_loaded(string id)
    {
        var header = TwoChildrenHeader + $"{id},M,14/09/2015,MWBA,UN1,,\r\n";
        var episodes = TwoChildrenEpisodes + $"{id},06/05/2025,S,V2,N4,U1,PR1,,,,LS6 2QT,HX1 1AA,XXXXXXX\r\n";

        var plan = Plan(Files(header, episodes, TwoChildrenReviews));

        Assert.Equal(
            [("episodes.csv", 5, "CHILD", null, ChildLocalId.Rule), ("header.csv", 4, "CHILD", null, ChildLocalId.Rule)],
            plan.Problems.Listed.Select(p => (p.File, p.Line, p.Field, p.Child, p.Message)));
        Assert.Equal(["CR0001", "CR0002"], plan.Children.Select(c => c.LocalId));
        Assert.Equal(["CR0001", "CR0002"], plan.CleanChildren.Select(c => c.LocalId));
    }

    [Theory]
    [InlineData("CR000000000000000003")]
    [InlineData("cr0003")]
    [InlineData("7")]
    public void A_child_id_of_up_to_20_letters_and_digits_loads(string id)
    {
        var plan = Plan(Files($"{id},M,14/09/2015,MWBA,UN1,,\r\n", $"{id},06/05/2025,S,V2,N4,U1,PR1,,,,LS6 2QT,HX1 1AA,XXXXXXX\r\n", ""));

        Assert.True(plan.IsClean, Describe(plan.Problems.Listed));
        Assert.Equal(id.ToUpperInvariant(), Assert.Single(plan.Children).LocalId);
    }

    [Fact]
    public void A_file_saved_as_utf16_stops_every_child_loading()
    {
        var files = Bytes(TwoChildrenHeader, TwoChildrenEpisodes, TwoChildrenReviews);
        files["reviews.csv"] = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Reviews)];

        var plan = Plan(new ReturnFileSet(files));

        Assert.True(plan.FileProblems);
        Assert.Empty(plan.CleanChildren);
        Assert.Contains(plan.Problems.Listed, p => p.File == "reviews.csv" && p.Message.Contains("UTF-16", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var files = Bytes(TwoChildrenHeader, TwoChildrenEpisodes, TwoChildrenReviews);
        files.Remove("episodes.csv");
        files["missing.csv"] = [];

        var plan = Plan(new ReturnFileSet(files));

        Assert.True(plan.FileProblems);
        Assert.Contains(plan.Problems.Listed, p => p.File == "episodes.csv" && p.Message.StartsWith("There is no episodes.csv", StringComparison.Ordinal));
        Assert.Equal(["missing.csv"], plan.Ignored);
    }

    [Fact]
    public void A_review_on_a_day_the_child_was_not_looked_after_is_reported_on_its_line()
    {
        var episodes = "CR0002,06/05/2025,S,V2,N4,U1,PR1,01/07/2025,E4A,,LS6 2QT,HX1 1AA,XXXXXXX\r\n";
        var reviews = "CR0002,14/09/2015,30/05/2025,PN2\r\nCR0002,14/09/2015,15/08/2025,PN2\r\n";

        var plan = Plan(Files("CR0002,M,14/09/2015,MWBA,UN1,,\r\n", episodes, reviews));

        var problem = Assert.Single(plan.Problems.Listed);
        Assert.Equal(("reviews.csv", "REVIEW", "CR0002"), (problem.File, problem.Field, problem.Child));
        Assert.Contains("not looked after", problem.Message, StringComparison.Ordinal);
        Assert.Empty(plan.CleanChildren);
    }

    [Fact]
    public void A_child_already_in_care_before_the_files_begin_has_their_history_start_marked_and_reviews_six_monthly()
    {
        var episodes = "CR0003,12/01/2025,P,C2,N1,U4,PR1,,,,LS1 4AP,BD7 1DP,XXXXXXX\r\n";

        var plan = Plan(Files("CR0003,M,01/03/2010,WBRI,UN1,,\r\n", episodes, "CR0003,01/03/2010,20/06/2025,PN4\r\n"));

        Assert.True(plan.IsClean, Describe(plan.Problems.Listed));
        var child = Assert.Single(plan.Children);
        Assert.Equal(D("2025-01-12"), child.HistoryStartsOn);
        Assert.Equal(D("2025-01-12"), child.CurrentPeriodStart());
        // Its first reviews are not known, so the one loaded is taken as a later review: the next is six months on.
        Assert.Equal((ReviewSchedule.SubsequentReview, D("2025-12-20")), (child.NextReviewRuleId, child.NextReviewDueOn));
        // Appointing the IRO and the first care plan fell due before the history Care Review holds.
        Assert.DoesNotContain(child.Deadlines, d => d.Item is StatutoryItem.IroAppointed or StatutoryItem.CarePlan);
        var visit = Assert.Single(child.Deadlines, d => d.Item == StatutoryItem.Visit);
        Assert.Contains("first episode loaded from the council's old system, on 12 January 2025", visit.Explanation, StringComparison.Ordinal);
    }

    // The timeout is the test: each child's look-up once searched every problem, and 100,000 rows with
    // problems took about three minutes.
    [Fact(Timeout = 60_000)]
    public async Task A_hundred_thousand_rows_with_problems_are_checked_in_seconds()
    {
        const int Count = 100_000;
        var header = new StringBuilder();
        var episodes = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            header.Append(CultureInfo.InvariantCulture, $"CR{i:D6},M,14/09/2015,XXXX,UN1,,\r\n");
            episodes.Append(CultureInfo.InvariantCulture, $"CR{i:D6},06/05/2025,S,V2,N4,U1,PR1,,,,LS6 2QT,HX1 1AA,XXXXXXX\r\n");
        }

        var plan = await Task.Run(() => Plan(Files(header.ToString(), episodes.ToString(), "")));

        Assert.Equal(Count, plan.ChildrenWithProblems.Count);
        Assert.Empty(plan.CleanChildren);

        // Counted, but only the first thousand kept, by file and line: a file of bad rows would keep millions.
        Assert.Equal(Count, plan.Problems.Count);
        Assert.Equal(Count - ImportProblems.Limit, plan.Problems.Unlisted);
        Assert.Equal(Enumerable.Range(2, ImportProblems.Limit), plan.Problems.Listed.Select(p => p.Line));
        Assert.All(plan.Problems.Listed, p => Assert.Equal(("header.csv", "ETHNIC", "103"), (p.File, p.Field, p.RuleCode)));
    }

    [Fact]
    public void Files_holding_more_rows_in_all_than_any_councils_returns_stop_the_import()
    {
        const int Each = ReturnImport.MaxRows / 3;
        string Rows(string row) => string.Concat(Enumerable.Repeat(row, Each));

        var plan = Plan(Files(Rows("CR0001,M,14/09/2015,MWBA,UN1,,\r\n"), Rows("CR0001,06/05/2025,S,V2,N4,U1,PR1,,,,LS6 2QT,HX1 1AA,XXXXXXX\r\n"),
            Rows("CR0001,14/09/2015,30/05/2025,PN2\r\n") + "CR0001,14/09/2015,30/05/2025,PN2\r\n"));

        Assert.True(plan.FileProblems);
        Assert.Empty(plan.Children);
        var problem = Assert.Single(plan.Problems.Listed, p => p.File == "reviews.csv");
        Assert.Equal((Each + 2, "The files hold more than 300,000 rows in all, far more than any council's returns, so these are not a return's files. Nothing from them was read."),
            (problem.Line, problem.Message));
    }

    [Fact]
    public void A_councils_two_returns_round_trip_unchanged()
    {
        var children = ReturnPopulation.Build(42, s_today, s_rules);
        var current = ReturnExport.Build(children, s_year);
        var previous = ReturnExport.Build(children, s_year.Previous);

        var plan = ReturnImport.Plan(Files(current), Files(previous), null, s_today, s_rules);

        Assert.True(plan.IsClean, Describe(plan.Problems.Listed));
        Assert.Equal(s_year, plan.Year);
        foreach (var (before, after) in new[] { (current, ReturnExport.Build(plan.Children, s_year)), (previous, ReturnExport.Build(plan.Children, s_year.Previous)) })
        {
            Assert.Equal(before.Files.Select(f => f.Name), after.Files.Select(f => f.Name));
            foreach (var (file, again) in before.Files.Zip(after.Files))
            {
                Assert.True(file.Content.SequenceEqual(again.Content), $"{file.Name} for {before.Year} differs after the round trip");
            }
        }

        Assert.True(current.Episodes.Count > 200 && previous.Episodes.Count > 100, $"{current.Episodes.Count} and {previous.Episodes.Count} episodes");
    }
}
