using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> allocation)
    {
        allocation.Property(a => a.IroName).HasMaxLength(200);
        allocation.Property(a => a.SocialWorkerName).HasMaxLength(200);
        allocation.Property(a => a.SiblingIroReason).HasMaxLength(SiblingAllocation.MaxReasonLength);
        allocation.HasIndex(a => new { a.ChildId, a.From });
    }
}
