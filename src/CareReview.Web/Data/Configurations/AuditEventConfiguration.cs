using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.Property(a => a.Action).HasConversion<string>().HasMaxLength(40);
        audit.Property(a => a.UserId).HasMaxLength(450);
        audit.Property(a => a.UserName).HasMaxLength(256);
        audit.Property(a => a.Details).HasMaxLength(500);
        audit.HasIndex(a => a.OccurredAtUtc);
        audit.HasIndex(a => a.ChildId);
    }
}
