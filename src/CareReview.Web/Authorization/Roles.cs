namespace CareReview.Web.Authorization;

/// <summary>The roles a user can hold. Stored by name in the Identity tables: never rename one.</summary>
public static class Roles
{
    public const string Iro = "Iro";
    public const string IroManager = "IroManager";
    public const string SocialWorker = "SocialWorker";
    public const string TeamManager = "TeamManager";
    public const string Administrator = "Administrator";

    /// <summary>Head of service, assistant director or director: answers the formal escalations put to them, and sees nothing else.</summary>
    public const string SeniorManager = "SeniorManager";

    public static readonly IReadOnlyList<string> All = [Iro, IroManager, SocialWorker, TeamManager, Administrator, SeniorManager];

    public static string Describe(string role) => role switch
    {
        Iro => "Independent reviewing officer",
        IroManager => "IRO manager",
        SocialWorker => "Social worker",
        TeamManager => "Team manager",
        Administrator => "Administrator",
        SeniorManager => "Senior manager",
        _ => role,
    };
}

/// <summary>Named role policies, applied to pages and folders.</summary>
public static class Policies
{
    public const string IroManager = nameof(IroManager);
    public const string Administrator = nameof(Administrator);

    /// <summary>May record a child becoming looked after, a change of episode or the end of care.</summary>
    public const string RecordCareEpisodes = nameof(RecordCareEpisodes);

    /// <summary>Writes the council's plan for the child and records visits and assessments: social workers and team managers.</summary>
    public const string CarePlanning = nameof(CarePlanning);

    /// <summary>Oversees a service or team: compliance and the rule catalogue.</summary>
    public const string Managers = nameof(Managers);

    /// <summary>May be asked to answer a formal escalation: team managers and senior managers.</summary>
    public const string Respondents = nameof(Respondents);

    /// <summary>Has a caseload of children: IROs and everyone who works with children.</summary>
    public const string CaseWork = nameof(CaseWork);
}

/// <summary>Claims added at sign-in so that record checks need no extra query.</summary>
public static class CareReviewClaims
{
    public const string StaffMemberId = "care-review/staff-member-id";
    public const string TeamId = "care-review/team-id";
    public const string DisplayName = "care-review/display-name";
}
