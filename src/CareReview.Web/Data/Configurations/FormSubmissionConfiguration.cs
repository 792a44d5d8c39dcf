using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class FormSubmissionConfiguration : IEntityTypeConfiguration<FormSubmission>
{
    public void Configure(EntityTypeBuilder<FormSubmission> submission)
    {
        submission.HasKey(s => s.Token);
        submission.Property(s => s.Token).HasMaxLength(FormToken.Length);
    }
}
