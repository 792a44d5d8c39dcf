namespace CareReview.Web.Features.Escalations;

/// <summary>
/// The IRO's decision: while informal, resolve it or start the formal process at a stage; once formal,
/// resolve it or take it to a later stage (the next, or past it). Either way it can be withdrawn.
/// </summary>
[Requires(Permission.RunEscalations)]
public sealed class DecideModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules)
    : EscalationPageModel(db, audit, time, rules)
{
    public const string Resolve = "resolve";
    public const string Escalate = "escalate";
    public const string Withdraw = "withdraw";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public DisputeResolutionProcess Process { get; private set; } = DisputeResolutionProcess.Default;
    public IReadOnlyList<StaffMember> Respondents { get; private set; } = [];

    /// <summary>The stages the escalation may go to now: any after the one reached.</summary>
    public IEnumerable<DrpStageDefinition> NextStages => Process.Stages.Where(s => s.Number > Escalation.StageReached);

    public IEnumerable<(string Value, string Text)> Decisions =>
    [
        (Resolve, Escalation.IsFormal ? "Resolved: the response puts it right" : "Resolved informally"),
        .. NextStages.Any() ? new[] { (Escalate, Escalation.IsFormal ? "Escalate to a later stage" : "Start the formal process") } : [],
        (Withdraw, "Withdraw it: it is no longer needed"),
    ];

    public void OnGet()
    {
        var next = NextStages.FirstOrDefault();
        Input = new InputModel
        {
            Version = Escalation.Version,
            Stage = next?.Number,
            RespondentStaffId = next is null ? null : SuggestedRespondent(next)?.Id,
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var by = User.DisplayName();
        var respondent = Respondents.SingleOrDefault(s => s.Id == Input.RespondentStaffId);
        switch (Input.Decision)
        {
            case Resolve:
                var formal = Escalation.IsFormal;
                if (await TryApplyAsync(Input.Version,
                        () =>
                        {
                            if (formal)
                            {
                                Escalation.Resolve(Input.Note, by, Today);
                            }
                            else
                            {
                                Escalation.ResolveInformally(Input.Note, by, Today);
                            }
                        },
                        formal ? AuditAction.EscalationResolved : AuditAction.EscalationResolvedInformally))
                {
                    return BackToEscalation("Escalation resolved and closed");
                }

                break;
            case Escalate when Input.Stage is null:
                ModelState.AddModelError("Input.Stage", "Choose the stage to go to");
                break;
            case Escalate when respondent is null:
                ModelState.AddModelError("Input.RespondentStaffId", "Choose the person who will respond");
                break;
            case Escalate:
                var starting = !Escalation.IsFormal;
                if (await TryApplyAsync(Input.Version,
                        () =>
                        {
                            if (starting)
                            {
                                Escalation.StartFormal(Process, Input.Stage!.Value, respondent!.Id, respondent.NameAndPost, Today, Calendar);
                            }
                            else
                            {
                                Escalation.Escalate(Process, Input.Stage!.Value, respondent!.Id, respondent.NameAndPost, Input.Note, by, Today, Calendar);
                            }
                        },
                        starting ? AuditAction.FormalEscalationStarted : AuditAction.EscalationEscalated,
                        () => $"stage:{Input.Stage};respondent:{respondent!.Id}"))
                {
                    var stage = Escalation.CurrentStage!;
                    return BackToEscalation($"Stage {stage.Number} started. {stage.RespondentName} is asked to respond by {Domain.GovukDate.Format(stage.ResponseDueOn)}");
                }

                break;
            case Withdraw:
                if (await TryApplyAsync(Input.Version, () => Escalation.Withdraw(Input.Note, by, Today), AuditAction.EscalationWithdrawn))
                {
                    return BackToEscalation("Escalation withdrawn and closed");
                }

                break;
            default:
                ModelState.AddModelError("Input.Decision", "Choose what happens next");
                break;
        }

        return Page();
    }

    /// <summary>Someone who may see the case decides, while the escalation is open.</summary>
    protected internal override async Task<bool> AdmitsAsync()
    {
        (Process, _) = await DrpStageSetting.CurrentAsync(Db);
        Respondents = await RespondentChoices.LoadAsync(Db);
        return CanAct && Escalation.IsOpen;
    }

    /// <summary>Stage 1 goes to the child's team manager; a later stage to the senior manager whose post is the stage's level.</summary>
    private StaffMember? SuggestedRespondent(DrpStageDefinition stage)
    {
        if (stage.Number == 1 && Escalation.TeamId is { } team)
        {
            return Respondents.FirstOrDefault(s => s.Role == StaffRole.TeamManager && s.TeamId == team);
        }

        return Respondents.FirstOrDefault(s => string.Equals(s.JobTitle, stage.Respondent, StringComparison.OrdinalIgnoreCase));
    }

    public sealed class InputModel
    {
        public long Version { get; set; }
        public string? Decision { get; set; }
        public int? Stage { get; set; }
        public int? RespondentStaffId { get; set; }
        public string? Note { get; set; }
    }
}
