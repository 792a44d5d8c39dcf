namespace CareReview.Web.Demo;

/// <summary>
/// Brothers and sisters in care for the demo (statutory-rules.md §6.2): a few families of looked-after
/// children who share a family name and an IRO are linked, and one family where the younger child has
/// another IRO, with the reason on the allocation: their siblings' IRO has declared a conflict of interest
/// (chairs the panel that funds the placement). It draws on its own <see cref="Random"/> and runs after
/// everything else, so the rest of the demo is unchanged.
/// </summary>
public sealed class DemoSiblings
{
    public const int SharedIroFamilies = 4;
    public const string ConflictReason = "Chairs the placement panel that funds this placement";

    public List<SiblingGroup> Groups { get; } = [];
    public List<StaffConflict> Conflicts { get; } = [];

    /// <summary>The children must be saved: the conflict names its child by id.</summary>
    public static DemoSiblings Link(IReadOnlyList<Child> children, IReadOnlyList<StaffMember> staff, StaffMember demoIro, StaffMember manager,
        Random random, DateOnly today, Rulebook rules)
    {
        var result = new DemoSiblings();

        // Same family name and same IRO reads as a family the service already keeps together.
        var families = children.Where(c => c.IsLookedAfter && c.Iro is not null)
            .GroupBy(c => (c.FamilyName, c.Iro))
            .Where(g => g.Count() >= 2)
            .Select(g => g.OrderBy(c => c.DateOfBirth).ThenBy(c => c.LocalId, StringComparer.Ordinal).ToList())
            .OrderBy(f => f[0].FamilyName, StringComparer.Ordinal).ThenBy(f => f[0].LocalId, StringComparer.Ordinal)
            .ToList();
        var picked = families.OrderBy(_ => random.Next()).ToList();

        // The demo IRO keeps their children, so the pages that tell the demo IRO's story stay as they were.
        var parted = picked.FirstOrDefault(f => f[0].Iro != demoIro);
        foreach (var family in picked.Where(f => f != parted).Take(SharedIroFamilies))
        {
            result.Join(family.Take(random.Next(2, 4)));
        }

        if (parted is not null)
        {
            result.Part(parted[0], parted[1], staff, demoIro, manager, random, today, rules);
        }

        return result;
    }

    private SiblingGroup Join(IEnumerable<Child> family)
    {
        var group = new SiblingGroup();
        foreach (var child in family)
        {
            child.JoinSiblingGroup(group);
        }

        Groups.Add(group);
        return group;
    }

    /// <summary>The younger child moves to another IRO because the family's IRO declared a conflict with them.</summary>
    private void Part(Child elder, Child younger, IReadOnlyList<StaffMember> staff, StaffMember demoIro, StaffMember manager, Random random, DateOnly today,
        Rulebook rules)
    {
        Join([elder, younger]);
        var familyIro = elder.Iro!;
        var others = staff.Where(s => s.Role == StaffRole.Iro && s != familyIro && s != demoIro).ToList();
        var newIro = others[random.Next(others.Count)];
        var declaredOn = today.AddDays(-random.Next(14, 28));
        var conflict = new StaffConflict(familyIro, younger.Id, null, ConflictKind.HoldsResources, ConflictReason, declaredOn, manager.Name, today);
        Conflicts.Add(conflict);

        var latest = younger.Allocations.Max(a => a.From) ?? DateOnly.MinValue;
        var from = latest > declaredOn ? latest : declaredOn.AddDays(2);
        var reason = $"{familyIro.Name} declared a conflict of interest: they chair the placement panel that funds {younger.GivenName}'s placement";
        younger.Allocate(newIro, younger.SocialWorker, today, rules, from,
            new AllocationChecks(familyIro, reason, new IroConflictFacts(younger.Id, younger.SocialWorker, [], null, [conflict])));
    }
}
