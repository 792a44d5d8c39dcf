using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> review)
    {
        review.Property(r => r.State).HasConversion<string>().HasMaxLength(10);
        review.Property(r => r.DueRuleId).HasMaxLength(10);
        review.Property(r => r.ParticipationCode).HasConversion<string>().HasMaxLength(3);
        review.Property(r => r.Venue).HasMaxLength(200);
        review.Property(r => r.Invitees).HasMaxLength(2000);
        review.Property(r => r.LatenessReason).HasMaxLength(1000);
        review.Property(r => r.ChildNotSeenAloneReason).HasMaxLength(1000);
        review.Property(r => r.AdjournmentReason).HasMaxLength(1000);
        review.Ignore(r => r.WasLate);
        review.Ignore(r => r.IsHeld);
        review.HasIndex(r => new { r.ChildId, r.HeldOn }).IsUnique();
        review.HasIndex(r => r.ScheduledFor);
        review.HasMany(r => r.Recommendations).WithOne().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
        review.Navigation(r => r.Recommendations).HasField("_recommendations");
        review.HasMany(r => r.Considerations).WithOne().HasForeignKey("ReviewId").OnDelete(DeleteBehavior.Cascade);
        review.Navigation(r => r.Considerations).HasField("_considerations");
    }
}
