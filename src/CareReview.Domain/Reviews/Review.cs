using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Voice;

namespace CareReview.Domain.Reviews;

public enum ReviewState
{
    /// <summary>Arranged, not yet held.</summary>
    Scheduled,

    /// <summary>Started and adjourned once (reg 36(5)), to resume within 20 working days.</summary>
    Adjourned,

    Held,
}

/// <summary>Where, when and with whom a review meeting is arranged.</summary>
public sealed record ReviewArrangements(DateOnly? Date, TimeOnly? StartsAt, string? Venue, string? Invitees, string? LatenessReason);

/// <summary>What the IRO records about a review meeting that was held.</summary>
public sealed record ReviewRecord(
    DateOnly HeldOn,
    ParticipationCode? Participation,
    string? Attendees,
    string? ChildWishesAndFeelings,
    string? ParentsViews,
    string? IroView,
    IReadOnlyDictionary<int, string> Considerations,
    string? LetterToChild);

/// <summary>
/// A statutory review of a looked-after child's case: arranged, prepared for, held (perhaps after one
/// adjournment), then its decisions and record issued. The recommendations made at it are tracked
/// until done.
/// </summary>
public sealed class Review
{
    public const int ConsultationWorkingDays = 15;
    public const int ReportsWorkingDays = 3;
    public const int DecisionsWorkingDays = 5;
    public const int RecordWorkingDays = 20;

    private readonly List<Recommendation> _recommendations = [];
    private readonly List<ReviewConsideration> _considerations = [];

    public int Id { get; private set; }
    public int ChildId { get; private set; }
    public ReviewState State { get; private set; }

    /// <summary>The due date the review is held against, and the rule that set it.</summary>
    public DateOnly DueOn { get; private set; }

    public string DueRuleId { get; private set; } = "";

    public DateOnly? ScheduledFor { get; private set; }
    public TimeOnly? StartsAt { get; private set; }
    public string? Venue { get; private set; }
    public string? Invitees { get; private set; }
    public string? LatenessReason { get; private set; }

    // Preparation (statutory-rules.md §3.3 I1–I4).
    public DateOnly? ConsultedOn { get; private set; }
    public DateOnly? ReportsReceivedOn { get; private set; }
    public DateOnly? ChildSeenAloneOn { get; private set; }
    public string? ChildNotSeenAloneReason { get; private set; }
    public DateOnly? ParentsViewsSoughtOn { get; private set; }

    public DateOnly? AdjournedOn { get; private set; }
    public string? AdjournmentReason { get; private set; }

    public DateOnly? HeldOn { get; private set; }

    /// <summary>How the child took part (SSDA903 REVIEW_CODE). Never recorded for short breaks (rule 399).</summary>
    public ParticipationCode? ParticipationCode { get; private set; }

    /// <summary>How the child took part, beside the code: the participation figures count these.</summary>
    public ParticipationMeans ParticipationMeans { get; private set; }

    public string? Attendees { get; private set; }
    public string? ChildWishesAndFeelings { get; private set; }
    public string? ParentsViews { get; private set; }
    public string? IroView { get; private set; }
    public string? LetterToChild { get; private set; }

    // After the meeting (§3.3 I5–I6).
    public DateOnly? DecisionsIssuedOn { get; private set; }
    public DateOnly? RecordIssuedOn { get; private set; }

    public IReadOnlyList<Recommendation> Recommendations => _recommendations;
    public IReadOnlyList<ReviewConsideration> Considerations => _considerations;

    public bool IsHeld => State == ReviewState.Held;
    public bool WasLate => HeldOn > DueOn;

    public DateOnly? DecisionsDueOn(WorkingDayCalendar calendar) => HeldOn is { } held ? calendar.AddWorkingDays(held, DecisionsWorkingDays) : null;

    public DateOnly? RecordDueOn(WorkingDayCalendar calendar) => HeldOn is { } held ? calendar.AddWorkingDays(held, RecordWorkingDays) : null;

    private Review()
    {
    }

    internal Review(ReviewDue due)
    {
        DueOn = due.DueOn;
        DueRuleId = due.RuleId;
        State = ReviewState.Scheduled;
    }

    /// <summary>The due date moved before the review was held (it was brought forward).</summary>
    internal void HoldAgainst(ReviewDue due)
    {
        DueOn = due.DueOn;
        DueRuleId = due.RuleId;
    }

    internal void Arrange(ReviewArrangements arrangements, DateOnly earliest, DateOnly today)
    {
        var date = arrangements.Date ?? throw new DomainRuleException("Enter the date of the review", "Date");
        Check(date >= today, "The review date must be today or in the future", "Date");
        Check(date >= earliest, $"The review date must be on or after {GovukDate.Format(earliest)}", "Date");
        Check(!string.IsNullOrWhiteSpace(arrangements.Venue), "Enter where the review will be held", "Venue");
        Check(Length(arrangements.Venue) <= 200, "Where the review will be held must be 200 characters or fewer", "Venue");
        Check(Length(arrangements.Invitees) <= 2000, "Who is invited must be 2,000 characters or fewer", "Invitees");
        var late = date > DueOn;
        Check(!late || !string.IsNullOrWhiteSpace(arrangements.LatenessReason),
            $"The review is due by {GovukDate.Format(DueOn)}. Give the reason it will be late", "LatenessReason");
        Check(Length(arrangements.LatenessReason) <= 1000, "The reason must be 1,000 characters or fewer", "LatenessReason");

        ScheduledFor = date;
        StartsAt = arrangements.StartsAt;
        Venue = arrangements.Venue!.Trim();
        Invitees = arrangements.Invitees?.Trim();
        LatenessReason = late ? arrangements.LatenessReason!.Trim() : null;
    }

    public void RecordConsultation(DateOnly on, DateOnly today) => ConsultedOn = CheckedPreparationDate(on, today);

    public void RecordReportsReceived(DateOnly on, DateOnly today) => ReportsReceivedOn = CheckedPreparationDate(on, today);

    public void RecordParentsViewsSought(DateOnly on, DateOnly today) => ParentsViewsSoughtOn = CheckedPreparationDate(on, today);

    /// <summary>The IRO spoke to the child alone before the review (reg 36), or the reason they did not.</summary>
    public void RecordChildSeenAlone(DateOnly? on, string? reasonNot, DateOnly today)
    {
        Check(on is not null ^ !string.IsNullOrWhiteSpace(reasonNot),
            "Enter the date the IRO spoke to the child alone, or the reason they did not, but not both", "ChildSeenAloneOn");
        Check(Length(reasonNot) <= 1000, "The reason must be 1,000 characters or fewer", "ChildNotSeenAloneReason");
        CheckNotHeld();
        ChildSeenAloneOn = on is { } date ? CheckedPreparationDate(date, today) : null;

        // A blank reason beside a date is no reason: stored as "" it would make the checklist say the
        // child was not seen alone.
        ChildNotSeenAloneReason = string.IsNullOrWhiteSpace(reasonNot) ? null : reasonNot.Trim();
    }

    /// <summary>The IRO adjourns the meeting, once, for no more than 20 working days (reg 36(5)).</summary>
    internal void Adjourn(DateOnly on, DateOnly resumeOn, string? reason, DateOnly today, Rulebook rules)
    {
        Check(State == ReviewState.Scheduled,
            State == ReviewState.Adjourned ? "A review can only be adjourned once" : "Only a review that has not been held can be adjourned", "AdjournedOn");
        DateRules.RequireNotInTheFuture(on, today, "The date of the adjourned meeting", "AdjournedOn");
        Check(!string.IsNullOrWhiteSpace(reason), "Enter why the review was adjourned, for example the information that was missing", "AdjournmentReason");
        Check(Length(reason) <= 1000, "The reason must be 1,000 characters or fewer", "AdjournmentReason");
        var period = rules.Period(ReviewSchedule.Adjournment, on);
        var latest = period.After(on, rules.Calendar);
        Check(resumeOn > on, "The review must resume after the day it was adjourned", "ResumeOn");
        Check(resumeOn <= latest, $"An adjourned review must resume within {period.Describe()}: by {GovukDate.Format(latest)}", "ResumeOn");

        State = ReviewState.Adjourned;
        AdjournedOn = on;
        AdjournmentReason = reason!.Trim();
        ScheduledFor = resumeOn;
    }

    /// <summary>
    /// The checks <see cref="RecordHeld"/> makes, for a caller that must know the record will be accepted
    /// before it changes anything else (the child's open recommendations).
    /// </summary>
    internal void CheckCanRecord(ReviewRecord record)
    {
        Check(State != ReviewState.Held, "This review has already been recorded", "HeldOn");
        Check(AdjournedOn is null || record.HeldOn > AdjournedOn,
            $"The review was adjourned on {GovukDate.Format(AdjournedOn)}, so it must have resumed after that", "HeldOn");
        foreach (var paragraph in record.Considerations.Keys)
        {
            Check(Schedule7.IsKnown(paragraph), "There is no such Schedule 7 consideration", "Considerations");
        }
    }

    internal void RecordHeld(ReviewRecord record, IEnumerable<Recommendation> recommendations)
    {
        CheckCanRecord(record);

        State = ReviewState.Held;
        HeldOn = record.HeldOn;
        ScheduledFor ??= record.HeldOn;
        ParticipationCode = record.Participation;
        Attendees = record.Attendees?.Trim();
        ChildWishesAndFeelings = record.ChildWishesAndFeelings?.Trim();
        ParentsViews = record.ParentsViews?.Trim();
        IroView = record.IroView?.Trim();
        LetterToChild = record.LetterToChild?.Trim();
        _considerations.Clear();
        _considerations.AddRange(record.Considerations
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .Select(c => new ReviewConsideration(c.Key, c.Value.Trim())));
        _recommendations.AddRange(recommendations);
    }

    public void RecordParticipationMeans(ParticipationMeans means)
    {
        Check(HeldOn is not null, "The review has not been held yet", "ParticipationMeans");
        Check((means & ~ParticipationMeansWords.All) == 0, "Choose how the child took part from the list", "ParticipationMeans");
        ParticipationMeans = means;
    }

    /// <summary>The short letter to the child that ends the record, in plain words.</summary>
    public void WriteLetterToChild(string letter)
    {
        Check(HeldOn is not null, "The review has not been held yet", "LetterToChild");
        Check(letter.Trim().Length <= 4000, "The letter must be 4,000 characters or fewer", "LetterToChild");
        LetterToChild = letter.Trim();
    }

    public void IssueDecisions(DateOnly on, DateOnly today) => DecisionsIssuedOn = CheckedIssueDate(on, today);

    public void IssueRecord(DateOnly on, DateOnly today) => RecordIssuedOn = CheckedIssueDate(on, today);

    private DateOnly CheckedPreparationDate(DateOnly on, DateOnly today)
    {
        CheckNotHeld();
        DateRules.RequireNotInTheFuture(on, today, "The date", "On");
        return on;
    }

    private void CheckNotHeld() =>
        Check(State != ReviewState.Held, "The review has been held; its preparation can no longer change", "On");

    private DateOnly CheckedIssueDate(DateOnly on, DateOnly today)
    {
        Check(HeldOn is not null, "The review has not been held yet", "On");
        Check(on >= HeldOn, $"The date must be on or after the review on {GovukDate.Format(HeldOn)}", "On");
        DateRules.RequireNotInTheFuture(on, today, "The date", "On");
        return on;
    }

    private static int Length(string? text) => text?.Trim().Length ?? 0;

    private static void Check(bool condition, string message, string field)
    {
        if (!condition)
        {
            throw new DomainRuleException(message, field);
        }
    }

    /// <summary>For reviews recorded in one step, without being arranged first (history, imports).</summary>
    internal static Review HeldWithoutArrangement(ReviewDue due, DateOnly heldOn, ParticipationCode? participation)
    {
        var review = new Review(due);
        review.RecordHeld(new ReviewRecord(heldOn, participation, null, null, null, null, new Dictionary<int, string>(), null), []);
        return review;
    }
}

/// <summary>The review's answer on one Schedule 7 consideration.</summary>
public sealed class ReviewConsideration
{
    public int Id { get; private set; }
    public int Paragraph { get; private set; }
    public string Answer { get; private set; } = "";

    private ReviewConsideration()
    {
    }

    internal ReviewConsideration(int paragraph, string answer)
    {
        Paragraph = paragraph;
        Answer = answer;
    }
}
