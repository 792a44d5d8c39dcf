using CareReview.Domain.Reports;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> recommendation)
    {
        recommendation.Property(r => r.Action).HasMaxLength(1000);
        recommendation.Property(r => r.OwnerName).HasMaxLength(200);
        recommendation.Property(r => r.OwnerRole).HasMaxLength(100);
        recommendation.Property(r => r.Monitoring).HasMaxLength(1000);
        recommendation.Property(r => r.ThemeCodes).HasMaxLength(CaseThemes.MaxCodesLength);
        recommendation.Ignore(r => r.Themes);
        recommendation.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        recommendation.Ignore(r => r.IsOpen);
        recommendation.Ignore(r => r.DoneOnTime);
        recommendation.HasIndex(r => new { r.OwnerStaffId, r.Status, r.DueOn });
        recommendation.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
        recommendation.HasOne<Recommendation>().WithMany().HasForeignKey(r => r.CarriedForwardFromId).OnDelete(DeleteBehavior.Restrict);
        recommendation.HasMany(r => r.Updates).WithOne().HasForeignKey("RecommendationId").OnDelete(DeleteBehavior.Cascade);
        recommendation.Navigation(r => r.Updates).HasField("_updates");
    }
}
