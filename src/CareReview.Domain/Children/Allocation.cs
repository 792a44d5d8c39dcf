using CareReview.Domain.Staff;

namespace CareReview.Domain.Children;

/// <summary>
/// The child's IRO and social worker from a date. Names are kept as they were, so the history reads
/// true after people leave or change their names.
/// </summary>
public sealed class Allocation
{
    public int Id { get; private set; }
    public int ChildId { get; private set; }

    /// <summary>From when; unknown for allocations brought in without a date.</summary>
    public DateOnly? From { get; private set; }

    public int? IroId { get; private set; }
    public string? IroName { get; private set; }
    public int? SocialWorkerId { get; private set; }
    public string? SocialWorkerName { get; private set; }

    /// <summary>Why the IRO is not the one their brothers and sisters in care have (statutory-rules.md §6.2).</summary>
    public string? SiblingIroReason { get; private set; }

    private Allocation()
    {
    }

    internal Allocation(DateOnly? from, StaffMember? iro, StaffMember? socialWorker, string? siblingIroReason = null)
    {
        SiblingIroReason = siblingIroReason;
        From = from;
        IroId = iro?.Id;
        IroName = iro?.Name;
        SocialWorkerId = socialWorker?.Id;
        SocialWorkerName = socialWorker?.Name;
    }
}
