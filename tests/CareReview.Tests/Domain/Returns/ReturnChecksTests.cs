using CareReview.Domain.Returns;
using static CareReview.Tests.Domain.Returns.ReturnFixtures;

namespace CareReview.Tests.Domain.Returns;

/// <summary>
/// The 903 rules, one table of cases each. Cases port the fixtures of data-to-insight's
/// csc-validator-be-903 where there are some; "lines" are the lines expected to fail.
/// </summary>
public sealed class ReturnChecksTests
{
    [Fact]
    public void Every_rule_is_in_the_DfE_catalogue_once_and_shows_its_message()
    {
        var codes = ReturnChecks.Rules.Select(r => r.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.True(ReturnRuleCatalogue.Current.Contains(c), c));
    }

    [Fact]
    public void A_problem_carries_the_catalogue_message_table_line_child_and_field()
    {
        var problem = Assert.Single(Check("146", Tables(episodes: [Episode("C1", "01/05/2025", place: "H5", line: 7)])));

        Assert.Equal(new ReturnProblem("146", "Episodes", 7, "C1", "PLACE", "Placement type code is not a valid code."), problem);
    }

    [Fact]
    public void Messages_are_the_catalogue_text_trimmed()
    {
        var problem = Assert.Single(Check("149", Tables(episodes: [Episode("C1", "01/05/2025", "02/06/2025", "E99")])));

        Assert.Equal("Reason episode ceased code is not valid.", problem.Message);
    }

    [Theory]
    [InlineData("101", "SEX", "M", false)]
    [InlineData("101", "SEX", "U", false)]
    [InlineData("101", "SEX", "1", true)]
    [InlineData("101", "SEX", "2", true)]
    [InlineData("101", "SEX", "", true)]
    [InlineData("103", "ETHNIC", "WBRI", false)]
    [InlineData("103", "ETHNIC", "NOBT", false)]
    [InlineData("103", "ETHNIC", "WHIT", true)]
    [InlineData("103", "ETHNIC", "", true)]
    [InlineData("168", "UPN", "UN3", false)]
    [InlineData("168", "UPN", "A12345678901B", false)]
    [InlineData("168", "UPN", "O123456789012", true)]
    [InlineData("168", "UPN", "", true)]
    [InlineData("102", "DOB", "01/01/2015", false)]
    [InlineData("102", "DOB", "01/01/15", true)]
    [InlineData("102", "DOB", "", true)]
    public void Header_values_must_be_valid(string code, string field, string value, bool fails)
    {
        var raw = ReturnTables.Row(ReturnColumns.Header, "C1", "M", "01/01/2015", "WBRI", "A123456789012", "", "")
            .ToDictionary(p => p.Key, p => p.Key == field ? value : p.Value);

        var problems = Check(code, Tables(header: [new HeaderRow(2, raw)]));

        Assert.Equal(fails, problems.Count == 1);
        Assert.All(problems, p => Assert.Equal(field, p.Field));
    }

    [Theory]
    [InlineData("143", "RNE", "S", false)]
    [InlineData("143", "RNE", "X", true)]
    [InlineData("144", "LS", "V4", false)]
    [InlineData("144", "LS", "V1", true)]
    [InlineData("145", "CIN", "N8", false)]
    [InlineData("145", "CIN", "N9", true)]
    [InlineData("146", "PLACE", "Z11", false)]
    [InlineData("146", "PLACE", "T3", false)]
    [InlineData("146", "PLACE", "", false)]
    [InlineData("146", "PLACE", "H5", true)]
    [InlineData("146", "PLACE", "P2", true)]
    [InlineData("146", "PLACE", "Z1", true)]
    [InlineData("146", "PLACE", "0", true)]
    [InlineData("149", "REC", "E4A", false)]
    [InlineData("149", "REC", "E4", true)]
    [InlineData("178", "PLACE_PROVIDER", "PR0", false)]
    [InlineData("178", "PLACE_PROVIDER", "PR6", true)]
    [InlineData("1009", "REASON_PLACE_CHANGE", "CUSTOD", false)]
    [InlineData("1009", "REASON_PLACE_CHANGE", "CUST", true)]
    [InlineData("141", "DECOM", "1/4/2025", false)]
    [InlineData("141", "DECOM", "", true)]
    [InlineData("141", "DECOM", "01/04/25", true)]
    [InlineData("147", "DEC", "", false)]
    [InlineData("147", "DEC", "31/02/2026", true)]
    public void Episode_values_must_be_valid_codes_and_dates(string code, string field, string value, bool fails)
    {
        var raw = ReturnTables.Row(ReturnColumns.Episodes, "C1", "01/05/2025", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", "")
            .ToDictionary(p => p.Key, p => p.Key == field ? value : p.Value);

        var problems = Check(code, Tables(episodes: [new EpisodeRow(2, raw)]));

        Assert.Equal(fails, problems.Count == 1);
    }

    [Theory]
    [InlineData("01/01/2021", false)]
    [InlineData("01/01/19", true)] // the validator's own fixture
    [InlineData("", true)]
    [InlineData("31/31/2021", true)]
    public void Rule_166_a_review_date_must_be_a_date(string review, bool fails)
    {
        Assert.Equal(fails, Check("166", Tables(reviews: [Review("C1", review, "PN1")])).Count == 1);
    }

    [Theory]
    [InlineData("01/01/2021", "PN1", false)]
    [InlineData("01/01/2021", "PN0", false)]
    [InlineData("", "", false)]
    [InlineData("01/01/2021", "", true)]
    [InlineData("", "PN1", true)]
    [InlineData("01/01/2021", "PN8", true)]
    [InlineData("01/01/2021", "P1", true)]
    public void Rule_167_review_and_participation_come_together_with_a_valid_code(string review, string code, bool fails)
    {
        Assert.Equal(fails, Check("167", Tables(reviews: [Review("C1", review, code)])).Count == 1);
    }

    [Theory]
    [InlineData("01/01/2015", "01/06/2019", "PN0", "440", true)]
    [InlineData("01/01/2015", "02/01/2019", "PN0", "440", true)]
    [InlineData("01/01/2015", "01/01/2019", "PN0", "440", false)] // 4th birthday: either code passes
    [InlineData("01/01/2015", "31/12/2018", "PN0", "440", false)]
    [InlineData("01/01/2015", "01/06/2019", "PN1", "440", false)]
    [InlineData("01/01/2015", "31/12/2018", "PN1", "441", true)]
    [InlineData("01/01/2015", "31/12/2018", "PN7", "441", true)]
    [InlineData("01/01/2015", "01/01/2019", "PN1", "441", false)]
    [InlineData("01/01/2015", "31/12/2018", "PN0", "441", false)]
    [InlineData("01/01/2015", "31/12/18", "PN1", "441", false)] // an invalid date is left to 166
    public void Rules_440_and_441_PN0_matches_an_age_under_4(string dob, string review, string code, string rule, bool fails)
    {
        Assert.Equal(fails, Check(rule, Tables(reviews: [Review("C1", review, code, dob)])).Count == 1);
    }

    [Fact]
    public void Rule_INT08_a_reviewed_child_must_be_in_the_header()
    {
        var problems = Check("INT08", Tables(
            header: [Header("C1")],
            reviews: [Review("C1", "01/06/2025", "PN1", line: 2), Review("C2", "01/06/2025", "PN1", line: 3)]));

        Assert.Equal(("C2", 3, "CHILD"), Assert.Single(problems.Select(p => (p.ChildLocalId, p.Line, p.Field))));
    }

    [Fact]
    public void Rule_INT17_the_review_DOB_must_match_the_header()
    {
        var problems = Check("INT17", Tables(
            header: [Header("C1", dob: "01/01/2015"), Header("C2", dob: "01/01/2016", line: 3)],
            reviews: [Review("C1", "01/06/2025", "PN1", dob: "01/01/2015", line: 2), Review("C2", "01/06/2025", "PN1", dob: "02/01/2016", line: 3), Review("C3", "01/06/2025", "PN1", dob: "02/01/2016", line: 4)]));

        Assert.Equal(3, Assert.Single(problems).Line);
    }

    [Theory]
    [InlineData("V3", "1", "", "", new[] { "Header" })]
    [InlineData("V4", "", "01/06/2025", "PN1", new[] { "Reviews" })]
    [InlineData("V3", "0", "", "PN1", new[] { "Header", "Reviews" })]
    [InlineData("V3", "", "", "", new string[0])]
    [InlineData("C2", "1", "01/06/2025", "PN1", new string[0])]
    public void Rule_399_short_break_children_have_no_mother_or_review_details(string ls, string mother, string review, string code, string[] tables)
    {
        var problems = Check("399", Tables(
            header: [Header("C1", sex: "F", mother: mother)],
            episodes: [Episode("C1", "01/05/2025", ls: ls)],
            reviews: [Review("C1", review, code)]));

        Assert.Equal(tables, problems.Select(p => p.Table));
    }

    [Fact]
    public void Rule_399_does_not_fire_when_only_some_episodes_are_short_breaks()
    {
        var problems = Check("399", Tables(
            header: [Header("C1", sex: "F", mother: "1")],
            episodes: [Episode("C1", "01/05/2025", "01/06/2025", "X1", ls: "V3"), Episode("C1", "01/06/2025", rne: "L", ls: "C2", line: 3)],
            reviews: [Review("C1", "01/07/2025", "PN1")]));

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("F", "", "C2", true)]
    [InlineData("F", "0", "C2", false)]
    [InlineData("F", "", "V3", false)]
    [InlineData("M", "", "C2", false)]
    public void Rule_393_a_looked_after_girl_needs_MOTHER(string sex, string mother, string ls, bool fails)
    {
        var problems = Check("393", Tables(header: [Header("C1", sex: sex, mother: mother)], episodes: [Episode("C1", "01/05/2025", ls: ls)]));

        Assert.Equal(fails, problems.Count == 1);
    }

    [Theory]
    [InlineData("01/05/2025", "", "", false)]
    [InlineData("01/05/2025", "01/06/2025", "E8", false)]
    [InlineData("01/05/2025", "01/06/2025", "", true)]
    [InlineData("01/05/2025", "", "E8", true)]
    public void Rule_148_DEC_and_REC_both_or_neither(string decom, string dec, string rec, bool fails)
    {
        Assert.Equal(fails, Check("148", Tables(episodes: [Episode("C1", decom, dec, rec)])).Count == 1);
    }

    [Theory]
    [InlineData("01/05/2025", "31/03/2026", "354", false)]
    [InlineData("01/05/2025", "01/04/2026", "354", true)]
    [InlineData("01/05/2025", "01/05/2025", "355", true)]
    [InlineData("01/05/2025", "02/05/2025", "355", false)]
    [InlineData("01/05/2025", "30/04/2025", "356", true)]
    [InlineData("01/05/2025", "01/05/2025", "356", false)]
    public void Rules_354_355_356_an_episode_ends_in_the_year_after_it_starts(string decom, string dec, string rule, bool fails)
    {
        Assert.Equal(fails, Check(rule, Tables(episodes: [Episode("C1", decom, dec, "E8")])).Count == 1);
    }

    // Each case: the child's episodes as "DECOM|DEC|REC|RNE", given out of order on purpose in some, and the failing lines.
    [Theory]
    [InlineData("142", new[] { "01/05/2025|||S", "01/06/2025|||P" }, new[] { 2 })]
    [InlineData("142", new[] { "01/05/2025|01/06/2025||S", "01/06/2025|||P" }, new[] { 2 })]
    [InlineData("142", new[] { "01/05/2025|01/06/2025|X1|S", "01/06/2025|||P" }, new int[0])]
    [InlineData("142", new[] { "01/06/2025|||P", "01/05/2025|||S" }, new[] { 3 })]
    [InlineData("357", new[] { "01/05/2025|||P" }, new[] { 2 })]
    [InlineData("357", new[] { "01/05/2025|||S" }, new int[0])]
    [InlineData("357", new[] { "01/03/2025|||P" }, new int[0])] // in care before the year: may be mid-period
    [InlineData("357", new[] { "01/06/2025|||P", "01/05/2025|01/06/2025|X1|L" }, new[] { 3 })]
    [InlineData("388", new[] { "01/05/2025|01/06/2025|X1|S", "01/06/2025|||P" }, new int[0])]
    [InlineData("388", new[] { "01/05/2025|01/06/2025|X1|S", "02/06/2025|||S" }, new[] { 2 })]
    [InlineData("388", new[] { "01/05/2025|01/06/2025|E8|S", "01/06/2025|||P" }, new[] { 2 })]
    [InlineData("388", new[] { "01/05/2025|01/06/2025|X1|S" }, new[] { 2 })]
    [InlineData("388", new[] { "01/05/2025|01/06/2025|E8|S" }, new int[0])]
    [InlineData("431", new[] { "01/05/2025|01/06/2025|E8|S", "01/06/2025|||S" }, new[] { 3 })]
    [InlineData("431", new[] { "01/05/2025|01/06/2025|E8|S", "02/06/2025|||S" }, new int[0])]
    [InlineData("431", new[] { "01/05/2025|01/06/2025|X1|S", "01/06/2025|||P" }, new int[0])]
    [InlineData("433", new[] { "01/05/2025|01/06/2025|X1|S", "01/06/2025|||P" }, new int[0])]
    [InlineData("433", new[] { "01/05/2025|01/06/2025|X1|S", "02/06/2025|||L" }, new[] { 3 })]
    [InlineData("433", new[] { "01/05/2025|||S", "02/06/2025|||B" }, new[] { 3 })]
    [InlineData("433", new[] { "01/05/2025|01/06/2025|E8|S", "05/06/2025|||S" }, new int[0])]
    [InlineData("501", new[] { "01/05/2025|10/06/2025|X1|S", "01/06/2025|||P" }, new[] { 3 })]
    [InlineData("501", new[] { "01/05/2025|01/06/2025|X1|S", "01/06/2025|||P" }, new int[0])]
    public void Episodes_chain_one_into_the_next(string rule, string[] episodes, int[] lines)
    {
        var problems = Check(rule, Tables(episodes: Chain("C1", episodes)));

        Assert.Equal(lines, problems.Select(p => p.Line));
    }

    [Fact]
    public void Chaining_is_checked_per_child()
    {
        var problems = Check("433", Tables(episodes: [.. Chain("C1", "01/05/2025|||S"), Episode("C2", "02/06/2025", rne: "P", line: 3)]));

        Assert.Empty(problems);
    }

    [Fact]
    public void A_clean_return_has_no_problems_and_a_bad_one_reports_in_line_order()
    {
        var clean = Tables(
            header: [Header("C1", sex: "F", mother: "0")],
            episodes: Chain("C1", "01/05/2025|01/06/2025|X1|S", "01/06/2025|||P"),
            reviews: [Review("C1", "01/06/2025", "PN1")]);

        Assert.Empty(ReturnChecks.Run(clean, Year2026));

        var bad = clean with { Reviews = [Review("C1", "01/06/2025", "PN0", line: 2), Review("C9", "01/06/19", "PN1", line: 3)] };

        Assert.Equal(
            [("440", 2), ("166", 3), ("INT08", 3)],
            ReturnChecks.Run(bad, Year2026).Select(p => (p.Code, p.Line)));
    }
}
