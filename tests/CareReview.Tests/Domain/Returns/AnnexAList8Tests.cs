using CareReview.Domain;
using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Returns;
using CareReview.Domain.Staff;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain.Returns;

/// <summary>
/// Ofsted's Annex A List 8 worked out from hand-built children, for the window 1 June to 30 November 2026.
/// The 12 months before the window's end are 1 December 2025 to 30 November 2026.
/// </summary>
public sealed class AnnexAList8Tests
{
    private static readonly Rulebook s_rules = Rulebook.National;
    private static readonly DateOnly s_today = D("2026-12-05");
    private static readonly DateOnly s_from = D("2026-06-01");
    private static readonly DateOnly s_to = D("2026-11-30");

    private static Child AChild(string localId = "CR0001", string dateOfBirth = "2012-05-01", Sex sex = Sex.F) =>
        new(localId, "Sam", "Taylor", D(dateOfBirth), sex);

    private static Child LookedAfterSince(string startedOn, string localId = "CR0001", LegalStatus legalStatus = LegalStatus.C2,
        PlacementType placement = PlacementType.U4, string dateOfBirth = "2012-05-01")
    {
        var child = AChild(localId, dateOfBirth);
        child.BecomeLookedAfter(D(startedOn), legalStatus, placement, CategoryOfNeed.N1, s_today, s_rules);
        return child;
    }

    private static string?[] OnlyRow(params Child[] children) => Assert.Single(AnnexAList8.Build(children, s_from, s_to).Rows);

    private static string? Cell(string?[] row, string column) => AnnexAList8Table.Cell(row, column);

    [Fact]
    public void The_columns_are_the_34_headings_of_the_template_in_order()
    {
        string[] expected =
        [
            "Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)", "UASC within the last 12 months (Y/N)",
            "Does the Child have a Disability", "Date Started to be Looked After", "Child's Category of Need",
            "Is this a second or subsequent period of being looked after within the last 12 months (Y/N)",
            "Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review", "Date of Last Social Work Visit",
            "What is the permanence plan for this child?", "Date of Last IRO Visit / Contact to the Child", "Date of Last Health Assessment",
            "Date of Last Dental Check", "Number of Placements in the Last 12 Months", "Date Ceased to be Looked After",
            "Reason Ceased to be Looked After", "Start Date of Most Recent Placement", "Placement Type", "Placement Provider",
            "Placement postcode", "URN of Placement", "Placement Location", "LA of Placement", "Number of episodes 'Missing' in last 12 months",
            "Number of episodes 'Absent' in last 12 months", "Offered return interview after last missing episode (Y/N)",
            "Accepted return interview (Y/N)", "Allocated Team", "Allocated Worker",
        ];

        Assert.Equal(expected, AnnexAList8.Columns);
        Assert.Equal(34, Assert.Single(AnnexAList8.Build([LookedAfterSince("2026-01-05")], s_from, s_to).Rows).Length);
    }

    [Fact]
    public void Children_on_short_breaks_alone_are_left_out_and_a_child_with_another_episode_in_the_window_is_in()
    {
        var v3 = LookedAfterSince("2026-03-02", "CR0001", LegalStatus.V3);
        var v4 = LookedAfterSince("2026-03-02", "CR0002", LegalStatus.V4);
        var breaksThenCare = LookedAfterSince("2026-03-02", "CR0003", LegalStatus.V3);
        breaksThenCare.ChangeEpisode(D("2026-07-01"), LegalStatus.C1, PlacementMove.None, PlacementType.U4, null, s_today, s_rules);
        var careThenBreaks = LookedAfterSince("2025-09-01", "CR0004", LegalStatus.V2);
        careThenBreaks.ChangeEpisode(D("2026-07-01"), LegalStatus.V3, PlacementMove.None, PlacementType.U4, null, s_today, s_rules);

        var table = AnnexAList8.Build([v3, v4, breaksThenCare, careThenBreaks], s_from, s_to);

        Assert.Equal(["CR0003", "CR0004"], table.Rows.Select(r => r[0]));
        Assert.Equal("C1", Cell(table.Rows[0], "Child's Legal Status"));
    }

    [Fact]
    public void Only_children_looked_after_on_a_day_of_the_window_are_in()
    {
        var leftTheDayBefore = LookedAfterSince("2025-01-06", "CR0001");
        leftTheDayBefore.CeaseToBeLookedAfter(D("2026-05-31"), ReasonEpisodeCeased.E4A, s_today, s_rules);
        var leftOnTheFirstDay = LookedAfterSince("2025-01-06", "CR0002");
        leftOnTheFirstDay.CeaseToBeLookedAfter(D("2026-06-01"), ReasonEpisodeCeased.E4A, s_today, s_rules);
        var cameOnTheLastDay = LookedAfterSince("2026-11-30", "CR0003");
        var cameAfter = LookedAfterSince("2026-12-01", "CR0004");

        var table = AnnexAList8.Build([cameAfter, cameOnTheLastDay, leftOnTheFirstDay, leftTheDayBefore], s_from, s_to);

        Assert.Equal(["CR0002", "CR0003"], table.Rows.Select(r => r[0]));
    }

    [Fact]
    public void A_child_who_left_in_the_window_has_the_date_and_reason_they_ceased_and_the_start_of_that_period()
    {
        var child = LookedAfterSince("2025-10-06");
        child.CeaseToBeLookedAfter(D("2026-08-14"), ReasonEpisodeCeased.E41, s_today, s_rules);

        var row = OnlyRow(child);

        Assert.Equal("14/08/2026", Cell(row, "Date Ceased to be Looked After"));
        Assert.Equal("E41", Cell(row, "Reason Ceased to be Looked After"));
        Assert.Equal("06/10/2025", Cell(row, "Date Started to be Looked After"));
    }

    [Fact]
    public void A_child_who_left_after_the_window_is_shown_as_still_looked_after_and_later_episodes_are_not_read()
    {
        var child = LookedAfterSince("2025-10-06");
        child.ChangeEpisode(D("2026-12-01"), LegalStatus.C2, PlacementMove.NewCarers, PlacementType.U6, ReasonForPlacementChange.CARPL, s_today, s_rules);
        child.CeaseToBeLookedAfter(D("2026-12-03"), ReasonEpisodeCeased.E4A, s_today, s_rules);

        var row = OnlyRow(child);

        Assert.Null(Cell(row, "Date Ceased to be Looked After"));
        Assert.Null(Cell(row, "Reason Ceased to be Looked After"));
        Assert.Equal("U4", Cell(row, "Placement Type"));
        Assert.Equal("1", Cell(row, "Number of Placements in the Last 12 Months"));
    }

    [Theory]
    [InlineData("2012-12-01", "13")] // 14 the day after the window ends
    [InlineData("2012-11-30", "14")] // 14 on its last day
    public void The_age_is_the_childs_age_on_the_last_day_of_the_window(string dateOfBirth, string age)
    {
        var row = OnlyRow(LookedAfterSince("2026-01-05", dateOfBirth: dateOfBirth));

        Assert.Equal(age, Cell(row, "Age of Child (Years)"));
        Assert.Equal(D(dateOfBirth).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), Cell(row, "Date of Birth"));
    }

    [Fact]
    public void The_childs_codes_are_written_as_the_domain_holds_them()
    {
        var child = LookedAfterSince("2026-01-05", placement: PlacementType.K2);
        child.RecordReturnDetails(new ChildReturnDetails(Ethnicity.BAFR, null, null, null, true, false, null), s_today);
        child.CorrectPlacement(child.Episodes[0], new PlacementDetails(PlacementProvider.PR4, "LS1 4AP", "BD1 1AA", "SC123456"));

        var row = OnlyRow(child);

        Assert.Equal("CR0001,F,BAFR,01/05/2012", string.Join(",", row[..4]));
        Assert.Equal("Y", Cell(row, "Does the Child have a Disability"));
        Assert.Equal("N1", Cell(row, "Child's Category of Need"));
        Assert.Equal("K2", Cell(row, "Placement Type"));
        Assert.Equal("PR4", Cell(row, "Placement Provider"));
        Assert.Equal("BD1 1AA", Cell(row, "Placement postcode"));
        Assert.Equal("SC123456", Cell(row, "URN of Placement"));
    }

    [Fact]
    public void Unknown_details_and_the_columns_care_review_holds_no_data_for_are_blank()
    {
        var row = OnlyRow(LookedAfterSince("2026-01-05"));

        Assert.Null(Cell(row, "Ethnicity"));
        Assert.Null(Cell(row, "Does the Child have a Disability"));
        Assert.Null(Cell(row, "What is the permanence plan for this child?"));
        Assert.Null(Cell(row, "Date of Latest Statutory Review"));
        Assert.All(AnnexAList8.BlankColumns, blank => Assert.Null(Cell(row, blank.Column)));
        Assert.Equal(6, AnnexAList8.BlankColumns.Count);
    }

    [Theory]
    [InlineData(false, null, "N")]
    [InlineData(true, null, "Y")]
    [InlineData(true, "2026-01-10", "Y")] // ceased within the 12 months
    [InlineData(true, "2025-11-30", "N")] // ceased the day before the 12 months began
    public void Uasc_within_the_last_12_months(bool isUasc, string? ceasedOn, string expected)
    {
        var child = LookedAfterSince("2025-06-02", dateOfBirth: "2009-01-01");
        child.RecordReturnDetails(new ChildReturnDetails(null, null, null, null, null, isUasc, OptionalD(ceasedOn)), s_today);

        Assert.Equal(expected, Cell(OnlyRow(child), "UASC within the last 12 months (Y/N)"));
    }

    [Fact]
    public void Placements_in_the_12_months_count_the_one_held_as_they_began_and_each_move_but_not_a_change_of_legal_status()
    {
        var child = LookedAfterSince("2025-01-06", legalStatus: LegalStatus.C1);
        child.ChangeEpisode(D("2025-06-02"), LegalStatus.C1, PlacementMove.NewCarers, PlacementType.U6, ReasonForPlacementChange.CARPL, s_today, s_rules);
        child.ChangeEpisode(D("2026-02-02"), LegalStatus.C1, PlacementMove.NewCarers, PlacementType.U4, ReasonForPlacementChange.CHILD, s_today, s_rules);
        child.ChangeEpisode(D("2026-05-04"), LegalStatus.C2, PlacementMove.None, PlacementType.U4, null, s_today, s_rules);
        child.ChangeEpisode(D("2026-08-10"), LegalStatus.C2, PlacementMove.NewCarers, PlacementType.K2, ReasonForPlacementChange.CARPL, s_today, s_rules);

        var row = OnlyRow(child);

        Assert.Equal("3", Cell(row, "Number of Placements in the Last 12 Months"));
        Assert.Equal("10/08/2026", Cell(row, "Start Date of Most Recent Placement"));
        Assert.Equal("04/05/2026", Cell(row, "Start date of current legal status"));
        Assert.Equal("C2", Cell(row, "Child's Legal Status"));
        Assert.Equal("06/01/2025", Cell(row, "Date Started to be Looked After"));
    }

    [Fact]
    public void A_change_of_legal_status_alone_keeps_the_start_of_the_placement()
    {
        var child = LookedAfterSince("2025-01-06", legalStatus: LegalStatus.C1);
        child.ChangeEpisode(D("2026-03-02"), LegalStatus.C1, PlacementMove.NewCarers, PlacementType.U6, ReasonForPlacementChange.CARPL, s_today, s_rules);
        child.ChangeEpisode(D("2026-07-01"), LegalStatus.C2, PlacementMove.None, PlacementType.U6, null, s_today, s_rules);

        var row = OnlyRow(child);

        Assert.Equal("02/03/2026", Cell(row, "Start Date of Most Recent Placement"));
        Assert.Equal("01/07/2026", Cell(row, "Start date of current legal status"));
        Assert.Equal("2", Cell(row, "Number of Placements in the Last 12 Months"));
    }

    [Fact]
    public void A_second_period_is_flagged_when_another_ended_in_the_12_months_before_it_began()
    {
        var again = LookedAfterSince("2025-03-03", "CR0001");
        again.CeaseToBeLookedAfter(D("2025-07-15"), ReasonEpisodeCeased.E4A, s_today, s_rules);
        again.BecomeLookedAfter(D("2026-04-01"), LegalStatus.V2, PlacementType.U6, CategoryOfNeed.N4, s_today, s_rules);
        var longAgo = LookedAfterSince("2023-03-06", "CR0002");
        longAgo.CeaseToBeLookedAfter(D("2024-07-15"), ReasonEpisodeCeased.E4A, s_today, s_rules);
        longAgo.BecomeLookedAfter(D("2026-04-01"), LegalStatus.V2, PlacementType.U6, CategoryOfNeed.N4, s_today, s_rules);

        var table = AnnexAList8.Build([again, longAgo], s_from, s_to);

        Assert.Equal("Y", Cell(table.Rows[0], "Is this a second or subsequent period of being looked after within the last 12 months (Y/N)"));
        Assert.Equal("01/04/2026", Cell(table.Rows[0], "Date Started to be Looked After"));
        Assert.Equal("N4", Cell(table.Rows[0], "Child's Category of Need"));
        Assert.Equal("N", Cell(table.Rows[1], "Is this a second or subsequent period of being looked after within the last 12 months (Y/N)"));
    }

    [Fact]
    public void The_latest_review_is_the_last_held_by_the_windows_end_in_this_period_of_care()
    {
        var child = LookedAfterSince("2025-01-06");
        child.RecordReviewHeld(D("2025-01-30"), ParticipationCode.PN1, s_today, s_rules);
        child.CeaseToBeLookedAfter(D("2025-03-31"), ReasonEpisodeCeased.E4A, s_today, s_rules);
        child.BecomeLookedAfter(D("2026-01-05"), LegalStatus.C2, PlacementType.U4, CategoryOfNeed.N1, s_today, s_rules);
        child.RecordReviewHeld(D("2026-01-29"), ParticipationCode.PN1, s_today, s_rules);
        child.RecordReviewHeld(D("2026-04-20"), ParticipationCode.PN5, s_today, s_rules);
        child.RecordReviewHeld(D("2026-12-02"), ParticipationCode.PN1, s_today, s_rules);

        var row = OnlyRow(child);

        Assert.Equal("20/04/2026", Cell(row, "Date of Latest Statutory Review"));
        // PN5: the child did not attend the April review, so the IRO last met them at the one in January.
        Assert.Equal("29/01/2026", Cell(row, "Date of Last IRO Visit / Contact to the Child"));
    }

    [Fact]
    public void Seeing_the_child_alone_before_a_review_counts_as_the_iros_last_contact()
    {
        var child = LookedAfterSince("2026-06-01");
        child.RecordReviewHeld(D("2026-06-25"), ParticipationCode.PN1, D("2026-06-25"), s_rules);
        var review = child.ScheduleReview(ReviewFixtures.Arrangements("2026-09-20"), D("2026-09-01"), s_rules);
        review.RecordChildSeenAlone(D("2026-09-15"), null, D("2026-09-15"));

        Assert.Equal("15/09/2026", Cell(OnlyRow(child), "Date of Last IRO Visit / Contact to the Child"));
    }

    [Fact]
    public void The_last_social_work_visit_is_one_where_the_child_was_seen_by_the_windows_end()
    {
        var child = LookedAfterSince("2026-01-05");
        child.RecordCareEvent(new CareEventDraft(CareEventKind.Visit, D("2026-10-01"), true, true, null, null), "Sol", s_today, s_rules);
        child.RecordCareEvent(new CareEventDraft(CareEventKind.Visit, D("2026-11-10"), false, null, null, null), "Sol", s_today, s_rules);
        child.RecordCareEvent(new CareEventDraft(CareEventKind.Visit, D("2026-12-01"), true, true, null, null), "Sol", s_today, s_rules);

        Assert.Equal("01/10/2026", Cell(OnlyRow(child), "Date of Last Social Work Visit"));
    }

    [Fact]
    public void The_last_health_assessment_and_dental_check_are_their_own_latest_dates()
    {
        var child = LookedAfterSince("2026-01-05");
        child.RecordCareEvent(new CareEventDraft(CareEventKind.HealthAssessment, D("2025-12-01"), null, null, null, null), "Sol", s_today, s_rules);
        child.RecordCareEvent(new CareEventDraft(CareEventKind.HealthAssessment, D("2026-03-09"), null, null, null, null), "Sol", s_today, s_rules);
        child.RecordCareEvent(new CareEventDraft(CareEventKind.DentalCheck, D("2026-04-14"), null, null, null, null), "Sol", s_today, s_rules);
        child.RecordCareEvent(new CareEventDraft(CareEventKind.DentalCheck, D("2026-12-04"), null, null, null, null), "Sol", s_today, s_rules);

        var row = OnlyRow(child);

        Assert.Equal("09/03/2026", Cell(row, "Date of Last Health Assessment"));
        Assert.Equal("14/04/2026", Cell(row, "Date of Last Dental Check"));
    }

    [Fact]
    public void The_permanence_plan_is_the_first_option_of_the_plan_in_force_at_the_windows_end()
    {
        var child = LookedAfterSince("2026-01-05");
        child.ChangeCarePlan(new CarePlanDraft([PermanenceOption.ADOPTION, PermanenceOption.LTFOST18], Sections(), null), "Sol", D("2026-02-02"), s_rules);
        child.ChangeCarePlan(new CarePlanDraft([PermanenceOption.RETURN6M], Sections(), null), "Sol", D("2026-12-02"), s_rules);

        Assert.Equal("LTFOST18", Cell(OnlyRow(child), "What is the permanence plan for this child?"));
    }

    [Fact]
    public void The_allocated_worker_and_team_are_those_on_the_windows_end()
    {
        var first = new StaffMember("Pat First", StaffRole.SocialWorker, team: new Team("North"));
        var second = new StaffMember("Lee Second", StaffRole.SocialWorker, team: new Team("South"));
        var third = new StaffMember("Kim Third", StaffRole.SocialWorker, team: new Team("West"));
        var child = AChild();
        child.Allocate(null, first, s_today, s_rules, D("2026-01-05"));
        child.BecomeLookedAfter(D("2026-01-05"), LegalStatus.C2, PlacementType.U4, CategoryOfNeed.N1, s_today, s_rules);
        child.Allocate(null, second, s_today, s_rules, D("2026-09-01"));
        child.Allocate(null, third, s_today, s_rules, D("2026-12-01"));

        var row = OnlyRow(child);

        Assert.Equal("Lee Second", Cell(row, "Allocated Worker"));
        Assert.Null(Cell(row, "Allocated Team")); // not the current worker, and no team list given

        var withTeams = Assert.Single(AnnexAList8.Build([child], s_from, s_to, new Dictionary<int, string> { [0] = "South" }).Rows);
        Assert.Equal("South", Cell(withTeams, "Allocated Team"));
        Assert.Equal("West", Cell(Assert.Single(AnnexAList8.Build([child], s_from, D("2026-12-01")).Rows), "Allocated Team"));
    }

    [Theory]
    [InlineData("2026-11-30", "2026-06-01", "To")]
    [InlineData("2026-06-01", "2026-12-06", "To")]
    public void A_window_that_runs_backwards_or_ends_after_today_is_refused(string from, string to, string field)
    {
        var refusal = Assert.Throws<DomainRuleException>(() => AnnexAList8.CheckWindow(D(from), D(to), s_today));

        Assert.Equal(field, refusal.Field);
    }

    [Fact]
    public void A_window_of_one_day_ending_today_is_allowed()
    {
        AnnexAList8.CheckWindow(s_today, s_today, s_today);
    }

    [Fact]
    public void A_councils_list_has_a_row_for_each_child_in_care_in_the_window_and_its_dates_hang_together()
    {
        var today = D("2026-11-23");
        var (from, to) = (D("2026-05-24"), today);
        var children = ReturnPopulation.Build(42, today, s_rules);
        var expected = children.Where(c => c.Episodes.Any(e => e.StartedOn <= to && (e.EndedOn is null || e.EndedOn >= from)
            && !e.LegalStatus.IsShortBreak())).Select(c => c.LocalId).Order(StringComparer.Ordinal);

        var table = AnnexAList8.Build(children, from, to);

        Assert.True(table.Rows.Count > 50, $"Only {table.Rows.Count} children");
        Assert.Equal(expected, table.Rows.Select(r => r[0]));
        var dateColumns = AnnexAList8.Columns.Where(c => c.StartsWith("Date", StringComparison.Ordinal) || c.StartsWith("Start", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, dateColumns.Count);
        foreach (var row in table.Rows)
        {
            DateOnly? Date(string column) => Cell(row, column) is { } text
                ? DateOnly.ParseExact(text, "dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
                : null;

            Assert.All(dateColumns, c => Assert.True(Date(c) is null || Date(c) <= to, $"{row[0]} {c} {Cell(row, c)}"));
            var started = Date("Date Started to be Looked After")!.Value;
            Assert.True(Date("Start Date of Most Recent Placement") >= started, row[0]);
            Assert.True(Date("Start date of current legal status") >= started, row[0]);
            Assert.True(Date("Date of Latest Statutory Review") is null || Date("Date of Latest Statutory Review") >= started, row[0]);
            Assert.True(Date("Date Ceased to be Looked After") is null || Date("Date Ceased to be Looked After") >= from, row[0]);
            Assert.Equal(Date("Date Ceased to be Looked After") is null, Cell(row, "Reason Ceased to be Looked After") is null);
            Assert.True(int.Parse(Cell(row, "Number of Placements in the Last 12 Months")!, System.Globalization.CultureInfo.InvariantCulture) >= 1, row[0]);
        }
    }

    private static Dictionary<CarePlanSection, string?> Sections() =>
        Enum.GetValues<CarePlanSection>().ToDictionary(s => s, s => (string?)$"The {s} part of the plan");
}
