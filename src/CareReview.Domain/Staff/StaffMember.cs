namespace CareReview.Domain.Staff;

public enum StaffRole
{
    Iro,
    IroManager,
    SocialWorker,
    TeamManager,

    /// <summary>A head of service, assistant director or director: answers formal escalations, sees no caseload.</summary>
    SeniorManager,
}

/// <summary>A practitioner in the council: IROs and their manager, social workers and team managers.</summary>
public sealed class StaffMember
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public StaffRole Role { get; private set; }
    public int? TeamId { get; private set; }
    public Team? Team { get; private set; }

    /// <summary>Full-time equivalent, used to pro-rate the IRO caseload guidance.</summary>
    public decimal Fte { get; private set; } = 1m;

    public string? Email { get; private set; }

    /// <summary>The post, where the role alone does not say it ("Head of service").</summary>
    public string? JobTitle { get; private set; }

    /// <summary>The council's case-management system's id for the person (SSD <c>prof_professional_id</c>), once the sync has matched them.</summary>
    public string? CaseSystemId { get; private set; }

    /// <summary>The name with the post, as a respondent is shown: "Sam Lee, head of service".</summary>
    public string NameAndPost => JobTitle is null ? Name : $"{Name}, {JobTitle}";

    private StaffMember()
    {
    }

    public StaffMember(string name, StaffRole role, decimal fte = 1m, Team? team = null, string? email = null, string? jobTitle = null)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("Enter the person's name", nameof(Name));
        }

        if (fte is <= 0m or > 1m)
        {
            throw new DomainRuleException("Full-time equivalent must be more than 0 and no more than 1", nameof(Fte));
        }

        Name = name.Trim();
        Role = role;
        Fte = fte;
        Team = team;
        Email = email;
        JobTitle = string.IsNullOrWhiteSpace(jobTitle) ? null : jobTitle.Trim();
    }

    /// <summary>The email address the council's sign-in gives the person, which matches them to this record the first time they sign in.</summary>
    public void RecordEmail(string email) => Email = string.IsNullOrWhiteSpace(email) ? Email : email.Trim();

    /// <summary>The person moved team (the council's sign-in says so through their groups).</summary>
    public void MoveToTeam(Team team) => Team = team;

    /// <summary>Matches the person to the case system's record of them.</summary>
    public void LinkToCaseSystem(string caseSystemId) => CaseSystemId = caseSystemId.Trim();
}

public sealed class Team
{
    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    private Team()
    {
    }

    public Team(string name) => Name = name;
}
