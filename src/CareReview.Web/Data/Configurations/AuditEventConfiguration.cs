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
        audit.Property(a => a.PreviousHash).HasMaxLength(64);
        audit.Property(a => a.Hash).HasMaxLength(64);

        // A place in the chain is given once (several nulls are allowed: the rows from before the chain).
        audit.HasIndex(a => a.Sequence).IsUnique();
    }
}
