using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class DrpStageSettingConfiguration : IEntityTypeConfiguration<DrpStageSetting>
{
    public void Configure(EntityTypeBuilder<DrpStageSetting> setting)
    {
        setting.Property(s => s.Respondent).HasMaxLength(DisputeResolutionProcess.MaxRespondentLength);
        setting.Property(s => s.ChangedBy).HasMaxLength(256);
        setting.HasIndex(s => new { s.Revision, s.Number }).IsUnique();
    }
}
