namespace CareReview.Web.Data.Entities;

/// <summary>
/// What happened, who did it and to which child. Append-only. Details hold ids and codes, never
/// narrative or personal data.
/// </summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public DateTime OccurredAtUtc { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public AuditAction Action { get; set; }
    public int? ChildId { get; set; }
    public string? Details { get; set; }

    /// <summary>
    /// The row's place in the hash chain (ADR-0023): 1, 2, 3 and so on with no gaps, given as the row is saved.
    /// Null only for rows written before the chain began.
    /// </summary>
    public long? Sequence { get; set; }

    /// <summary>The <see cref="Hash"/> of the row before this one in the chain; null for the first.</summary>
    public string? PreviousHash { get; set; }

    /// <summary>SHA-256 of this row's fields and <see cref="PreviousHash"/>, in lower-case hex (<c>AuditChain.HashOf</c>).</summary>
    public string? Hash { get; set; }
}

/// <summary>Stored by name: never rename a member. Grouped in hundreds by area.</summary>
public enum AuditAction
{
    SignedIn = 100,
    SignInFailed = 101,
    SignedOut = 102,
    LockedOut = 103,

    ChildViewed = 1000,
    ChildBecameLookedAfter = 1001,
    EpisodeChanged = 1002,
    ChildCeasedToBeLookedAfter = 1003,
    ChildRegistered = 1004,
    ChildReallocated = 1005,

    /// <summary>A page showing part of a child's record was read, by a page that does not audit the view in its own words.</summary>
    ChildRecordViewed = 1006,
    AccessRefused = 1099,

    CaseloadViewed = 1100,

    ReviewArranged = 1200,
    ReviewPreparationRecorded = 1201,
    ReviewAdjourned = 1202,
    ReviewRecorded = 1203,
    ReviewDecisionsIssued = 1204,
    ReviewRecordIssued = 1205,
    ReviewViewed = 1206,
    ReviewBroughtForward = 1207,
    ReviewExported = 1208,

    RecommendationProgressRecorded = 1300,
    RecommendationCompleted = 1301,
    WorkListViewed = 1302,

    RemindersViewed = 1400,
    ReminderDismissed = 1401,
    ReminderEmailed = 1402,

    CarePlanViewed = 1500,
    CarePlanChanged = 1501,
    CarePlansCompared = 1502,
    ChildFriendlyPlanSaved = 1503,
    ChildFriendlyPlanShared = 1504,
    ChildFriendlyPlanExported = 1505,

    CareEventRecorded = 1600,
    VisitArrangementsChanged = 1601,
    ComplianceViewed = 1602,

    EscalationRaised = 1700,
    InformalDiscussionRecorded = 1701,
    EscalationResolvedInformally = 1702,
    FormalEscalationStarted = 1703,
    EscalationResponded = 1704,
    EscalationEscalated = 1705,
    EscalationResolved = 1706,
    EscalationHandedToCafcass = 1707,
    EscalationWithdrawn = 1708,
    EscalationViewed = 1709,
    EscalationsToAnswerViewed = 1710,
    EscalationRegisterViewed = 1711,
    EscalationRegisterExported = 1712,
    CafcassReferralRecorded = 1750,
    CafcassOutcomeRecorded = 1751,

    ChildSignInSetUp = 1800,
    ChildSignInLinkMade = 1801,
    ChildSignInTurnedOff = 1802,
    ChildSignInCompleted = 1803,
    ChildPageViewed = 1804,
    ChildViewsSent = 1805,
    ChildReviewViewed = 1806,
    ReviewRated = 1807,
    RatingFollowedUp = 1808,
    ParentInvited = 1809,
    ParentInvitationCancelled = 1810,
    ParentLinkOpened = 1811,
    ParentLinkRefused = 1812,
    ParentViewsSent = 1813,
    ParentDecisionsViewed = 1814,
    ParticipationRecorded = 1815,
    ParticipationFiguresViewed = 1816,
    ParticipationFiguresExported = 1817,

    ReturnChecked = 1900,
    ReturnExported = 1901,
    ChildReturnDetailsRecorded = 1902,
    ReturnImported = 1903,
    ReturnImportRefused = 1904,
    ChildImported = 1905,
    ReturnImportViewed = 1906,
    ReturnImportChecked = 1907,

    AnnexAViewed = 1910,
    AnnexAExported = 1911,

    EpisodePlacementCorrected = 1915,

    AnnualReportViewed = 1920,
    AnnualReportDrilledInto = 1921,
    AnnualReportExported = 1922,

    SiblingsViewed = 1940,
    SiblingLinked = 1941,
    SiblingUnlinked = 1942,
    StaffConflictsViewed = 1943,
    StaffConflictDeclared = 1944,
    StaffConflictWithdrawn = 1945,
    AllocationConflictRefused = 1946,

    /// <summary>A child's whole record released for a subject access request: the format and how many redactions, never what they were.</summary>
    SubjectAccessExported = 1960,

    ResearchExtractViewed = 1930,
    ResearchExtractExported = 1931,

    /// <summary>A run of the SSD sync (ADR-0029), or a dry run: where from and the counts.</summary>
    SsdSyncRan = 2100,
    SsdSyncChecked = 2101,

    /// <summary>A child first seen in the case system's tables, added.</summary>
    SsdChildAdded = 2102,

    /// <summary>What the case system changed about a child: each fact with before and after (codes and dates; names only as "changed").</summary>
    SsdChildChanged = 2103,

    /// <summary>A child Care Review holds that the case system no longer has: flagged for a manager, never deleted.</summary>
    SsdChildMissing = 2104,

    /// <summary>A child's rows had problems, so nothing of theirs was written: the tables, rows and fields.</summary>
    SsdChildRefused = 2105,

    /// <summary>The case system merged a child's record into another; Care Review followed it to the surviving id.</summary>
    SsdChildMerged = 2106,

    SsdSyncViewed = 2107,
    SsdSyncProblemsExported = 2108,
    SsdStaffAdded = 2109,

    /// <summary>
    /// The IRO service's data written out in the Standard Safeguarding Dataset's shape (<c>publish-ssd</c>,
    /// ADR-0030): where to (a folder or PostgreSQL) and each table's number of rows.
    /// </summary>
    SsdPublished = 2120,

    /// <summary>The council's OpenID Connect provider sent the person back with an error, or the answer did not check out: the error code.</summary>
    OidcSignInFailed = 2200,

    /// <summary>A person signed in through the council's provider, but none of their groups maps to a Care Review role: how many groups they had.</summary>
    OidcSignInNoAccess = 2201,

    /// <summary>A person signed in through the council's provider and waits for an IRO manager's approval (no staff record matched them).</summary>
    OidcSignInWaiting = 2202,

    /// <summary>A person an IRO manager refused signed in through the council's provider again.</summary>
    OidcSignInRefused = 2203,

    /// <summary>A person first seen through the council's provider was given a Care Review user: how they were matched to a staff record.</summary>
    OidcUserLinked = 2204,

    /// <summary>The roles of a user who signed in through the council's provider followed their groups: before and after.</summary>
    OidcRolesChanged = 2205,

    /// <summary>The team of a user who signed in through the council's provider followed their groups: the staff record, before and after.</summary>
    OidcTeamChanged = 2206,

    WaitingSignInsViewed = 2207,

    /// <summary>An IRO manager approved a person waiting to sign in: the staff record linked or created.</summary>
    SignInApproved = 2208,

    /// <summary>An IRO manager refused a person waiting to sign in.</summary>
    SignInRefused = 2209,

    /// <summary>A call to the API (ADR-0032) that read or did nothing audited in its own words: the method and route.</summary>
    ApiCalled = 2220,

    /// <summary>A list of children read through the API: the page, the filter and how many came back.</summary>
    ApiChildrenListed = 2221,

    /// <summary>Part of a child's record read through the API: which part.</summary>
    ApiChildRead = 2222,

    /// <summary>An API call refused for a scope its token does not carry: the scope and route.</summary>
    ApiScopeMissing = 2223,

    IntegrationsViewed = 2230,
    IntegrationRegistered = 2231,
    IntegrationChanged = 2232,

    /// <summary>A webhook receiver registered (ADR-0033): the receiver's id and the events it wants, never its secret.</summary>
    WebhookReceiverRegistered = 2250,
    WebhookReceiverRemoved = 2251,
    WebhooksViewed = 2252,
    WebhookDeliveryViewed = 2253,

    /// <summary>An administrator sent a delivery again: the delivery's id.</summary>
    WebhookSentAgain = 2254,

    AuditLogViewed = 9000,
    AuditChainChecked = 9001,
    AuditLogExported = 9002,
    BankHolidayAdjusted = 9100,
    UserCreated = 9200,
    RulesViewed = 9300,
    RuleSettingChanged = 9301,
    DrpStagesChanged = 9302,

    /// <summary>Emergency access was given: the grant, until when, and the reason in the person's words (ADR-0028).</summary>
    BreakGlassGranted = 9400,

    /// <summary>Emergency access was asked for and not given: no child has the id, or the user already sees the child.</summary>
    BreakGlassNotGranted = 9401,
    BreakGlassReviewsViewed = 9402,
    BreakGlassUseViewed = 9403,
    BreakGlassReviewed = 9404,
    BreakGlassEndedEarly = 9405,
}
