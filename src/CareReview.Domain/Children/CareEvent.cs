using CareReview.Domain.Deadlines;

namespace CareReview.Domain.Children;

/// <summary>Statutory things done for a looked-after child that start or stop a deadline.</summary>
public enum CareEventKind
{
    /// <summary>A social worker's statutory visit (CPPCR 2010 reg 28).</summary>
    Visit,

    /// <summary>An initial or review health assessment (reg 7).</summary>
    HealthAssessment,

    DentalCheck,

    /// <summary>A personal education plan meeting that made or reviewed the PEP.</summary>
    PepMeeting,

    /// <summary>The leaving-care needs assessment completed (regs 41 and 42).</summary>
    NeedsAssessment,
}

/// <summary>What someone records: the kind, the date, and for a visit whether the child was seen, and alone.</summary>
public sealed record CareEventDraft(CareEventKind Kind, DateOnly On, bool? ChildSeen, bool? SeenAlone, string? NotSeenAloneReason, string? Note);

/// <summary>A visit, health assessment, dental check, PEP meeting or needs assessment, as recorded.</summary>
public sealed class CareEvent
{
    public const int MaxTextLength = 2000;

    public int Id { get; private set; }
    public int ChildId { get; private set; }
    public CareEventKind Kind { get; private set; }
    public DateOnly On { get; private set; }

    /// <summary>Visits only: whether the social worker saw the child. A visit without seeing the child does not meet reg 28.</summary>
    public bool? ChildSeen { get; private set; }

    /// <summary>Visits only: whether the child was seen alone (reg 29), and why not.</summary>
    public bool? SeenAlone { get; private set; }

    public string? NotSeenAloneReason { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateOnly RecordedOn { get; private set; }

    /// <summary>Whether it meets the statutory duty it is recorded for.</summary>
    public bool Counts => Kind != CareEventKind.Visit || ChildSeen == true;

    private CareEvent()
    {
    }

    internal CareEvent(CareEventDraft draft, string by, DateOnly today)
    {
        Kind = draft.Kind;
        On = draft.On;
        Note = string.IsNullOrWhiteSpace(draft.Note) ? null : draft.Note.Trim();
        RecordedBy = by;
        RecordedOn = today;
        if (Kind == CareEventKind.Visit)
        {
            ChildSeen = draft.ChildSeen;
            SeenAlone = draft.ChildSeen == true ? draft.SeenAlone : null;
            NotSeenAloneReason = SeenAlone == false && !string.IsNullOrWhiteSpace(draft.NotSeenAloneReason) ? draft.NotSeenAloneReason.Trim() : null;
        }
    }

    /// <summary>Whether the child was seen, and alone, as the case system now records the visit.</summary>
    internal void FollowVisit(bool? childSeen, bool? seenAlone)
    {
        ChildSeen = childSeen;
        SeenAlone = childSeen == true ? seenAlone : null;
    }

    /// <summary>The statutory item an event of this kind meets; a dental check has no deadline of its own.</summary>
    public static StatutoryItem? ItemMet(CareEventKind kind) => kind switch
    {
        CareEventKind.Visit => StatutoryItem.Visit,
        CareEventKind.HealthAssessment => StatutoryItem.HealthAssessment,
        CareEventKind.PepMeeting => StatutoryItem.PersonalEducationPlan,
        CareEventKind.NeedsAssessment => StatutoryItem.NeedsAssessment,
        _ => null,
    };

    public static string Describe(CareEventKind kind) => kind switch
    {
        CareEventKind.Visit => "Social worker visit",
        CareEventKind.HealthAssessment => "Health assessment",
        CareEventKind.DentalCheck => "Dental check",
        CareEventKind.PepMeeting => "PEP meeting",
        CareEventKind.NeedsAssessment => "Leaving-care needs assessment",
        _ => kind.ToString(),
    };
}
