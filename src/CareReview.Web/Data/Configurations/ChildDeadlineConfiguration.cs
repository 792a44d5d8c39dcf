using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class ChildDeadlineConfiguration : IEntityTypeConfiguration<ChildDeadline>
{
    public void Configure(EntityTypeBuilder<ChildDeadline> deadline)
    {
        deadline.Property(d => d.Item).HasConversion<string>().HasMaxLength(30);
        deadline.Property(d => d.RuleId).HasMaxLength(10);
        deadline.Property(d => d.RuleVersion).HasMaxLength(20);
        deadline.Property(d => d.Explanation).HasMaxLength(ChildDeadline.MaxExplanationLength);
        deadline.HasIndex(d => new { d.ChildId, d.Item }).IsUnique();
        deadline.HasIndex(d => new { d.Item, d.DueOn });
    }
}
