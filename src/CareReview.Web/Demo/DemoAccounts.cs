namespace CareReview.Web.Demo;

/// <summary>The sign-ins demo mode creates and shows on the sign-in page.</summary>
public static class DemoAccounts
{
    public const string Iro = "demo-iro";
    public const string IroManager = "demo-iro-manager";
    public const string SocialWorker = "demo-social-worker";
    public const string TeamManager = "demo-team-manager";

    /// <summary>The head of service, who answers escalations at stage 2.</summary>
    public const string HeadOfService = "demo-head-of-service";
    public const string Administrator = "demo-admin";

    /// <summary>A researcher, who sees only the anonymised research extract.</summary>
    public const string Researcher = "demo-researcher";

    /// <summary>A young person's own sign-in, to one child of the demo IRO; not a member of staff, so not in <see cref="All"/>.</summary>
    public const string Child = "demo-child";

    public static readonly IReadOnlyList<(string UserName, string Role)> All =
    [
        (Iro, Roles.Iro),
        (IroManager, Roles.IroManager),
        (SocialWorker, Roles.SocialWorker),
        (TeamManager, Roles.TeamManager),
        (HeadOfService, Roles.SeniorManager),
        (Administrator, Roles.Administrator),
        (Researcher, Roles.Researcher),
    ];
}
