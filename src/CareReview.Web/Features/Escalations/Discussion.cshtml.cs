namespace CareReview.Web.Features.Escalations;

/// <summary>The IRO records a conversation held to resolve the concern informally (IRO Handbook 6.1).</summary>
[Requires(Permission.RunEscalations)]
public sealed class DiscussionModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules)
    : EscalationPageModel(db, audit, time, rules)
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() => Input = new InputModel { Version = Escalation.Version, On = DateInput.From(Today) };

    /// <summary>The child's IRO or the IRO manager records discussions.</summary>
    protected internal override Task<bool> AdmitsAsync() => Task.FromResult(CanAct);

    public async Task<IActionResult> OnPostAsync()
    {
        var on = ModelState.ReadDate("Input.On", Input.On, "The date of the conversation");
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var by = User.DisplayName();
        if (!await TryApplyAsync(Input.Version, () => Escalation.RecordDiscussion(on!.Value, Input.With, Input.Conversation, Input.AgreedAction, by, Today),
                AuditAction.InformalDiscussionRecorded))
        {
            return Page();
        }

        return BackToEscalation("Informal discussion recorded");
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public DateInput? On { get; set; }
        public string? With { get; set; }
        public string? Conversation { get; set; }
        public string? AgreedAction { get; set; }
    }
}
