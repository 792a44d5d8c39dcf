using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

/// <summary>Conflicts of interest declared for IROs.</summary>
public sealed class StaffConflictConfiguration : IEntityTypeConfiguration<StaffConflict>
{
    public void Configure(EntityTypeBuilder<StaffConflict> conflict)
    {
        conflict.ToTable("StaffConflicts");
        conflict.Property(c => c.Kind).HasConversion<string>().HasMaxLength(20);
        conflict.Property(c => c.Reason).HasMaxLength(StaffConflict.MaxReasonLength);
        conflict.Property(c => c.RecordedBy).HasMaxLength(200);
        conflict.HasOne(c => c.StaffMember).WithMany().HasForeignKey(c => c.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        conflict.HasOne(c => c.Team).WithMany().HasForeignKey(c => c.TeamId).OnDelete(DeleteBehavior.Cascade);
        conflict.HasOne<Child>().WithMany().HasForeignKey(c => c.ChildId).OnDelete(DeleteBehavior.Cascade);
        conflict.Ignore(c => c.IsCurrent);
        conflict.HasIndex(c => c.StaffMemberId);
    }
}
