using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class ParentInvitationConfiguration : IEntityTypeConfiguration<ParentInvitation>
{
    public void Configure(EntityTypeBuilder<ParentInvitation> invitation)
    {
        invitation.Property(i => i.Purpose).HasConversion<string>().HasMaxLength(10);
        invitation.Property(i => i.Name).HasMaxLength(ParentInvitation.MaxNameLength);
        invitation.Property(i => i.Relationship).HasMaxLength(ParentInvitation.MaxRelationshipLength);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.CreatedBy).HasMaxLength(ParentInvitation.MaxNameLength);
        // Two presses of Continue at once: only the first may use the link.
        invitation.Property(i => i.UsedAt).IsConcurrencyToken();
        invitation.HasIndex(i => i.TokenHash).IsUnique();
        invitation.HasIndex(i => i.ReviewId);
        invitation.HasOne<Child>().WithMany().HasForeignKey(i => i.ChildId).OnDelete(DeleteBehavior.Cascade);
        invitation.HasOne<Review>().WithMany().HasForeignKey(i => i.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
