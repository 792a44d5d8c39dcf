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

    /// <summary>A researcher: downloads the anonymised research extract and sees nothing else, never a record. Not staff.</summary>
    public const string Researcher = "Researcher";

    /// <summary>A child or young person in care, signed in to their own pages: never a member of staff.</summary>
    public const string Child = "Child";

    /// <summary>The roles of council staff: every page outside the child's and family's own needs one of them.</summary>
    public static readonly IReadOnlyList<string> Staff = [Iro, IroManager, SocialWorker, TeamManager, Administrator, SeniorManager];

    public static readonly IReadOnlyList<string> All = [.. Staff, Researcher, Child];

    public static string Describe(string role) => role switch
    {
        Iro => "Independent reviewing officer",
        IroManager => "IRO manager",
        SocialWorker => "Social worker",
        TeamManager => "Team manager",
        Administrator => "Administrator",
        SeniorManager => "Senior manager",
        Researcher => "Researcher",
        Child => "Child or young person",
        _ => role,
    };
}

/// <summary>
/// The policies that say who someone is rather than what they may do (that is <see cref="Permission"/>):
/// anyone signed in, and a parent or carer holding the link they were sent.
/// </summary>
public static class Policies
{
    /// <summary>Anyone with a Care Review sign-in, staff or child: signing out.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>A parent or carer who opened the link they were sent (the family cookie, not a staff sign-in).</summary>
    public const string Family = nameof(Family);
}

/// <summary>Claims added at sign-in so that record checks need no extra query.</summary>
public static class CareReviewClaims
{
    public const string StaffMemberId = "care-review/staff-member-id";
    public const string TeamId = "care-review/team-id";
    public const string DisplayName = "care-review/display-name";

    /// <summary>The child a child's own sign-in belongs to.</summary>
    public const string ChildId = "care-review/child-id";

    /// <summary>The link a parent or carer opened; their family cookie carries it and nothing else of the council.</summary>
    public const string InvitationId = "care-review/invitation-id";
}
