using CareReview.Domain.Reports;

namespace CareReview.Domain.Reviews;

public enum RecommendationStatus
{
    Open,
    Done,

    /// <summary>Not done by the next review, and made again there (the new one is linked).</summary>
    CarriedForward,

    /// <summary>Not done and no longer needed, with the reason recorded.</summary>
    Dropped,
}

public enum RecommendationUpdateKind { Progress, Done, CarriedForward, Dropped }

/// <summary>
/// A decision or recommendation from a review, written SMART: what is to be done, by whom (a named person
/// and their role), by when, and how the IRO will know. Tracked until it is done, carried forward or dropped.
/// </summary>
public sealed class Recommendation
{
    /// <summary>The longest note an update can carry (the column is this wide).</summary>
    internal const int MaxNoteLength = 2000;

    private readonly List<RecommendationUpdate> _updates = [];

    public int Id { get; private set; }
    public int ReviewId { get; private set; }
    public string Action { get; private set; } = "";

    /// <summary>The person who will do it. When they are on the system their work list shows it.</summary>
    public string OwnerName { get; private set; } = "";

    public string OwnerRole { get; private set; } = "";
    public int? OwnerStaffId { get; private set; }
    public DateOnly DueOn { get; private set; }

    /// <summary>The day of the review that made it: nothing can be done about it before then.</summary>
    public DateOnly MadeOn { get; private set; }

    public string Monitoring { get; private set; } = "";
    public RecommendationStatus Status { get; private set; }
    public DateOnly? CompletedOn { get; private set; }

    /// <summary>The recommendation this one carries forward from an earlier review.</summary>
    public int? CarriedForwardFromId { get; private set; }

    /// <summary>The themes it is about (ADR-0014), space-separated codes; empty when not tagged.</summary>
    public string ThemeCodes { get; private set; } = "";

    public IReadOnlyList<CaseTheme> Themes => CaseThemes.FromCodes(ThemeCodes);

    public IReadOnlyList<RecommendationUpdate> Updates => _updates;

    public bool IsOpen => Status == RecommendationStatus.Open;

    public bool IsOverdueOn(DateOnly today) => IsOpen && DueOn < today;

    /// <summary>Done, and by its due date.</summary>
    public bool DoneOnTime => Status == RecommendationStatus.Done && CompletedOn <= DueOn;

    private Recommendation()
    {
    }

    internal Recommendation(RecommendationDraft draft, DateOnly madeOn, int? carriedForwardFromId = null)
    {
        var problem = Problems(draft, madeOn).FirstOrDefault();
        if (problem is not null)
        {
            throw new DomainRuleException(problem.Message, problem.Field);
        }

        var (action, ownerName, ownerRole, dueOn, monitoring) =
            (draft.Action!.Trim(), draft.OwnerName!.Trim(), draft.OwnerRole!.Trim(), draft.DueOn, draft.Monitoring!.Trim());
        Action = action;
        OwnerName = ownerName!;
        OwnerRole = ownerRole!;
        OwnerStaffId = draft.OwnerStaffId;
        MadeOn = madeOn;
        DueOn = dueOn!.Value;
        Monitoring = monitoring!;
        CarriedForwardFromId = carriedForwardFromId;
        ThemeCodes = CaseThemes.ToCodes(draft.Themes);
    }

    /// <summary>Sets the themes it is about, replacing any before; none leaves it untagged.</summary>
    public void Tag(IEnumerable<CaseTheme> themes) => ThemeCodes = CaseThemes.ToCodes(themes);

    /// <summary>
    /// Everything wrong with a drafted recommendation, so that a form can show each message beside its
    /// field at once: it must say what, who (a named person and their role), by when and how it is monitored.
    /// </summary>
    public static IReadOnlyList<DomainRuleException> Problems(RecommendationDraft draft, DateOnly madeOn)
    {
        var problems = new List<DomainRuleException>();
        void Add(bool wrong, string message, string field)
        {
            if (wrong)
            {
                problems.Add(new DomainRuleException(message, field));
            }
        }

        Add(string.IsNullOrWhiteSpace(draft.Action), "Enter what is to be done", nameof(Action));
        Add(draft.Action?.Trim().Length > 1000, "What is to be done must be 1,000 characters or fewer", nameof(Action));
        Add(string.IsNullOrWhiteSpace(draft.OwnerName), "Enter who will do it: a named person. A recommendation without an owner cannot be followed up", nameof(OwnerName));
        Add(draft.OwnerName?.Trim().Length > 200, "The name must be 200 characters or fewer", nameof(OwnerName));
        Add(string.IsNullOrWhiteSpace(draft.OwnerRole), "Enter the role of the person who will do it, for example social worker", nameof(OwnerRole));
        Add(draft.OwnerRole?.Trim().Length > 100, "The role must be 100 characters or fewer", nameof(OwnerRole));
        Add(draft.DueOn is null, "Enter the date it must be done by. A recommendation without a date cannot be followed up", nameof(DueOn));
        Add(draft.DueOn <= madeOn, "The date it must be done by must be after the review", nameof(DueOn));
        Add(string.IsNullOrWhiteSpace(draft.Monitoring), "Enter how the IRO will know it has been done", nameof(Monitoring));
        Add(draft.Monitoring?.Trim().Length > 1000, "How it is monitored must be 1,000 characters or fewer", nameof(Monitoring));
        return problems;
    }

    public void RecordProgress(DateOnly on, string note, string by, DateOnly today)
    {
        CheckOpen();
        CheckUpdate(on, note, today);
        _updates.Add(new RecommendationUpdate(on, RecommendationUpdateKind.Progress, note.Trim(), by));
    }

    public void Complete(DateOnly on, string note, string by, DateOnly today)
    {
        CheckOpen();
        CheckUpdate(on, note, today);
        Status = RecommendationStatus.Done;
        CompletedOn = on;
        _updates.Add(new RecommendationUpdate(on, RecommendationUpdateKind.Done, note.Trim(), by));
    }

    internal void CarryForward(DateOnly on, string note, string by)
    {
        CheckOpen();
        CheckNoteLength(note);
        Status = RecommendationStatus.CarriedForward;
        _updates.Add(new RecommendationUpdate(on, RecommendationUpdateKind.CarriedForward, note.Trim(), by));
    }

    internal void Drop(DateOnly on, string note, string by)
    {
        CheckOpen();
        Check(!string.IsNullOrWhiteSpace(note), "Say why the recommendation is no longer needed", "Note");
        CheckNoteLength(note);
        Status = RecommendationStatus.Dropped;
        _updates.Add(new RecommendationUpdate(on, RecommendationUpdateKind.Dropped, note.Trim(), by));
    }

    private void CheckOpen() =>
        Check(IsOpen, "This recommendation is already closed", "Note");

    private void CheckUpdate(DateOnly on, string note, DateOnly today)
    {
        Check(!string.IsNullOrWhiteSpace(note), "Enter a note saying what has been done", "Note");
        CheckNoteLength(note);
        DateRules.RequireNotInTheFuture(on, today, "The date", "On");
        Check(on >= MadeOn, $"The date must be on or after the review that made this recommendation, on {GovukDate.Format(MadeOn)}", "On");
    }

    private static void CheckNoteLength(string note) =>
        Check(note.Trim().Length <= MaxNoteLength, "The note must be 2,000 characters or fewer", "Note");

    private static void Check(bool condition, string message, string field)
    {
        if (!condition)
        {
            throw new DomainRuleException(message, field);
        }
    }
}

/// <summary>What the IRO decided at a review about a recommendation still open from before.</summary>
public sealed record RecommendationOutcome(int RecommendationId, RecommendationStatus Outcome, string? Note, DateOnly? NewDueOn);

/// <summary>What a reviewer typed for one recommendation, before it is checked.</summary>
/// <param name="Themes">What it is about, for the annual report (ADR-0014); optional.</param>
public sealed record RecommendationDraft(string? Action, string? OwnerName, string? OwnerRole, int? OwnerStaffId, DateOnly? DueOn, string? Monitoring,
    IReadOnlyList<CaseTheme>? Themes = null);

/// <summary>A dated note on a recommendation: progress, completion, or its outcome at the next review.</summary>
public sealed class RecommendationUpdate
{
    public int Id { get; private set; }
    public DateOnly On { get; private set; }
    public RecommendationUpdateKind Kind { get; private set; }
    public string Note { get; private set; } = "";
    public string By { get; private set; } = "";

    private RecommendationUpdate()
    {
    }

    internal RecommendationUpdate(DateOnly on, RecommendationUpdateKind kind, string note, string by)
    {
        On = on;
        Kind = kind;
        Note = note;
        By = by;
    }
}
