namespace CareReview.Domain.Escalations;

/// <summary>How escalations read on pages, in the register and in exports.</summary>
public static class EscalationWords
{
    public static string Describe(this EscalationOutcome outcome) => outcome switch
    {
        EscalationOutcome.ResolvedInformally => "Resolved informally",
        EscalationOutcome.ResolvedFormally => "Resolved in the formal process",
        EscalationOutcome.ReferredToCafcass => "Referred to Cafcass",
        EscalationOutcome.Withdrawn => "Withdrawn",
        _ => outcome.ToString(),
    };

    public static string Describe(this StageDecision decision) => decision switch
    {
        StageDecision.Resolved => "Resolved",
        StageDecision.Escalated => "Escalated to the next stage",
        StageDecision.Skipped => "Escalated, skipping a stage",
        StageDecision.Closed => "Closed",
        _ => decision.ToString(),
    };

    /// <summary>Where it stands, in a few words: "Stage 2: waiting for a response".</summary>
    public static string Status(this Escalation escalation) => escalation.State switch
    {
        EscalationState.Informal => "Informal resolution",
        EscalationState.AwaitingResponse => $"Stage {escalation.CurrentStage!.Number}: waiting for a response",
        EscalationState.AwaitingDecision => $"Stage {escalation.CurrentStage!.Number}: waiting for the IRO's decision",
        _ => escalation.Outcome == EscalationOutcome.ResolvedFormally
            ? $"Resolved at stage {escalation.StageReached}"
            : escalation.Outcome!.Value.Describe(),
    };

    /// <summary>"Informal" or "Stage 3": the furthest the escalation went.</summary>
    public static string StageName(int stage) => stage == 0 ? "Informal" : $"Stage {stage}";
}
