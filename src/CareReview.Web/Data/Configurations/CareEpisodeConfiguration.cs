using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class CareEpisodeConfiguration : IEntityTypeConfiguration<CareEpisode>
{
    public void Configure(EntityTypeBuilder<CareEpisode> episode)
    {
        episode.Property(e => e.ReasonForNewEpisode).HasConversion<string>().HasMaxLength(1);
        episode.Property(e => e.LegalStatus).HasConversion<string>().HasMaxLength(2);
        episode.Property(e => e.CategoryOfNeed).HasConversion<string>().HasMaxLength(2);
        episode.Property(e => e.PlacementType).HasConversion<string>().HasMaxLength(3);
        episode.Property(e => e.ReasonEnded).HasConversion<string>().HasMaxLength(3);
        episode.Property(e => e.ReasonForPlacementChange).HasConversion<string>().HasMaxLength(6);
        episode.Property(e => e.PlacementProvider).HasConversion<string>().HasMaxLength(3);
        episode.Property(e => e.HomePostcode).HasMaxLength(8);
        episode.Property(e => e.PlacementPostcode).HasMaxLength(8);
        episode.Property(e => e.Urn).HasMaxLength(8);
        episode.Ignore(e => e.IsOpen);
        episode.Ignore(e => e.Placement);
        episode.HasIndex(e => new { e.ChildId, e.StartedOn });
    }
}
