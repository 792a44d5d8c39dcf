using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> head)
    {
        // The migration that made the table wrote its one row, from the audit events there were then.
        head.ToTable("AuditChainHead", t => t.HasCheckConstraint("CK_AuditChainHead_OnlyOne", $"\"Id\" = {AuditChainHead.OnlyId}"));
        head.Property(h => h.Id).ValueGeneratedNever();
        head.Property(h => h.LastHash).HasMaxLength(64);
    }
}
