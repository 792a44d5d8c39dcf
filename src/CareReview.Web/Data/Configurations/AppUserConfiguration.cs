using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        // One sign-in per child; a child's record is never deleted while their sign-in exists.
        user.HasOne<Child>().WithMany().HasForeignKey(u => u.ChildId).OnDelete(DeleteBehavior.Restrict);
        user.HasIndex(u => u.ChildId).IsUnique();
    }
}
