using System.ComponentModel.DataAnnotations;
using CareReview.Web.Features.Api;

namespace CareReview.Web.Features.Integrations;

/// <summary>
/// The other systems that may call the API with their own tokens (ADR-0032). An administrator registers each by the client
/// id the council's identity provider gave it, with its scopes and which children it sees; registering the same client
/// id again changes it, and one can be turned off.
/// </summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ApiIntegration> Integrations { get; private set; } = [];
    public IReadOnlyList<Team> Teams { get; private set; } = [];

    public static readonly IReadOnlyList<(string Value, string Text)> Reaches =
    [
        (nameof(IntegrationReach.AllChildren), "Every child"),
        (nameof(IntegrationReach.Team), "The children of one team (by their social worker's team)"),
        (nameof(IntegrationReach.OnlyWhatItCreates), "None but what it creates: a child it has sent views for"),
    ];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        audit.Record(AuditAction.IntegrationsViewed);
        await db.SaveChangesAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var scopes = ApiScopes.Parse(string.Join(' ', Input.Scopes));
        if (scopes.Count == 0)
        {
            ModelState.AddModelError("Input.Scopes", "Choose at least one scope");
        }

        if (Input.Reach == IntegrationReach.Team && Input.TeamId is null)
        {
            ModelState.AddModelError("Input.TeamId", "Choose the team whose children it sees");
        }
        else if (Input.TeamId is { } teamId && Input.Reach == IntegrationReach.Team && !await db.Teams.AnyAsync(t => t.Id == teamId))
        {
            ModelState.AddModelError("Input.TeamId", "Choose the team whose children it sees");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var clientId = Input.ClientId!.Trim();
        var integration = await db.ApiIntegrations.SingleOrDefaultAsync(i => i.ClientId == clientId);
        var registering = integration is null;
        integration ??= db.ApiIntegrations.Add(new ApiIntegration
        {
            ClientId = clientId,
            RegisteredAtUtc = time.GetUtcNow().UtcDateTime,
            RegisteredBy = User.Identity?.Name ?? "",
        }).Entity;
        integration.Name = Input.Name!.Trim();
        integration.Scopes = string.Join(' ', scopes);
        integration.Reach = Input.Reach!.Value;
        integration.TeamId = Input.Reach == IntegrationReach.Team ? Input.TeamId : null;
        integration.Enabled = true;
        audit.Record(registering ? AuditAction.IntegrationRegistered : AuditAction.IntegrationChanged,
            details: $"{integration.AuditName};scopes:{integration.Scopes};reach:{integration.Reach}{(integration.TeamId is { } t ? $";team:{t}" : "")}");
        await db.SaveChangesAsync();
        TempData["Success"] = $"{integration.Name} is {(registering ? "registered" : "changed")}";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostTurnOffAsync(int integrationId)
    {
        if (await db.ApiIntegrations.SingleOrDefaultAsync(i => i.Id == integrationId) is not { } integration)
        {
            return NotFound();
        }

        integration.Enabled = false;
        audit.Record(AuditAction.IntegrationChanged, details: $"{integration.AuditName};turned-off");
        await db.SaveChangesAsync();
        TempData["Success"] = $"{integration.Name} is turned off: its tokens are refused";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Integrations = await db.ApiIntegrations.AsNoTracking().OrderBy(i => i.Name).ToListAsync();
        Teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync();
    }

    public string TeamName(int? teamId) => Teams.FirstOrDefault(t => t.Id == teamId)?.Name ?? "";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the client id the identity provider gave the system")]
        [StringLength(200, ErrorMessage = "The client id must be 200 characters or fewer")]
        public string? ClientId { get; set; }

        [Required(ErrorMessage = "Enter a name for the system")]
        [StringLength(200, ErrorMessage = "The name must be 200 characters or fewer")]
        public string? Name { get; set; }

        public List<string> Scopes { get; set; } = [];

        [Required(ErrorMessage = "Choose which children it sees")]
        public IntegrationReach? Reach { get; set; }

        public int? TeamId { get; set; }
    }
}
