using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>
/// What the DfE return asks about a child and each placement beyond the episode codes: ethnicity, UPN,
/// mother, UASC, and the placement's provider, postcodes and URN, checked as the return checks them.
/// </summary>
public sealed class ReturnDetailsTests
{
    private static readonly Rulebook s_rules = Rulebook.National;
    private static readonly DateOnly s_today = D("2026-06-01");

    private static readonly ChildReturnDetails s_blank = new(null, null, null, null, null, false, null);

    private static Child AGirl() => new("LOC-0001", "Sam", "Taylor", D("2009-05-01"), Sex.F);

    private static void AssertRefused(string field, Action action) =>
        Assert.Equal(field, Assert.Throws<DomainRuleException>(action).Field);

    [Fact]
    public void The_details_are_kept_with_the_upn_in_capitals()
    {
        var child = AGirl();

        child.RecordReturnDetails(new ChildReturnDetails(Ethnicity.MWBA, " a12345678901b ", true, D("2025-09-14"), false, true, D("2026-02-01")), s_today);

        Assert.Equal(Ethnicity.MWBA, child.Ethnicity);
        Assert.Equal("A12345678901B", child.Upn);
        Assert.True(child.IsMother);
        Assert.Equal(D("2025-09-14"), child.MothersChildBornOn);
        Assert.False(child.HasDisability);
        Assert.True(child.IsUasc);
        Assert.Equal(D("2026-02-01"), child.UascCeasedOn);
        Assert.Equal(child.ReturnDetails, new ChildReturnDetails(Ethnicity.MWBA, "A12345678901B", true, D("2025-09-14"), false, true, D("2026-02-01")));
    }

    [Theory]
    [InlineData("I12345678901B")] // I is never the first letter
    [InlineData("A1234567890")] // too short
    [InlineData("UN6")]
    public void A_upn_of_the_wrong_shape_is_refused(string upn)
    {
        var child = AGirl();

        AssertRefused("Upn", () => child.RecordReturnDetails(s_blank with { Upn = upn }, s_today));
        Assert.Null(child.Upn);
    }

    [Fact]
    public void Only_a_girl_or_young_woman_is_asked_whether_she_is_a_mother()
    {
        var boy = new Child("LOC-0002", "Alex", "Taylor", D("2009-05-01"), Sex.M);

        AssertRefused("IsMother", () => boy.RecordReturnDetails(s_blank with { IsMother = false }, s_today));
    }

    [Theory]
    [InlineData(false, "2025-09-14")] // not a mother
    [InlineData(true, "2009-04-30")] // before her own birth
    [InlineData(true, "2026-06-02")] // tomorrow
    public void The_date_of_birth_of_her_child_needs_a_mother_and_a_possible_date(bool isMother, string bornOn)
    {
        var child = AGirl();

        AssertRefused("MothersChildBornOn", () =>
            child.RecordReturnDetails(s_blank with { IsMother = isMother, MothersChildBornOn = D(bornOn) }, s_today));
    }

    [Theory]
    [InlineData(false, "2026-01-01")] // never an unaccompanied asylum-seeking child
    [InlineData(true, "2027-05-02")] // after the 18th birthday (rule 304)
    public void The_day_uasc_status_ended_needs_the_status_and_an_end_by_the_18th_birthday(bool isUasc, string ceasedOn)
    {
        var child = AGirl();

        AssertRefused("UascCeasedOn", () =>
            child.RecordReturnDetails(s_blank with { IsUasc = isUasc, UascCeasedOn = D(ceasedOn) }, s_today));
    }

    [Fact]
    public void Uasc_status_may_end_on_the_18th_birthday()
    {
        var child = AGirl();

        child.RecordReturnDetails(s_blank with { IsUasc = true, UascCeasedOn = D("2027-05-01") }, s_today);

        Assert.Equal(D("2027-05-01"), child.UascCeasedOn);
    }

    // ---- Placement details ------------------------------------------------------------------------

    [Fact]
    public void Postcodes_are_written_in_capitals_with_one_space_and_the_urn_in_capitals()
    {
        var details = new PlacementDetails(PlacementProvider.PR1, "ls14ap", " LS6  2QB ", "sc123456").Checked(PlacementType.U4);

        Assert.Equal(new PlacementDetails(PlacementProvider.PR1, "LS1 4AP", "LS6 2QB", "SC123456"), details);
    }

    [Theory]
    [InlineData("LS1", null, "PlacementPostcode")]
    [InlineData("LS1 4AP", "12345", "Urn")]
    [InlineData("LS1 4AP", "SC12345", "Urn")]
    public void A_postcode_or_urn_of_the_wrong_shape_is_refused(string postcode, string? urn, string field)
    {
        AssertRefused(field, () => _ = new PlacementDetails(null, null, postcode, urn).Checked(PlacementType.U4));
    }

    [Theory]
    [InlineData(PlacementType.T1)]
    [InlineData(PlacementType.Z12)]
    public void A_temporary_or_z_placement_has_no_provider(PlacementType placementType)
    {
        AssertRefused("Provider", () => _ = new PlacementDetails(PlacementProvider.PR1, null, null, null).Checked(placementType));
    }

    [Fact]
    public void Only_a_child_placed_with_parents_may_be_placed_at_the_home_postcode()
    {
        AssertRefused("PlacementPostcode", () => _ = new PlacementDetails(null, "LS1 4AP", "LS1 4AP", null).Checked(PlacementType.U4));

        var atHome = new PlacementDetails(PlacementProvider.PR1, "LS1 4AP", "LS1 4AP", PlacementDetails.NoUrn).Checked(PlacementType.P1);
        Assert.Equal("LS1 4AP", atHome.PlacementPostcode);
    }

    [Fact]
    public void A_change_of_legal_status_alone_keeps_the_placement_details_and_a_move_keeps_the_home_postcode()
    {
        var child = AGirl();
        var first = new PlacementDetails(PlacementProvider.PR1, "LS1 4AP", "LS6 2QB", "SC123456");
        child.BecomeLookedAfter(D("2025-06-02"), LegalStatus.C1, PlacementType.U4, CategoryOfNeed.N1, s_today, s_rules, first);

        child.ChangeEpisode(D("2025-09-01"), LegalStatus.C2, PlacementMove.None, PlacementType.U4, null, s_today, s_rules);
        Assert.Equal(first, child.CurrentEpisode!.Placement);

        child.ChangeEpisode(D("2025-12-01"), LegalStatus.C2, PlacementMove.NewCarers, PlacementType.U6, ReasonForPlacementChange.CARPL, s_today, s_rules);
        Assert.Equal(new PlacementDetails(null, "LS1 4AP", null, null), child.CurrentEpisode!.Placement);
    }

    [Fact]
    public void A_change_refused_for_its_placement_details_leaves_the_episodes_as_they_were()
    {
        var child = AGirl();
        child.BecomeLookedAfter(D("2025-06-02"), LegalStatus.C1, PlacementType.U4, CategoryOfNeed.N1, s_today, s_rules);

        AssertRefused("Provider", () => child.ChangeEpisode(D("2025-09-01"), LegalStatus.C1, PlacementMove.NewCarers, PlacementType.T1, null,
            s_today, s_rules, new PlacementDetails(PlacementProvider.PR1, null, null, null)));

        var episode = Assert.Single(child.Episodes);
        Assert.True(episode.IsOpen);
    }
}
