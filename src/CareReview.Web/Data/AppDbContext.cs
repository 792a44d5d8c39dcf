using CareReview.Domain.CarePlans;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Escalations;
using CareReview.Domain.Reports;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Domain.Voice;
using CareReview.Web.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Web.Data;

/// <summary>
/// One provider-neutral model. Each database engine has a one-line subclass so that it gets its own
/// migrations folder (ADR-0003).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options)
{
    public DbSet<Child> Children => Set<Child>();
    public DbSet<CareEpisode> CareEpisodes => Set<CareEpisode>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<BankHolidayAdjustment> BankHolidayAdjustments => Set<BankHolidayAdjustment>();
    public DbSet<RuleSetting> RuleSettings => Set<RuleSetting>();
    public DbSet<ChildDeadline> ChildDeadlines => Set<ChildDeadline>();
    public DbSet<CareEvent> CareEvents => Set<CareEvent>();
    public DbSet<CarePlanVersion> CarePlanVersions => Set<CarePlanVersion>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<CafcassReferral> CafcassReferrals => Set<CafcassReferral>();
    public DbSet<ReviewViews> ReviewViews => Set<ReviewViews>();
    public DbSet<ReviewFeedback> ReviewFeedback => Set<ReviewFeedback>();
    public DbSet<ParentInvitation> ParentInvitations => Set<ParentInvitation>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Team>(team =>
        {
            team.Property(t => t.Name).HasMaxLength(100);
            team.HasIndex(t => t.Name).IsUnique();
        });

        builder.Entity<StaffMember>(staff =>
        {
            staff.Property(s => s.Name).HasMaxLength(200);
            staff.Property(s => s.Email).HasMaxLength(256);
            staff.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
            staff.Property(s => s.JobTitle).HasMaxLength(100);
            staff.Ignore(s => s.NameAndPost);
            staff.Property(s => s.Fte).HasPrecision(3, 2);
            staff.HasOne(s => s.Team).WithMany().HasForeignKey(s => s.TeamId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Child>(child =>
        {
            child.Property(c => c.LocalId).HasMaxLength(20);
            child.HasIndex(c => c.LocalId).IsUnique();
            child.Property(c => c.GivenName).HasMaxLength(100);
            child.Property(c => c.FamilyName).HasMaxLength(100);
            child.Property(c => c.Sex).HasConversion<string>().HasMaxLength(1);
            child.Property(c => c.Ethnicity).HasConversion<string>().HasMaxLength(4);
            child.Property(c => c.Upn).HasMaxLength(13);
            child.Ignore(c => c.ReturnDetails);
            child.Property(c => c.NextReviewRuleId).HasMaxLength(10);
            child.Property(c => c.ReviewBroughtForwardReason).HasMaxLength(1000);
            child.Property(c => c.Version).IsConcurrencyToken();
            child.HasIndex(c => c.NextReviewDueOn);
            child.HasIndex(c => c.PlanChangeAwaitingReviewOn);
            child.HasIndex(c => c.DeadlinesRecomputeOn);
            child.HasOne(c => c.Iro).WithMany().HasForeignKey(c => c.IroId).OnDelete(DeleteBehavior.Restrict);
            child.HasOne(c => c.SocialWorker).WithMany().HasForeignKey(c => c.SocialWorkerId).OnDelete(DeleteBehavior.Restrict);
            child.HasMany(c => c.Episodes).WithOne().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
            child.HasMany(c => c.Reviews).WithOne().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
            child.HasMany(c => c.Allocations).WithOne().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
            child.Navigation(c => c.Allocations).HasField("_allocations");
            child.Navigation(c => c.Episodes).HasField("_episodes");
            child.Navigation(c => c.Reviews).HasField("_reviews");
            child.HasMany(c => c.CarePlans).WithOne().HasForeignKey(v => v.ChildId).OnDelete(DeleteBehavior.Cascade);
            child.Navigation(c => c.CarePlans).HasField("_carePlans");
            child.HasMany(c => c.CareEvents).WithOne().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
            child.Navigation(c => c.CareEvents).HasField("_careEvents");
            child.HasMany(c => c.Deadlines).WithOne().HasForeignKey(d => d.ChildId).OnDelete(DeleteBehavior.Cascade);
            child.Navigation(c => c.Deadlines).HasField("_deadlines");
            child.Ignore(c => c.CurrentCarePlan);
            child.HasMany(c => c.ChildFriendlyPlans).WithOne().HasForeignKey(p => p.ChildId).OnDelete(DeleteBehavior.Cascade);
            child.Navigation(c => c.ChildFriendlyPlans).HasField("_childFriendlyPlans");
            child.Ignore(c => c.ChildFriendlyDraft);
            child.Ignore(c => c.SharedChildFriendlyPlan);
            child.Ignore(c => c.CurrentEpisode);
            child.Ignore(c => c.IsLookedAfter);
            child.Ignore(c => c.FullName);
            child.Ignore(c => c.OpenReview);
            child.Ignore(c => c.Recommendations);
        });

        builder.Entity<CarePlanVersion>(version =>
        {
            version.Property(v => v.MadeBy).HasMaxLength(200);
            version.HasOne<StaffMember>().WithMany().HasForeignKey(v => v.MadeByStaffId).OnDelete(DeleteBehavior.Restrict);
            version.Property(v => v.IroName).HasMaxLength(200);
            version.Property(v => v.PermanenceCodes).HasMaxLength(120);
            version.Property(v => v.ChangeNote).HasMaxLength(CarePlanVersion.MaxNoteLength);
            version.Property(v => v.SignificantChanges).HasMaxLength(200);
            version.Ignore(v => v.Permanence);
            version.Ignore(v => v.IsSignificantChange);
            version.Ignore(v => v.SignificantSections);
            version.HasIndex(v => new { v.ChildId, v.Number }).IsUnique();
            version.HasMany(v => v.Sections).WithOne().HasForeignKey("CarePlanVersionId").OnDelete(DeleteBehavior.Cascade);
            version.Navigation(v => v.Sections).HasField("_sections");
        });

        builder.Entity<CarePlanSectionText>(section =>
        {
            section.Property(s => s.Section).HasConversion<string>().HasMaxLength(40);
            section.Property(s => s.Text).HasMaxLength(CarePlanVersion.MaxSectionLength);
            section.HasIndex("CarePlanVersionId", nameof(CarePlanSectionText.Section)).IsUnique();
        });

        builder.Entity<ChildFriendlyPlan>(plan =>
        {
            plan.Property(p => p.AgeBand).HasConversion<string>().HasMaxLength(10);
            plan.Property(p => p.Text).HasMaxLength(ChildFriendlyPlan.MaxTextLength);
            plan.Property(p => p.WrittenBy).HasMaxLength(200);
            plan.Property(p => p.SharedBy).HasMaxLength(200);
            plan.Ignore(p => p.IsShared);
            plan.HasIndex(p => p.ChildId);
        });

        builder.Entity<CareEvent>(careEvent =>
        {
            careEvent.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
            careEvent.Property(e => e.NotSeenAloneReason).HasMaxLength(CareEvent.MaxTextLength);
            careEvent.Property(e => e.Note).HasMaxLength(CareEvent.MaxTextLength);
            careEvent.Property(e => e.RecordedBy).HasMaxLength(200);
            careEvent.Ignore(e => e.Counts);
            careEvent.HasIndex(e => new { e.ChildId, e.Kind, e.On }).IsUnique();
        });

        builder.Entity<ChildDeadline>(deadline =>
        {
            deadline.Property(d => d.Item).HasConversion<string>().HasMaxLength(30);
            deadline.Property(d => d.RuleId).HasMaxLength(10);
            deadline.Property(d => d.RuleVersion).HasMaxLength(20);
            deadline.Property(d => d.Explanation).HasMaxLength(ChildDeadline.MaxExplanationLength);
            deadline.HasIndex(d => new { d.ChildId, d.Item }).IsUnique();
            deadline.HasIndex(d => new { d.Item, d.DueOn });
        });

        builder.Entity<Allocation>(allocation =>
        {
            allocation.Property(a => a.IroName).HasMaxLength(200);
            allocation.Property(a => a.SocialWorkerName).HasMaxLength(200);
            allocation.Property(a => a.SiblingIroReason).HasMaxLength(SiblingAllocation.MaxReasonLength);
            allocation.HasIndex(a => new { a.ChildId, a.From });
        });

        builder.Entity<CareEpisode>(episode =>
        {
            episode.Property(e => e.ReasonForNewEpisode).HasConversion<string>().HasMaxLength(1);
            episode.Property(e => e.LegalStatus).HasConversion<string>().HasMaxLength(2);
            episode.Property(e => e.CategoryOfNeed).HasConversion<string>().HasMaxLength(2);
            episode.Property(e => e.PlacementType).HasConversion<string>().HasMaxLength(3);
            episode.Property(e => e.ReasonEnded).HasConversion<string>().HasMaxLength(3);
            episode.Property(e => e.ReasonForPlacementChange).HasConversion<string>().HasMaxLength(6);
            episode.Property(e => e.PlacementProvider).HasConversion<string>().HasMaxLength(3);
            episode.Property(e => e.HomePostcode).HasMaxLength(8);
            episode.Property(e => e.PlacementPostcode).HasMaxLength(8);
            episode.Property(e => e.Urn).HasMaxLength(8);
            episode.Ignore(e => e.IsOpen);
            episode.Ignore(e => e.Placement);
            episode.HasIndex(e => new { e.ChildId, e.StartedOn });
        });

        builder.Entity<Review>(review =>
        {
            review.Property(r => r.State).HasConversion<string>().HasMaxLength(10);
            review.Property(r => r.DueRuleId).HasMaxLength(10);
            review.Property(r => r.ParticipationCode).HasConversion<string>().HasMaxLength(3);
            review.Property(r => r.Venue).HasMaxLength(200);
            review.Property(r => r.Invitees).HasMaxLength(2000);
            review.Property(r => r.LatenessReason).HasMaxLength(1000);
            review.Property(r => r.ChildNotSeenAloneReason).HasMaxLength(1000);
            review.Property(r => r.AdjournmentReason).HasMaxLength(1000);
            review.Ignore(r => r.WasLate);
            review.Ignore(r => r.IsHeld);
            review.HasIndex(r => new { r.ChildId, r.HeldOn }).IsUnique();
            review.HasIndex(r => r.ScheduledFor);
            review.HasMany(r => r.Recommendations).WithOne().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
            review.Navigation(r => r.Recommendations).HasField("_recommendations");
            review.HasMany(r => r.Considerations).WithOne().HasForeignKey("ReviewId").OnDelete(DeleteBehavior.Cascade);
            review.Navigation(r => r.Considerations).HasField("_considerations");
        });

        builder.Entity<ReviewConsideration>(consideration => consideration.HasIndex("ReviewId", nameof(ReviewConsideration.Paragraph)).IsUnique());

        builder.Entity<Recommendation>(recommendation =>
        {
            recommendation.Property(r => r.Action).HasMaxLength(1000);
            recommendation.Property(r => r.OwnerName).HasMaxLength(200);
            recommendation.Property(r => r.OwnerRole).HasMaxLength(100);
            recommendation.Property(r => r.Monitoring).HasMaxLength(1000);
            recommendation.Property(r => r.ThemeCodes).HasMaxLength(CaseThemes.MaxCodesLength);
            recommendation.Ignore(r => r.Themes);
            recommendation.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            recommendation.Ignore(r => r.IsOpen);
            recommendation.Ignore(r => r.DoneOnTime);
            recommendation.HasIndex(r => new { r.OwnerStaffId, r.Status, r.DueOn });
            recommendation.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.OwnerStaffId).OnDelete(DeleteBehavior.Restrict);
            recommendation.HasOne<Recommendation>().WithMany().HasForeignKey(r => r.CarriedForwardFromId).OnDelete(DeleteBehavior.Restrict);
            recommendation.HasMany(r => r.Updates).WithOne().HasForeignKey("RecommendationId").OnDelete(DeleteBehavior.Cascade);
            recommendation.Navigation(r => r.Updates).HasField("_updates");
        });

        builder.Entity<RecommendationUpdate>(update =>
        {
            update.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
            update.Property(u => u.Note).HasMaxLength(2000);
            update.Property(u => u.By).HasMaxLength(200);
        });

        builder.Entity<AuditEvent>(audit =>
        {
            audit.Property(a => a.Action).HasConversion<string>().HasMaxLength(40);
            audit.Property(a => a.UserId).HasMaxLength(450);
            audit.Property(a => a.UserName).HasMaxLength(256);
            audit.Property(a => a.Details).HasMaxLength(500);
            audit.HasIndex(a => a.OccurredAtUtc);
            audit.HasIndex(a => a.ChildId);
        });

        builder.Entity<BankHolidayAdjustment>(day =>
        {
            day.HasIndex(d => d.Date).IsUnique();
            day.Property(d => d.Reason).HasMaxLength(200);
            day.Property(d => d.AddedBy).HasMaxLength(256);
        });

        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            // One sign-in per child; a child's record is never deleted while their sign-in exists.
            user.HasOne<Child>().WithMany().HasForeignKey(u => u.ChildId).OnDelete(DeleteBehavior.Restrict);
            user.HasIndex(u => u.ChildId).IsUnique();
        });

        // Feature folders keep the mapping of their own tables in IEntityTypeConfiguration classes.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // A child's version moves on every save that touches the child or anything it owns, so that
        // two people editing the same child cannot silently overwrite each other (ADR-0005).
        ChangeTracker.DetectChanges();
        foreach (var child in ChangeTracker.Entries<Child>().Where(e => e.State != EntityState.Added).Select(e => e.Entity).ToList())
        {
            // Stored deadlines are derived, so recalculating them is not a change anyone could lose.
            if (ChildChanged(child) || child.Episodes.Any(Changed) || child.Allocations.Any(Changed) || child.CareEvents.Any(Changed)
                || child.CarePlans.Any(v => Changed(v) || v.Sections.Any(Changed)) || child.ChildFriendlyPlans.Any(Changed) || child.Reviews.Any(r => Changed(r)
                    || r.Considerations.Any(Changed)
                    || r.Recommendations.Any(rec => Changed(rec) || rec.Updates.Any(Changed))))
            {
                child.Version++;
            }
        }

        // An escalation and a Cafcass referral are records of their own, with their own versions.
        foreach (var escalation in ChangeTracker.Entries<Escalation>().Where(e => e.State != EntityState.Added).Select(e => e.Entity).ToList())
        {
            if (Changed(escalation) || escalation.Discussions.Any(Changed) || escalation.Stages.Any(Changed))
            {
                escalation.Version++;
            }
        }

        BumpVersionWhenModified<CafcassReferral>();
        BumpVersionWhenModified<ReviewViews>();
        BumpVersionWhenModified<ReviewFeedback>();

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>For a record with no parts of its own: its version moves when any of its columns does.</summary>
    private void BumpVersionWhenModified<T>() where T : class
    {
        foreach (var entry in ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Modified))
        {
            entry.Property<long>("Version").CurrentValue++;
        }
    }

    private static readonly string[] s_derivedChildProperties =
        [nameof(Child.NextReviewDueOn), nameof(Child.NextReviewRuleId), nameof(Child.DeadlinesRecomputeOn)];

    /// <summary>A change to the child's own columns, other than the dates worked out from the rest of the record.</summary>
    private bool ChildChanged(Child child)
    {
        var entry = Entry(child);
        return entry.State == EntityState.Deleted
            || (entry.State == EntityState.Modified && entry.Properties.Any(p => p.IsModified && !s_derivedChildProperties.Contains(p.Metadata.Name)));
    }

    private bool Changed(object entity) => Entry(entity).State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync, which keeps the concurrency versions.");
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
