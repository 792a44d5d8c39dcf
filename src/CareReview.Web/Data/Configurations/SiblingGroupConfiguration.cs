using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

/// <summary>Sibling groups, and the child's link to one.</summary>
public sealed class SiblingGroupConfiguration : IEntityTypeConfiguration<SiblingGroup>
{
    public void Configure(EntityTypeBuilder<SiblingGroup> group)
    {
        group.ToTable("SiblingGroups");
        group.HasMany<Child>().WithOne(c => c.SiblingGroup).HasForeignKey(c => c.SiblingGroupId).OnDelete(DeleteBehavior.SetNull);
    }
}
