using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class SsdSyncRunConfiguration : IEntityTypeConfiguration<SsdSyncRun>
{
    public void Configure(EntityTypeBuilder<SsdSyncRun> run)
    {
        run.Property(r => r.StartedBy).HasMaxLength(200);
        run.Property(r => r.Source).HasMaxLength(500);
        run.Property(r => r.State).HasConversion<string>().HasMaxLength(10);
        run.Property(r => r.Failure).HasMaxLength(1000);
        run.Property(r => r.Version).IsConcurrencyToken();
        run.Ignore(r => r.Seconds);
        run.Ignore(r => r.WouldChange);
        run.HasIndex(r => r.StartedAtUtc);

        // One run at a time across every instance: a second run cannot be saved as Running while one is.
        run.HasIndex(r => r.State).IsUnique().HasFilter("\"State\" = 'Running'");
        run.HasMany(r => r.Problems).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SsdSyncProblemConfiguration : IEntityTypeConfiguration<SsdSyncProblem>
{
    public void Configure(EntityTypeBuilder<SsdSyncProblem> problem)
    {
        problem.Property(p => p.Table).HasMaxLength(64);
        problem.Property(p => p.Row).HasMaxLength(100);
        problem.Property(p => p.Field).HasMaxLength(64);
        problem.Property(p => p.PersonId).HasMaxLength(48);
        problem.Property(p => p.Message).HasMaxLength(SsdSyncProblem.MaxMessageLength);
    }
}
