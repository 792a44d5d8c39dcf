using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class InstallationConfiguration : IEntityTypeConfiguration<Installation>
{
    /// <summary>Always row 1, so two instances starting together on a new database cannot both mark it.</summary>
    public void Configure(EntityTypeBuilder<Installation> installation) =>
        installation.Property(i => i.Id).ValueGeneratedNever();
}
