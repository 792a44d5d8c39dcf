using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;

namespace CareReview.Tests.Domain;

/// <summary>Changes of IRO: from one named IRO to a different one, over the allocation history.</summary>
public sealed class IroContinuityTests
{
    private static readonly StaffMember s_ann = new("Ann IRO", StaffRole.Iro);
    private static readonly StaffMember s_bob = new("Bob IRO", StaffRole.Iro);
    private static readonly StaffMember s_sw1 = new("Sue Worker", StaffRole.SocialWorker);
    private static readonly StaffMember s_sw2 = new("Sid Worker", StaffRole.SocialWorker);

    private static IReadOnlyList<Allocation> History(params (StaffMember? Iro, StaffMember? Worker, string? On)[] rows)
    {
        var child = new Child("CR1", "Ruby", "Tester", new DateOnly(2015, 1, 1), Sex.F);
        foreach (var (iro, worker, on) in rows)
        {
            child.Allocate(iro, worker, new DateOnly(2026, 11, 23), Rulebook.National, on is null ? null : DateOnly.ParseExact(on, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        return child.Allocations;
    }

    [Fact]
    public void No_history_has_no_changes() => Assert.Equal(0, IroContinuity.Changes([]));

    [Fact]
    public void A_first_allocation_is_not_a_change() => Assert.Equal(0, IroContinuity.Changes(History((s_ann, s_sw1, "2025-01-01"))));

    [Fact]
    public void A_change_of_social_worker_alone_is_not_a_change_of_iro() =>
        Assert.Equal(0, IroContinuity.Changes(History((s_ann, s_sw1, "2025-01-01"), (s_ann, s_sw2, "2025-03-01"))));

    [Fact]
    public void One_iro_to_another_is_one_change_and_back_again_is_two() =>
        Assert.Equal(2, IroContinuity.Changes(History((s_ann, s_sw1, "2025-01-01"), (s_bob, s_sw1, "2025-03-01"), (s_ann, s_sw2, "2025-06-01"))));

    [Fact]
    public void A_gap_with_no_iro_is_not_a_change()
    {
        Assert.Equal(0, IroContinuity.Changes(History((s_ann, s_sw1, "2025-01-01"), (null, s_sw1, "2025-03-01"), (s_ann, s_sw1, "2025-06-01"))));
        Assert.Equal(1, IroContinuity.Changes(History((s_ann, s_sw1, "2025-01-01"), (null, s_sw1, "2025-03-01"), (s_bob, s_sw1, "2025-06-01"))));
    }

    [Fact]
    public void Starting_with_no_iro_then_allocating_one_is_not_a_change() =>
        Assert.Equal(0, IroContinuity.Changes(History((null, s_sw1, "2025-01-01"), (s_ann, s_sw1, "2025-03-01"))));

    [Fact]
    public void A_range_counts_only_changes_dated_inside_it_but_knows_the_iro_before_it()
    {
        var history = History((s_ann, s_sw1, "2024-01-01"), (s_bob, s_sw1, "2024-12-31"), (s_ann, s_sw1, "2025-04-01"), (s_bob, s_sw1, "2026-04-01"));

        Assert.Equal(1, IroContinuity.Changes(history, new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31)));
        Assert.Equal(2, IroContinuity.Changes(history, from: new DateOnly(2025, 1, 1)));
        Assert.Equal(1, IroContinuity.Changes(history, to: new DateOnly(2024, 12, 31)));
        Assert.Equal(3, IroContinuity.Changes(history));
    }

    [Fact]
    public void A_change_with_no_recorded_date_counts_only_without_a_range()
    {
        var history = History((s_ann, s_sw1, null), (s_bob, s_sw1, null));

        Assert.Equal(1, IroContinuity.Changes(history));
        Assert.Equal(0, IroContinuity.Changes(history, new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1)));
    }

    [Fact]
    public void The_last_named_iro_is_offered_on_return_even_after_a_gap() =>
        Assert.Equal("Ann IRO", IroContinuity.LastNamed(History((s_ann, s_sw1, "2025-01-01"), (null, s_sw1, "2025-03-01")))!.IroName);
}
