using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Voice;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Features.Voice;

public sealed class ReviewViewsConfiguration : IEntityTypeConfiguration<ReviewViews>
{
    public void Configure(EntityTypeBuilder<ReviewViews> views)
    {
        views.Property(v => v.Author).HasConversion<string>().HasMaxLength(20);
        views.Property(v => v.AuthorName).HasMaxLength(ParentInvitation.MaxNameLength);
        views.Property(v => v.Relationship).HasMaxLength(ParentInvitation.MaxRelationshipLength);
        views.Property(v => v.GoingWell).HasMaxLength(ReviewViews.MaxAnswerLength);
        views.Property(v => v.NotGoingWell).HasMaxLength(ReviewViews.MaxAnswerLength);
        views.Property(v => v.WantToChange).HasMaxLength(ReviewViews.MaxAnswerLength);
        views.Property(v => v.WhoIWantThere).HasMaxLength(ReviewViews.MaxShortAnswerLength);
        views.Property(v => v.WhereAndWhen).HasMaxLength(ReviewViews.MaxShortAnswerLength);
        views.Property(v => v.Version).IsConcurrencyToken();
        // One set of the child's own views per review; a parent's are one per link (below). The filter is
        // written the same for SQLite and PostgreSQL.
        views.HasIndex(v => new { v.ReviewId, v.Author }).IsUnique().HasFilter("\"InvitationId\" IS NULL");
        views.HasIndex(v => v.InvitationId).IsUnique();
        views.HasOne<Child>().WithMany().HasForeignKey(v => v.ChildId).OnDelete(DeleteBehavior.Cascade);
        views.HasOne<Review>().WithMany().HasForeignKey(v => v.ReviewId).OnDelete(DeleteBehavior.Cascade);
        views.HasOne<ParentInvitation>().WithMany().HasForeignKey(v => v.InvitationId).OnDelete(DeleteBehavior.Restrict);
    }
}

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
