namespace CareReview.Web.Data.Entities;

/// <summary>
/// Another system an administrator lets call the API with its own token (client credentials): the case system, the
/// data warehouse, a child-voice app. It is known by the client id its tokens carry (<c>client_id</c> or <c>azp</c>),
/// holds the scopes it was given, and sees only the children its <see cref="Reach"/> allows (ADR-0032).
/// </summary>
public sealed class ApiIntegration
{
    public int Id { get; set; }

    /// <summary>The client id registered with the council's identity provider.</summary>
    public string ClientId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The scopes given, separated by spaces (<c>children:read reviews:write</c>).</summary>
    public string Scopes { get; set; } = "";

    public IntegrationReach Reach { get; set; }

    /// <summary>With <see cref="IntegrationReach.Team"/>: the team whose social workers' children it sees.</summary>
    public int? TeamId { get; set; }

    /// <summary>A turned-off integration's tokens are refused, as if it were not registered.</summary>
    public bool Enabled { get; set; } = true;

    public DateTime RegisteredAtUtc { get; set; }
    public string RegisteredBy { get; set; } = "";

    public long Version { get; set; }

    /// <summary>The name it is audited under: <c>integration:</c> and its client id.</summary>
    public string AuditName => $"integration:{ClientId}";
}

/// <summary>Which children an integration sees. Stored by name: never rename a member.</summary>
public enum IntegrationReach
{
    /// <summary>Every child, as the IRO manager does: a data warehouse.</summary>
    AllChildren,

    /// <summary>The children whose social worker is in one team.</summary>
    Team,

    /// <summary>
    /// None but what it creates: no child's record at first. It may send a child's views for any child with a review
    /// arranged (it must already hold the child's id), and from then on sees that child: a child-voice app.
    /// </summary>
    OnlyWhatItCreates,
}

/// <summary>A child an integration that sees <see cref="IntegrationReach.OnlyWhatItCreates"/> has added to: saved with the views it sent.</summary>
public sealed class ApiIntegrationChild
{
    public int IntegrationId { get; set; }
    public int ChildId { get; set; }
    public DateTime AddedAtUtc { get; set; }
}
