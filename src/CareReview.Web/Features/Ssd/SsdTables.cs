namespace CareReview.Web.Features.Ssd;

/// <summary>What a column holds, which says how it is read, written and declared in SQL.</summary>
public enum SsdType
{
    /// <summary>An identifier or code (NVARCHAR(48) in D2I's scripts).</summary>
    Id,

    /// <summary>Free text, such as a name (NVARCHAR(255)).</summary>
    Text,

    /// <summary>A date; D2I's scripts declare DATETIME, and only the date is meant.</summary>
    Date,

    /// <summary>Y or N (NCHAR(1)).</summary>
    Flag,

    /// <summary>A whole number.</summary>
    Number,

    /// <summary>A decimal number, such as a full-time equivalent.</summary>
    Decimal,

    /// <summary>JSON text (NVARCHAR(MAX)).</summary>
    Json,
}

/// <summary>One column of an SSD table, as D2I names it (item references in docs/ssd/).</summary>
public sealed record SsdColumn(string Name, SsdType Type, bool Required = false);

/// <summary>
/// One table of Data to Insight's Standard Safeguarding Dataset (data-to-insight/ssd-data-model-next), with the
/// columns Care Review reads or writes. A council's table may hold more columns; those are ignored.
/// </summary>
public sealed record SsdTable(string Name, IReadOnlyList<SsdColumn> Columns)
{
    /// <summary>The row's own identifier: the first column.</summary>
    public SsdColumn Key => Columns[0];

    public IEnumerable<SsdColumn> RequiredColumns => Columns.Where(c => c.Required);

    public SsdColumn this[string name] => Columns.Single(c => c.Name == name);
}

/// <summary>
/// The SSD tables Care Review reads from the council's case-management system and writes back, by their D2I
/// names. Column names come from D2I's object specifications; where D2I's deployed scripts add a column that
/// the specification has not caught up with (a person's forename, surname and UPN), the deployed name is used.
/// </summary>
public static class SsdTables
{
    public static readonly SsdTable Person = new("ssd_person",
    [
        new("pers_person_id", SsdType.Id, Required: true),
        new("pers_forename", SsdType.Text, Required: true),
        new("pers_surname", SsdType.Text, Required: true),
        new("pers_sex", SsdType.Id, Required: true),
        new("pers_dob", SsdType.Date, Required: true),
        new("pers_ethnicity", SsdType.Id),
        new("pers_upn", SsdType.Id),
        new("pers_legacy_id", SsdType.Id),
    ]);

    public static readonly SsdTable Episodes = new("ssd_cla_episodes",
    [
        new("clae_cla_episode_id", SsdType.Id, Required: true),
        new("clae_person_id", SsdType.Id, Required: true),
        new("clae_cla_episode_start_date", SsdType.Date, Required: true),
        new("clae_cla_episode_start_reason", SsdType.Id, Required: true),
        new("clae_cla_primary_need_code", SsdType.Id, Required: true),
        new("clae_cla_episode_ceased_date", SsdType.Date, Required: true),
        new("clae_cla_episode_ceased_reason", SsdType.Id, Required: true),
        new("clae_cla_id", SsdType.Id),
        new("clae_cla_placement_id", SsdType.Id),
        new("clae_entered_care_date", SsdType.Date),
        new("clae_cla_last_iro_contact_date", SsdType.Date),
    ]);

    public static readonly SsdTable LegalStatus = new("ssd_legal_status",
    [
        new("lega_legal_status_id", SsdType.Id, Required: true),
        new("lega_person_id", SsdType.Id, Required: true),
        new("lega_legal_status", SsdType.Id, Required: true),
        new("lega_legal_status_start_date", SsdType.Date, Required: true),
        new("lega_legal_status_end_date", SsdType.Date, Required: true),
    ]);

    public static readonly SsdTable Placements = new("ssd_cla_placement",
    [
        new("clap_cla_placement_id", SsdType.Id, Required: true),
        new("clap_cla_id", SsdType.Id),
        new("clap_person_id", SsdType.Id, Required: true),
        new("clap_cla_placement_start_date", SsdType.Date, Required: true),
        new("clap_cla_placement_type", SsdType.Id, Required: true),
        new("clap_cla_placement_urn", SsdType.Id),
        new("clap_cla_placement_provider", SsdType.Id),
        new("clap_cla_placement_postcode", SsdType.Id),
        new("clap_cla_placement_end_date", SsdType.Date, Required: true),
        new("clap_cla_placement_change_reason", SsdType.Id),
    ]);

    public static readonly SsdTable Involvements = new("ssd_involvements",
    [
        new("invo_involvements_id", SsdType.Id, Required: true),
        new("invo_professional_id", SsdType.Id, Required: true),
        new("invo_professional_role_id", SsdType.Id, Required: true),
        new("invo_professional_team", SsdType.Text),
        new("invo_involvement_start_date", SsdType.Date, Required: true),
        new("invo_involvement_end_date", SsdType.Date, Required: true),
        new("invo_worker_change_reason", SsdType.Text),
        new("invo_person_id", SsdType.Id, Required: true),
    ]);

    public static readonly SsdTable Professionals = new("ssd_professionals",
    [
        new("prof_professional_id", SsdType.Id, Required: true),
        new("prof_staff_id", SsdType.Id),
        new("prof_professional_name", SsdType.Text, Required: true),
        new("prof_social_worker_registration_no", SsdType.Id),
        new("prof_professional_job_title", SsdType.Text),
        new("prof_professional_caseload", SsdType.Number),
        new("prof_professional_department", SsdType.Text),
        new("prof_full_time_equivalency", SsdType.Decimal),
    ]);

    public static readonly SsdTable Visits = new("ssd_cla_visits",
    [
        new("clav_cla_visit_id", SsdType.Id, Required: true),
        new("clav_cla_id", SsdType.Id),
        new("clav_person_id", SsdType.Id, Required: true),
        new("clav_cla_visit_date", SsdType.Date, Required: true),
        new("clav_cla_visit_seen", SsdType.Flag, Required: true),
        new("clav_cla_visit_seen_alone", SsdType.Flag, Required: true),
    ]);

    public static readonly SsdTable Health = new("ssd_cla_health",
    [
        new("clah_health_check_id", SsdType.Id, Required: true),
        new("clah_person_id", SsdType.Id, Required: true),
        new("clah_health_check_type", SsdType.Text, Required: true),
        new("clah_health_check_date", SsdType.Date, Required: true),
        new("clah_health_check_status", SsdType.Text),
    ]);

    public static readonly SsdTable Reviews = new("ssd_cla_reviews",
    [
        new("clar_cla_review_id", SsdType.Id, Required: true),
        new("clar_cla_id", SsdType.Id, Required: true),
        new("clar_cla_review_due_date", SsdType.Date),
        new("clar_cla_review_date", SsdType.Date),
        new("clar_cla_review_cancelled", SsdType.Flag),
        new("clar_cla_review_participation", SsdType.Id),
    ]);

    public static readonly SsdTable CarePlan = new("ssd_cla_care_plan",
    [
        new("lacp_table_id", SsdType.Id, Required: true),
        new("lacp_person_id", SsdType.Id, Required: true),
        new("lacp_cla_care_plan_start_date", SsdType.Date),
        new("lacp_cla_care_plan_end_date", SsdType.Date),
        new("lacp_cla_care_plan_json", SsdType.Json),
    ]);

    public static readonly SsdTable LinkedIdentifiers = new("ssd_linked_identifiers",
    [
        new("link_table_id", SsdType.Id, Required: true),
        new("link_person_id", SsdType.Id, Required: true),
        new("link_identifier_type", SsdType.Text, Required: true),
        new("link_identifier_value", SsdType.Id, Required: true),
        new("link_valid_from_date", SsdType.Date),
        new("link_valid_to_date", SsdType.Date),
    ]);

    public static readonly SsdTable VoiceOfChild = new("ssd_voice_of_child",
    [
        new("voch_table_id", SsdType.Id, Required: true),
        new("voch_person_id", SsdType.Id, Required: true),
        new("voch_explained_worries", SsdType.Flag),
        new("voch_story_help_understand", SsdType.Flag),
        new("voch_agree_worker", SsdType.Flag),
        new("voch_plan_safe", SsdType.Flag),
        new("voch_tablet_help_explain", SsdType.Flag),

        // Proposed by Care Review (docs/ssd/ssd_voice_of_child.md): D2I's columns are a child protection
        // questionnaire's, so a looked-after child's views before a review and Rate My Review card need their own.
        new("voch_cla_review_id", SsdType.Id),
        new("voch_received_date", SsdType.Date),
        new("voch_source", SsdType.Id),
        new("voch_talk_to_iro_alone", SsdType.Flag),
        new("voch_want_advocate", SsdType.Flag),
        new("voch_rate_my_review", SsdType.Id),
    ]);

    /// <summary>What <c>sync-ssd</c> reads, in the order it reads them.</summary>
    public static readonly IReadOnlyList<SsdTable> Read =
        [Person, Episodes, LegalStatus, Placements, Involvements, Professionals, Visits, Health, Reviews, CarePlan, LinkedIdentifiers];

    /// <summary><c>ssd_linked_identifiers.link_identifier_type</c> for a person merged into this one upstream: the value is the old person id.</summary>
    public const string FormerPersonId = "Former Person ID";

    /// <summary><c>ssd_involvements.invo_professional_role_id</c> for the allocated social worker, and for the IRO.</summary>
    public const string AllocatedSocialWorker = "Allocated Social Worker";

    public const string Iro = "Independent Reviewing Officer";
}
