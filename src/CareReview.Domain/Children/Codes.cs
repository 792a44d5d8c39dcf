namespace CareReview.Domain.Children;

// Code lists of the DfE looked-after return (SSDA903), 2025–26 collection (shared/domain/ssda903.md §2).
// Member names are the codes themselves and are stored as strings: never rename one.

public enum Sex { M, F, U }

public enum LegalStatus { C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3 }

public enum PlacementType
{
    A3, A4, A5, A6, K1, K2, K3, P1, P3, R1, R2, R3, R5, S1, T0, T1, T2, T3, T4,
    U1, U2, U3, U4, U5, U6, Z11, Z12, Z13, Z14,
}

public enum ReasonForNewEpisode { S, L, P, T, B, U }

public enum CategoryOfNeed { N1, N2, N3, N4, N5, N6, N7, N8 }

public enum ReasonEpisodeCeased
{
    X1, E11, E12, E2, E3, E4A, E4B, E13, E41, E45, E46, E47, E48, E5, E6, E7, E8, E9, E14, E15, E16, E17,
}

public enum ReasonForPlacementChange { CARPL, CLOSE, ALLEG, STAND, APPRR, CREQB, CREQO, CHILD, LAREQ, PLACE, CUSTOD, OTHER }

public enum ParticipationCode { PN0, PN1, PN2, PN3, PN4, PN5, PN6, PN7 }

/// <summary>The child's ethnic group (903 ETHNIC, rule 103).</summary>
public enum Ethnicity
{
    WBRI, WIRI, WOTH, WIRT, WROM, MWBC, MWBA, MWAS, MOTH, AIND, APKN, ABAN, AOTH, BCRB, BAFR, BOTH, CHNE, OOTH, REFU, NOBT,
}

/// <summary>Who provides the placement (903 PLACE_PROVIDER, rule 178).</summary>
public enum PlacementProvider { PR0, PR1, PR2, PR3, PR4, PR5 }

/// <summary>What each code means, in the words of the DfE guide (ssda903.md §2).</summary>
public static class CodeDescriptions
{
    public static string Describe(this Sex code) => code switch
    {
        Sex.M => "Male",
        Sex.F => "Female",
        Sex.U => "Not known or not stated",
    };

    public static string Describe(this LegalStatus code) => code switch
    {
        LegalStatus.C1 => "Interim care order",
        LegalStatus.C2 => "Full care order",
        LegalStatus.D1 => "Freeing order granted",
        LegalStatus.E1 => "Placement order granted",
        LegalStatus.V2 => "Single period of accommodation under section 20",
        LegalStatus.V3 => "Accommodated under an agreed series of short-term breaks, individual episodes recorded",
        LegalStatus.V4 => "Accommodated under an agreed series of short-term breaks, agreements recorded",
        LegalStatus.L1 => "Under police protection and in local authority accommodation",
        LegalStatus.L2 => "Emergency protection order",
        LegalStatus.L3 => "Child assessment order and in local authority accommodation",
        LegalStatus.J1 => "Remanded to local authority accommodation or youth detention accommodation",
        LegalStatus.J2 => "Placed in local authority accommodation under PACE 1984",
        LegalStatus.J3 => "Sentenced to a youth rehabilitation order with a residence or intensive fostering requirement",
    };

    public static string Describe(this PlacementType code) => code switch
    {
        PlacementType.A3 => "Placed for adoption with consent with current foster carers",
        PlacementType.A4 => "Placed for adoption with consent, not with current foster carers",
        PlacementType.A5 => "Placed for adoption with placement order with current foster carers",
        PlacementType.A6 => "Placed for adoption with placement order, not with current foster carers",
        PlacementType.K1 => "Secure children's home",
        PlacementType.K2 => "Children's home",
        PlacementType.K3 => "Registered supported accommodation (16 and over)",
        PlacementType.P1 => "Placed with own parents or other person with parental responsibility",
        PlacementType.P3 => "Residential employment",
        PlacementType.R1 => "Residential care home",
        PlacementType.R2 => "NHS or health trust establishment providing medical or nursing care",
        PlacementType.R3 => "Family centre or mother and baby unit",
        PlacementType.R5 => "Young offender institution",
        PlacementType.S1 => "Residential school",
        PlacementType.T0 => "Temporary move",
        PlacementType.T1 => "Temporary period in hospital",
        PlacementType.T2 => "Temporary absence on holiday",
        PlacementType.T3 => "Temporary accommodation while foster carers are on holiday",
        PlacementType.T4 => "Temporary accommodation of 7 days or less",
        PlacementType.U1 => "Foster placement with relatives or friends, long term",
        PlacementType.U2 => "Foster placement with relatives or friends who are approved adopters (fostering for adoption)",
        PlacementType.U3 => "Foster placement with relatives or friends, not long term",
        PlacementType.U4 => "Foster placement with other foster carers, long term",
        PlacementType.U5 => "Foster placement with other foster carers who are approved adopters (fostering for adoption)",
        PlacementType.U6 => "Foster placement with other foster carers, not long term",
        // The 2025–26 return replaced Z1 with Z11–Z14; the DfE guide's wording was not available to us.
        PlacementType.Z11 => "Other placement (Z11)",
        PlacementType.Z12 => "Other placement (Z12)",
        PlacementType.Z13 => "Other placement (Z13)",
        PlacementType.Z14 => "Other placement (Z14)",
    };

    public static string Describe(this ReasonForNewEpisode code) => code switch
    {
        ReasonForNewEpisode.S => "Started to be looked after",
        ReasonForNewEpisode.L => "Change of legal status only",
        ReasonForNewEpisode.P => "Change of placement and carers only",
        ReasonForNewEpisode.T => "Change of placement, same carers",
        ReasonForNewEpisode.B => "Change of legal status and placement and carers",
        ReasonForNewEpisode.U => "Change of legal status and placement, same carers",
    };

    public static string Describe(this CategoryOfNeed code) => code switch
    {
        CategoryOfNeed.N1 => "Abuse or neglect",
        CategoryOfNeed.N2 => "Child's disability",
        CategoryOfNeed.N3 => "Parental illness or disability",
        CategoryOfNeed.N4 => "Family in acute stress",
        CategoryOfNeed.N5 => "Family dysfunction",
        CategoryOfNeed.N6 => "Socially unacceptable behaviour",
        CategoryOfNeed.N7 => "Low income",
        CategoryOfNeed.N8 => "Absent parenting",
    };

    public static string Describe(this ReasonEpisodeCeased code) => code switch
    {
        ReasonEpisodeCeased.X1 => "Episode ceases and a new episode begins on the same day",
        ReasonEpisodeCeased.E11 => "Adopted: application unopposed",
        ReasonEpisodeCeased.E12 => "Adopted: consent dispensed with",
        ReasonEpisodeCeased.E2 => "Died",
        ReasonEpisodeCeased.E3 => "Care taken over by another local authority in the UK",
        ReasonEpisodeCeased.E4A => "Returned home to parents or relatives as part of care planning",
        ReasonEpisodeCeased.E4B => "Returned home to parents or relatives, not as part of care planning",
        ReasonEpisodeCeased.E13 => "Left care to live with parents, relatives or others with no parental responsibility",
        ReasonEpisodeCeased.E41 => "Residence order or child arrangements order granted",
        ReasonEpisodeCeased.E45 => "Special guardianship order to former foster carers who are relatives or friends",
        ReasonEpisodeCeased.E46 => "Special guardianship order to former foster carers, not relatives or friends",
        ReasonEpisodeCeased.E47 => "Special guardianship order to carers who are relatives or friends, not former foster carers",
        ReasonEpisodeCeased.E48 => "Special guardianship order to other carers",
        ReasonEpisodeCeased.E5 => "Moved to independent living with formalised support",
        ReasonEpisodeCeased.E6 => "Moved to independent living without formalised support",
        ReasonEpisodeCeased.E7 => "Transferred to residential care funded by adult social care",
        ReasonEpisodeCeased.E8 => "Period of being looked after ceased for any other reason",
        ReasonEpisodeCeased.E9 => "Sentenced to custody",
        ReasonEpisodeCeased.E14 => "Accommodation on remand ended",
        ReasonEpisodeCeased.E15 => "Age assessment found the child to be 18 or over",
        ReasonEpisodeCeased.E16 => "Child moved abroad",
        ReasonEpisodeCeased.E17 => "Aged 18 or over and stayed with current carers (including Staying Put)",
    };

    public static string Describe(this ReasonForPlacementChange code) => code switch
    {
        ReasonForPlacementChange.CARPL => "Change to or carrying out of the care plan",
        ReasonForPlacementChange.CLOSE => "Carer resigned or provision closed",
        ReasonForPlacementChange.ALLEG => "Allegation (section 47)",
        ReasonForPlacementChange.STAND => "Concern about standards of care",
        ReasonForPlacementChange.APPRR => "Approval removed",
        ReasonForPlacementChange.CREQB => "Carers asked for the placement to end because of the child's behaviour",
        ReasonForPlacementChange.CREQO => "Carers asked for the placement to end for another reason",
        ReasonForPlacementChange.CHILD => "Child asked for the placement to end",
        ReasonForPlacementChange.LAREQ => "Responsible or area authority asked for the placement to end",
        ReasonForPlacementChange.PLACE => "Change in the status of the placement only",
        ReasonForPlacementChange.CUSTOD => "Custody arrangement",
        ReasonForPlacementChange.OTHER => "Other",
    };

    public static string Describe(this ParticipationCode code) => code switch
    {
        ParticipationCode.PN0 => "Child aged under 4 at the time of the review",
        ParticipationCode.PN1 => "Attended and spoke for themselves",
        ParticipationCode.PN2 => "Attended and an advocate spoke for them",
        ParticipationCode.PN3 => "Attended and conveyed views symbolically",
        ParticipationCode.PN4 => "Attended but did not convey views",
        ParticipationCode.PN5 => "Did not attend; briefed an advocate to speak for them",
        ParticipationCode.PN6 => "Did not attend; conveyed views another way",
        ParticipationCode.PN7 => "Did not attend and views were not conveyed",
    };

    public static string Describe(this Ethnicity code) => code switch
    {
        Ethnicity.WBRI => "White British",
        Ethnicity.WIRI => "White Irish",
        Ethnicity.WOTH => "Any other White background",
        Ethnicity.WIRT => "Traveller of Irish heritage",
        Ethnicity.WROM => "Gypsy or Roma",
        Ethnicity.MWBC => "White and Black Caribbean",
        Ethnicity.MWBA => "White and Black African",
        Ethnicity.MWAS => "White and Asian",
        Ethnicity.MOTH => "Any other Mixed background",
        Ethnicity.AIND => "Indian",
        Ethnicity.APKN => "Pakistani",
        Ethnicity.ABAN => "Bangladeshi",
        Ethnicity.AOTH => "Any other Asian background",
        Ethnicity.BCRB => "Caribbean",
        Ethnicity.BAFR => "African",
        Ethnicity.BOTH => "Any other Black background",
        Ethnicity.CHNE => "Chinese",
        Ethnicity.OOTH => "Any other ethnic group",
        Ethnicity.REFU => "Refused",
        Ethnicity.NOBT => "Information not yet obtained",
    };

    public static string Describe(this PlacementProvider code) => code switch
    {
        PlacementProvider.PR0 => "Parents or other person with parental responsibility",
        PlacementProvider.PR1 => "Own provision by the local authority",
        PlacementProvider.PR2 => "Other local authority provision",
        PlacementProvider.PR3 => "Other public provision, for example the NHS",
        PlacementProvider.PR4 => "Private provision",
        PlacementProvider.PR5 => "Voluntary or third sector provision",
    };

    /// <summary>Short-break children (reg 48) have their own review timetable and no 903 review rows.</summary>
    public static bool IsShortBreak(this LegalStatus code) => code is LegalStatus.V3 or LegalStatus.V4;

    /// <summary>Temporary placements (T0–T4) need no reason for the change (903 rules 225, 226).</summary>
    public static bool IsTemporary(this PlacementType code) =>
        code is PlacementType.T0 or PlacementType.T1 or PlacementType.T2 or PlacementType.T3 or PlacementType.T4;

    /// <summary>
    /// Placements whose PLACE_PROVIDER must be blank (903 rules 178, 213). T4 is not one of them, so
    /// <see cref="IsTemporary"/> cannot stand in for this.
    /// </summary>
    public static bool ProviderNotRequired(this PlacementType code) =>
        code is PlacementType.T0 or PlacementType.T1 or PlacementType.T2 or PlacementType.T3
            or PlacementType.Z11 or PlacementType.Z12 or PlacementType.Z13 or PlacementType.Z14;

    /// <summary>Placements that need no Ofsted URN: blank or XXXXXXX is returned instead (903 rules 218, 222).</summary>
    public static bool UrnNotRequired(this PlacementType code) =>
        code.IsTemporary() || code.ProviderNotRequired()
            || code is PlacementType.P1 or PlacementType.P3 or PlacementType.R1 or PlacementType.R2 or PlacementType.R5;
}

/// <summary>
/// The child's unique pupil number as returned in 903 UPN (rule 168): a letter other than I, O or S
/// then 12 digits, or 11 digits and a letter; or one of the unknown codes UN1–UN5.
/// </summary>
public static class Upn
{
    /// <summary>Whether <paramref name="value"/> (already upper-cased) has the shape rule 168 accepts. The check digit is not verified.</summary>
    public static bool IsValid(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (value is "UN1" or "UN2" or "UN3" or "UN4" or "UN5")
        {
            return true;
        }

        if (value.Length != 13 || value[0] is < 'A' or > 'Z' or 'I' or 'O' or 'S')
        {
            return false;
        }

        for (var i = 1; i < 12; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return char.IsAsciiDigit(value[12]) || char.IsAsciiLetterUpper(value[12]);
    }
}

/// <summary>Whether a change of episode moved the child, and to whom.</summary>
public enum PlacementMove
{
    /// <summary>Same placement; only the legal status changed.</summary>
    None,

    /// <summary>A change of placement with the same carers (903 reason T or U).</summary>
    SameCarers,

    /// <summary>A change of placement and carers (903 reason P or B).</summary>
    NewCarers,
}
