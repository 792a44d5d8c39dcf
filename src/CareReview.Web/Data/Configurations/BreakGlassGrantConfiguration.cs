using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

/// <summary>Emergency access to a child's record, and the IRO manager's review of each use.</summary>
public sealed class BreakGlassGrantConfiguration : IEntityTypeConfiguration<BreakGlassGrant>
{
    public void Configure(EntityTypeBuilder<BreakGlassGrant> grant)
    {
        grant.ToTable("BreakGlassGrants");
        grant.Property(g => g.UserId).HasMaxLength(450);
        grant.Property(g => g.Reason).HasMaxLength(BreakGlassGrant.MaxReasonLength);
        grant.Property(g => g.EndedEarlyBy).HasMaxLength(BreakGlassGrant.MaxNameLength);
        grant.Property(g => g.Outcome).HasConversion<string>().HasMaxLength(20);
        grant.Property(g => g.ReviewNote).HasMaxLength(BreakGlassGrant.MaxNoteLength);
        grant.Property(g => g.ReviewedBy).HasMaxLength(BreakGlassGrant.MaxNameLength);
        grant.Property(g => g.Version).IsConcurrencyToken();
        grant.Ignore(g => g.IsReviewed);
        grant.HasOne(g => g.StaffMember).WithMany().HasForeignKey(g => g.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
        grant.HasOne<Child>().WithMany().HasForeignKey(g => g.ChildId).OnDelete(DeleteBehavior.Cascade);

        // Every check of who may see a child looks here for the user's own grants that are still running.
        grant.HasIndex(g => new { g.StaffMemberId, g.EndsAtUtc });
        grant.HasIndex(g => g.Outcome);
    }
}
