namespace CareReview.Web.Features.Webhooks;

/// <summary>The receivers registered, and the latest deliveries with how each went (ADR-0033).</summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    /// <summary>How many of the latest deliveries the page lists.</summary>
    public const int Shown = 100;

    public IReadOnlyList<WebhookReceiver> Receivers { get; private set; } = [];
    public IReadOnlyList<WebhookDelivery> Deliveries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Receivers = await db.WebhookReceivers.AsNoTracking().OrderBy(r => r.RemovedAtUtc != null).ThenBy(r => r.Id).ToListAsync();
        Deliveries = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Event).Include(d => d.Receiver)
            .Include(d => d.Attempts.OrderByDescending(a => a.Id).Take(1))
            .OrderByDescending(d => d.Id).Take(Shown).ToListAsync();
        audit.Record(AuditAction.WebhooksViewed);
        await db.SaveChangesAsync();
    }

    /// <summary>Removes a receiver: nothing more is sent to it, and its deliveries still to go are given up, in one save.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id)
    {
        var receiver = await db.WebhookReceivers.SingleOrDefaultAsync(r => r.Id == id && r.RemovedAtUtc == null);
        if (receiver is null)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        receiver.RemovedAtUtc = time.GetUtcNow().UtcDateTime;
        receiver.RemovedBy = User.Identity?.Name ?? "";
        audit.Record(AuditAction.WebhookReceiverRemoved, details: $"receiver:{id}");
        await db.SaveChangesAsync();
        await db.WebhookDeliveries.Where(d => d.ReceiverId == id && d.State == WebhookDeliveryState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, WebhookDeliveryState.GivenUp));
        await transaction.CommitAsync();

        TempData["Success"] = $"Receiver removed. Nothing more will be sent to {receiver.Url}";
        return RedirectToPage();
    }
}
