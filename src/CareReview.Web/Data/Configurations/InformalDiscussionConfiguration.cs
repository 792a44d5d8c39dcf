using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class InformalDiscussionConfiguration : IEntityTypeConfiguration<InformalDiscussion>
{
    public void Configure(EntityTypeBuilder<InformalDiscussion> discussion)
    {
        discussion.Property(d => d.With).HasMaxLength(Escalation.MaxNameLength);
        discussion.Property(d => d.Conversation).HasMaxLength(Escalation.MaxTextLength);
        discussion.Property(d => d.AgreedAction).HasMaxLength(Escalation.MaxTextLength);
        discussion.Property(d => d.RecordedBy).HasMaxLength(Escalation.MaxNameLength);
    }
}
