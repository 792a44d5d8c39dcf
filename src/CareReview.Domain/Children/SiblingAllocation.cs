using CareReview.Domain.Staff;

namespace CareReview.Domain.Children;

/// <summary>
/// Brothers and sisters in care should have the same IRO unless there is a conflict (statutory-rules.md
/// §6.2, grade B): the siblings' IRO is offered, and choosing another needs a reason on the record.
/// </summary>
public static class SiblingAllocation
{
    public const int MaxReasonLength = 1000;

    /// <summary>The IRO most of the looked-after siblings have (the lowest id on a tie); null if none has one.</summary>
    public static int? OfferedIro(IEnumerable<int?> siblingsIroIds) =>
        siblingsIroIds.OfType<int>().GroupBy(id => id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();

    /// <summary>
    /// The reason to keep with the allocation: null when the chosen IRO is the siblings' (or there is none
    /// to offer); refused when another IRO is chosen without one.
    /// </summary>
    public static string? Check(StaffMember? chosen, StaffMember? siblingsIro, string? reason)
    {
        if (chosen is null || siblingsIro is null || ReferenceEquals(chosen, siblingsIro) || (chosen.Id != 0 && chosen.Id == siblingsIro.Id))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException(
                $"Enter why this child should not have {siblingsIro.Name}, the IRO of their brothers and sisters in care", "SiblingIroReason");
        }

        var trimmed = reason.Trim();
        if (trimmed.Length > MaxReasonLength)
        {
            throw new DomainRuleException("The reason must be 1,000 characters or fewer", "SiblingIroReason");
        }

        return trimmed;
    }
}

/// <summary>What a change of allocation is checked against, when the caller knows it: the siblings' IRO and conflicts of interest.</summary>
public sealed record AllocationChecks(StaffMember? SiblingsIro = null, string? SiblingIroReason = null, IroConflictFacts? Conflicts = null);
