using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class ChildConfiguration : IEntityTypeConfiguration<Child>
{
    public void Configure(EntityTypeBuilder<Child> child)
    {
        child.Property(c => c.LocalId).HasMaxLength(20);
        child.HasIndex(c => c.LocalId).IsUnique();
        child.Property(c => c.GivenName).HasMaxLength(100);
        child.Property(c => c.FamilyName).HasMaxLength(100);
        child.Property(c => c.Sex).HasConversion<string>().HasMaxLength(1);
        child.Property(c => c.Ethnicity).HasConversion<string>().HasMaxLength(4);
        child.Property(c => c.Upn).HasMaxLength(13);
        child.Ignore(c => c.ReturnDetails);
        child.Property(c => c.NextReviewRuleId).HasMaxLength(10);
        child.Property(c => c.ReviewBroughtForwardReason).HasMaxLength(1000);
        child.Property(c => c.Version).IsConcurrencyToken();
        child.HasIndex(c => c.ChangedAtUtc);
        child.HasIndex(c => c.NextReviewDueOn);
        child.HasIndex(c => c.PlanChangeAwaitingReviewOn);
        child.HasIndex(c => c.DeadlinesRecomputeOn);
        child.Property(c => c.CaseSystemChange).HasMaxLength(1000);
        child.Property(c => c.CaseSystemFingerprint).HasMaxLength(64);
        child.HasIndex(c => c.MissingUpstreamSince);
        child.HasOne(c => c.Iro).WithMany().HasForeignKey(c => c.IroId).OnDelete(DeleteBehavior.Restrict);
        child.HasOne(c => c.SocialWorker).WithMany().HasForeignKey(c => c.SocialWorkerId).OnDelete(DeleteBehavior.Restrict);
        child.HasMany(c => c.Episodes).WithOne().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        child.HasMany(c => c.Reviews).WithOne().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        child.HasMany(c => c.Allocations).WithOne().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
        child.Navigation(c => c.Allocations).HasField("_allocations");
        child.Navigation(c => c.Episodes).HasField("_episodes");
        child.Navigation(c => c.Reviews).HasField("_reviews");
        child.HasMany(c => c.CarePlans).WithOne().HasForeignKey(v => v.ChildId).OnDelete(DeleteBehavior.Cascade);
        child.Navigation(c => c.CarePlans).HasField("_carePlans");
        child.HasMany(c => c.CareEvents).WithOne().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        child.Navigation(c => c.CareEvents).HasField("_careEvents");
        child.HasMany(c => c.Deadlines).WithOne().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Cascade);
        child.Navigation(c => c.Deadlines).HasField("_deadlines");
        child.Ignore(c => c.CurrentCarePlan);
        child.HasMany(c => c.ChildFriendlyPlans).WithOne().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
        child.Navigation(c => c.ChildFriendlyPlans).HasField("_childFriendlyPlans");
        child.Ignore(c => c.ChildFriendlyDraft);
        child.Ignore(c => c.SharedChildFriendlyPlan);
        child.Ignore(c => c.CurrentEpisode);
        child.Ignore(c => c.IsLookedAfter);
        child.Ignore(c => c.FullName);
        child.Ignore(c => c.OpenReview);
        child.Ignore(c => c.Recommendations);
    }
}
