using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CareReview.Web.Data.Configurations;

public sealed class CareEventConfiguration : IEntityTypeConfiguration<CareEvent>
{
    public void Configure(EntityTypeBuilder<CareEvent> careEvent)
    {
        careEvent.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        careEvent.Property(e => e.NotSeenAloneReason).HasMaxLength(CareEvent.MaxTextLength);
        careEvent.Property(e => e.Note).HasMaxLength(CareEvent.MaxTextLength);
        careEvent.Property(e => e.RecordedBy).HasMaxLength(200);
        careEvent.Ignore(e => e.Counts);
        careEvent.HasIndex(e => new { e.ChildId, e.Kind, e.On }).IsUnique();
    }
}
