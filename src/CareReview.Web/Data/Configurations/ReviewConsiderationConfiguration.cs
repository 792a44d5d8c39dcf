using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class ReviewConsiderationConfiguration : IEntityTypeConfiguration<ReviewConsideration>
{
    public void Configure(EntityTypeBuilder<ReviewConsideration> consideration)
    {
        consideration.HasIndex("ReviewId", nameof(ReviewConsideration.Paragraph)).IsUnique();
    }
}
