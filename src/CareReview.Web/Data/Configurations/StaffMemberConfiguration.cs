using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    public void Configure(EntityTypeBuilder<StaffMember> staff)
    {
        staff.Property(s => s.Name).HasMaxLength(200);
        staff.Property(s => s.Email).HasMaxLength(256);
        staff.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        staff.Property(s => s.JobTitle).HasMaxLength(100);
        staff.Ignore(s => s.NameAndPost);
        staff.Property(s => s.CaseSystemId).HasMaxLength(48);
        staff.HasIndex(s => s.CaseSystemId).IsUnique();
        staff.Property(s => s.Fte).HasPrecision(3, 2);
        staff.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
