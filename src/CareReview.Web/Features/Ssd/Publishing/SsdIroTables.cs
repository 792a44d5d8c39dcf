namespace CareReview.Web.Features.Ssd.Publishing;

/// <summary>
/// Tables Care Review proposes to Data to Insight for what the SSD does not yet hold about the IRO service:
/// recommendations, escalations and their stages, Cafcass referrals and the IRO's contacts with the child
/// between reviews. Named and typed in D2I's style; each is documented field by field, with proposed item
/// references, in docs/ssd/. They carry codes, dates and ids only, never what anyone wrote.
/// </summary>
public static class SsdIroTables
{
    public static readonly SsdTable Recommendations = new("ssd_iro_recommendations",
    [
        new("iror_recommendation_id", SsdType.Id, Required: true),
        new("iror_person_id", SsdType.Id, Required: true),
        new("iror_cla_review_id", SsdType.Id, Required: true),
        new("iror_made_date", SsdType.Date, Required: true),
        new("iror_due_date", SsdType.Date, Required: true),
        new("iror_owner_role", SsdType.Text),
        new("iror_owner_professional_id", SsdType.Id),
        new("iror_status", SsdType.Id, Required: true),
        new("iror_completed_date", SsdType.Date),
        new("iror_carried_forward_from_id", SsdType.Id),
        new("iror_themes", SsdType.Text),
    ]);

    /// <summary>One row per stage of each escalation: informal resolution, each formal stage, and a referral to Cafcass that ended it.</summary>
    public static readonly SsdTable Escalations = new("ssd_iro_escalations",
    [
        new("iroe_escalation_stage_id", SsdType.Id, Required: true),
        new("iroe_escalation_id", SsdType.Id, Required: true),
        new("iroe_person_id", SsdType.Id, Required: true),
        new("iroe_cla_review_id", SsdType.Id),
        new("iroe_raised_by_professional_id", SsdType.Id),
        new("iroe_concern_category", SsdType.Id, Required: true),
        new("iroe_themes", SsdType.Text),
        new("iroe_raised_date", SsdType.Date, Required: true),
        new("iroe_needed_by_date", SsdType.Date),
        new("iroe_stage", SsdType.Id, Required: true),
        new("iroe_stage_level", SsdType.Text),
        new("iroe_stage_start_date", SsdType.Date, Required: true),
        new("iroe_stage_response_due_date", SsdType.Date),
        new("iroe_stage_response_date", SsdType.Date),
        new("iroe_stage_decision", SsdType.Id),
        new("iroe_stage_end_date", SsdType.Date),
        new("iroe_cafcass_referral_id", SsdType.Id),
        new("iroe_escalation_outcome", SsdType.Id),
        new("iroe_escalation_closed_date", SsdType.Date),
    ]);

    public static readonly SsdTable CafcassReferrals = new("ssd_iro_cafcass_referrals",
    [
        new("iroc_cafcass_referral_id", SsdType.Id, Required: true),
        new("iroc_person_id", SsdType.Id, Required: true),
        new("iroc_escalation_id", SsdType.Id),
        new("iroc_referred_by_professional_id", SsdType.Id),
        new("iroc_referral_date", SsdType.Date, Required: true),
        new("iroc_grounds", SsdType.Text, Required: true),
        new("iroc_outcome", SsdType.Id, Required: true),
        new("iroc_outcome_date", SsdType.Date),
    ]);

    public static readonly SsdTable MidwayContacts = new("ssd_iro_midway_contacts",
    [
        new("irom_contact_id", SsdType.Id, Required: true),
        new("irom_person_id", SsdType.Id, Required: true),
        new("irom_professional_id", SsdType.Id),
        new("irom_contact_date", SsdType.Date, Required: true),
        new("irom_contact_type", SsdType.Id, Required: true),
        new("irom_seen_alone", SsdType.Flag),
        new("irom_cla_review_id", SsdType.Id),
    ]);

    public static readonly IReadOnlyList<SsdTable> All = [Recommendations, Escalations, CafcassReferrals, MidwayContacts];

    /// <summary><c>irom_contact_type</c> for the IRO speaking to the child alone before a review (reg 36).</summary>
    public const string SeenAloneBeforeReview = "SEENALONE";
}
