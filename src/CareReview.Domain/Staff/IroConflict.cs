namespace CareReview.Domain.Staff;

/// <summary>
/// What an allocation is checked against: the child (by id), the social worker the child will have, the
/// managers of that social worker's team, who wrote the current care plan, and the conflicts declared.
/// </summary>
public sealed record IroConflictFacts(
    int ChildId,
    StaffMember? SocialWorker,
    IReadOnlyCollection<StaffMember> TeamManagers,
    StaffMember? CarePlanAuthor,
    IReadOnlyCollection<StaffConflict> Declared);

/// <summary>
/// An IRO must not be involved in preparing the care plan or managing the case, nor manage those who
/// are, nor control resources for it (CPPCR 2010 reg 46; statutory-rules.md §6.2). A hard stop (§10.4).
/// </summary>
public static class IroConflict
{
    /// <summary>Why the IRO cannot review this child's case, as a plain sentence; or null when nothing stands in the way.</summary>
    public static string? Find(StaffMember iro, IroConflictFacts facts)
    {
        ArgumentNullException.ThrowIfNull(iro);
        ArgumentNullException.ThrowIfNull(facts);
        string? why = null;
        if (facts.SocialWorker is { } worker && Same(iro, worker))
        {
            why = "they are this child's social worker";
        }
        else if (facts.TeamManagers.Any(m => Same(iro, m)))
        {
            why = "they manage the child's social worker";
        }
        else if (facts.CarePlanAuthor is { } author && Same(iro, author))
        {
            why = "they wrote the child's current care plan";
        }
        else if (facts.Declared
            .Where(c => c.IsCurrent)
            .Where(c => c.StaffMember is { } staff ? Same(iro, staff) : iro.Id != 0 && iro.Id == c.StaffMemberId)
            .Where(c => (c.ChildId is { } childId && childId == facts.ChildId) || SameTeam(c, facts.SocialWorker))
            .OrderBy(c => c.DeclaredOn).FirstOrDefault() is { } declared)
        {
            why = $"{declared.Describe()} (declared {GovukDate.Format(declared.DeclaredOn)})";
        }

        return why is null ? null : $"{iro.Name} cannot be this child's IRO: {why}";
    }

    /// <summary>Refuses the allocation, with the reason beside the IRO field.</summary>
    public static void Check(StaffMember iro, IroConflictFacts facts)
    {
        if (Find(iro, facts) is { } message)
        {
            throw new DomainRuleException(message, "IroId");
        }
    }

    private static bool Same(StaffMember a, StaffMember b) => ReferenceEquals(a, b) || (a.Id != 0 && a.Id == b.Id);

    private static bool SameTeam(StaffConflict conflict, StaffMember? worker)
    {
        if (worker is null || (conflict.TeamId is null && conflict.Team is null))
        {
            return false;
        }

        return (conflict.Team is not null && ReferenceEquals(conflict.Team, worker.Team))
            || (conflict.TeamId is { } teamId && teamId != 0 && teamId == (worker.TeamId ?? worker.Team?.Id));
    }
}
