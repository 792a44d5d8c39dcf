namespace CareReview.Web.Features.Webhooks;

/// <summary>One delivery: the event, where it goes, every attempt (when, the answer or the error, how long), and "Send again".</summary>
public sealed class DeliveryModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public WebhookDelivery Delivery { get; private set; } = null!;

    /// <summary>The body the receiver is sent, for an administrator helping a receiver's developers.</summary>
    public string Payload => WebhookDeliveryPass.Payload(Delivery.Event);

    public async Task<IActionResult> OnGetAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        audit.Record(AuditAction.WebhookDeliveryViewed, Delivery.Event.ChildId, $"delivery:{id}");
        await db.SaveChangesAsync();
        return Page();
    }

    /// <summary>
    /// Sends it again now, with a new day of retries, whether it was delivered, given up or still trying: the event's
    /// id is unchanged, so a receiver that had it already can drop it.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(long id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        if (Delivery.Receiver.RemovedAtUtc is not null)
        {
            ModelState.AddModelError("", "The receiver was removed, so nothing can be sent to it");
            return Page();
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.WebhookDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.State, WebhookDeliveryState.Pending)
            .SetProperty(d => d.NextAttemptAtUtc, now)
            .SetProperty(d => d.RetryUntilUtc, now + WebhookOutbox.RetryFor));
        audit.Record(AuditAction.WebhookSentAgain, Delivery.Event.ChildId, $"delivery:{id}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();

        TempData["Success"] = "The event will be sent again within a minute";
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(long id)
    {
        var delivery = await db.WebhookDeliveries.AsNoTracking().Include(d => d.Event).Include(d => d.Receiver)
            .Include(d => d.Attempts.OrderByDescending(a => a.Id)).SingleOrDefaultAsync(d => d.Id == id);
        if (delivery is null)
        {
            return false;
        }

        Delivery = delivery;
        return true;
    }
}
