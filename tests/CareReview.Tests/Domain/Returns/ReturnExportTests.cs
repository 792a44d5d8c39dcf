using System.Text;
using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Returns;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain.Returns;

/// <summary>What of a child's record goes into a year's DfE return, and a council's return checked by the app's own rules.</summary>
public sealed class ReturnExportTests
{
    private static readonly Rulebook s_rules = Rulebook.National;
    private static readonly DateOnly s_today = D("2026-11-23");
    private static readonly FinancialYear s_year = new(2026);

    private static Child AChild(string localId = "CR0001") => new(localId, "Sam", "Taylor", D("2012-05-01"), Sex.F);

    private static string Csv(string?[] row) => string.Join(",", row);

    private static string Text(ReturnFiles files, string name) =>
        Encoding.UTF8.GetString(files.Files.Single(f => f.Name == name).Content).TrimStart('\uFEFF');

    [Fact]
    public void The_files_have_exactly_the_dfe_headers()
    {
        var files = ReturnExport.Build([], s_year);

        Assert.Equal("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n", Text(files, "header.csv"));
        Assert.Equal("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n", Text(files, "episodes.csv"));
        Assert.Equal("CHILD,DOB,REVIEW,REVIEW_CODE\r\n", Text(files, "reviews.csv"));
    }

    [Fact]
    public void A_period_that_ended_before_the_year_is_left_out_and_one_open_on_1_april_is_in()
    {
        var before = AChild("CR0001");
        before.BecomeLookedAfter(D("2024-06-03"), LegalStatus.V2, PlacementType.U4, CategoryOfNeed.N4, s_today, s_rules);
        before.CeaseToBeLookedAfter(D("2025-03-31"), ReasonEpisodeCeased.E4A, s_today, s_rules);
        var open = AChild("CR0002");
        open.BecomeLookedAfter(D("2025-01-06"), LegalStatus.C2, PlacementType.U4, CategoryOfNeed.N1, s_today, s_rules);
        open.CeaseToBeLookedAfter(D("2025-04-01"), ReasonEpisodeCeased.E4A, s_today, s_rules);

        var files = ReturnExport.Build([before, open], s_year);

        var header = Assert.Single(files.Header);
        Assert.Equal("CR0002", header[0]);
        var episode = Assert.Single(files.Episodes);
        Assert.Equal("CR0002,06/01/2025,S,C2,N1,U4,,01/04/2025,E4A,,,,", Csv(episode));
    }

    [Fact]
    public void A_change_ends_one_episode_with_x1_and_starts_the_next_the_same_day_and_a_later_end_is_written_open()
    {
        var child = AChild();
        child.BecomeLookedAfter(D("2025-02-03"), LegalStatus.C1, PlacementType.U4, CategoryOfNeed.N1, s_today, s_rules);
        child.ChangeEpisode(D("2025-06-10"), LegalStatus.C2, PlacementMove.None, PlacementType.U4, null, s_today, s_rules);
        child.CeaseToBeLookedAfter(D("2026-05-01"), ReasonEpisodeCeased.E41, s_today, s_rules);

        var files = ReturnExport.Build([child], s_year);

        Assert.Equal(2, files.Episodes.Count);
        Assert.Equal("CR0001,03/02/2025,S,C1,N1,U4,,10/06/2025,X1,,,,", Csv(files.Episodes[0]));
        Assert.Equal("CR0001,10/06/2025,L,C2,N1,U4,,,,,,,", Csv(files.Episodes[1]));
        Assert.Empty(ReturnChecks.Run(files.Tables, s_year).Where(p => p.Table == "Episodes").Select(p => $"{p.Code} {p.Field}"));
    }

    [Fact]
    public void Reviews_in_the_year_are_returned_with_their_code_and_reviews_of_short_breaks_are_not()
    {
        var child = AChild();
        child.BecomeLookedAfter(D("2025-03-03"), LegalStatus.C1, PlacementType.U4, CategoryOfNeed.N1, s_today, s_rules);
        child.RecordReviewHeld(D("2025-03-31"), ParticipationCode.PN1, s_today, s_rules);
        child.RecordReviewHeld(D("2025-06-20"), ParticipationCode.PN3, s_today, s_rules);
        var breaks = AChild("CR0002");
        breaks.BecomeLookedAfter(D("2025-05-01"), LegalStatus.V3, PlacementType.U4, CategoryOfNeed.N2, s_today, s_rules);
        breaks.RecordReviewHeld(D("2025-07-31"), null, s_today, s_rules);

        var files = ReturnExport.Build([child, breaks], s_year);

        var review = Assert.Single(files.Reviews);
        Assert.Equal("CR0001,01/05/2012,20/06/2025,PN3", Csv(review));
        Assert.Null(files.Header.Single(h => h[0] == "CR0002")[5]); // MOTHER blank for short breaks only (rule 399)
    }

    [Fact]
    public void A_councils_return_passes_the_apps_own_checks_with_no_problems()
    {
        var children = ReturnPopulation.Build(42, s_today, s_rules);

        var files = ReturnExport.Build(children, s_year);
        var problems = ReturnChecks.Run(files.Tables, s_year);

        Assert.True(files.Episodes.Count > 200, $"Only {files.Episodes.Count} episodes");
        Assert.True(files.Reviews.Count > 200, $"Only {files.Reviews.Count} reviews");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20).Select(p => $"{p.Code} {p.Table} {p.ChildLocalId} {p.Field}: {p.Message}")));
    }
}
