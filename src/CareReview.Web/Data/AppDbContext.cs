using CareReview.Web.Features.Webhooks;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CareReview.Web.Data;

/// <summary>
/// One provider-neutral model. Each database engine has a one-line subclass so that it gets its own
/// migrations folder (ADR-0003).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>The keys that sign and encrypt cookies and links, kept with the council's records (ADR-0021).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Child> Children => Set<Child>();
    public DbSet<CareEpisode> CareEpisodes => Set<CareEpisode>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Installation> Installations => Set<Installation>();
    public DbSet<FormSubmission> FormSubmissions => Set<FormSubmission>();
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
    public DbSet<BreakGlassGrant> BreakGlassGrants => Set<BreakGlassGrant>();
    public DbSet<SsdSyncRun> SsdSyncRuns => Set<SsdSyncRun>();
    public DbSet<SsdSyncProblem> SsdSyncProblems => Set<SsdSyncProblem>();
    public DbSet<ApiIntegration> ApiIntegrations => Set<ApiIntegration>();
    public DbSet<ApiIntegrationChild> ApiIntegrationChildren => Set<ApiIntegrationChild>();
    public DbSet<WebhookReceiver> WebhookReceivers => Set<WebhookReceiver>();
    public DbSet<WebhookEvent> WebhookEvents => Set<WebhookEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<SignInRequest> SignInRequests => Set<SignInRequest>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The mapping of every table is in Data/Configurations, one IEntityTypeConfiguration per entity type.
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var added = BeforeSave();
        var touched = ChildrenTouchedFromOutside();
        var audit = AuditEventsToAdd();
        await using var own = touched.Any && audit.Count == 0 && Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        var saved = audit.Count == 0
            ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : await SaveChainingAuditAsync(audit, acceptAllChangesOnSuccess, cancellationToken, touched);
        if (audit.Count == 0)
        {
            await MarkChangedAsync(touched, cancellationToken);
        }

        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        AfterSave(added);
        return saved;
    }

    /// <summary>Only the key store saves this way (ASP.NET Core's EF key repository is synchronous); it keeps the same rules.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var added = BeforeSave();
        if (AuditEventsToAdd().Count > 0)
        {
            throw new InvalidOperationException("Audit events are saved with SaveChangesAsync, which links them into the audit log's chain (ADR-0023).");
        }

        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        AfterSave(added);
        return saved;
    }

    private List<EntityEntry<AuditEvent>> AuditEventsToAdd() =>
        ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).ToList();

    /// <summary>
    /// Writes the change, then links its audit events into the chain and writes them, in one transaction (the
    /// caller's, if there is one). The chain's head is locked last, after the change's own rows, so that every
    /// transaction takes its locks in the same order and two saves cannot each wait for the other (ADR-0023).
    /// </summary>
    private async Task<int> SaveChainingAuditAsync(List<EntityEntry<AuditEvent>> audit, bool acceptAllChangesOnSuccess, CancellationToken cancellationToken,
        TouchedChildren touched)
    {
        if (!acceptAllChangesOnSuccess)
        {
            // Saved in two parts, the first part's changes must be accepted or the second would write them again.
            throw new InvalidOperationException("Audit events are saved with their changes accepted (ADR-0023).");
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = 0;
        foreach (var entry in audit)
        {
            entry.State = EntityState.Detached;
        }

        try
        {
            if (ChangeTracker.HasChanges())
            {
                saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
        }
        finally
        {
            foreach (var entry in audit)
            {
                entry.State = EntityState.Added;
            }
        }

        await MarkChangedAsync(touched, cancellationToken);
        // The webhook events the audit events raise go into the outbox in this same transaction (ADR-0033).
        await WebhookOutbox.AddForAsync(this, [.. audit.Select(e => e.Entity)], cancellationToken);
        await AuditChain.LinkAsync(this, [.. audit.Select(e => e.Entity)], cancellationToken);
        saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Moves the versions of the records this save changes, and returns the children it adds.</summary>
    private List<EntityEntry<Child>> BeforeSave()
    {
        // A child's version moves on every save that touches the child or anything it owns, so that
        // two people editing the same child cannot silently overwrite each other (ADR-0005).
        ChangeTracker.DetectChanges();
        var now = UtcNow();
        foreach (var entry in ChangeTracker.Entries<Child>().Where(e => e.State == EntityState.Added))
        {
            entry.Entity.ChangedAtUtc = now;
        }

        foreach (var child in ChangeTracker.Entries<Child>().Where(e => e.State != EntityState.Added).Select(e => e.Entity).ToList())
        {
            RefuseDatesWorkedOutFromPartOfTheRecord(child);

            // Stored deadlines are derived, so recalculating them is not a change anyone could lose.
            if (ChildChanged(child) || child.Episodes.Any(Changed) || child.Allocations.Any(Changed) || child.CareEvents.Any(Changed)
                || child.CarePlans.Any(v => Changed(v) || v.Sections.Any(Changed)) || child.ChildFriendlyPlans.Any(Changed) || child.Reviews.Any(r => Changed(r)
                    || r.Considerations.Any(Changed)
                    || r.Recommendations.Any(rec => Changed(rec) || rec.Updates.Any(Changed))))
            {
                child.Version++;
                child.ChangedAtUtc = now;
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
        BumpVersionWhenModified<BreakGlassGrant>();
        BumpVersionWhenModified<SsdSyncRun>();
        BumpVersionWhenModified<ApiIntegration>();

        return ChangeTracker.Entries<Child>().Where(e => e.State == EntityState.Added).ToList();
    }

    /// <summary>
    /// The app's time for <see cref="Child.ChangedAtUtc"/>, by the app's clock; a context made without the app (a
    /// migration test, a tool) has none, and stamps the real time.
    /// </summary>
    public DateTime UtcNow() =>
        (this.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
            ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    /// <summary>The children whose escalations, referrals, views or cards this save changes: records of their own, outside the child's version.</summary>
    private sealed record TouchedChildren(List<int> ChildIds, List<int> ReviewIds)
    {
        public bool Any => ChildIds.Count > 0 || ReviewIds.Count > 0;
    }

    private TouchedChildren ChildrenTouchedFromOutside()
    {
        static bool Changed(EntityEntry e) => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted;
        return new TouchedChildren(
            [.. ChangeTracker.Entries<Escalation>().Where(Changed).Select(e => e.Entity.ChildId)
                .Concat(ChangeTracker.Entries<CafcassReferral>().Where(Changed).Select(e => e.Entity.ChildId)).Distinct()],
            [.. ChangeTracker.Entries<ReviewViews>().Where(Changed).Select(e => e.Entity.ReviewId)
                .Concat(ChangeTracker.Entries<ReviewFeedback>().Where(Changed).Select(e => e.Entity.ReviewId)).Distinct()]);
    }

    /// <summary>
    /// Moves <see cref="Child.ChangedAtUtc"/> for the children a save touched through records of their own, in the
    /// save's transaction, so that the API's <c>updatedSince</c> finds them (ADR-0032).
    /// </summary>
    private async Task MarkChangedAsync(TouchedChildren touched, CancellationToken cancellationToken)
    {
        if (!touched.Any)
        {
            return;
        }

        var now = UtcNow();
        var (childIds, reviewIds) = (touched.ChildIds, touched.ReviewIds);
        await Children.Where(c => childIds.Contains(c.Id) || c.Reviews.Any(r => reviewIds.Contains(r.Id)))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ChangedAtUtc, now), cancellationToken);
    }

    /// <summary>A child created here holds the whole of their record, so a later change in this context may work their dates out from it.</summary>
    private void AfterSave(List<EntityEntry<Child>> added)
    {
        foreach (var entry in added)
        {
            foreach (var part in s_datesWorkedOutFrom)
            {
                entry.Collection(part).IsLoaded = true;
            }

            foreach (var version in entry.Entity.CarePlans)
            {
                Entry(version).Collection(nameof(CarePlanVersion.Sections)).IsLoaded = true;
            }
        }
    }

    /// <summary>What a child's stored review date and deadlines are worked out from (with each care plan version's sections).</summary>
    private static readonly string[] s_datesWorkedOutFrom =
        [nameof(Child.Episodes), nameof(Child.Allocations), nameof(Child.Reviews), nameof(Child.CarePlans), nameof(Child.CareEvents), nameof(Child.Deadlines)];

    /// <summary>
    /// Dates worked out from part of a child's record would be wrong without anyone noticing (a visit not loaded
    /// reads as a visit not made), so saving them is refused as the programming error it is.
    /// </summary>
    private void RefuseDatesWorkedOutFromPartOfTheRecord(Child child)
    {
        var entry = Entry(child);
        var datesChanged = child.Deadlines.Any(Changed)
            || entry.Properties.Any(p => p.IsModified && s_derivedChildProperties.Contains(p.Metadata.Name));
        if (!datesChanged)
        {
            return;
        }

        var missing = s_datesWorkedOutFrom.Where(part => !entry.Collection(part).IsLoaded).ToList();
        if (child.CarePlans.Any(v => Entry(v).State != EntityState.Added && !Entry(v).Collection(nameof(CarePlanVersion.Sections)).IsLoaded))
        {
            missing.Add($"{nameof(Child.CarePlans)}.{nameof(CarePlanVersion.Sections)}");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Child {child.Id}'s dates were worked out without their {string.Join(", ", missing)}. "
                + "Load the child with WithDeadlineFacts() or ChildParts.Whole before changing them.");
        }
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
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
