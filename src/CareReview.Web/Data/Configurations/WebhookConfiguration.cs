using CareReview.Web.Features.Webhooks;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class WebhookReceiverConfiguration : IEntityTypeConfiguration<WebhookReceiver>
{
    public void Configure(EntityTypeBuilder<WebhookReceiver> receiver)
    {
        receiver.ToTable("WebhookReceivers");
        receiver.Property(r => r.Url).HasMaxLength(WebhookAddress.MaxLength);
        receiver.Property(r => r.Events).HasMaxLength(500);
        receiver.Property(r => r.ProtectedSecret).HasMaxLength(1000);
        receiver.Property(r => r.RegisteredBy).HasMaxLength(256);
        receiver.Property(r => r.RemovedBy).HasMaxLength(256);
        receiver.Ignore(r => r.EventNames);
    }
}

public sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> e)
    {
        e.ToTable("WebhookEvents");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Name).HasMaxLength(64);
        e.Property(x => x.Key).HasMaxLength(200);

        // What makes an overdue event once-only across every instance (ADR-0033).
        e.HasIndex(x => x.Key).IsUnique();
        e.HasIndex(x => x.OccurredAtUtc);
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> delivery)
    {
        delivery.ToTable("WebhookDeliveries");
        delivery.Property(d => d.State).HasConversion<string>().HasMaxLength(10);
        delivery.Property(d => d.LeaseHolder).HasMaxLength(64);
        delivery.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasOne(d => d.Receiver).WithMany().HasForeignKey(d => d.ReceiverId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasMany(d => d.Attempts).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);

        // The worker's question: what is due now.
        delivery.HasIndex(d => new { d.State, d.NextAttemptAtUtc });
        delivery.HasIndex(d => d.CreatedAtUtc);
    }
}

public sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> attempt)
    {
        attempt.ToTable("WebhookAttempts");
        attempt.Property(a => a.Error).HasMaxLength(WebhookAttempt.MaxErrorLength);
        attempt.Ignore(a => a.Succeeded);
    }
}
