using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class CarePlanVersionConfiguration : IEntityTypeConfiguration<CarePlanVersion>
{
    public void Configure(EntityTypeBuilder<CarePlanVersion> version)
    {
        version.Property(v => v.MadeBy).HasMaxLength(200);
        version.HasOne<StaffMember>().WithMany().HasForeignKey(v => v.MadeByStaffId).OnDelete(DeleteBehavior.Restrict);
        version.Property(v => v.IroName).HasMaxLength(200);
        version.Property(v => v.PermanenceCodes).HasMaxLength(120);
        version.Property(v => v.ChangeNote).HasMaxLength(CarePlanVersion.MaxNoteLength);
        version.Property(v => v.SignificantChanges).HasMaxLength(200);
        version.Ignore(v => v.Permanence);
        version.Ignore(v => v.IsSignificantChange);
        version.Ignore(v => v.SignificantSections);
        version.HasIndex(v => new { v.ChildId, v.Number }).IsUnique();
        version.HasMany(v => v.Sections).WithOne().HasForeignKey("CarePlanVersionId").OnDelete(DeleteBehavior.Cascade);
        version.Navigation(v => v.Sections).HasField("_sections");
    }
}
