using CareReview.Domain.Reports;

namespace CareReview.Domain.Escalations;

/// <summary>Where an escalation stands.</summary>
public enum EscalationState
{
    /// <summary>Raised, and being resolved informally with the social worker and team manager.</summary>
    Informal,

    /// <summary>A formal stage is open and its respondent has not answered.</summary>
    AwaitingResponse,

    /// <summary>The respondent answered; the IRO is to decide whether that resolves it.</summary>
    AwaitingDecision,

    Closed,
}

/// <summary>How an escalation ended. Stored by name: never rename a member.</summary>
public enum EscalationOutcome
{
    ResolvedInformally,
    ResolvedFormally,

    /// <summary>The IRO referred the case to Cafcass instead of going on with the formal process.</summary>
    ReferredToCafcass,

    /// <summary>No longer needed, for example because the child stopped being looked after; the reason is recorded.</summary>
    Withdrawn,
}

/// <summary>What the IRO decided at the end of a formal stage. Stored by name: never rename a member.</summary>
public enum StageDecision
{
    Resolved,

    /// <summary>Taken to the next stage.</summary>
    Escalated,

    /// <summary>Taken past the next stage to a later one (the Handbook lets the IRO bypass stages).</summary>
    Skipped,

    /// <summary>The escalation ended some other way while this stage was open (Cafcass, withdrawn).</summary>
    Closed,
}

/// <summary>What the IRO writes when raising a concern.</summary>
/// <param name="Themes">What it is about, for the annual report (ADR-0014); optional.</param>
public sealed record ConcernDraft(
    ConcernCategory? Category, string? Concern, string? Needed, DateOnly? NeededBy, int? ReviewId, IReadOnlyList<int> RecommendationIds,
    IReadOnlyList<CaseTheme>? Themes = null);

/// <summary>
/// An IRO's challenge to the council about one child's case (statutory-rules.md §6.5, §3.3 I9–I11): the
/// concern, the attempts to resolve it informally, then the formal dispute-resolution stages, each with a
/// named respondent, a response due in working days, the response and the IRO's decision. The Handbook
/// expects the formal process to take no more than 20 working days in all; passing that is a warning,
/// not a refusal, because the IRO must not be stopped from pursuing the child's case.
/// </summary>
public sealed class Escalation
{
    public const int MaxTextLength = 4000;
    public const int MaxNameLength = 200;

    private readonly List<InformalDiscussion> _discussions = [];
    private readonly List<EscalationStage> _stages = [];
    private readonly List<EscalationRecommendation> _recommendations = [];

    public int Id { get; private set; }
    public int ChildId { get; private set; }

    /// <summary>The team of the child's social worker when the concern was raised, for the register.</summary>
    public int? TeamId { get; private set; }

    public int? RaisedByStaffId { get; private set; }
    public string RaisedBy { get; private set; } = "";
    public DateOnly RaisedOn { get; private set; }
    public ConcernCategory Category { get; private set; }
    public string Concern { get; private set; } = "";
    public string Needed { get; private set; } = "";
    public DateOnly NeededBy { get; private set; }

    /// <summary>The review the concern arises from, if any.</summary>
    public int? ReviewId { get; private set; }

    /// <summary>The themes it is about (ADR-0014), space-separated codes; empty when not tagged.</summary>
    public string ThemeCodes { get; private set; } = "";

    public IReadOnlyList<CaseTheme> Themes => CaseThemes.FromCodes(ThemeCodes);

    public EscalationOutcome? Outcome { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? ClosingNote { get; private set; }

    /// <summary>Optimistic concurrency token, bumped on every save.</summary>
    public long Version { get; set; }

    public IReadOnlyList<InformalDiscussion> Discussions => _discussions;

    /// <summary>The formal stages opened so far, in order (a database may load them in any order).</summary>
    public IReadOnlyList<EscalationStage> Stages => [.. _stages.OrderBy(s => s.Number)];

    private EscalationStage? LatestStage => _stages.MaxBy(s => s.Number);

    public IReadOnlyList<EscalationRecommendation> Recommendations => _recommendations;

    private Escalation()
    {
    }

    public Escalation(int childId, int? teamId, ConcernDraft draft, int? raisedByStaffId, string raisedBy, DateOnly today)
    {
        var problem = Problems(draft, today).FirstOrDefault();
        if (problem is not null)
        {
            throw problem;
        }

        ChildId = childId;
        TeamId = teamId;
        RaisedByStaffId = raisedByStaffId;
        RaisedBy = raisedBy;
        RaisedOn = today;
        Category = draft.Category!.Value;
        Concern = draft.Concern!.Trim();
        Needed = draft.Needed!.Trim();
        NeededBy = draft.NeededBy!.Value;
        ReviewId = draft.ReviewId;
        _recommendations.AddRange(draft.RecommendationIds.Distinct().Select(id => new EscalationRecommendation(id)));
        ThemeCodes = CaseThemes.ToCodes(draft.Themes);
    }

    /// <summary>Sets the themes it is about, replacing any before; none leaves it untagged.</summary>
    public void Tag(IEnumerable<CaseTheme> themes) => ThemeCodes = CaseThemes.ToCodes(themes);

    /// <summary>Everything wrong with a drafted concern, so that a form can show each message beside its field.</summary>
    public static IReadOnlyList<DomainRuleException> Problems(ConcernDraft draft, DateOnly today)
    {
        var problems = new List<DomainRuleException>();
        void Add(bool wrong, string message, string field)
        {
            if (wrong)
            {
                problems.Add(new DomainRuleException(message, field));
            }
        }

        Add(draft.Category is null, "Choose what the concern is about", nameof(Category));
        Add(string.IsNullOrWhiteSpace(draft.Concern), "Enter what is wrong", nameof(Concern));
        Add(draft.Concern?.Trim().Length > MaxTextLength, $"What is wrong must be {MaxTextLength:N0} characters or fewer", nameof(Concern));
        Add(string.IsNullOrWhiteSpace(draft.Needed), "Enter what needs to happen to put it right", nameof(Needed));
        Add(draft.Needed?.Trim().Length > MaxTextLength, $"What is needed must be {MaxTextLength:N0} characters or fewer", nameof(Needed));
        Add(draft.NeededBy is null, "Enter the date by which it is needed", nameof(NeededBy));
        Add(draft.NeededBy < today, "The date it is needed by must be today or in the future", nameof(NeededBy));
        return problems;
    }

    public EscalationState State =>
        Outcome is not null ? EscalationState.Closed
        : CurrentStage is { } stage ? (stage.Response is null ? EscalationState.AwaitingResponse : EscalationState.AwaitingDecision)
        : EscalationState.Informal;

    public bool IsOpen => Outcome is null;

    /// <summary>The formal stage waiting on a response or a decision, if any.</summary>
    public EscalationStage? CurrentStage => IsOpen && LatestStage is { Decision: null } latest ? latest : null;

    public bool IsFormal => _stages.Count > 0;

    public DateOnly? FormalStartedOn => _stages.MinBy(s => s.Number)?.OpenedOn;

    /// <summary>The highest formal stage reached; 0 while informal.</summary>
    public int StageReached => LatestStage?.Number ?? 0;

    /// <summary>Stages of the process that were bypassed on the way to the highest stage reached.</summary>
    public IReadOnlyList<int> SkippedStages =>
        [.. Enumerable.Range(1, StageReached).Where(n => _stages.All(s => s.Number != n))];

    /// <summary>The day 20 working days after the formal process began, when it should be over.</summary>
    public DateOnly? FormalDueBy(WorkingDayCalendar calendar) =>
        FormalStartedOn is { } started ? calendar.AddWorkingDays(started, DisputeResolutionProcess.TotalWorkingDays) : null;

    /// <summary>Working days the formal process has taken: to its close, or so far.</summary>
    public int? FormalWorkingDays(WorkingDayCalendar calendar, DateOnly today) =>
        FormalStartedOn is { } started ? calendar.WorkingDaysUntil(started, ClosedOn ?? today) : null;

    /// <summary>Working days from raising the concern to closing it; null while open.</summary>
    public int? WorkingDaysToClose(WorkingDayCalendar calendar) =>
        ClosedOn is { } closed ? calendar.WorkingDaysUntil(RaisedOn, closed) : null;

    /// <summary>
    /// The formal process has run, or as planned will run, past 20 working days (IRO Handbook 6.2): it took
    /// more than 20 working days to close, it has been open for more, or the response still awaited at the
    /// open stage is due after day 20.
    /// </summary>
    public bool PassesTotalWorkingDays(WorkingDayCalendar calendar, DateOnly today)
    {
        if (FormalWorkingDays(calendar, today) is not { } taken)
        {
            return false;
        }

        return taken > DisputeResolutionProcess.TotalWorkingDays
            || (CurrentStage is { Response: null } waiting && waiting.ResponseDueOn > FormalDueBy(calendar));
    }

    public void RecordDiscussion(DateOnly on, string? with, string? conversation, string? agreedAction, string by, DateOnly today)
    {
        Require(State == EscalationState.Informal,
            IsOpen ? "The formal process has started: informal discussions are recorded before it" : "This escalation is closed", "");
        DateRules.RequireNotInTheFuture(on, today, "The date of the conversation", "On");
        Require(on >= RaisedOn.AddYears(-1), "The conversation must be within a year before the concern was raised", "On");
        Require(!string.IsNullOrWhiteSpace(with), "Enter who the conversation was with", "With");
        Require(with!.Trim().Length <= MaxNameLength, $"Who it was with must be {MaxNameLength} characters or fewer", "With");
        RequireText(conversation, "Enter what was said", "Conversation");
        RequireText(agreedAction, "Enter the action agreed, or that none was", "AgreedAction");
        _discussions.Add(new InformalDiscussion(on, with.Trim(), conversation!.Trim(), agreedAction!.Trim(), by, today));
    }

    public void ResolveInformally(string? note, string by, DateOnly today)
    {
        Require(State == EscalationState.Informal,
            IsOpen ? "The formal process has started: decide on the open stage instead" : "This escalation is closed", "");
        Require(_discussions.Count > 0, "Record the conversation that resolved it first", "");
        Close(EscalationOutcome.ResolvedInformally, note, "Say how it was resolved", by, today);
    }

    /// <summary>
    /// Starts the formal process at a stage (usually 1, but the IRO may bypass stages) once informal
    /// resolution has been tried and recorded on the child's file (Handbook 6.1).
    /// </summary>
    public EscalationStage StartFormal(DisputeResolutionProcess process, int stage, int respondentStaffId, string respondentName,
        DateOnly today, WorkingDayCalendar calendar)
    {
        Require(State == EscalationState.Informal, IsOpen ? "The formal process has already started" : "This escalation is closed", "");
        Require(_discussions.Count > 0, "Record the attempt to resolve it informally first: the IRO Handbook expects informal resolution before the formal process", "");
        return Open(process.Stage(stage), respondentStaffId, respondentName, today, calendar);
    }

    /// <summary>The respondent of the open stage answers.</summary>
    public void Respond(int staffId, string? response, DateOnly today)
    {
        var stage = CurrentStage;
        Require(stage is not null && stage.Response is null, "There is no stage waiting for a response", "");
        Require(stage!.RespondentStaffId == staffId, "Only the person asked at this stage can respond", "");
        RequireText(response, "Enter your response", "Response");
        stage.Respond(response!.Trim(), today);
    }

    /// <summary>The IRO is satisfied: the open stage resolved the concern.</summary>
    public void Resolve(string? note, string by, DateOnly today)
    {
        var stage = CurrentStage;
        Require(stage is not null, IsOpen ? "No formal stage is open: resolve it informally instead" : "This escalation is closed", "");
        RequireText(note, "Say how it was resolved", "Note");
        stage!.Decide(StageDecision.Resolved, note!.Trim(), by, today);
        Close(EscalationOutcome.ResolvedFormally, note, "Say how it was resolved", by, today);
    }

    /// <summary>
    /// The IRO is not satisfied and takes it to a later stage: the next, or a later one (skipping). The IRO
    /// may do so before the response arrives, for example when it is late or the child is at risk.
    /// </summary>
    public EscalationStage Escalate(DisputeResolutionProcess process, int toStage, int respondentStaffId, string respondentName,
        string? note, string by, DateOnly today, WorkingDayCalendar calendar)
    {
        var stage = CurrentStage;
        Require(stage is not null, IsOpen ? "Start the formal process first" : "This escalation is closed", "");
        Require(toStage > stage!.Number, $"Choose a stage after stage {stage.Number}", "Stage");
        var definition = process.Stage(toStage);
        CheckRespondent(respondentStaffId, respondentName);
        RequireText(note, "Say why it is being escalated", "Note");
        stage.Decide(toStage == stage.Number + 1 ? StageDecision.Escalated : StageDecision.Skipped, note!.Trim(), by, today);
        return Open(definition, respondentStaffId, respondentName, today, calendar);
    }

    /// <summary>The IRO refers the case to Cafcass instead of going on with the formal process (s25B(3)).</summary>
    public void HandToCafcass(string? note, string by, DateOnly today)
    {
        Require(IsOpen, "This escalation is closed", "");
        RequireText(note, "Say why the referral replaces the process", "Note");
        CurrentStage?.Decide(StageDecision.Closed, note!.Trim(), by, today);
        Close(EscalationOutcome.ReferredToCafcass, note, "Say why the referral replaces the process", by, today);
    }

    public void Withdraw(string? reason, string by, DateOnly today)
    {
        Require(IsOpen, "This escalation is closed", "");
        RequireText(reason, "Say why the escalation is withdrawn", "Note");
        CurrentStage?.Decide(StageDecision.Closed, reason!.Trim(), by, today);
        Close(EscalationOutcome.Withdrawn, reason, "Say why the escalation is withdrawn", by, today);
    }

    private void CheckRespondent(int respondentStaffId, string respondentName)
    {
        Require(respondentStaffId != RaisedByStaffId, "The IRO cannot answer their own escalation: choose the person who will respond", "RespondentStaffId");
        Require(!string.IsNullOrWhiteSpace(respondentName), "Choose the person who will respond", "RespondentStaffId");
    }

    private EscalationStage Open(DrpStageDefinition definition, int respondentStaffId, string respondentName, DateOnly today, WorkingDayCalendar calendar)
    {
        CheckRespondent(respondentStaffId, respondentName);
        var stage = new EscalationStage(definition, respondentStaffId, respondentName.Trim(), today,
            calendar.AddWorkingDays(today, definition.ResponseWorkingDays));
        _stages.Add(stage);
        return stage;
    }

    private void Close(EscalationOutcome outcome, string? note, string whenMissing, string by, DateOnly today)
    {
        RequireText(note, whenMissing, "Note");
        Outcome = outcome;
        ClosedOn = today;
        ClosedBy = by;
        ClosingNote = note!.Trim();
    }

    private static void RequireText(string? text, string whenMissing, string field)
    {
        Require(!string.IsNullOrWhiteSpace(text), whenMissing, field);
        Require(text!.Trim().Length <= MaxTextLength, $"This must be {MaxTextLength:N0} characters or fewer", field);
    }

    private static void Require(bool condition, string message, string? field)
    {
        if (!condition)
        {
            throw new DomainRuleException(message, field);
        }
    }
}

/// <summary>An attempt to resolve the concern informally, recorded on the child's file (Handbook 6.1).</summary>
public sealed class InformalDiscussion
{
    public int Id { get; private set; }
    public int EscalationId { get; private set; }
    public DateOnly On { get; private set; }
    public string With { get; private set; } = "";
    public string Conversation { get; private set; } = "";
    public string AgreedAction { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateOnly RecordedOn { get; private set; }

    private InformalDiscussion()
    {
    }

    internal InformalDiscussion(DateOnly on, string with, string conversation, string agreedAction, string recordedBy, DateOnly recordedOn)
    {
        On = on;
        With = with;
        Conversation = conversation;
        AgreedAction = agreedAction;
        RecordedBy = recordedBy;
        RecordedOn = recordedOn;
    }
}

/// <summary>One formal stage: who was asked, by when, what they said and what the IRO decided.</summary>
public sealed class EscalationStage
{
    public int Id { get; private set; }
    public int EscalationId { get; private set; }
    public int Number { get; private set; }

    /// <summary>The level asked at this stage, as the council's process named it then ("Head of service").</summary>
    public string Level { get; private set; } = "";

    public int RespondentStaffId { get; private set; }
    public string RespondentName { get; private set; } = "";
    public DateOnly OpenedOn { get; private set; }
    public int ResponseWorkingDays { get; private set; }
    public DateOnly ResponseDueOn { get; private set; }
    public string? Response { get; private set; }
    public DateOnly? RespondedOn { get; private set; }
    public StageDecision? Decision { get; private set; }
    public string? DecisionNote { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateOnly? DecidedOn { get; private set; }

    private EscalationStage()
    {
    }

    internal EscalationStage(DrpStageDefinition definition, int respondentStaffId, string respondentName, DateOnly openedOn, DateOnly responseDueOn)
    {
        Number = definition.Number;
        Level = definition.Respondent;
        ResponseWorkingDays = definition.ResponseWorkingDays;
        RespondentStaffId = respondentStaffId;
        RespondentName = respondentName;
        OpenedOn = openedOn;
        ResponseDueOn = responseDueOn;
    }

    /// <summary>Still waiting for the response after the day it was due.</summary>
    public bool IsResponseOverdueOn(DateOnly today) => Response is null && Decision is null && today > ResponseDueOn;

    /// <summary>Responded after the day it was due.</summary>
    public bool RespondedLate => RespondedOn > ResponseDueOn;

    internal void Respond(string response, DateOnly today)
    {
        Response = response;
        RespondedOn = today;
    }

    internal void Decide(StageDecision decision, string note, string by, DateOnly today)
    {
        Decision = decision;
        DecisionNote = note;
        DecidedBy = by;
        DecidedOn = today;
    }
}

/// <summary>A review recommendation the concern is about.</summary>
public sealed class EscalationRecommendation
{
    public int EscalationId { get; private set; }
    public int RecommendationId { get; private set; }

    private EscalationRecommendation()
    {
    }

    internal EscalationRecommendation(int recommendationId) => RecommendationId = recommendationId;
}
