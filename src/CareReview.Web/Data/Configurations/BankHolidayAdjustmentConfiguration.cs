using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class BankHolidayAdjustmentConfiguration : IEntityTypeConfiguration<BankHolidayAdjustment>
{
    public void Configure(EntityTypeBuilder<BankHolidayAdjustment> day)
    {
        day.HasIndex(d => d.Date).IsUnique();
        day.Property(d => d.Reason).HasMaxLength(200);
        day.Property(d => d.AddedBy).HasMaxLength(256);
    }
}
