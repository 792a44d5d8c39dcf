using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

/// <summary>The Reminders table.</summary>
public sealed class ReminderConfiguration : IEntityTypeConfiguration<Reminder>
{
    public void Configure(EntityTypeBuilder<Reminder> reminder)
    {
        reminder.ToTable("Reminders");
        reminder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(30);
        reminder.Ignore(r => r.IsAboutRecommendation);

        // The job's idempotency rests on this index: a second insert of the same reminder fails, whichever
        // app instance makes it, and the job takes that failure as "already there".
        reminder.HasIndex(r => new { r.Kind, r.SubjectId, r.DueOn, r.StaffMemberId }).IsUnique();
        reminder.HasIndex(r => new { r.StaffMemberId, r.DismissedAtUtc });
        reminder.HasIndex(r => r.CreatedAtUtc);

        reminder.HasOne<StaffMember>().WithMany().HasForeignKey(r => r.StaffMemberId).OnDelete(DeleteBehavior.Cascade);
        reminder.HasOne<Child>().WithMany().HasForeignKey(r => r.ChildId).OnDelete(DeleteBehavior.Cascade);
    }
}
