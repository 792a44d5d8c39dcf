using CareReview.Domain;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;

namespace CareReview.Tests.Domain;

/// <summary>Who works with the child, and from when, so the review agenda can say what changed.</summary>
public sealed class AllocationTests
{
    private static readonly Rulebook s_rules = Rulebook.National;
    private static readonly DateOnly s_today = new(2026, 11, 23);

    private static Child LookedAfterChild(StaffMember iro, StaffMember socialWorker)
    {
        var child = new Child("CR1", "Ruby", "Tester", new DateOnly(2015, 1, 1), Sex.F);
        child.BecomeLookedAfter(new DateOnly(2026, 6, 1), LegalStatus.C2, PlacementType.U4, CategoryOfNeed.N1, s_today, s_rules);
        child.Allocate(iro, socialWorker, s_today, s_rules, new DateOnly(2026, 6, 1));
        return child;
    }

    [Fact]
    public void A_change_of_worker_is_kept_with_its_date_and_the_names_as_they_were()
    {
        var iro = new StaffMember("Iris Reviewer", StaffRole.Iro);
        var first = new StaffMember("Sam First", StaffRole.SocialWorker);
        var second = new StaffMember("Sara Second", StaffRole.SocialWorker);
        var child = LookedAfterChild(iro, first);

        child.Allocate(iro, second, s_today, s_rules, new DateOnly(2026, 10, 5));

        Assert.Equal(2, child.Allocations.Count);
        var latest = child.Allocations[^1];
        Assert.Equal(new DateOnly(2026, 10, 5), latest.From);
        Assert.Equal("Sara Second", latest.SocialWorkerName);
        Assert.Equal("Iris Reviewer", latest.IroName);
        Assert.Same(second, child.SocialWorker);
    }

    [Fact]
    public void Allocating_the_same_people_again_adds_nothing()
    {
        var iro = new StaffMember("Iris Reviewer", StaffRole.Iro);
        var worker = new StaffMember("Sam First", StaffRole.SocialWorker);
        var child = LookedAfterChild(iro, worker);

        child.Allocate(iro, worker, s_today, s_rules, new DateOnly(2026, 10, 5));

        Assert.Single(child.Allocations);
    }

    [Fact]
    public void A_change_dated_before_the_last_one_is_refused()
    {
        var iro = new StaffMember("Iris Reviewer", StaffRole.Iro);
        var child = LookedAfterChild(iro, new StaffMember("Sam First", StaffRole.SocialWorker));

        var error = Assert.Throws<DomainRuleException>(() =>
            child.Allocate(iro, new StaffMember("Sara Second", StaffRole.SocialWorker), s_today, s_rules, new DateOnly(2026, 5, 1)));

        Assert.Equal("From", error.Field);
        Assert.Contains("1 June 2026", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_agenda_lists_the_changes_of_worker_since_the_last_review()
    {
        var iro = new StaffMember("Iris Reviewer", StaffRole.Iro);
        var child = LookedAfterChild(iro, new StaffMember("Sam First", StaffRole.SocialWorker));
        child.RecordReviewHeld(new DateOnly(2026, 6, 25), ParticipationCode.PN1, s_today, s_rules);
        child.Allocate(iro, new StaffMember("Sara Second", StaffRole.SocialWorker), s_today, s_rules, new DateOnly(2026, 9, 1));

        var agenda = ReviewAgenda.For(child);

        var change = Assert.Single(agenda.AllocationChangesSince);
        Assert.Equal("Sara Second", change.SocialWorkerName);
        Assert.Equal(new DateOnly(2026, 6, 25), agenda.LastReviewOn);
    }
}
