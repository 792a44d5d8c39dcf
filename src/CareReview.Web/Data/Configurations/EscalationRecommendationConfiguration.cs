using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class EscalationRecommendationConfiguration : IEntityTypeConfiguration<EscalationRecommendation>
{
    public void Configure(EntityTypeBuilder<EscalationRecommendation> link)
    {
        link.HasKey(l => new { l.EscalationId, l.RecommendationId });
        link.HasOne<Recommendation>().WithMany().HasForeignKey(l => l.RecommendationId).OnDelete(DeleteBehavior.Restrict);
    }
}
