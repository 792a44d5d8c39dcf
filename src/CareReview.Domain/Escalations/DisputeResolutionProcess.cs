namespace CareReview.Domain.Escalations;

/// <summary>One level of seniority in the council's formal dispute-resolution process, and how long it has to respond.</summary>
public sealed record DrpStageDefinition(int Number, string Respondent, int ResponseWorkingDays);

/// <summary>
/// The stages of a council's formal dispute-resolution process (statutory-rules.md §3.3 I9–I10): who is
/// asked at each level of seniority and how many working days they have. Councils differ, so it is
/// configurable; the IRO Handbook expects the whole process to take no more than 20 working days.
/// </summary>
public sealed class DisputeResolutionProcess
{
    /// <summary>The IRO Handbook's limit for the whole formal process (paras 6.2–6.4), shown as a warning.</summary>
    public const int TotalWorkingDays = 20;

    public const int MaxStages = 6;
    public const int MaxStageWorkingDays = 20;
    public const int MaxRespondentLength = 100;

    public IReadOnlyList<DrpStageDefinition> Stages { get; }

    public DisputeResolutionProcess(IEnumerable<DrpStageDefinition> stages)
    {
        var list = stages.OrderBy(s => s.Number).Select(s => s with { Respondent = s.Respondent?.Trim() ?? "" }).ToList();
        var problem = Problems(list).FirstOrDefault();
        if (problem is not null)
        {
            throw problem;
        }

        Stages = list;
    }

    /// <summary>The usual four levels with 5 working days each (statutory-rules.md §3.3 I10).</summary>
    public static DisputeResolutionProcess Default { get; } = new(
    [
        new(1, "Team manager", 5),
        new(2, "Head of service", 5),
        new(3, "Assistant director", 5),
        new(4, "Director of children's services", 5),
    ]);

    public DrpStageDefinition Stage(int number) =>
        Stages.SingleOrDefault(s => s.Number == number)
        ?? throw new DomainRuleException($"Choose a stage from 1 to {Stages.Count}", "Stage");

    /// <summary>Working days the stages allow between them; more than <see cref="TotalWorkingDays"/> is worth a warning.</summary>
    public int PlannedWorkingDays => Stages.Sum(s => s.ResponseWorkingDays);

    /// <summary>Everything wrong with a set of stages, each with the row it belongs to ("Stages[0].Respondent").</summary>
    public static IReadOnlyList<DomainRuleException> Problems(IReadOnlyList<DrpStageDefinition> stages)
    {
        var problems = new List<DomainRuleException>();
        if (stages.Count == 0)
        {
            problems.Add(new DomainRuleException("The process needs at least one stage", "Stages"));
        }

        if (stages.Count > MaxStages)
        {
            problems.Add(new DomainRuleException($"The process can have no more than {MaxStages} stages", "Stages"));
        }

        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            if (stage.Number != i + 1)
            {
                problems.Add(new DomainRuleException("Stages are numbered 1, 2, 3 and so on with none missing", $"Stages[{i}].Number"));
            }

            if (string.IsNullOrWhiteSpace(stage.Respondent))
            {
                problems.Add(new DomainRuleException($"Enter who responds at stage {i + 1}, for example head of service", $"Stages[{i}].Respondent"));
            }
            else if (stage.Respondent.Trim().Length > MaxRespondentLength)
            {
                problems.Add(new DomainRuleException($"Who responds must be {MaxRespondentLength} characters or fewer", $"Stages[{i}].Respondent"));
            }

            if (stage.ResponseWorkingDays is < 1 or > MaxStageWorkingDays)
            {
                problems.Add(new DomainRuleException($"The time to respond at stage {i + 1} must be from 1 to {MaxStageWorkingDays} working days",
                    $"Stages[{i}].ResponseWorkingDays"));
            }
        }

        return problems;
    }
}
