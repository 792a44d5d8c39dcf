using CareReview.Domain.Escalations;
using static CareReview.Tests.Domain.ReviewFixtures;

namespace CareReview.Tests.Domain;

/// <summary>
/// A council's formal dispute-resolution process (statutory-rules.md §3.3 I9–I10): numbered levels of
/// seniority, each with who responds and how many working days they have. Councils differ, so the stages
/// are configurable; each problem with them is reported against its row ("Stages[1].Respondent").
/// </summary>
public sealed class DisputeResolutionProcessTests
{
    private static DrpStageDefinition Stage(int number, string respondent = "Head of service", int days = 5) =>
        new(number, respondent, days);

    private static List<DrpStageDefinition> Numbered(int count) =>
        [.. Enumerable.Range(1, count).Select(n => Stage(n, $"Level {n}"))];

    private static IEnumerable<string?> Fields(IReadOnlyList<DrpStageDefinition> stages) =>
        DisputeResolutionProcess.Problems(stages).Select(p => p.Field);

    // ---- The usual process ---------------------------------------------------------------------

    [Fact]
    public void The_default_process_has_four_stages_of_five_working_days()
    {
        var process = DisputeResolutionProcess.Default;

        Assert.Equal([1, 2, 3, 4], process.Stages.Select(s => s.Number));
        Assert.All(process.Stages, s => Assert.Equal(5, s.ResponseWorkingDays));
        Assert.Equal(20, process.PlannedWorkingDays);
        Assert.Equal(DisputeResolutionProcess.TotalWorkingDays, process.PlannedWorkingDays);
    }

    [Fact]
    public void The_default_process_rises_through_the_levels_of_seniority()
    {
        Assert.Equal(["Team manager", "Head of service", "Assistant director", "Director of children's services"],
            DisputeResolutionProcess.Default.Stages.Select(s => s.Respondent));
    }

    [Fact]
    public void The_default_process_has_no_problems()
    {
        Assert.Empty(DisputeResolutionProcess.Problems(DisputeResolutionProcess.Default.Stages));
    }

    [Fact]
    public void The_Handbook_limit_is_twenty_working_days()
    {
        Assert.Equal(20, DisputeResolutionProcess.TotalWorkingDays);
    }

    // ---- A council's own process ---------------------------------------------------------------

    [Fact]
    public void A_council_can_allow_ten_working_days_for_the_first_alert()
    {
        var process = new DisputeResolutionProcess([Stage(1, "Team manager", 10), Stage(2, "Head of service", 5), Stage(3, "Assistant director", 5)]);

        Assert.Equal(3, process.Stages.Count);
        Assert.Equal(10, process.Stage(1).ResponseWorkingDays);
        Assert.Equal(20, process.PlannedWorkingDays);
    }

    [Fact]
    public void A_process_planned_to_take_longer_than_twenty_working_days_is_allowed_as_a_warning_not_a_refusal()
    {
        var process = new DisputeResolutionProcess([Stage(1, "Team manager", 10), Stage(2, "Head of service", 10), Stage(3, "Director", 10)]);

        Assert.Equal(30, process.PlannedWorkingDays);
        Assert.True(process.PlannedWorkingDays > DisputeResolutionProcess.TotalWorkingDays);
    }

    [Fact]
    public void Stages_given_out_of_order_are_put_in_order()
    {
        var process = new DisputeResolutionProcess([Stage(3, "Director"), Stage(1, "Team manager"), Stage(2, "Head of service")]);

        Assert.Equal([1, 2, 3], process.Stages.Select(s => s.Number));
        Assert.Equal(["Team manager", "Head of service", "Director"], process.Stages.Select(s => s.Respondent));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void A_process_may_have_from_one_to_six_stages(int count)
    {
        var process = new DisputeResolutionProcess(Numbered(count));

        Assert.Equal(count, process.Stages.Count);
        Assert.Equal(5 * count, process.PlannedWorkingDays);
    }

    [Theory]
    [InlineData(1, "Team manager")]
    [InlineData(4, "Director of children's services")]
    public void A_stage_is_found_by_its_number(int number, string respondent)
    {
        var stage = DisputeResolutionProcess.Default.Stage(number);

        Assert.Equal(number, stage.Number);
        Assert.Equal(respondent, stage.Respondent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    public void A_stage_the_process_does_not_have_is_refused(int number)
    {
        var refusal = AssertRefused("Stage", () => DisputeResolutionProcess.Default.Stage(number));

        Assert.Equal("Choose a stage from 1 to 4", refusal.Message);
    }

    // ---- Problems, each against its row --------------------------------------------------------

    [Fact]
    public void A_process_needs_at_least_one_stage()
    {
        var problem = Assert.Single(DisputeResolutionProcess.Problems([]));

        Assert.Equal("Stages", problem.Field);
        Assert.Equal("The process needs at least one stage", problem.Message);
        AssertRefused("Stages", () => new DisputeResolutionProcess([]));
    }

    [Fact]
    public void A_process_can_have_no_more_than_six_stages()
    {
        var problem = Assert.Single(DisputeResolutionProcess.Problems(Numbered(7)));

        Assert.Equal("Stages", problem.Field);
        Assert.Equal("The process can have no more than 6 stages", problem.Message);
        AssertRefused("Stages", () => new DisputeResolutionProcess(Numbered(7)));
    }

    [Fact]
    public void A_gap_in_the_numbering_is_reported_on_the_row_after_it()
    {
        var stages = new[] { Stage(1), Stage(2), Stage(4) };

        var problem = Assert.Single(DisputeResolutionProcess.Problems(stages));

        Assert.Equal("Stages[2].Number", problem.Field);
        Assert.Equal("Stages are numbered 1, 2, 3 and so on with none missing", problem.Message);
        AssertRefused("Stages[2].Number", () => new DisputeResolutionProcess(stages));
    }

    [Fact]
    public void Numbering_that_does_not_start_at_one_is_reported_on_every_row()
    {
        Assert.Equal(["Stages[0].Number", "Stages[1].Number"], Fields([Stage(2), Stage(3)]));
    }

    [Fact]
    public void A_repeated_number_is_reported()
    {
        Assert.Equal(["Stages[1].Number"], Fields([Stage(1), Stage(1)]));
        AssertRefused("Stages[1].Number", () => new DisputeResolutionProcess([Stage(1), Stage(1)]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_stage_without_a_respondent_is_reported_on_its_row(string respondent)
    {
        var stages = new[] { Stage(1, "Team manager"), Stage(2, respondent) };

        var problem = Assert.Single(DisputeResolutionProcess.Problems(stages));

        Assert.Equal("Stages[1].Respondent", problem.Field);
        Assert.Equal("Enter who responds at stage 2, for example head of service", problem.Message);
        AssertRefused("Stages[1].Respondent", () => new DisputeResolutionProcess(stages));
    }

    [Fact]
    public void A_respondent_longer_than_its_column_is_reported()
    {
        var tooLong = new string('r', DisputeResolutionProcess.MaxRespondentLength + 1);

        Assert.Equal(["Stages[0].Respondent"], Fields([Stage(1, tooLong)]));
        Assert.Empty(Fields([Stage(1, new string('r', DisputeResolutionProcess.MaxRespondentLength))]));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    [InlineData(-5)]
    public void A_stage_must_allow_from_one_to_twenty_working_days(int days)
    {
        var stages = new[] { Stage(1, "Team manager"), Stage(2, "Head of service"), Stage(3, "Director", days) };

        var problem = Assert.Single(DisputeResolutionProcess.Problems(stages));

        Assert.Equal("Stages[2].ResponseWorkingDays", problem.Field);
        Assert.Equal("The time to respond at stage 3 must be from 1 to 20 working days", problem.Message);
        AssertRefused("Stages[2].ResponseWorkingDays", () => new DisputeResolutionProcess(stages));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(20)]
    public void One_and_twenty_working_days_are_allowed(int days)
    {
        Assert.Equal(days, new DisputeResolutionProcess([Stage(1, "Team manager", days)]).PlannedWorkingDays);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_against_its_row()
    {
        var stages = new[] { Stage(1, "Team manager"), Stage(3, " ", 0), Stage(3, "Director", 21) };

        Assert.Equal(
        [
            "Stages[1].Number", "Stages[1].Respondent", "Stages[1].ResponseWorkingDays",
            "Stages[2].ResponseWorkingDays",
        ], Fields(stages));
    }

    [Fact]
    public void Too_many_stages_are_reported_with_the_problems_in_the_rows()
    {
        var stages = Numbered(7);
        stages[6] = Stage(7, "", 5);

        Assert.Equal(["Stages", "Stages[6].Respondent"], Fields(stages));
    }

    [Fact]
    public void The_process_refuses_the_first_problem()
    {
        var refusal = AssertRefused("Stages[0].Respondent", () => new DisputeResolutionProcess([Stage(1, ""), Stage(2, "", 0)]));

        Assert.Equal("Enter who responds at stage 1, for example head of service", refusal.Message);
    }
}
