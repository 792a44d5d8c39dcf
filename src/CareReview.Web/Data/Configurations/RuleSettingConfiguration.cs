using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class RuleSettingConfiguration : IEntityTypeConfiguration<RuleSetting>
{
    public void Configure(EntityTypeBuilder<RuleSetting> setting)
    {
        setting.Property(s => s.RuleId).HasMaxLength(10);
        setting.Property(s => s.Unit).HasConversion<string>().HasMaxLength(20);
        setting.Property(s => s.Reason).HasMaxLength(1000);
        setting.Property(s => s.ChangedBy).HasMaxLength(256);
        setting.HasIndex(s => new { s.RuleId, s.Change }).IsUnique();
    }
}
