using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class RecommendationUpdateConfiguration : IEntityTypeConfiguration<RecommendationUpdate>
{
    public void Configure(EntityTypeBuilder<RecommendationUpdate> update)
    {
        update.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        update.Property(u => u.Note).HasMaxLength(2000);
        update.Property(u => u.By).HasMaxLength(200);
    }
}
