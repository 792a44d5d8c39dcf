using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class ChildFriendlyPlanConfiguration : IEntityTypeConfiguration<ChildFriendlyPlan>
{
    public void Configure(EntityTypeBuilder<ChildFriendlyPlan> plan)
    {
        plan.Property(p => p.AgeBand).HasConversion<string>().HasMaxLength(10);
        plan.Property(p => p.Text).HasMaxLength(ChildFriendlyPlan.MaxTextLength);
        plan.Property(p => p.WrittenBy).HasMaxLength(200);
        plan.Property(p => p.SharedBy).HasMaxLength(200);
        plan.Ignore(p => p.IsShared);
        plan.HasIndex(p => p.ChildId);
    }
}
