using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class CafcassReferralConfiguration : IEntityTypeConfiguration<CafcassReferral>
{
    public void Configure(EntityTypeBuilder<CafcassReferral> referral)
    {
        referral.Property(r => r.Grounds).HasConversion<int>();
        referral.Property(r => r.Reasons).HasMaxLength(Escalation.MaxTextLength);
        referral.Property(r => r.ReferredBy).HasMaxLength(Escalation.MaxNameLength);
        referral.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        referral.Property(r => r.OutcomeNote).HasMaxLength(Escalation.MaxTextLength);
        referral.Property(r => r.Version).IsConcurrencyToken();
        referral.Ignore(r => r.IsOpen);
        referral.HasIndex(r => r.ChildId);
        referral.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        referral.HasOne<Escalation>().WithMany().HasForeignKey(r => r.EscalationId).OnDelete(DeleteBehavior.Restrict);
        referral.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.ReferredByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
