namespace CareReview.Domain.Staff;

/// <summary>
/// Why an IRO must not review a case (CPPCR 2010 reg 46; statutory-rules.md §6.2). Stored by name: never rename one.
/// </summary>
public enum ConflictKind
{
    /// <summary>They manage the case, or manage someone who does.</summary>
    ManagesCase,

    /// <summary>They control resources allocated to the case (a budget or a placement panel).</summary>
    HoldsResources,

    /// <summary>They are the child's personal adviser.</summary>
    PersonalAdviser,

    Other,
}

/// <summary>
/// A conflict of interest an IRO has declared, for one child or for a whole team's children, that the
/// model cannot otherwise see (who holds a budget, who is a personal adviser). Allocation refuses it.
/// </summary>
public sealed class StaffConflict
{
    public const int MaxReasonLength = 1000;

    public int Id { get; private set; }
    public int StaffMemberId { get; private set; }
    public StaffMember? StaffMember { get; private set; }

    /// <summary>The child the conflict is with; or null when it is with a team.</summary>
    public int? ChildId { get; private set; }

    /// <summary>The team whose children the conflict covers; or null when it is with one child.</summary>
    public int? TeamId { get; private set; }

    public Team? Team { get; private set; }
    public ConflictKind Kind { get; private set; }
    public string Reason { get; private set; } = "";
    public DateOnly DeclaredOn { get; private set; }

    /// <summary>The day the conflict ended (the IRO no longer holds the budget); it no longer stands in the way.</summary>
    public DateOnly? WithdrawnOn { get; private set; }

    public bool IsCurrent => WithdrawnOn is null;

    /// <summary>Who recorded it (a display name, as other records keep).</summary>
    public string RecordedBy { get; private set; } = "";

    private StaffConflict()
    {
    }

    public StaffConflict(StaffMember iro, int? childId, Team? team, ConflictKind kind, string? reason, DateOnly declaredOn, string recordedBy, DateOnly today)
    {
        Require(iro.Role == StaffRole.Iro, "Select an IRO", nameof(StaffMemberId));
        Require(childId is not null || team is not null, "Say which child or which team the conflict is with", nameof(ChildId));
        Require(childId is null || team is null, "Choose a child or a team, not both", nameof(ChildId));
        Require(Enum.IsDefined(kind), "Select the kind of conflict", nameof(Kind));
        Require(!string.IsNullOrWhiteSpace(reason), "Enter the reason for the conflict", nameof(Reason));
        Require(reason!.Trim().Length <= MaxReasonLength, "The reason must be 1,000 characters or fewer", nameof(Reason));
        DateRules.RequireNotInTheFuture(declaredOn, today, "The date the conflict was declared", nameof(DeclaredOn));
        StaffMember = iro;
        StaffMemberId = iro.Id;
        ChildId = childId;
        Team = team;
        TeamId = team?.Id;
        Kind = kind;
        Reason = reason.Trim();
        DeclaredOn = declaredOn;
        RecordedBy = recordedBy;
    }

    /// <summary>The conflict has ended; it is kept, with the day it ended.</summary>
    public void Withdraw(DateOnly on, DateOnly today)
    {
        Require(WithdrawnOn is null, "This conflict has already ended", nameof(WithdrawnOn));
        Require(on >= DeclaredOn, $"The date must be on or after the conflict was declared on {GovukDate.Format(DeclaredOn)}", nameof(WithdrawnOn));
        DateRules.RequireNotInTheFuture(on, today, "The date the conflict ended", nameof(WithdrawnOn));
        WithdrawnOn = on;
    }

    /// <summary>What the conflict is, as a sentence ends: "they hold resources for this child".</summary>
    public string Describe()
    {
        var target = TeamId is null && Team is null ? "this child" : $"the children of {Team?.Name ?? "the social worker's team"}";
        return (Kind, ChildId is not null) switch
        {
            (ConflictKind.ManagesCase, true) => "they manage this child's case",
            (ConflictKind.ManagesCase, false) => $"they manage the cases of {Team?.Name ?? "the social worker's team"}",
            (ConflictKind.HoldsResources, _) => $"they hold resources for {target}",
            (ConflictKind.PersonalAdviser, true) => "they are this child's personal adviser",
            (ConflictKind.PersonalAdviser, false) => $"they are a personal adviser to {target}",
            _ => $"they have declared a conflict of interest with {target}",
        };
    }

    public static string Describe(ConflictKind kind) => kind switch
    {
        ConflictKind.ManagesCase => "Manages the case",
        ConflictKind.HoldsResources => "Holds resources for the case",
        ConflictKind.PersonalAdviser => "Personal adviser",
        ConflictKind.Other => "Other",
        _ => kind.ToString(),
    };

    private static void Require(bool condition, string message, string field)
    {
        if (!condition)
        {
            throw new DomainRuleException(message, field);
        }
    }
}
