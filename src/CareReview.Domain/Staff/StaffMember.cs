namespace CareReview.Domain.Staff;

public enum StaffRole { Iro, IroManager, SocialWorker, TeamManager }

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

    private StaffMember()
    {
    }

    public StaffMember(string name, StaffRole role, decimal fte = 1m, Team? team = null, string? email = null)
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
    }
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
