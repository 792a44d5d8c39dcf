using CareReview.Domain.Reports;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> escalation)
    {
        escalation.Property(e => e.RaisedBy).HasMaxLength(Escalation.MaxNameLength);
        escalation.Property(e => e.Category).HasConversion<string>().HasMaxLength(30);
        escalation.Property(e => e.Concern).HasMaxLength(Escalation.MaxTextLength);
        escalation.Property(e => e.Needed).HasMaxLength(Escalation.MaxTextLength);
        escalation.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(30);
        escalation.Property(e => e.ClosedBy).HasMaxLength(Escalation.MaxNameLength);
        escalation.Property(e => e.ClosingNote).HasMaxLength(Escalation.MaxTextLength);
        escalation.Property(e => e.ThemeCodes).HasMaxLength(CaseThemes.MaxCodesLength);
        escalation.Ignore(e => e.Themes);
        escalation.Property(e => e.Version).IsConcurrencyToken();
        escalation.Ignore(e => e.State);
        escalation.Ignore(e => e.IsOpen);
        escalation.Ignore(e => e.CurrentStage);
        escalation.Ignore(e => e.IsFormal);
        escalation.Ignore(e => e.FormalStartedOn);
        escalation.Ignore(e => e.StageReached);
        escalation.Ignore(e => e.SkippedStages);
        escalation.HasIndex(e => e.ChildId);
        escalation.HasIndex(e => e.RaisedOn);
        escalation.HasOne<Child>().WithMany().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
        escalation.HasOne<Team>().WithMany().HasForeignKey(e => e.TeamId).OnDelete(DeleteBehavior.Restrict);
        escalation.HasOne<StaffMember>().WithMany().HasForeignKey(e => e.RaisedByStaffId).OnDelete(DeleteBehavior.Restrict);
        escalation.HasOne<Review>().WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Restrict);
        escalation.HasMany(e => e.Discussions).WithOne().HasForeignKey(d => d.EscalationId).OnDelete(DeleteBehavior.Cascade);
        escalation.Navigation(e => e.Discussions).HasField("_discussions");
        escalation.HasMany(e => e.Stages).WithOne().HasForeignKey(s => s.EscalationId).OnDelete(DeleteBehavior.Cascade);
        escalation.Navigation(e => e.Stages).HasField("_stages");
        escalation.HasMany(e => e.Recommendations).WithOne().HasForeignKey(r => r.EscalationId).OnDelete(DeleteBehavior.Cascade);
        escalation.Navigation(e => e.Recommendations).HasField("_recommendations");
    }
}
