using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

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
