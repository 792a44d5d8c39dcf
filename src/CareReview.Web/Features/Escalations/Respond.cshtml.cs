namespace CareReview.Web.Features.Escalations;

/// <summary>The person asked at the open stage responds to the IRO.</summary>
[Requires(Permission.RespondToEscalations)]
public sealed class RespondModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules)
    : EscalationPageModel(db, audit, time, rules)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() => Input = new InputModel { Version = Escalation.Version };

    /// <summary>Only the person asked at the open stage, until they have responded.</summary>
    protected internal override Task<bool> AdmitsAsync() => Task.FromResult(MustRespond);

    public async Task<IActionResult> OnPostAsync()
    {
        var stage = Escalation.CurrentStage!.Number;
        if (!await TryApplyAsync(Input.Version, () => Escalation.Respond(User.StaffMemberId()!.Value, Input.Response, Today),
                AuditAction.EscalationResponded, () => $"stage:{stage}"))
        {
            return Page();
        }

        TempData["Success"] = $"Your response to the stage {stage} escalation about {Child.FullName} is sent to the IRO";
        return RedirectToPage("/Escalations/ToAnswer");
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public string? Response { get; set; }
    }
}
