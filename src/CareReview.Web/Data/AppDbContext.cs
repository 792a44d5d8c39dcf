using CareReview.Domain.Children;
using CareReview.Domain.Reviews;
using CareReview.Domain.Staff;
using CareReview.Web.Auditing;
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
            child.Property(c => c.NextReviewRuleId).HasMaxLength(10);
            child.Property(c => c.ReviewBroughtForwardReason).HasMaxLength(1000);
            child.Property(c => c.Version).IsConcurrencyToken();
            child.HasIndex(c => c.NextReviewDueOn);
            child.HasOne(c => c.Iro).WithMany().HasForeignKey(c => c.IroId).OnDelete(DeleteBehavior.Restrict);
            child.HasOne(c => c.SocialWorker).WithMany().HasForeignKey(c => c.SocialWorkerId).OnDelete(DeleteBehavior.Restrict);
            child.HasMany(c => c.Episodes).WithOne().HasForeignKey(e => e.ChildId).OnDelete(DeleteBehavior.Cascade);
            child.HasMany(c => c.Reviews).WithOne().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
            child.HasMany(c => c.Allocations).WithOne().HasForeignKey(a => a.ChildId).OnDelete(DeleteBehavior.Cascade);
            child.Navigation(c => c.Allocations).HasField("_allocations");
            child.Navigation(c => c.Episodes).HasField("_episodes");
            child.Navigation(c => c.Reviews).HasField("_reviews");
            child.Ignore(c => c.CurrentEpisode);
            child.Ignore(c => c.IsLookedAfter);
            child.Ignore(c => c.FullName);
            child.Ignore(c => c.OpenReview);
            child.Ignore(c => c.Recommendations);
        });

        builder.Entity<Allocation>(allocation =>
        {
            allocation.Property(a => a.IroName).HasMaxLength(200);
            allocation.Property(a => a.SocialWorkerName).HasMaxLength(200);
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
            episode.Ignore(e => e.IsOpen);
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

        builder.Entity<AppUser>(user => user.Property(u => u.DisplayName).HasMaxLength(200));

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
            if (Changed(child) || child.Episodes.Any(Changed) || child.Allocations.Any(Changed) || child.Reviews.Any(r => Changed(r)
                    || r.Considerations.Any(Changed)
                    || r.Recommendations.Any(rec => Changed(rec) || rec.Updates.Any(Changed))))
            {
                child.Version++;
            }
        }

        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private bool Changed(object entity) => Entry(entity).State is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Use SaveChangesAsync, which keeps the concurrency versions.");
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
