using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;

namespace CareReview.Tests.Domain;

/// <summary>Siblings are offered the same IRO; an IRO with a conflict of interest is refused (statutory-rules.md §6.2).</summary>
public sealed class IroAllocationGuardsTests
{
    private static readonly DateOnly s_today = new(2026, 11, 23);

    private static Child LookedAfterChild()
    {
        var child = new Child("CR1", "Ruby", "Tester", new DateOnly(2015, 1, 1), Sex.F);
        child.BecomeLookedAfter(new DateOnly(2026, 6, 1), LegalStatus.C2, PlacementType.U4, CategoryOfNeed.N1, s_today, Rulebook.National);
        return child;
    }

    private static IroConflictFacts Facts(StaffMember? worker = null, StaffMember[]? managers = null, StaffMember? author = null,
        StaffConflict[]? declared = null, int childId = 0) =>
        new(childId, worker, managers ?? [], author, declared ?? []);

    [Fact]
    public void The_siblings_iro_needs_no_reason()
    {
        var iro = new StaffMember("Sam Patel", StaffRole.Iro);
        Assert.Null(SiblingAllocation.Check(iro, iro, null));
    }

    [Fact]
    public void Another_iro_than_the_siblings_needs_a_reason_beside_the_field()
    {
        var siblings = new StaffMember("Sam Patel", StaffRole.Iro);
        var other = new StaffMember("Ola Other", StaffRole.Iro);

        var error = Assert.Throws<DomainRuleException>(() => SiblingAllocation.Check(other, siblings, "  "));

        Assert.Equal("SiblingIroReason", error.Field);
        Assert.Contains("Sam Patel", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reason_over_1000_characters_is_refused_and_one_at_1000_is_kept_trimmed()
    {
        var siblings = new StaffMember("Sam Patel", StaffRole.Iro);
        var other = new StaffMember("Ola Other", StaffRole.Iro);

        Assert.Throws<DomainRuleException>(() => SiblingAllocation.Check(other, siblings, new string('a', 1001)));
        Assert.Equal(1000, SiblingAllocation.Check(other, siblings, " " + new string('a', 1000) + " ")!.Length);
    }

    [Fact]
    public void No_siblings_iro_means_no_reason_is_asked()
    {
        Assert.Null(SiblingAllocation.Check(new StaffMember("Ola Other", StaffRole.Iro), null, null));
    }

    [Fact]
    public void The_iro_offered_is_the_one_most_siblings_have()
    {
        Assert.Equal(7, SiblingAllocation.OfferedIro([3, 7, null, 7]));
        Assert.Equal(3, SiblingAllocation.OfferedIro([7, 3]));
        Assert.Null(SiblingAllocation.OfferedIro([null]));
    }

    [Fact]
    public void Allocate_keeps_the_sibling_reason_in_the_history_and_refuses_without_one()
    {
        var siblings = new StaffMember("Sam Patel", StaffRole.Iro);
        var other = new StaffMember("Ola Other", StaffRole.Iro);
        var worker = new StaffMember("Wes Worker", StaffRole.SocialWorker);
        var child = LookedAfterChild();

        Assert.Throws<DomainRuleException>(() => child.Allocate(other, worker, s_today, Rulebook.National, new DateOnly(2026, 6, 1), new AllocationChecks(siblings)));
        Assert.Empty(child.Allocations);

        child.Allocate(other, worker, s_today, Rulebook.National, new DateOnly(2026, 6, 1), new AllocationChecks(siblings, "Ola knows the family well"));

        Assert.Equal("Ola knows the family well", child.Allocations.Single().SiblingIroReason);
    }

    [Fact]
    public void Changing_only_the_social_worker_asks_no_sibling_reason()
    {
        var siblings = new StaffMember("Sam Patel", StaffRole.Iro);
        var other = new StaffMember("Ola Other", StaffRole.Iro);
        var child = LookedAfterChild();
        child.Allocate(other, new StaffMember("Wes Worker", StaffRole.SocialWorker), s_today, Rulebook.National, new DateOnly(2026, 6, 1));

        child.Allocate(other, new StaffMember("Sue Second", StaffRole.SocialWorker), s_today, Rulebook.National, new DateOnly(2026, 7, 1), new AllocationChecks(siblings));

        Assert.Equal(2, child.Allocations.Count);
    }

    [Fact]
    public void The_social_workers_team_manager_cannot_be_the_iro()
    {
        var iro = new StaffMember("Sam Patel", StaffRole.Iro);
        var error = Assert.Throws<DomainRuleException>(() => IroConflict.Check(iro, Facts(managers: [iro])));
        Assert.Equal("IroId", error.Field);
        Assert.Equal("Sam Patel cannot be this child's IRO: they manage the child's social worker", error.Message);
    }

    [Fact]
    public void The_author_of_the_current_care_plan_cannot_be_the_iro()
    {
        var iro = new StaffMember("Sam Patel", StaffRole.Iro);
        Assert.Equal("Sam Patel cannot be this child's IRO: they wrote the child's current care plan", IroConflict.Find(iro, Facts(author: iro)));
    }

    [Fact]
    public void A_declared_conflict_with_the_child_is_refused_with_its_date()
    {
        var iro = new StaffMember("Sam Patel", StaffRole.Iro);
        var declared = new StaffConflict(iro, 0, null, ConflictKind.HoldsResources, "Chairs the placement panel", new DateOnly(2026, 3, 3), "Mia", s_today);

        Assert.Equal("Sam Patel cannot be this child's IRO: they hold resources for this child (declared 3 March 2026)",
            IroConflict.Find(iro, Facts(declared: [declared])));
    }

    [Fact]
    public void A_declared_conflict_with_the_social_workers_team_is_refused()
    {
        var team = new Team("Bramble Team");
        var iro = new StaffMember("Sam Patel", StaffRole.Iro);
        var worker = new StaffMember("Wes Worker", StaffRole.SocialWorker, team: team);
        var declared = new StaffConflict(iro, null, team, ConflictKind.ManagesCase, "Acting manager", new DateOnly(2026, 3, 3), "Mia", s_today);

        Assert.Contains("they manage the cases of Bramble Team", IroConflict.Find(iro, Facts(worker, declared: [declared])), StringComparison.Ordinal);
    }

    [Fact]
    public void A_conflict_with_another_child_or_another_iro_or_one_that_ended_does_not_stand_in_the_way()
    {
        var iro = new StaffMember("Sam Patel", StaffRole.Iro);
        var other = new StaffMember("Ola Other", StaffRole.Iro);
        var elsewhere = new StaffConflict(iro, 42, null, ConflictKind.PersonalAdviser, "PA", new DateOnly(2026, 3, 3), "Mia", s_today);
        var ended = new StaffConflict(iro, 0, null, ConflictKind.Other, "Neighbour", new DateOnly(2026, 3, 3), "Mia", s_today);
        ended.Withdraw(new DateOnly(2026, 4, 1), s_today);
        var othersConflict = new StaffConflict(other, 0, null, ConflictKind.Other, "Neighbour", new DateOnly(2026, 3, 3), "Mia", s_today);

        Assert.Null(IroConflict.Find(iro, Facts(managers: [other], author: other, declared: [elsewhere, ended, othersConflict])));
    }

    [Fact]
    public void A_conflict_needs_a_child_or_a_team_a_reason_and_an_iro()
    {
        var iro = new StaffMember("Sam Patel", StaffRole.Iro);
        Assert.Throws<DomainRuleException>(() => new StaffConflict(iro, null, null, ConflictKind.Other, "x", s_today, "Mia", s_today));
        Assert.Throws<DomainRuleException>(() => new StaffConflict(iro, 1, null, ConflictKind.Other, " ", s_today, "Mia", s_today));
        Assert.Throws<DomainRuleException>(() => new StaffConflict(new StaffMember("Wes", StaffRole.SocialWorker), 1, null, ConflictKind.Other, "x", s_today, "Mia", s_today));
        Assert.Throws<DomainRuleException>(() => new StaffConflict(iro, 1, null, ConflictKind.Other, "x", s_today.AddDays(1), "Mia", s_today));
    }

    [Fact]
    public void Allocate_refuses_a_conflicted_iro_and_changes_nothing()
    {
        var iro = new StaffMember("Sam Patel", StaffRole.Iro);
        var worker = new StaffMember("Wes Worker", StaffRole.SocialWorker);
        var child = LookedAfterChild();

        Assert.Throws<DomainRuleException>(() =>
            child.Allocate(iro, worker, s_today, Rulebook.National, new DateOnly(2026, 6, 1), new AllocationChecks(Conflicts: Facts(worker, managers: [iro]))));

        Assert.Empty(child.Allocations);
        Assert.Null(child.Iro);
    }
}
