using System.Security.Claims;

namespace CareReview.Web.Authorization;

/// <summary>
/// What a user may do. Pages and views ask for one of these, never for a role: who holds each is written
/// once, in <see cref="Permissions.ByRole"/>, and README.md shows that table.
/// </summary>
public enum Permission
{
    /// <summary>Any member of staff: the home page, My work, reminders, a recommendation they own.</summary>
    WorkAsStaff,

    /// <summary>Work with the children they may see: the caseload, each child's record, reviews, plans, deadlines.</summary>
    WorkWithChildren,

    /// <summary>Chair a child's reviews: record, adjourn or bring one forward, and follow up the child's card.</summary>
    ChairReviews,

    /// <summary>Raise a concern about a child's care and take it through the dispute resolution process to Cafcass.</summary>
    RunEscalations,

    /// <summary>Open an escalation about a child they work with, or one they are asked to answer.</summary>
    SeeEscalations,

    /// <summary>Answer a formal escalation put to them.</summary>
    RespondToEscalations,

    /// <summary>Write the council's plan for the child (and the plan written for the child), and record visits and assessments.</summary>
    PlanCare,

    /// <summary>Record a child becoming looked after, a change of episode, the end of care, return details and allocation.</summary>
    RecordCareEpisodes,

    /// <summary>Choose a child's IRO, see every IRO's caseload and the register of conflicts of interest.</summary>
    AllocateIros,

    /// <summary>Link a child with brothers and sisters in care.</summary>
    LinkSiblings,

    /// <summary>Set up the child's own sign-in and send parents and carers their links.</summary>
    ReachChildAndFamily,

    /// <summary>See the compliance view of every statutory deadline.</summary>
    OverseeCompliance,

    /// <summary>Read the rule catalogue and the IRO annual report.</summary>
    ReadRulesAndReports,

    /// <summary>Change the council's settings: configurable rules, escalation stages, bank holidays.</summary>
    ChangeRules,

    /// <summary>Read the audit log.</summary>
    ReadAudit,

    /// <summary>Check, download and import the DfE looked-after children return and Ofsted's Annex A.</summary>
    MakeReturns,

    /// <summary>See the sync with the council's case-management system (its SSD tables), its problems, and run it.</summary>
    RunSsdSync,

    /// <summary>See the service's figures on children's participation and feedback cards.</summary>
    SeeParticipationFigures,

    /// <summary>Download the anonymised research extract.</summary>
    DownloadResearchExtract,

    /// <summary>Ask for emergency access to a child they do not work with, for a time, giving a reason (ADR-0028).</summary>
    AskForEmergencyAccess,

    /// <summary>Review every use of emergency access, and end one early.</summary>
    ReviewEmergencyAccess,

    /// <summary>A child or young person's own pages, about themselves only.</summary>
    UseOwnPages,

    /// <summary>Produce a child's whole record for a subject access request, with other people's details removed first.</summary>
    AnswerSubjectAccess,

    /// <summary>Register the other systems that call the API, with their scopes and which children they see (ADR-0032).</summary>
    ManageIntegrations,

    /// <summary>Register the addresses other systems are sent events at (webhooks), see each delivery, and send one again.</summary>
    ManageWebhooks,

    /// <summary>Approve or refuse people first seen through the council's sign-in whom no staff record matched (ADR-0031).</summary>
    ApproveSignIns,
}

/// <summary>Which children a permission reaches, among those the user may see at all (<see cref="ChildAccess.ChildrenVisibleTo"/>).</summary>
public enum Reach
{
    /// <summary>Every child the user may see; for a permission not about a child, simply held.</summary>
    AllTheyMaySee,

    /// <summary>Only the children they are the IRO of.</summary>
    AsTheirIro,

    /// <summary>Only the children they are the social worker of.</summary>
    AsTheirSocialWorker,
}

/// <summary>One permission a role holds, and how far it reaches.</summary>
public sealed record Grant(Permission Permission, Reach Reach = Reach.AllTheyMaySee);

public static class Permissions
{
    /// <summary>Who may do what: the one place it is written. README.md's table is checked against it.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Grant>> ByRole { get; } = new Dictionary<string, IReadOnlyList<Grant>>
    {
        [Roles.Iro] =
        [
            new(Permission.WorkAsStaff), new(Permission.WorkWithChildren), new(Permission.ChairReviews, Reach.AsTheirIro),
            new(Permission.RunEscalations, Reach.AsTheirIro), new(Permission.SeeEscalations), new(Permission.ReachChildAndFamily, Reach.AsTheirIro),
            new(Permission.AskForEmergencyAccess),
        ],
        [Roles.IroManager] =
        [
            new(Permission.WorkAsStaff), new(Permission.WorkWithChildren), new(Permission.ChairReviews), new(Permission.RunEscalations),
            new(Permission.SeeEscalations), new(Permission.RecordCareEpisodes), new(Permission.AllocateIros), new(Permission.LinkSiblings),
            new(Permission.ReachChildAndFamily), new(Permission.OverseeCompliance), new(Permission.ReadRulesAndReports),
            new(Permission.ReadAudit), new(Permission.MakeReturns), new(Permission.RunSsdSync), new(Permission.SeeParticipationFigures),
            new(Permission.DownloadResearchExtract), new(Permission.AnswerSubjectAccess), new(Permission.ReviewEmergencyAccess),
            new(Permission.ApproveSignIns),
        ],
        [Roles.SocialWorker] =
        [
            new(Permission.WorkAsStaff), new(Permission.WorkWithChildren), new(Permission.SeeEscalations), new(Permission.PlanCare),
            new(Permission.LinkSiblings, Reach.AsTheirSocialWorker), new(Permission.ReachChildAndFamily, Reach.AsTheirSocialWorker),
            new(Permission.AskForEmergencyAccess),
        ],
        [Roles.TeamManager] =
        [
            new(Permission.WorkAsStaff), new(Permission.WorkWithChildren), new(Permission.SeeEscalations), new(Permission.RespondToEscalations),
            new(Permission.PlanCare), new(Permission.RecordCareEpisodes), new(Permission.OverseeCompliance), new(Permission.ReadRulesAndReports),
            new(Permission.AskForEmergencyAccess),
        ],
        [Roles.SeniorManager] = [new(Permission.WorkAsStaff), new(Permission.SeeEscalations), new(Permission.RespondToEscalations)],
        [Roles.Administrator] =
        [
            new(Permission.WorkAsStaff), new(Permission.ReadRulesAndReports), new(Permission.ChangeRules), new(Permission.ManageIntegrations),
            new(Permission.ManageWebhooks), new(Permission.ApproveSignIns),
        ],
        [Roles.Researcher] = [new(Permission.DownloadResearchExtract)],
        [Roles.Child] = [new(Permission.UseOwnPages)],
    };

    /// <summary>The roles that hold the permission, however far it reaches.</summary>
    public static IReadOnlyList<string> RolesHolding(Permission permission) =>
        [.. ByRole.Where(role => role.Value.Any(g => g.Permission == permission)).Select(role => role.Key)];

    /// <summary>Whether someone with these roles holds the permission at all (for a child, see <see cref="MayFor(ClaimsPrincipal, Permission, Child)"/>).</summary>
    public static bool Hold(IEnumerable<string> roles, Permission permission) =>
        roles.Any(role => ByRole.TryGetValue(role, out var grants) && grants.Any(g => g.Permission == permission));

    /// <summary>Whether the user holds the permission at all: for pages and links not about one child.</summary>
    public static bool May(this ClaimsPrincipal user, Permission permission) =>
        ByRole.Any(role => user.IsInRole(role.Key) && role.Value.Any(g => g.Permission == permission));

    /// <summary>
    /// How far the user's widest grant of the permission reaches, or null when they do not hold it: an IRO
    /// runs escalations for their own children, the IRO manager for every child.
    /// </summary>
    public static Reach? ReachOf(this ClaimsPrincipal user, Permission permission)
    {
        var reaches = ByRole.Where(role => user.IsInRole(role.Key)).SelectMany(role => role.Value)
            .Where(g => g.Permission == permission).Select(g => g.Reach).ToList();
        return reaches.Count == 0 ? null : reaches.Contains(Reach.AllTheyMaySee) ? Reach.AllTheyMaySee : reaches[0];
    }

    /// <summary>Whether the user may do this for this child: a role holds it, and reaches them.</summary>
    public static bool MayFor(this ClaimsPrincipal user, Permission permission, Child child) =>
        user.MayFor(permission, child.IroId, child.SocialWorkerId);

    /// <summary>As <see cref="MayFor(ClaimsPrincipal, Permission, Child)"/>, for a child known by who works with them.</summary>
    public static bool MayFor(this ClaimsPrincipal user, Permission permission, int? childIroId, int? childSocialWorkerId)
    {
        var me = user.StaffMemberId();
        return ByRole.Where(role => user.IsInRole(role.Key))
            .SelectMany(role => role.Value)
            .Any(g => g.Permission == permission && g.Reach switch
            {
                Reach.AllTheyMaySee => true,
                Reach.AsTheirIro => me is not null && childIroId == me,
                Reach.AsTheirSocialWorker => me is not null && childSocialWorkerId == me,
                _ => false,
            });
    }

    /// <summary>
    /// What a user may do for a child they see only through emergency access (ADR-0028): read the record, never
    /// change it, so a grant cannot be turned into lasting access (allocating the child to themselves) or into a
    /// change to the child's care by someone who does not work with them.
    /// </summary>
    public static bool AllowedUnderEmergencyAccess(Permission permission) => permission is Permission.WorkWithChildren or Permission.SeeEscalations;

    /// <summary>The name of the policy that requires the permission, for folders and pages not about one record.</summary>
    public static string PolicyFor(Permission permission) => $"permission:{permission}";
}

/// <summary>
/// Declares the permission a page needs. On a page about a child or an escalation, the record filter checks
/// it against that record (a refusal is a 404 naming the child); on any other page it is the page's policy.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class RequiresAttribute(Permission permission) : Attribute
{
    public Permission Permission => permission;
}

/// <summary>The permission each folder of pages needs; a page may ask for more with <see cref="RequiresAttribute"/>.</summary>
public static class FolderPermissions
{
    public static IReadOnlyDictionary<string, Permission> ByFolder { get; } = new Dictionary<string, Permission>
    {
        ["/Home"] = Permission.WorkAsStaff,
        ["/Work"] = Permission.WorkAsStaff,
        ["/Reminders"] = Permission.WorkAsStaff,
        ["/Recommendations"] = Permission.WorkAsStaff,
        ["/Caseload"] = Permission.WorkWithChildren,
        ["/BreakGlass"] = Permission.WorkWithChildren,
        ["/Children"] = Permission.WorkWithChildren,
        ["/Reviews"] = Permission.WorkWithChildren,
        ["/Voice"] = Permission.WorkWithChildren,
        ["/CarePlans"] = Permission.WorkWithChildren,
        ["/Deadlines"] = Permission.WorkWithChildren,
        ["/Rules"] = Permission.ReadRulesAndReports,
        ["/AnnualReport"] = Permission.ReadRulesAndReports,
        ["/Audit"] = Permission.ReadAudit,
        ["/Returns"] = Permission.MakeReturns,
        ["/Ssd"] = Permission.RunSsdSync,
        ["/Research"] = Permission.DownloadResearchExtract,
        ["/Admin"] = Permission.ChangeRules,
        ["/Me"] = Permission.UseOwnPages,
        ["/SubjectAccess"] = Permission.AnswerSubjectAccess,
        ["/Integrations"] = Permission.ManageIntegrations,
        ["/Webhooks"] = Permission.ManageWebhooks,
        ["/SignIns"] = Permission.ApproveSignIns,
    };
}
