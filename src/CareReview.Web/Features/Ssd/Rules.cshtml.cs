namespace CareReview.Web.Features.Ssd;

/// <summary>The sync rules written down for staff (ADR-0029): who owns which fact, where each comes from, and what a run does.</summary>
public sealed class RulesModel(AppDbContext db, AuditLog audit) : PageModel
{
    /// <summary>What Care Review takes from each SSD table it reads, and from which columns; in the order they are read.</summary>
    public static IReadOnlyList<SourcedFacts> Sources { get; } =
    [
        new(SsdTables.Person, "Who the child is: forename, surname, date of birth, sex, ethnicity and unique pupil number (UPN)",
            ["pers_person_id", "pers_forename", "pers_surname", "pers_dob", "pers_sex", "pers_ethnicity", "pers_upn"]),
        new(SsdTables.Episodes, "Episodes of care: when each started and why, the category of need, and when and why it ended. A person with no episode is not looked after and not read",
            ["clae_person_id", "clae_cla_episode_start_date", "clae_cla_episode_start_reason", "clae_cla_primary_need_code",
                "clae_cla_episode_ceased_date", "clae_cla_episode_ceased_reason", "clae_cla_placement_id"]),
        new(SsdTables.LegalStatus, "Legal status: each episode takes the one in force on the day it starts",
            ["lega_person_id", "lega_legal_status", "lega_legal_status_start_date"]),
        new(SsdTables.Placements, "Placement: its type, provider, postcode and URN, and the reason it changed",
            ["clap_cla_placement_id", "clap_person_id", "clap_cla_placement_start_date", "clap_cla_placement_type", "clap_cla_placement_provider",
                "clap_cla_placement_postcode", "clap_cla_placement_urn", "clap_cla_placement_end_date", "clap_cla_placement_change_reason"]),
        new(SsdTables.Involvements, $"The allocated social worker and their team (role \"{SsdTables.AllocatedSocialWorker}\"); for a child new to Care Review, their IRO too (role \"{SsdTables.Iro}\")",
            ["invo_person_id", "invo_professional_id", "invo_professional_role_id", "invo_professional_team", "invo_involvement_start_date", "invo_involvement_end_date"]),
        new(SsdTables.Professionals, "Those workers' names, department and full-time equivalence; a worker Care Review does not hold is added as staff, without a sign-in",
            ["prof_professional_id", "prof_professional_name", "prof_professional_department", "prof_full_time_equivalency"]),
        new(SsdTables.Visits, "Social workers' visits: the date, whether the child was seen, and whether seen alone. Without this table, Care Review keeps its own record of visits",
            ["clav_person_id", "clav_cla_visit_date", "clav_cla_visit_seen", "clav_cla_visit_seen_alone"]),
        new(SsdTables.Health, "Health assessments and dental checks, told apart by the words \"health\" and \"dental\" in the type. Without this table, Care Review keeps its own",
            ["clah_person_id", "clah_health_check_type", "clah_health_check_date"]),
        new(SsdTables.Reviews, "Reviews held before Care Review knew the child, read only when the child is first added; after that, reviews are Care Review's",
            ["clar_cla_id", "clar_cla_review_date", "clar_cla_review_cancelled", "clar_cla_review_participation"]),
        new(SsdTables.CarePlan, "Read but not used: care plans are Care Review's", []),
        new(SsdTables.LinkedIdentifiers, $"Merges: a row of type \"{SsdTables.FormerPersonId}\" says the person id in link_identifier_value was merged into this person",
            ["link_person_id", "link_identifier_type", "link_identifier_value"]),
    ];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        audit.Record(AuditAction.SsdSyncViewed, details: "rules");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One SSD table, what Care Review takes from it, and the columns it reads (each checked against the table).</summary>
    public sealed record SourcedFacts(SsdTable Table, string Facts, IReadOnlyList<string> ColumnNames)
    {
        public IReadOnlyList<SsdColumn> Columns { get; } = [.. ColumnNames.Select(name => Table[name])];
    }
}
