namespace CareReview.Web.Demo;

/// <summary>Everything <see cref="DemoCouncil.BuildAsync"/> made, stage by stage, for the day it was made.</summary>
public sealed record DemoBuild(DemoCouncil Council, DemoVoices Voices, IReadOnlyList<ReviewViews> ParentViews, DemoSiblings Siblings)
{
    /// <summary>What the promises read, as the seeder would save it: the demo sign-ins name the staff behind them.</summary>
    public DemoContents Contents(DateOnly today, Rulebook rules) => new(
        today,
        rules,
        Council.Staff,
        Council.Children,
        Council.Escalations,
        Council.CafcassReferrals,
        Voices.Cards,
        [.. Voices.ChildViews, .. ParentViews],
        Voices.Invitations,
        DemoAccounts.All.ToDictionary(a => a.UserName, a => Council.DemoStaffFor(a.Role)?.Id, StringComparer.Ordinal),
        Voices.DemoChild?.Id);
}
