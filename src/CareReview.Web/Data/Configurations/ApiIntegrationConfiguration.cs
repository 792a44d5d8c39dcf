using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class ApiIntegrationConfiguration : IEntityTypeConfiguration<ApiIntegration>
{
    public void Configure(EntityTypeBuilder<ApiIntegration> integration)
    {
        integration.Property(i => i.ClientId).HasMaxLength(200);
        integration.HasIndex(i => i.ClientId).IsUnique();
        integration.Property(i => i.Name).HasMaxLength(200);
        integration.Property(i => i.Scopes).HasMaxLength(1000);
        integration.Property(i => i.Reach).HasConversion<string>().HasMaxLength(20);
        integration.Property(i => i.RegisteredBy).HasMaxLength(256);
        integration.Property(i => i.Version).IsConcurrencyToken();
        integration.HasOne<Team>().WithMany().HasForeignKey(i => i.TeamId).OnDelete(DeleteBehavior.Restrict);
        integration.Ignore(i => i.AuditName);
    }
}

public sealed class ApiIntegrationChildConfiguration : IEntityTypeConfiguration<ApiIntegrationChild>
{
    public void Configure(EntityTypeBuilder<ApiIntegrationChild> added)
    {
        added.HasKey(a => new { a.IntegrationId, a.ChildId });
        added.HasOne<ApiIntegration>().WithMany().HasForeignKey(a => a.IntegrationId).OnDelete(DeleteBehavior.Cascade);
        added.HasOne<Child>().WithMany().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}
