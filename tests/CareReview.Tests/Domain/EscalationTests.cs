using CareReview.Domain;
using CareReview.Domain.Escalations;
using static System.FormattableString;
using static CareReview.Tests.Domain.Dates;
using static CareReview.Tests.Domain.EscalationFixtures;

namespace CareReview.Tests.Domain;

/// <summary>Concerns, processes and people for the escalation domain tests.</summary>
/// <remarks>
/// The IRO (staff 7) raises concerns about child 11. The people asked at stages 1 to 6 are staff 21 to
/// 26. November 2026 has no bank holiday, so a formal process started on Monday 2 November 2026 reaches
/// its 20th working day on Monday 30 November 2026.
/// </remarks>
internal static class EscalationFixtures
{
    public const int ChildId = 11;
    public const int TeamId = 3;
    public const int Iro = 7;
    public const string IroName = "IRO Jo";
    public const string Reason = "No plan has been made and the drift continues";

    public static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.EnglandAndWales;
    public static readonly DisputeResolutionProcess Default = DisputeResolutionProcess.Default;

    /// <summary>A council that allows 10 working days for the first alert (statutory-rules.md §3.3 I10, Nottinghamshire).</summary>
    public static readonly DisputeResolutionProcess TenDayFirstStage = new(
    [
        new(1, "Team manager", 10),
        new(2, "Head of service", 5),
        new(3, "Assistant director", 5),
    ]);

    private static readonly string[] s_names = ["", "Pat Lee", "Chris Ward", "Morgan Hale", "Dana Reid", "Sasha Bell", "Robin Ash"];

    public static int RespondentAt(int stage) => 20 + stage;

    public static string NameAt(int stage) => stage is >= 1 and <= 6 ? s_names[stage] : Invariant($"Person {stage}");

    public static ConcernDraft Concern(string? neededBy = "2027-12-31", ConcernCategory? category = ConcernCategory.DriftAndDelay,
        string? concern = "The permanence plan has not moved since the last review",
        string? needed = "A permanence planning meeting with a date for the final hearing",
        IReadOnlyList<int>? recommendationIds = null) =>
        new(category, concern, needed, OptionalD(neededBy), null, recommendationIds ?? []);

    public static Escalation Raised(string on) => new(ChildId, TeamId, Concern(), Iro, IroName, D(on));

    public static void Discuss(Escalation escalation, string on) =>
        escalation.RecordDiscussion(D(on), "Sam's team manager", "We talked about the delay in the permanence plan",
            "The team manager will book a planning meeting", IroName, D(on));

    public static Escalation DiscussedInformally(string on)
    {
        var escalation = Raised(on);
        Discuss(escalation, on);
        return escalation;
    }

    /// <summary>Raised, discussed and taken to the formal process on the same day.</summary>
    public static Escalation FormalFrom(string on, int stage = 1, DisputeResolutionProcess? process = null)
    {
        var escalation = DiscussedInformally(on);
        escalation.StartFormal(process ?? Default, stage, RespondentAt(stage), NameAt(stage), D(on), Calendar);
        return escalation;
    }

    public static EscalationStage EscalateTo(Escalation escalation, int stage, string on, DisputeResolutionProcess? process = null) =>
        escalation.Escalate(process ?? Default, stage, RespondentAt(stage), NameAt(stage), Reason, IroName, D(on), Calendar);

    public static DomainRuleException AssertRefused(string expectedField, Action action) =>
        ReviewFixtures.AssertRefused(expectedField, action);

    /// <summary>Everything observable about an escalation, to show that a refused step changed nothing.</summary>
    public static string Snapshot(Escalation e) => string.Join(" | ",
    [
        Invariant($"{e.State} {e.Outcome} {e.ClosedOn} {e.ClosedBy} {e.ClosingNote} discussions={e.Discussions.Count}"),
        .. e.Stages.Select(s => Invariant(
            $"stage {s.Number} {s.RespondentStaffId} {s.ResponseDueOn} {s.Response} {s.RespondedOn} {s.Decision} {s.DecisionNote} {s.DecidedBy} {s.DecidedOn}")),
    ]);
}

/// <summary>
/// A formal stage's response is due a set number of working days after it opens (statutory-rules.md §3.3
/// I9–I10): the opening day does not count, and weekends and England and Wales bank holidays are skipped.
/// </summary>
public sealed class A_stage_response_is_due_its_working_days_after_the_stage_opens
{
    [Theory]
    [InlineData("2026-12-25")] // Christmas Day, a Friday
    [InlineData("2026-12-28")] // Boxing Day (substitute day), a Monday
    [InlineData("2027-01-01")] // New Year's Day, a Friday
    [InlineData("2027-03-26")] // Good Friday
    [InlineData("2027-03-29")] // Easter Monday
    [InlineData("2026-04-03")] // Good Friday
    [InlineData("2026-04-06")] // Easter Monday
    [InlineData("2026-08-31")] // summer bank holiday
    [InlineData("2027-05-03")] // early May bank holiday
    public void The_bank_holidays_these_tests_step_over_are_in_the_calendar(string date)
    {
        Assert.Contains(D(date), Calendar.BankHolidaysIn(D(date).Year));
    }

    [Theory]
    [InlineData("2026-11-02", 5, "2026-11-09")]  // Monday to Monday: the opening day does not count
    [InlineData("2026-11-06", 5, "2026-11-13")]  // Friday: the weekend is skipped
    [InlineData("2026-11-07", 5, "2026-11-13")]  // opened on a Saturday
    [InlineData("2026-11-02", 1, "2026-11-03")]
    [InlineData("2026-11-06", 1, "2026-11-09")]  // Friday to Monday
    [InlineData("2026-11-02", 20, "2026-11-30")] // four clear weeks with no bank holiday
    [InlineData("2026-12-22", 5, "2026-12-31")]  // over Christmas Day (Fri 25) and the Boxing Day substitute (Mon 28)
    [InlineData("2026-12-24", 1, "2026-12-29")]
    [InlineData("2026-12-22", 10, "2027-01-08")] // and over New Year's Day (Fri 1 January 2027)
    [InlineData("2027-03-23", 5, "2027-04-01")]  // over Good Friday (26 March 2027) and Easter Monday (29 March 2027)
    [InlineData("2027-03-25", 1, "2027-03-30")]
    [InlineData("2026-04-02", 5, "2026-04-13")]  // over Easter 2026 (3 and 6 April)
    [InlineData("2026-08-28", 5, "2026-09-07")]  // over the summer bank holiday
    [InlineData("2027-04-30", 5, "2027-05-10")]  // over the early May bank holiday
    public void The_first_formal_stage_is_due_its_working_days_after_it_opens(string opened, int workingDays, string due)
    {
        var process = new DisputeResolutionProcess([new(1, "Team manager", workingDays)]);
        var escalation = DiscussedInformally(opened);

        var stage = escalation.StartFormal(process, 1, RespondentAt(1), NameAt(1), D(opened), Calendar);

        Assert.Equal(D(opened), stage.OpenedOn);
        Assert.Equal(workingDays, stage.ResponseWorkingDays);
        Assert.Equal(D(due), stage.ResponseDueOn);
        Assert.Same(stage, escalation.CurrentStage);
    }

    [Fact]
    public void A_stage_records_who_is_asked_and_at_what_level()
    {
        var escalation = DiscussedInformally("2026-11-02");

        var stage = escalation.StartFormal(Default, 1, 21, "  Pat Lee  ", D("2026-11-02"), Calendar);

        Assert.Equal(1, stage.Number);
        Assert.Equal("Team manager", stage.Level);
        Assert.Equal(21, stage.RespondentStaffId);
        Assert.Equal("Pat Lee", stage.RespondentName);
        Assert.Null(stage.Response);
        Assert.Null(stage.Decision);
    }

    [Fact]
    public void A_council_allowing_ten_working_days_for_the_first_alert_gets_them()
    {
        var escalation = FormalFrom("2026-11-02", process: TenDayFirstStage);

        var stage = Assert.Single(escalation.Stages);
        Assert.Equal(10, stage.ResponseWorkingDays);
        Assert.Equal(D("2026-11-16"), stage.ResponseDueOn);
    }

    [Fact]
    public void A_ten_working_day_first_stage_opened_before_Christmas_runs_into_January()
    {
        var escalation = FormalFrom("2026-12-22", process: TenDayFirstStage);

        Assert.Equal(D("2027-01-08"), escalation.Stages[0].ResponseDueOn);
    }

    [Fact]
    public void A_later_stage_is_due_its_own_working_days_after_the_day_it_is_escalated_to()
    {
        var escalation = FormalFrom("2026-12-14", process: TenDayFirstStage);

        var stage = EscalateTo(escalation, 2, "2026-12-22", TenDayFirstStage);

        Assert.Equal(D("2026-12-22"), stage.OpenedOn);
        Assert.Equal(5, stage.ResponseWorkingDays);
        Assert.Equal("Head of service", stage.Level);
        Assert.Equal(D("2026-12-31"), stage.ResponseDueOn);
    }

    [Fact]
    public void A_stage_escalated_to_before_the_earlier_one_was_due_is_counted_from_the_escalation_not_the_earlier_due_date()
    {
        var escalation = FormalFrom("2026-11-02");

        var stage = EscalateTo(escalation, 2, "2026-11-04");

        Assert.Equal(D("2026-11-11"), stage.ResponseDueOn);
    }
}

/// <summary>
/// Overdue and late responses: a stage is overdue from the working day after its response was due, until it
/// is answered or decided.
/// </summary>
public sealed class A_stage_response_can_be_overdue_or_late
{
    // Stage 1 opens on Monday 2 November 2026 and its response is due on Monday 9 November 2026.

    [Theory]
    [InlineData("2026-11-02", false)]
    [InlineData("2026-11-09", false)] // due today
    [InlineData("2026-11-10", true)]
    [InlineData("2026-12-15", true)]
    public void An_unanswered_stage_is_overdue_after_the_day_its_response_was_due(string today, bool overdue)
    {
        var stage = FormalFrom("2026-11-02").Stages[0];

        Assert.Equal(overdue, stage.IsResponseOverdueOn(D(today)));
    }

    [Fact]
    public void An_answered_stage_is_not_overdue()
    {
        var escalation = FormalFrom("2026-11-02");

        escalation.Respond(RespondentAt(1), "A planning meeting is booked for 20 November", D("2026-11-12"));

        Assert.False(escalation.Stages[0].IsResponseOverdueOn(D("2026-11-13")));
    }

    [Fact]
    public void A_stage_decided_without_an_answer_is_no_longer_overdue()
    {
        var escalation = FormalFrom("2026-11-02");

        EscalateTo(escalation, 2, "2026-11-12");

        Assert.False(escalation.Stages[0].IsResponseOverdueOn(D("2026-11-13")));
        Assert.False(escalation.Stages[1].IsResponseOverdueOn(D("2026-11-13")));
        Assert.True(escalation.Stages[1].IsResponseOverdueOn(D("2026-11-20")));
    }

    [Theory]
    [InlineData("2026-11-02", false)]
    [InlineData("2026-11-09", false)] // on the due day is on time
    [InlineData("2026-11-10", true)]
    public void A_response_after_the_day_it_was_due_is_late(string respondedOn, bool late)
    {
        var escalation = FormalFrom("2026-11-02");

        escalation.Respond(RespondentAt(1), "A planning meeting is booked", D(respondedOn));

        Assert.Equal(D(respondedOn), escalation.Stages[0].RespondedOn);
        Assert.Equal(late, escalation.Stages[0].RespondedLate);
    }

    [Fact]
    public void A_stage_not_answered_at_all_is_not_counted_as_responding_late()
    {
        var escalation = FormalFrom("2026-11-02");

        EscalateTo(escalation, 2, "2026-11-20");

        Assert.False(escalation.Stages[0].RespondedLate);
    }
}

/// <summary>
/// The IRO may bypass stages (IRO Handbook 6.2, statutory-rules.md §3.3 I9): the bypassed stages are
/// recorded, and a stage can only be escalated to a later stage the council's process has.
/// </summary>
public sealed class The_IRO_may_bypass_stages
{
    [Fact]
    public void Escalating_to_the_next_stage_records_the_decision_as_escalated()
    {
        var escalation = FormalFrom("2026-11-02");

        var stage = EscalateTo(escalation, 2, "2026-11-10");

        var first = escalation.Stages[0];
        Assert.Equal(StageDecision.Escalated, first.Decision);
        Assert.Equal(Reason, first.DecisionNote);
        Assert.Equal(IroName, first.DecidedBy);
        Assert.Equal(D("2026-11-10"), first.DecidedOn);
        Assert.Same(stage, escalation.CurrentStage);
        Assert.Equal(2, escalation.StageReached);
        Assert.Empty(escalation.SkippedStages);
        Assert.Equal([1, 2], escalation.Stages.Select(s => s.Number));
    }

    [Fact]
    public void Escalating_from_stage_1_to_stage_3_skips_stage_2()
    {
        var escalation = FormalFrom("2026-11-02");

        var stage = EscalateTo(escalation, 3, "2026-11-10");

        Assert.Equal(StageDecision.Skipped, escalation.Stages[0].Decision);
        Assert.Equal([2], escalation.SkippedStages);
        Assert.Equal(3, escalation.StageReached);
        Assert.Equal(3, stage.Number);
        Assert.Equal("Assistant director", stage.Level);
        Assert.Equal(RespondentAt(3), stage.RespondentStaffId);
        Assert.Equal([1, 3], escalation.Stages.Select(s => s.Number));
    }

    [Fact]
    public void Each_stage_records_whether_it_was_escalated_or_skipped()
    {
        var escalation = FormalFrom("2026-11-02");

        EscalateTo(escalation, 2, "2026-11-09");
        EscalateTo(escalation, 4, "2026-11-16");

        Assert.Equal(new StageDecision?[] { StageDecision.Escalated, StageDecision.Skipped, null }, escalation.Stages.Select(s => s.Decision));
        Assert.Equal([3], escalation.SkippedStages);
        Assert.Equal(4, escalation.StageReached);
    }

    [Theory]
    [InlineData(2, new[] { 1 })]
    [InlineData(3, new[] { 1, 2 })]
    [InlineData(4, new[] { 1, 2, 3 })]
    public void Starting_the_formal_process_at_a_later_stage_skips_the_stages_before_it(int stage, int[] skipped)
    {
        var escalation = DiscussedInformally("2026-11-02");

        var opened = escalation.StartFormal(Default, stage, RespondentAt(stage), NameAt(stage), D("2026-11-02"), Calendar);

        Assert.Equal(stage, opened.Number);
        Assert.Equal(stage, escalation.StageReached);
        Assert.Equal(skipped, escalation.SkippedStages);
        Assert.Equal(D("2026-11-02"), escalation.FormalStartedOn);
    }

    [Fact]
    public void An_informal_escalation_has_reached_no_stage_and_skipped_none()
    {
        var escalation = DiscussedInformally("2026-11-02");

        Assert.Equal(0, escalation.StageReached);
        Assert.Empty(escalation.SkippedStages);
        Assert.False(escalation.IsFormal);
        Assert.Null(escalation.FormalStartedOn);
        Assert.Null(escalation.CurrentStage);
    }

    [Theory]
    [InlineData(2, 2)] // the same stage
    [InlineData(2, 1)] // an earlier stage
    [InlineData(1, 1)]
    [InlineData(1, 0)]
    [InlineData(1, -1)]
    [InlineData(1, 5)] // the process has four stages
    [InlineData(4, 5)]
    [InlineData(3, 99)]
    public void Escalating_to_an_earlier_or_the_same_stage_or_one_the_process_does_not_have_is_refused(int from, int to)
    {
        var escalation = FormalFrom("2026-11-02", from);
        var before = Snapshot(escalation);

        AssertRefused("Stage", () => EscalateTo(escalation, to, "2026-11-10"));

        Assert.Equal(before, Snapshot(escalation));
        Assert.Null(escalation.CurrentStage!.Decision);
        Assert.Equal(from, escalation.StageReached);
    }

    [Fact]
    public void A_council_process_with_three_stages_has_no_stage_4()
    {
        var escalation = FormalFrom("2026-11-02", 2, TenDayFirstStage);

        AssertRefused("Stage", () => EscalateTo(escalation, 4, "2026-11-10", TenDayFirstStage));
        Assert.Equal(3, EscalateTo(escalation, 3, "2026-11-10", TenDayFirstStage).Number);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-2)]
    public void Starting_the_formal_process_at_a_stage_the_process_does_not_have_is_refused(int stage)
    {
        var escalation = DiscussedInformally("2026-11-02");

        AssertRefused("Stage", () => escalation.StartFormal(Default, stage, 25, "Sasha Bell", D("2026-11-02"), Calendar));

        Assert.Empty(escalation.Stages);
        Assert.Equal(EscalationState.Informal, escalation.State);
    }

    [Fact]
    public void The_IRO_may_escalate_before_the_response_arrives()
    {
        var escalation = FormalFrom("2026-11-02");
        Assert.Equal(EscalationState.AwaitingResponse, escalation.State);

        EscalateTo(escalation, 2, "2026-11-03");

        Assert.Null(escalation.Stages[0].Response);
        Assert.Equal(StageDecision.Escalated, escalation.Stages[0].Decision);
        Assert.Equal(EscalationState.AwaitingResponse, escalation.State);
    }

    [Fact]
    public void The_IRO_may_escalate_after_an_unsatisfactory_response()
    {
        var escalation = FormalFrom("2026-11-02");
        escalation.Respond(RespondentAt(1), "We will look at it next month", D("2026-11-05"));
        Assert.Equal(EscalationState.AwaitingDecision, escalation.State);

        EscalateTo(escalation, 2, "2026-11-06");

        Assert.Equal("We will look at it next month", escalation.Stages[0].Response);
        Assert.Equal(StageDecision.Escalated, escalation.Stages[0].Decision);
        Assert.Equal(2, escalation.CurrentStage!.Number);
    }
}

/// <summary>
/// The IRO Handbook expects the formal process to take no more than 20 working days in all (paras 6.2–6.4,
/// statutory-rules.md §3.3 I9). Passing that is a warning, counted from the day the first formal stage
/// opened.
/// </summary>
public sealed class The_formal_process_should_take_no_more_than_twenty_working_days
{
    // Formal from Monday 2 November 2026: day 20 is Monday 30 November 2026.
    private const string Started = "2026-11-02";
    private const string DayTwenty = "2026-11-30";

    [Fact]
    public void The_formal_process_is_due_to_end_twenty_working_days_after_it_started()
    {
        var escalation = FormalFrom(Started);

        Assert.Equal(D(DayTwenty), escalation.FormalDueBy(Calendar));
    }

    [Fact]
    public void Twenty_working_days_are_counted_over_Christmas_and_New_Year()
    {
        // Christmas Day (Fri 25 Dec), the Boxing Day substitute (Mon 28 Dec) and New Year's Day (Fri 1 Jan) do not count.
        var escalation = FormalFrom("2026-12-07");

        Assert.Equal(D("2027-01-07"), escalation.FormalDueBy(Calendar));
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2027-01-07")));
        Assert.True(escalation.PassesTotalWorkingDays(Calendar, D("2027-01-08")));
    }

    [Theory]
    [InlineData(Started, 0, false)]
    [InlineData("2026-11-27", 19, false)]
    [InlineData(DayTwenty, 20, false)]   // day 20 is still within the limit
    [InlineData("2026-12-01", 21, true)] // the working day after
    [InlineData("2026-12-15", 31, true)]
    public void An_open_formal_process_warns_from_the_working_day_after_day_twenty(string today, int workingDays, bool warns)
    {
        var escalation = FormalFrom(Started);

        Assert.Equal(workingDays, escalation.FormalWorkingDays(Calendar, D(today)));
        Assert.Equal(warns, escalation.PassesTotalWorkingDays(Calendar, D(today)));
    }

    [Fact]
    public void Four_five_day_stages_escalated_on_their_due_days_end_on_day_twenty_without_a_warning()
    {
        var escalation = FormalFrom(Started);
        EscalateTo(escalation, 2, "2026-11-09");
        EscalateTo(escalation, 3, "2026-11-16");
        var last = EscalateTo(escalation, 4, "2026-11-23");

        Assert.Equal(D(DayTwenty), last.ResponseDueOn);
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2026-11-23")));
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D(DayTwenty)));
        Assert.True(escalation.PassesTotalWorkingDays(Calendar, D("2026-12-01")));
    }

    [Fact]
    public void An_open_stage_whose_response_is_due_after_day_twenty_warns_before_day_twenty()
    {
        // Four 5-day stages, but the IRO escalates each a few days late.
        var escalation = FormalFrom(Started);
        EscalateTo(escalation, 2, "2026-11-12");
        EscalateTo(escalation, 3, "2026-11-19");
        Assert.Equal(D("2026-11-26"), escalation.CurrentStage!.ResponseDueOn);
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2026-11-26")));

        var last = EscalateTo(escalation, 4, "2026-11-26");

        Assert.Equal(D("2026-12-03"), last.ResponseDueOn);
        Assert.Equal(18, escalation.FormalWorkingDays(Calendar, D("2026-11-26")));
        Assert.True(escalation.PassesTotalWorkingDays(Calendar, D("2026-11-26")));
    }

    [Fact]
    public void A_ten_day_first_stage_escalated_on_day_sixteen_warns_at_once()
    {
        var escalation = FormalFrom(Started, process: TenDayFirstStage);
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2026-11-24")));

        var stage = EscalateTo(escalation, 2, "2026-11-24", TenDayFirstStage);

        Assert.Equal(D("2026-12-01"), stage.ResponseDueOn);
        Assert.True(escalation.PassesTotalWorkingDays(Calendar, D("2026-11-24")));
    }

    [Fact]
    public void The_twenty_days_count_from_the_first_formal_stage_not_from_the_current_one()
    {
        var escalation = FormalFrom(Started);
        EscalateTo(escalation, 2, "2026-11-16");

        Assert.Equal(D(DayTwenty), escalation.FormalDueBy(Calendar));
        Assert.Equal(D(Started), escalation.FormalStartedOn);
    }

    [Fact]
    public void The_twenty_days_count_from_the_start_of_the_formal_process_not_from_raising_the_concern()
    {
        var escalation = DiscussedInformally(Started);
        escalation.StartFormal(Default, 1, RespondentAt(1), NameAt(1), D("2026-11-09"), Calendar);

        Assert.Equal(D("2026-12-07"), escalation.FormalDueBy(Calendar));
        Assert.Equal(16, escalation.FormalWorkingDays(Calendar, D("2026-12-01")));
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2026-12-01")));
        Assert.True(escalation.PassesTotalWorkingDays(Calendar, D("2026-12-08")));
    }

    public static TheoryData<string> WaysToClose() => ["Resolve", "HandToCafcass", "Withdraw"];

    private static void Close(Escalation escalation, string how, string on)
    {
        switch (how)
        {
            case "Resolve":
                escalation.Resolve("The plan is agreed", IroName, D(on));
                break;
            case "HandToCafcass":
                escalation.HandToCafcass("Cafcass referral made", IroName, D(on));
                break;
            default:
                escalation.Withdraw("The child has returned home", IroName, D(on));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(WaysToClose))]
    public void A_formal_process_closed_by_day_twenty_never_warns(string how)
    {
        var escalation = FormalFrom(Started);
        EscalateTo(escalation, 2, "2026-11-09");

        Close(escalation, how, DayTwenty);

        Assert.Equal(20, escalation.FormalWorkingDays(Calendar, D("2027-02-01")));
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D(DayTwenty)));
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2027-02-01")));
    }

    [Theory]
    [MemberData(nameof(WaysToClose))]
    public void A_formal_process_closed_after_day_twenty_warns(string how)
    {
        var escalation = FormalFrom(Started);

        Close(escalation, how, "2026-12-01");

        Assert.Equal(21, escalation.FormalWorkingDays(Calendar, D("2027-02-01")));
        Assert.True(escalation.PassesTotalWorkingDays(Calendar, D("2026-12-01")));
        Assert.True(escalation.PassesTotalWorkingDays(Calendar, D("2027-02-01")));
    }

    [Fact]
    public void A_closed_process_no_longer_warns_about_its_last_stage_being_due_late()
    {
        var escalation = FormalFrom(Started);
        EscalateTo(escalation, 2, "2026-11-25"); // due 2 December, after day 20
        Assert.True(escalation.PassesTotalWorkingDays(Calendar, D("2026-11-25")));

        escalation.Resolve("The plan is agreed", IroName, D("2026-11-26"));

        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2026-11-26")));
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2026-12-10")));
    }

    [Fact]
    public void An_escalation_resolved_informally_never_warns_however_long_it_took()
    {
        var escalation = DiscussedInformally(Started);

        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2027-06-01")));

        escalation.ResolveInformally("The meeting was held", IroName, D("2027-06-01"));

        Assert.Null(escalation.FormalDueBy(Calendar));
        Assert.Null(escalation.FormalWorkingDays(Calendar, D("2027-06-01")));
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2027-06-01")));
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2028-01-04")));
    }

    [Fact]
    public void An_open_informal_escalation_never_warns()
    {
        var escalation = Raised(Started);

        Assert.Null(escalation.FormalDueBy(Calendar));
        Assert.Null(escalation.FormalWorkingDays(Calendar, D("2027-06-01")));
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2027-06-01")));
    }

    [Fact]
    public void Working_days_to_close_count_from_raising_the_concern_and_are_unknown_while_open()
    {
        var escalation = DiscussedInformally("2026-10-26");
        escalation.StartFormal(Default, 1, RespondentAt(1), NameAt(1), D(Started), Calendar);
        Assert.Null(escalation.WorkingDaysToClose(Calendar));

        escalation.Resolve("The plan is agreed", IroName, D("2026-11-13"));

        Assert.Equal(14, escalation.WorkingDaysToClose(Calendar));
        Assert.Equal(9, escalation.FormalWorkingDays(Calendar, D("2027-01-04")));
    }
}

/// <summary>
/// A concern says what it is about, what is wrong, what needs to happen and by when (statutory-rules.md
/// §6.5). Every problem is reported at once, each beside its field.
/// </summary>
public sealed class A_concern_says_what_is_wrong_what_is_needed_and_by_when
{
    private static readonly DateOnly s_today = D("2026-11-02");

    [Theory]
    [InlineData(null, "What is wrong", "What is needed", "2026-11-30", "Category", "Choose what the concern is about")]
    [InlineData(ConcernCategory.PoorPractice, null, "What is needed", "2026-11-30", "Concern", "Enter what is wrong")]
    [InlineData(ConcernCategory.PoorPractice, "   ", "What is needed", "2026-11-30", "Concern", "Enter what is wrong")]
    [InlineData(ConcernCategory.PoorPractice, "What is wrong", null, "2026-11-30", "Needed", "Enter what needs to happen to put it right")]
    [InlineData(ConcernCategory.PoorPractice, "What is wrong", "\t", "2026-11-30", "Needed", "Enter what needs to happen to put it right")]
    [InlineData(ConcernCategory.PoorPractice, "What is wrong", "What is needed", null, "NeededBy", "Enter the date by which it is needed")]
    [InlineData(ConcernCategory.PoorPractice, "What is wrong", "What is needed", "2026-11-01", "NeededBy",
        "The date it is needed by must be today or in the future")]
    public void A_concern_missing_something_is_refused_beside_the_field(
        ConcernCategory? category, string? concern, string? needed, string? neededBy, string field, string message)
    {
        var draft = new ConcernDraft(category, concern, needed, OptionalD(neededBy), null, []);

        var problem = Assert.Single(Escalation.Problems(draft, s_today));
        Assert.Equal(field, problem.Field);
        Assert.Equal(message, problem.Message);

        var refusal = AssertRefused(field, () => new Escalation(ChildId, TeamId, draft, Iro, IroName, s_today));
        Assert.Equal(message, refusal.Message);
    }

    [Fact]
    public void Every_problem_with_an_empty_concern_is_reported_at_once()
    {
        var draft = new ConcernDraft(null, null, " ", null, null, []);

        var problems = Escalation.Problems(draft, s_today);

        Assert.Equal(["Category", "Concern", "Needed", "NeededBy"], problems.Select(p => p.Field));
        AssertRefused("Category", () => new Escalation(ChildId, TeamId, draft, Iro, IroName, s_today));
    }

    [Fact]
    public void A_past_date_is_reported_with_the_other_problems()
    {
        var draft = new ConcernDraft(ConcernCategory.NoExitPlan, "", "", D("2026-10-30"), null, []);

        Assert.Equal(["Concern", "Needed", "NeededBy"], Escalation.Problems(draft, s_today).Select(p => p.Field));
    }

    [Fact]
    public void Text_longer_than_its_column_is_refused()
    {
        var draft = Concern(concern: new string('a', Escalation.MaxTextLength + 1), needed: new string('b', Escalation.MaxTextLength + 1));

        Assert.Equal(["Concern", "Needed"], Escalation.Problems(draft, s_today).Select(p => p.Field));
    }

    [Fact]
    public void Text_as_long_as_its_column_is_accepted()
    {
        var draft = Concern(concern: new string('a', Escalation.MaxTextLength), needed: new string('b', Escalation.MaxTextLength));

        Assert.Empty(Escalation.Problems(draft, s_today));
    }

    [Fact]
    public void A_concern_needed_by_today_is_accepted()
    {
        var escalation = new Escalation(ChildId, TeamId, Concern("2026-11-02"), Iro, IroName, s_today);

        Assert.Equal(s_today, escalation.NeededBy);
    }

    [Fact]
    public void A_raised_concern_is_informal_and_open_and_records_who_raised_it_and_when()
    {
        var draft = new ConcernDraft(ConcernCategory.NoAllocatedSocialWorker, "  No social worker since September  ",
            "  Allocate a social worker  ", D("2026-11-16"), 41, [5, 6, 5]);

        var escalation = new Escalation(ChildId, TeamId, draft, Iro, IroName, s_today);

        Assert.Equal(ChildId, escalation.ChildId);
        Assert.Equal(TeamId, escalation.TeamId);
        Assert.Equal(Iro, escalation.RaisedByStaffId);
        Assert.Equal(IroName, escalation.RaisedBy);
        Assert.Equal(s_today, escalation.RaisedOn);
        Assert.Equal(ConcernCategory.NoAllocatedSocialWorker, escalation.Category);
        Assert.Equal("No social worker since September", escalation.Concern);
        Assert.Equal("Allocate a social worker", escalation.Needed);
        Assert.Equal(D("2026-11-16"), escalation.NeededBy);
        Assert.Equal(41, escalation.ReviewId);
        Assert.Equal([5, 6], escalation.Recommendations.Select(r => r.RecommendationId));
        Assert.Equal(EscalationState.Informal, escalation.State);
        Assert.True(escalation.IsOpen);
        Assert.Null(escalation.Outcome);
        Assert.Null(escalation.ClosedOn);
        Assert.Empty(escalation.Discussions);
        Assert.Empty(escalation.Stages);
    }

    [Fact]
    public void There_are_the_eight_concern_categories_of_the_Nottinghamshire_process()
    {
        Assert.Equal(
        [
            "Care planning", "Implementation of the care plan", "Decisions in the care planning process", "Drift and delay",
            "No clear exit plan", "No allocated social worker", "Poor practice", "Child participation",
        ], ConcernCategories.All.Select(c => c.Describe()));
    }
}

/// <summary>
/// Informal resolution comes first and is recorded on the child's file (IRO Handbook 6.1,
/// statutory-rules.md §6.5 step 2): the formal process cannot start, and the concern cannot be resolved
/// informally, until a conversation is recorded.
/// </summary>
public sealed class Informal_resolution_comes_before_the_formal_process
{
    private const string RaisedOn = "2026-11-02";

    [Fact]
    public void A_conversation_is_recorded_on_the_escalation()
    {
        var escalation = Raised(RaisedOn);

        escalation.RecordDiscussion(D("2026-10-30"), "  Alex Green, team manager ", " We talked about the plan ", " A meeting by Friday ",
            IroName, D("2026-11-03"));

        var discussion = Assert.Single(escalation.Discussions);
        Assert.Equal(D("2026-10-30"), discussion.On);
        Assert.Equal("Alex Green, team manager", discussion.With);
        Assert.Equal("We talked about the plan", discussion.Conversation);
        Assert.Equal("A meeting by Friday", discussion.AgreedAction);
        Assert.Equal(IroName, discussion.RecordedBy);
        Assert.Equal(D("2026-11-03"), discussion.RecordedOn);
        Assert.Equal(EscalationState.Informal, escalation.State);
    }

    [Theory]
    [InlineData("2026-11-04", "Alex Green", "Talked", "Meeting", "On")]     // tomorrow
    [InlineData("2025-11-01", "Alex Green", "Talked", "Meeting", "On")]     // more than a year before the concern
    [InlineData("2026-11-02", null, "Talked", "Meeting", "With")]
    [InlineData("2026-11-02", "  ", "Talked", "Meeting", "With")]
    [InlineData("2026-11-02", "Alex Green", null, "Meeting", "Conversation")]
    [InlineData("2026-11-02", "Alex Green", "", "Meeting", "Conversation")]
    [InlineData("2026-11-02", "Alex Green", "Talked", null, "AgreedAction")]
    [InlineData("2026-11-02", "Alex Green", "Talked", " ", "AgreedAction")]
    public void An_incomplete_conversation_is_refused(string on, string? with, string? conversation, string? agreedAction, string field)
    {
        var escalation = Raised(RaisedOn);

        AssertRefused(field, () => escalation.RecordDiscussion(D(on), with, conversation, agreedAction, IroName, D("2026-11-03")));

        Assert.Empty(escalation.Discussions);
    }

    [Fact]
    public void A_conversation_a_year_before_the_concern_is_accepted()
    {
        var escalation = Raised(RaisedOn);

        escalation.RecordDiscussion(D("2025-11-02"), "Alex Green", "Talked", "Meeting", IroName, D(RaisedOn));

        Assert.Single(escalation.Discussions);
    }

    [Fact]
    public void Who_the_conversation_was_with_must_fit_its_column()
    {
        var escalation = Raised(RaisedOn);

        AssertRefused("With", () => escalation.RecordDiscussion(D(RaisedOn), new string('n', Escalation.MaxNameLength + 1), "Talked",
            "Meeting", IroName, D(RaisedOn)));
        escalation.RecordDiscussion(D(RaisedOn), new string('n', Escalation.MaxNameLength), "Talked", "Meeting", IroName, D(RaisedOn));

        Assert.Single(escalation.Discussions);
    }

    [Fact]
    public void The_formal_process_cannot_start_before_a_conversation_is_recorded()
    {
        var escalation = Raised(RaisedOn);

        AssertRefused("", () => escalation.StartFormal(Default, 1, RespondentAt(1), NameAt(1), D(RaisedOn), Calendar));

        Assert.Empty(escalation.Stages);
        Assert.Equal(EscalationState.Informal, escalation.State);
    }

    [Fact]
    public void A_concern_cannot_be_resolved_informally_before_a_conversation_is_recorded()
    {
        var escalation = Raised(RaisedOn);

        AssertRefused("", () => escalation.ResolveInformally("It was sorted out", IroName, D(RaisedOn)));

        Assert.True(escalation.IsOpen);
        Assert.Null(escalation.Outcome);
    }

    [Fact]
    public void Resolving_informally_closes_the_escalation_with_a_note()
    {
        var escalation = DiscussedInformally(RaisedOn);

        escalation.ResolveInformally("  The meeting was booked  ", IroName, D("2026-11-05"));

        Assert.Equal(EscalationOutcome.ResolvedInformally, escalation.Outcome);
        Assert.Equal(D("2026-11-05"), escalation.ClosedOn);
        Assert.Equal(IroName, escalation.ClosedBy);
        Assert.Equal("The meeting was booked", escalation.ClosingNote);
        Assert.Equal(EscalationState.Closed, escalation.State);
        Assert.False(escalation.IsOpen);
        Assert.False(escalation.IsFormal);
        Assert.Equal(3, escalation.WorkingDaysToClose(Calendar));
    }

    [Fact]
    public void Starting_the_formal_process_opens_the_chosen_stage()
    {
        var escalation = DiscussedInformally(RaisedOn);

        var stage = escalation.StartFormal(Default, 1, RespondentAt(1), NameAt(1), D("2026-11-04"), Calendar);

        Assert.Same(stage, Assert.Single(escalation.Stages));
        Assert.True(escalation.IsFormal);
        Assert.Equal(D("2026-11-04"), escalation.FormalStartedOn);
        Assert.Equal(EscalationState.AwaitingResponse, escalation.State);
    }

    [Fact]
    public void Conversations_are_refused_once_the_formal_process_has_started()
    {
        var escalation = FormalFrom(RaisedOn);

        AssertRefused("", () => Discuss(escalation, "2026-11-03"));

        Assert.Single(escalation.Discussions);
    }

    [Fact]
    public void Conversations_are_still_refused_while_the_IRO_decides_on_a_response()
    {
        var escalation = FormalFrom(RaisedOn);
        escalation.Respond(RespondentAt(1), "We will book a meeting", D("2026-11-03"));

        AssertRefused("", () => Discuss(escalation, "2026-11-04"));

        Assert.Single(escalation.Discussions);
    }

    [Fact]
    public void Resolving_informally_is_refused_once_the_formal_process_has_started()
    {
        var escalation = FormalFrom(RaisedOn);

        AssertRefused("", () => escalation.ResolveInformally("Sorted", IroName, D("2026-11-03")));

        Assert.True(escalation.IsOpen);
        Assert.Null(escalation.Stages[0].Decision);
    }

    [Fact]
    public void The_formal_process_cannot_be_started_twice()
    {
        var escalation = FormalFrom(RaisedOn);

        AssertRefused("", () => escalation.StartFormal(Default, 2, RespondentAt(2), NameAt(2), D("2026-11-03"), Calendar));

        Assert.Single(escalation.Stages);
    }

    [Fact]
    public void A_formal_stage_cannot_be_resolved_or_escalated_while_the_escalation_is_informal()
    {
        var escalation = DiscussedInformally(RaisedOn);

        AssertRefused("", () => escalation.Resolve("Sorted", IroName, D("2026-11-03")));
        AssertRefused("", () => EscalateTo(escalation, 2, "2026-11-03"));

        Assert.True(escalation.IsOpen);
        Assert.Empty(escalation.Stages);
    }
}

/// <summary>
/// Each stage names the person asked; only they can answer, once, and the IRO who raised the concern
/// cannot be asked.
/// </summary>
public sealed class Only_the_person_asked_at_a_stage_responds
{
    [Fact]
    public void The_person_asked_responds_and_the_IRO_then_decides()
    {
        var escalation = FormalFrom("2026-11-02");

        escalation.Respond(RespondentAt(1), "  A meeting is booked for 20 November  ", D("2026-11-06"));

        var stage = escalation.Stages[0];
        Assert.Equal("A meeting is booked for 20 November", stage.Response);
        Assert.Equal(D("2026-11-06"), stage.RespondedOn);
        Assert.Null(stage.Decision);
        Assert.Equal(EscalationState.AwaitingDecision, escalation.State);
        Assert.Same(stage, escalation.CurrentStage);
    }

    [Theory]
    [InlineData(Iro)]
    [InlineData(22)] // the person asked at stage 2
    [InlineData(0)]
    public void Anyone_else_is_refused(int staffId)
    {
        var escalation = FormalFrom("2026-11-02");

        AssertRefused("", () => escalation.Respond(staffId, "All fine", D("2026-11-03")));

        Assert.Null(escalation.Stages[0].Response);
        Assert.Equal(EscalationState.AwaitingResponse, escalation.State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_response_is_refused(string? response)
    {
        var escalation = FormalFrom("2026-11-02");

        AssertRefused("Response", () => escalation.Respond(RespondentAt(1), response, D("2026-11-03")));

        Assert.Null(escalation.Stages[0].Response);
    }

    [Fact]
    public void A_response_longer_than_its_column_is_refused()
    {
        var escalation = FormalFrom("2026-11-02");

        AssertRefused("Response", () => escalation.Respond(RespondentAt(1), new string('r', Escalation.MaxTextLength + 1), D("2026-11-03")));

        Assert.Null(escalation.Stages[0].Response);
    }

    [Fact]
    public void A_stage_is_answered_only_once()
    {
        var escalation = FormalFrom("2026-11-02");
        escalation.Respond(RespondentAt(1), "First answer", D("2026-11-03"));

        AssertRefused("", () => escalation.Respond(RespondentAt(1), "Second answer", D("2026-11-04")));

        Assert.Equal("First answer", escalation.Stages[0].Response);
        Assert.Equal(D("2026-11-03"), escalation.Stages[0].RespondedOn);
    }

    [Fact]
    public void Nobody_can_respond_while_the_escalation_is_informal()
    {
        var escalation = DiscussedInformally("2026-11-02");

        AssertRefused("", () => escalation.Respond(RespondentAt(1), "All fine", D("2026-11-03")));
    }

    [Fact]
    public void The_person_asked_at_a_stage_that_was_escalated_past_can_no_longer_respond()
    {
        var escalation = FormalFrom("2026-11-02");
        EscalateTo(escalation, 2, "2026-11-09");

        AssertRefused("", () => escalation.Respond(RespondentAt(1), "Sorry for the delay", D("2026-11-10")));

        Assert.Null(escalation.Stages[0].Response);
        escalation.Respond(RespondentAt(2), "A meeting is booked", D("2026-11-10"));
        Assert.Equal("A meeting is booked", escalation.Stages[1].Response);
    }

    [Fact]
    public void The_raising_IRO_cannot_be_asked_to_start_the_formal_process()
    {
        var escalation = DiscussedInformally("2026-11-02");

        AssertRefused("RespondentStaffId", () => escalation.StartFormal(Default, 1, Iro, IroName, D("2026-11-02"), Calendar));

        Assert.Empty(escalation.Stages);
    }

    [Fact]
    public void The_raising_IRO_cannot_be_asked_at_a_later_stage()
    {
        var escalation = FormalFrom("2026-11-02");

        AssertRefused("RespondentStaffId", () =>
            escalation.Escalate(Default, 2, Iro, IroName, Reason, IroName, D("2026-11-09"), Calendar));

        Assert.Single(escalation.Stages);
        Assert.Null(escalation.Stages[0].Decision);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void The_person_asked_must_be_named(string name)
    {
        var escalation = DiscussedInformally("2026-11-02");

        AssertRefused("RespondentStaffId", () => escalation.StartFormal(Default, 1, 21, name, D("2026-11-02"), Calendar));

        Assert.Empty(escalation.Stages);
    }
}

/// <summary>
/// An escalation ends once, in one of four ways, and records how, when and by whom; the open stage is
/// decided as it closes; nothing changes afterwards. State moves Informal → AwaitingResponse →
/// AwaitingDecision → Closed.
/// </summary>
public sealed class An_escalation_closes_once
{
    [Fact]
    public void State_moves_from_informal_through_awaiting_response_and_decision_to_closed()
    {
        var escalation = DiscussedInformally("2026-11-02");
        Assert.Equal(EscalationState.Informal, escalation.State);

        escalation.StartFormal(Default, 1, RespondentAt(1), NameAt(1), D("2026-11-02"), Calendar);
        Assert.Equal(EscalationState.AwaitingResponse, escalation.State);

        escalation.Respond(RespondentAt(1), "Meeting booked", D("2026-11-05"));
        Assert.Equal(EscalationState.AwaitingDecision, escalation.State);

        EscalateTo(escalation, 2, "2026-11-06");
        Assert.Equal(EscalationState.AwaitingResponse, escalation.State);

        escalation.Respond(RespondentAt(2), "Plan agreed", D("2026-11-10"));
        Assert.Equal(EscalationState.AwaitingDecision, escalation.State);

        escalation.Resolve("Plan agreed", IroName, D("2026-11-11"));
        Assert.Equal(EscalationState.Closed, escalation.State);
        Assert.Null(escalation.CurrentStage);
    }

    [Fact]
    public void Resolving_a_formal_stage_closes_the_escalation_and_decides_the_stage()
    {
        var escalation = FormalFrom("2026-11-02");
        escalation.Respond(RespondentAt(1), "Meeting booked", D("2026-11-05"));

        escalation.Resolve("  The meeting was held and the plan agreed  ", IroName, D("2026-11-06"));

        Assert.Equal(EscalationOutcome.ResolvedFormally, escalation.Outcome);
        Assert.Equal(D("2026-11-06"), escalation.ClosedOn);
        Assert.Equal(IroName, escalation.ClosedBy);
        Assert.Equal("The meeting was held and the plan agreed", escalation.ClosingNote);
        var stage = escalation.Stages[0];
        Assert.Equal(StageDecision.Resolved, stage.Decision);
        Assert.Equal("The meeting was held and the plan agreed", stage.DecisionNote);
        Assert.Equal(IroName, stage.DecidedBy);
        Assert.Equal(D("2026-11-06"), stage.DecidedOn);
        Assert.False(escalation.IsOpen);
    }

    [Fact]
    public void A_stage_can_be_resolved_before_its_response_arrives()
    {
        var escalation = FormalFrom("2026-11-02");

        escalation.Resolve("A social worker was allocated", IroName, D("2026-11-04"));

        Assert.Equal(EscalationOutcome.ResolvedFormally, escalation.Outcome);
        Assert.Equal(StageDecision.Resolved, escalation.Stages[0].Decision);
        Assert.Null(escalation.Stages[0].Response);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Resolving_needs_a_note(string? note)
    {
        var escalation = FormalFrom("2026-11-02");

        AssertRefused("Note", () => escalation.Resolve(note, IroName, D("2026-11-04")));

        Assert.True(escalation.IsOpen);
        Assert.Null(escalation.Stages[0].Decision);
    }

    [Fact]
    public void Handing_to_Cafcass_closes_the_open_stage()
    {
        var escalation = FormalFrom("2026-11-02");

        escalation.HandToCafcass(" The child's rights are at risk ", IroName, D("2026-11-04"));

        Assert.Equal(EscalationOutcome.ReferredToCafcass, escalation.Outcome);
        Assert.Equal(D("2026-11-04"), escalation.ClosedOn);
        Assert.Equal("The child's rights are at risk", escalation.ClosingNote);
        Assert.Equal(StageDecision.Closed, escalation.Stages[0].Decision);
        Assert.Equal("The child's rights are at risk", escalation.Stages[0].DecisionNote);
        Assert.Equal(D("2026-11-04"), escalation.Stages[0].DecidedOn);
        Assert.Equal(EscalationState.Closed, escalation.State);
    }

    [Fact]
    public void Withdrawing_closes_the_open_stage()
    {
        var escalation = FormalFrom("2026-11-02");
        EscalateTo(escalation, 2, "2026-11-09");

        escalation.Withdraw("The child has returned home", IroName, D("2026-11-10"));

        Assert.Equal(EscalationOutcome.Withdrawn, escalation.Outcome);
        Assert.Equal(D("2026-11-10"), escalation.ClosedOn);
        Assert.Equal("The child has returned home", escalation.ClosingNote);
        Assert.Equal([StageDecision.Escalated, StageDecision.Closed], escalation.Stages.Select(s => s.Decision));
        Assert.Equal(EscalationState.Closed, escalation.State);
    }

    [Fact]
    public void A_case_can_go_to_Cafcass_at_any_point_even_while_informal()
    {
        var escalation = Raised("2026-11-02");

        escalation.HandToCafcass("Urgent: the child's rights are at risk", IroName, D("2026-11-02"));

        Assert.Equal(EscalationOutcome.ReferredToCafcass, escalation.Outcome);
        Assert.Empty(escalation.Stages);
        Assert.Equal(EscalationState.Closed, escalation.State);
    }

    [Fact]
    public void An_informal_escalation_can_be_withdrawn()
    {
        var escalation = Raised("2026-11-02");

        escalation.Withdraw("The child is no longer looked after", IroName, D("2026-11-03"));

        Assert.Equal(EscalationOutcome.Withdrawn, escalation.Outcome);
        Assert.Equal(EscalationState.Closed, escalation.State);
    }

    private static Escalation ClosedBy(string how)
    {
        switch (how)
        {
            case "ResolvedInformally":
                var informal = DiscussedInformally("2026-11-02");
                informal.ResolveInformally("Sorted", IroName, D("2026-11-02"));
                return informal;
            case "ResolvedFormally":
                var resolved = FormalFrom("2026-11-02");
                resolved.Resolve("Sorted", IroName, D("2026-11-02"));
                return resolved;
            case "ReferredToCafcass":
                var cafcass = FormalFrom("2026-11-02");
                cafcass.HandToCafcass("Referred", IroName, D("2026-11-02"));
                return cafcass;
            default:
                var withdrawn = FormalFrom("2026-11-02");
                withdrawn.Withdraw("Not needed", IroName, D("2026-11-02"));
                return withdrawn;
        }
    }

    private static readonly Dictionary<string, Action<Escalation>> s_changes = new()
    {
        ["RecordDiscussion"] = e => Discuss(e, "2026-11-03"),
        ["ResolveInformally"] = e => e.ResolveInformally("Again", IroName, D("2026-11-03")),
        ["StartFormal"] = e => e.StartFormal(Default, 1, RespondentAt(1), NameAt(1), D("2026-11-03"), Calendar),
        ["Respond"] = e => e.Respond(RespondentAt(1), "Late answer", D("2026-11-03")),
        ["Resolve"] = e => e.Resolve("Again", IroName, D("2026-11-03")),
        ["Escalate"] = e => EscalateTo(e, 2, "2026-11-03"),
        ["HandToCafcass"] = e => e.HandToCafcass("Again", IroName, D("2026-11-03")),
        ["Withdraw"] = e => e.Withdraw("Again", IroName, D("2026-11-03")),
    };

    public static TheoryData<string, string> ClosedEscalationsAndChanges()
    {
        var data = new TheoryData<string, string>();
        foreach (var outcome in Enum.GetNames<EscalationOutcome>())
        {
            foreach (var change in s_changes.Keys)
            {
                data.Add(outcome, change);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ClosedEscalationsAndChanges))]
    public void Nothing_can_be_changed_once_closed(string outcome, string change)
    {
        var escalation = ClosedBy(outcome);
        Assert.Equal(Enum.Parse<EscalationOutcome>(outcome), escalation.Outcome);
        var before = Snapshot(escalation);

        AssertRefused("", () => s_changes[change](escalation));

        Assert.Equal(before, Snapshot(escalation));
    }
}

/// <summary>A refused step leaves the escalation exactly as it was: no stage half-decided, nothing closed.</summary>
public sealed class A_refused_step_changes_nothing
{
    private const string Today = "2026-11-04";

    private static readonly Dictionary<string, Action<Escalation>> s_steps = new()
    {
        ["escalate with no note"] = e => e.Escalate(Default, 2, 22, "Chris Ward", null, IroName, D(Today), Calendar),
        ["escalate with a blank note"] = e => e.Escalate(Default, 2, 22, "Chris Ward", "  ", IroName, D(Today), Calendar),
        ["escalate with too long a note"] = e =>
            e.Escalate(Default, 2, 22, "Chris Ward", new string('n', Escalation.MaxTextLength + 1), IroName, D(Today), Calendar),
        ["escalate to the raising IRO"] = e => e.Escalate(Default, 2, Iro, IroName, Reason, IroName, D(Today), Calendar),
        ["escalate to nobody named"] = e => e.Escalate(Default, 2, 22, " ", Reason, IroName, D(Today), Calendar),
        ["escalate to a stage the process lacks"] = e => e.Escalate(Default, 5, 25, "Sasha Bell", Reason, IroName, D(Today), Calendar),
        ["escalate to the same stage"] = e => e.Escalate(Default, 1, 22, "Chris Ward", Reason, IroName, D(Today), Calendar),
        ["resolve with no note"] = e => e.Resolve(null, IroName, D(Today)),
        ["resolve with too long a note"] = e => e.Resolve(new string('n', Escalation.MaxTextLength + 1), IroName, D(Today)),
        ["hand to Cafcass with no note"] = e => e.HandToCafcass(" ", IroName, D(Today)),
        ["withdraw with no reason"] = e => e.Withdraw(null, IroName, D(Today)),
        ["respond as someone else"] = e => e.Respond(22, "All fine", D(Today)),
        ["respond with nothing"] = e => e.Respond(RespondentAt(1), "", D(Today)),
        ["record a discussion"] = e => Discuss(e, Today),
        ["start formal again"] = e => e.StartFormal(Default, 2, 22, "Chris Ward", D(Today), Calendar),
        ["resolve informally"] = e => e.ResolveInformally("Sorted", IroName, D(Today)),
        ["start formal with the IRO responding"] = e => e.StartFormal(Default, 1, Iro, IroName, D(Today), Calendar),
        ["start formal at stage 5"] = e => e.StartFormal(Default, 5, 25, "Sasha Bell", D(Today), Calendar),
        ["resolve informally with no note"] = e => e.ResolveInformally("  ", IroName, D(Today)),
        ["discuss with nobody"] = e => e.RecordDiscussion(D(Today), "", "Talked", "Meeting", IroName, D(Today)),
        ["discuss tomorrow"] = e => e.RecordDiscussion(D("2026-11-05"), "Alex Green", "Talked", "Meeting", IroName, D(Today)),
    };

    [Theory]
    [InlineData("escalate with no note", "Note")]
    [InlineData("escalate with a blank note", "Note")]
    [InlineData("escalate with too long a note", "Note")]
    [InlineData("escalate to the raising IRO", "RespondentStaffId")]
    [InlineData("escalate to nobody named", "RespondentStaffId")]
    [InlineData("escalate to a stage the process lacks", "Stage")]
    [InlineData("escalate to the same stage", "Stage")]
    [InlineData("resolve with no note", "Note")]
    [InlineData("resolve with too long a note", "Note")]
    [InlineData("hand to Cafcass with no note", "Note")]
    [InlineData("withdraw with no reason", "Note")]
    [InlineData("respond as someone else", "")]
    [InlineData("respond with nothing", "Response")]
    [InlineData("record a discussion", "")]
    [InlineData("start formal again", "")]
    [InlineData("resolve informally", "")]
    public void A_refused_step_at_an_open_stage_leaves_it_undecided(string step, string field)
    {
        var escalation = FormalFrom("2026-11-02");
        var before = Snapshot(escalation);

        AssertRefused(field, () => s_steps[step](escalation));

        Assert.Equal(before, Snapshot(escalation));
        Assert.Null(escalation.Stages[0].Decision);
        Assert.Single(escalation.Stages);
        Assert.True(escalation.IsOpen);
    }

    [Theory]
    [InlineData("escalate with no note", "Note")]
    [InlineData("resolve with no note", "Note")]
    [InlineData("hand to Cafcass with no note", "Note")]
    [InlineData("withdraw with no reason", "Note")]
    [InlineData("escalate to the raising IRO", "RespondentStaffId")]
    public void A_refused_step_after_a_response_leaves_the_stage_awaiting_a_decision(string step, string field)
    {
        var escalation = FormalFrom("2026-11-02");
        escalation.Respond(RespondentAt(1), "Meeting booked", D("2026-11-03"));
        var before = Snapshot(escalation);

        AssertRefused(field, () => s_steps[step](escalation));

        Assert.Equal(before, Snapshot(escalation));
        Assert.Equal(EscalationState.AwaitingDecision, escalation.State);
    }

    [Theory]
    [InlineData("start formal with the IRO responding", "RespondentStaffId")]
    [InlineData("start formal at stage 5", "Stage")]
    [InlineData("resolve informally with no note", "Note")]
    [InlineData("resolve with no note", "")]
    [InlineData("escalate with no note", "")]
    [InlineData("respond as someone else", "")]
    [InlineData("hand to Cafcass with no note", "Note")]
    [InlineData("withdraw with no reason", "Note")]
    [InlineData("discuss with nobody", "With")]
    [InlineData("discuss tomorrow", "On")]
    public void A_refused_step_while_informal_leaves_it_informal(string step, string field)
    {
        var escalation = DiscussedInformally("2026-11-02");
        var before = Snapshot(escalation);

        AssertRefused(field, () => s_steps[step](escalation));

        Assert.Equal(before, Snapshot(escalation));
        Assert.Equal(EscalationState.Informal, escalation.State);
        Assert.Empty(escalation.Stages);
    }
}

public sealed class The_twenty_day_warning_counts_working_days_not_calendar_days
{
    // Day 20 of a process started on Friday 6 November 2026 is Friday 4 December 2026.
    private const string Started = "2026-11-06";

    [Theory]
    [InlineData("2026-12-04", false)]
    [InlineData("2026-12-05", false)] // Saturday: still 20 working days
    [InlineData("2026-12-06", false)] // Sunday
    [InlineData("2026-12-07", true)]  // Monday: day 21
    public void An_open_process_warns_on_the_first_working_day_after_day_twenty(string today, bool warns) =>
        Assert.Equal(warns, FormalFrom(Started).PassesTotalWorkingDays(Calendar, D(today)));

    [Fact]
    public void A_process_closed_on_the_weekend_after_day_twenty_took_twenty_working_days_and_does_not_warn()
    {
        var escalation = FormalFrom(Started);
        escalation.Resolve("Agreed at the planning meeting", IroName, D("2026-12-05"));

        Assert.Equal(20, escalation.FormalWorkingDays(Calendar, D("2026-12-20")));
        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2026-12-20")));
    }

    [Fact]
    public void A_stage_answered_before_day_twenty_no_longer_warns_about_its_late_due_date()
    {
        // Stage 2 opened on day 17 is due after day 20, which warns only until the response arrives.
        var escalation = FormalFrom(Started);
        EscalateTo(escalation, 2, "2026-12-01");
        Assert.True(escalation.PassesTotalWorkingDays(Calendar, D("2026-12-01")));

        escalation.Respond(RespondentAt(2), "A planning meeting is booked for 3 December", D("2026-12-02"));

        Assert.False(escalation.PassesTotalWorkingDays(Calendar, D("2026-12-02")));
        Assert.True(escalation.PassesTotalWorkingDays(Calendar, D("2026-12-07")));
    }
}
