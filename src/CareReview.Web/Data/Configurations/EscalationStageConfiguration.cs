using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class EscalationStageConfiguration : IEntityTypeConfiguration<EscalationStage>
{
    public void Configure(EntityTypeBuilder<EscalationStage> stage)
    {
        stage.Property(s => s.Level).HasMaxLength(DisputeResolutionProcess.MaxRespondentLength);
        stage.Property(s => s.RespondentName).HasMaxLength(Escalation.MaxNameLength);
        stage.Property(s => s.Response).HasMaxLength(Escalation.MaxTextLength);
        stage.Property(s => s.Decision).HasConversion<string>().HasMaxLength(20);
        stage.Property(s => s.DecisionNote).HasMaxLength(Escalation.MaxTextLength);
        stage.Property(s => s.DecidedBy).HasMaxLength(Escalation.MaxNameLength);
        stage.Ignore(s => s.RespondedLate);
        stage.HasIndex(s => new { s.EscalationId, s.Number }).IsUnique();
        stage.HasIndex(s => new { s.RespondentStaffId, s.ResponseDueOn });
        stage.HasOne<StaffMember>().WithMany().HasForeignKey(s => s.RespondentStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
