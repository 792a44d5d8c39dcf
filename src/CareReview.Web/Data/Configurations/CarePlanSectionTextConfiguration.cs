using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class CarePlanSectionTextConfiguration : IEntityTypeConfiguration<CarePlanSectionText>
{
    public void Configure(EntityTypeBuilder<CarePlanSectionText> section)
    {
        section.Property(s => s.Section).HasConversion<string>().HasMaxLength(40);
        section.Property(s => s.Text).HasMaxLength(CarePlanVersion.MaxSectionLength);
        section.HasIndex("CarePlanVersionId", nameof(CarePlanSectionText.Section)).IsUnique();
    }
}
