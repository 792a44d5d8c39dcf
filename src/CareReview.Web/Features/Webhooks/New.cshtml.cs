namespace CareReview.Web.Features.Webhooks;

/// <summary>
/// Registers a receiver: its address and the events it wants. Care Review makes the signing secret and shows it on
/// this page once; only its encrypted form is kept (ADR-0033).
/// </summary>
public sealed class NewModel(AppDbContext db, AuditLog audit, TimeProvider time, WebhookAddress addresses, WebhookSigning signing) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The new receiver's secret, shown once after it is registered; null before.</summary>
    public string? Secret { get; private set; }

    public WebhookReceiver? Registered { get; private set; }

    public bool HttpsRequired => addresses.HttpsRequired;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (addresses.Problem(Input.Url) is { } problem)
        {
            ModelState.AddModelError("Input.Url", problem);
        }

        var events = Input.Events.Where(WebhookEvents.IsEvent).Distinct(StringComparer.Ordinal).ToList();
        if (events.Count == 0)
        {
            ModelState.AddModelError("Input.Events", "Choose at least one event to send");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var secret = WebhookSigning.NewSecret();
        var receiver = new WebhookReceiver
        {
            Url = Input.Url!.Trim(),
            Events = string.Join(' ', WebhookEvents.All.Select(e => e.Name).Where(events.Contains)),
            ProtectedSecret = signing.Protect(secret),
            RegisteredAtUtc = time.GetUtcNow().UtcDateTime,
            RegisteredBy = User.Identity?.Name ?? "",
        };
        var result = await new RecordChanges(db, audit, Request).TryApplyAsync(ModelState, null, 0, () => db.WebhookReceivers.Add(receiver),
            () => [new Audited(AuditAction.WebhookReceiverRegistered, null, $"receiver:{receiver.Id};events:{receiver.Events}")]);
        if (result != ChangeResult.Saved)
        {
            return Page();
        }

        // Shown here, in the answer to the form, and nowhere else: not in a redirect's address or a cookie.
        Secret = secret;
        Registered = receiver;
        return Page();
    }

    public sealed class InputModel
    {
        public string? Url { get; set; }
        public List<string> Events { get; set; } = [];
    }
}
