using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class ReviewFeedbackConfiguration : IEntityTypeConfiguration<ReviewFeedback>
{
    public void Configure(EntityTypeBuilder<ReviewFeedback> feedback)
    {
        feedback.Property(f => f.Rating).HasConversion<string>().HasMaxLength(10);
        feedback.Property(f => f.Comment).HasMaxLength(ReviewFeedback.MaxCommentLength);
        feedback.Property(f => f.FollowUpNote).HasMaxLength(ReviewFeedback.MaxFollowUpLength);
        feedback.Property(f => f.FollowedUpBy).HasMaxLength(ParentInvitation.MaxNameLength);
        feedback.Property(f => f.Version).IsConcurrencyToken();
        feedback.Ignore(f => f.NeedsFollowUp);
        // One card per review: the child rates the review once.
        feedback.HasIndex(f => f.ReviewId).IsUnique();
        feedback.HasIndex(f => new { f.Rating, f.FollowedUpOn });
        feedback.HasOne<Child>().WithMany().HasForeignKey(f => f.ChildId).OnDelete(DeleteBehavior.Cascade);
        feedback.HasOne<Review>().WithMany().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}
