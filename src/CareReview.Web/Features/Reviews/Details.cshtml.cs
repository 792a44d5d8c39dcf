namespace CareReview.Web.Features.Reviews;

/// <summary>
/// One review: before the meeting, its arrangements, preparation checklist and agenda; after it, the
/// record, the recommendations and the steps that follow (decisions and record sent out).
/// </summary>
[Shows(ChildParts.Episodes | ChildParts.Allocations | ChildParts.Recommendations)]
public sealed class DetailsModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ReviewPageModel(db, audit, time, calendars)
{
    public IReadOnlyList<ChecklistItem> Before { get; private set; } = [];
    public IReadOnlyList<ChecklistItem> After { get; private set; } = [];
    public ReviewAgenda Agenda { get; private set; } = null!;

    /// <summary>The child's and parents' views sent for this review, the child's first.</summary>
    public IReadOnlyList<ReviewViews> Views { get; private set; } = [];
    public ReviewFeedback? Card { get; private set; }
    public IReadOnlyList<ParentInvitation> Invitations { get; private set; } = [];

    /// <summary>The child's IRO and social worker invite parents; the IRO follows up the child's card.</summary>
    public bool CanInvite => May(Permission.ReachChildAndFamily);

    public async Task<IActionResult> OnGetAsync()
    {
        Audit.Record(AuditAction.ReviewViewed, Child.Id, $"review:{Review.Id}");
        await Db.SaveChangesAsync();
        return Page();
    }

    protected internal override async Task<bool> AdmitsAsync()
    {
        Before = ReviewChecklist.Before(Review, Today, Calendar);
        After = ReviewChecklist.After(Review, Today, Calendar);
        Agenda = ReviewAgenda.For(Child);
        Views = await Db.ReviewViews.Where(v => v.ReviewId == Review.Id).OrderBy(v => v.Author).ThenBy(v => v.SentOn).ToListAsync();
        Card = await Db.ReviewFeedback.SingleOrDefaultAsync(f => f.ReviewId == Review.Id);
        Invitations = await Db.ParentInvitations.Where(i => i.ReviewId == Review.Id).OrderBy(i => i.Id).ToListAsync();
        return true;
    }

    public static string Tag(ChecklistState state) => state switch
    {
        ChecklistState.Done => "govuk-tag govuk-tag--green",
        ChecklistState.DoneLate => "govuk-tag govuk-tag--yellow",
        ChecklistState.Late => "govuk-tag govuk-tag--red",
        ChecklistState.Due => "govuk-tag govuk-tag--grey",
    };

    public static string Describe(ChecklistState state) => state switch
    {
        ChecklistState.Done => "Done",
        ChecklistState.DoneLate => "Done late",
        ChecklistState.Late => "Late",
        ChecklistState.Due => "Due",
    };

    public static string Time(TimeOnly? time) => time?.ToString("h:mmtt", CultureInfo.GetCultureInfo("en-GB")).ToLowerInvariant() ?? "";
}
