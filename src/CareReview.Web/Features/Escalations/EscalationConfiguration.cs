using CareReview.Domain.Children;
using CareReview.Domain.Escalations;
using CareReview.Domain.Reports;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Features.Escalations;

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

public sealed class EscalationRecommendationConfiguration : IEntityTypeConfiguration<EscalationRecommendation>
{
    public void Configure(EntityTypeBuilder<EscalationRecommendation> link)
    {
        link.HasKey(l => new { l.EscalationId, l.RecommendationId });
        link.HasOne<Recommendation>().WithMany().HasForeignKey(l => l.RecommendationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CafcassReferralConfiguration : IEntityTypeConfiguration<CafcassReferral>
{
    public void Configure(EntityTypeBuilder<CafcassReferral> referral)
    {
        referral.Property(r => r.Grounds).HasConversion<int>();
        referral.Property(r => r.Reasons).HasMaxLength(Escalation.MaxTextLength);
        referral.Property(r => r.ReferredBy).HasMaxLength(Escalation.MaxNameLength);
        referral.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        referral.Property(r => r.OutcomeNote).HasMaxLength(Escalation.MaxTextLength);
        referral.Property(r => r.Version).IsConcurrencyToken();
        referral.Ignore(r => r.IsOpen);
        referral.HasIndex(r => r.ChildId);
        referral.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
        referral.HasOne<Escalation>().WithMany().HasForeignKey(r => r.EscalationId).OnDelete(DeleteBehavior.Restrict);
        referral.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.ReferredByStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
