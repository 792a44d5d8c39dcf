using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

/// <summary>The SignInRequests table.</summary>
public sealed class SignInRequestConfiguration : IEntityTypeConfiguration<SignInRequest>
{
    public void Configure(EntityTypeBuilder<SignInRequest> request)
    {
        request.ToTable("SignInRequests");
        request.Property(r => r.Roles).HasMaxLength(200);
        request.Property(r => r.Team).HasMaxLength(100);
        request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        request.Property(r => r.DecidedByUserId).HasMaxLength(450);
        request.Ignore(r => r.RoleList);
        request.HasIndex(r => r.UserId).IsUnique();
        request.HasIndex(r => r.Status);
        request.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
