using CareReview.Domain.Reports;

namespace CareReview.Web.Features.Reviews;

/// <summary>
/// The IRO records the review meeting: how the child took part, what was said and considered, the
/// decisions as SMART recommendations, and what became of each recommendation still open. The child's
/// review clock moves as soon as it is saved.
/// </summary>
[Requires(Permission.ChairReviews)]
public sealed class RecordModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars)
    : ReviewPageModel(db, audit, time, calendars)
{
    public const int BlankRows = 3;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Recommendation> StillOpen { get; private set; } = [];
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];
    public bool ShortBreaks => ReviewRecording.OnShortBreaks(Child);

    public const string AlreadyRecordedMessage =
        "Someone else recorded this review while you were working on it. Your record has not been saved. Copy anything you need from the form below, then open the review to see what was saved";

    public async Task<IActionResult> OnGetAsync(int id, int reviewId)
    {
        if (Review.IsHeld)
        {
            return RedirectToPage("/Reviews/Details", new { id, reviewId });
        }

        // What the child and family sent before the meeting starts the record, so nothing is typed twice.
        var views = await Db.ReviewViews.Where(v => v.ReviewId == reviewId).OrderBy(v => v.SentOn).ToListAsync();
        var childViews = views.FirstOrDefault(v => v.Author == ViewsAuthor.Child);
        Input = new InputModel
        {
            Version = Child.Version,
            HeldOn = DateInput.From(Review.ScheduledFor <= Today ? Review.ScheduledFor : null),
            Attendees = Review.Invitees,
            ChildWishesAndFeelings = childViews is null ? null : ViewsSummary(childViews),
            ParentsViews = views.Any(v => v.Author == ViewsAuthor.ParentOrCarer)
                ? string.Join("\n\n", views.Where(v => v.Author == ViewsAuthor.ParentOrCarer).Select(v => $"{v.AuthorName} ({v.Relationship}): {ViewsSummary(v)}"))
                : null,
            Means = childViews is null ? [] : [ParticipationMeans.App],
            Recommendations = [.. Enumerable.Range(0, BlankRows).Select(_ => new RecommendationInput())],
        };
        return Page();
    }

    /// <summary>Adds a blank recommendation row without saving or checking anything.</summary>
    public IActionResult OnPostAddRow()
    {
        ModelState.Clear();
        Input.Recommendations.Add(new RecommendationInput());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int reviewId)
    {
        if (Review.IsHeld)
        {
            ModelState.AddModelError("", AlreadyRecordedMessage);
            return Page();
        }

        var heldOn = ModelState.ReadDate("Input.HeldOn", Input.HeldOn, "Date the review was held");
        ReviewRecording.CheckHeldOn(Child, heldOn, Problem);
        var drafts = ReadRecommendations(heldOn);
        var outcomes = ReadOutcomes(heldOn);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var letter = string.IsNullOrWhiteSpace(Input.LetterToChild)
            ? null
            : Input.LetterToChild;
        var considerations = Input.Considerations
            .Where(c => !string.IsNullOrWhiteSpace(c.Value))
            .ToDictionary(c => c.Key, c => c.Value!);
        var record = new ReviewRecord(heldOn!.Value, ShortBreaks ? null : Input.ParticipationCode, Input.Attendees, Input.ChildWishesAndFeelings,
            Input.ParentsViews, Input.IroView, considerations, letter);
        var by = User.Identity?.Name ?? "";
        var saved = await TryApplyAsync(Input.Version,
            () => ReviewRecording.Record(Child, record, drafts, outcomes, Input.Means, by, Today, Rules),
            AuditAction.ReviewRecorded, () => ReviewRecording.RecordedDetails(reviewId, drafts.Count, outcomes.Count));
        if (!saved)
        {
            return Page();
        }

        TempData["Success"] = $"Review recorded. The next review is due by {GovukDate.Format(Child.NextReviewDueOn)}";
        return RedirectToPage("/Reviews/Details", new { id, reviewId });
    }

    private void Problem(string field, string message) => ModelState.AddModelError($"Input.{field}", message);

    private List<RecommendationDraft> ReadRecommendations(DateOnly? heldOn)
    {
        var rows = new List<(int, ReviewRecording.RecommendationRow)>();
        for (var i = 0; i < Input.Recommendations.Count; i++)
        {
            var row = Input.Recommendations[i];
            if (row.IsBlank)
            {
                continue;
            }

            var dueOn = ModelState.ReadDate($"Input.Recommendations[{i}].DueOn", row.DueOn, "Date it must be done by");
            rows.Add((i, new ReviewRecording.RecommendationRow(row.Action, row.OwnerStaffId, row.OwnerName, row.OwnerRole, dueOn, row.Monitoring,
                row.Themes, DueOnRead: dueOn is not null)));
        }

        return ReviewRecording.Drafts(rows, Staff, heldOn ?? Today, Problem);
    }

    private List<RecommendationOutcome> ReadOutcomes(DateOnly? heldOn)
    {
        var outcomes = new List<RecommendationOutcome>();
        var unreadDates = new HashSet<string>(StringComparer.Ordinal);
        foreach (var open in StillOpen)
        {
            // Nothing chosen is not an outcome: the domain asks for one.
            if (Input.Outcomes.GetValueOrDefault(open.Id) is not { Outcome: { } outcome } input)
            {
                continue;
            }

            DateOnly? newDueOn = null;
            if (outcome == RecommendationStatus.CarriedForward)
            {
                var field = $"Outcomes[{open.Id}].NewDueOn";
                newDueOn = ModelState.ReadDate($"Input.{field}", input.NewDueOn, "New date it must be done by");
                if (newDueOn is null)
                {
                    unreadDates.Add(field);
                }
            }

            outcomes.Add(new RecommendationOutcome(open.Id, outcome, input.Note, newDueOn));
        }

        // A date that could not be read already has its message beside it.
        ReviewRecording.CheckOutcomes(Child, heldOn ?? Today, outcomes, unreadDates, Problem);
        return outcomes;
    }

    protected internal override async Task<bool> AdmitsAsync()
    {
        StillOpen = [.. Child.Recommendations.Where(r => r.IsOpen).OrderBy(r => r.DueOn)];
        Staff = await Db.StaffMembers.AsNoTracking().Include(s => s.Team).OrderBy(s => s.Name).ToListAsync();
        return true;
    }

    private static string ViewsSummary(ReviewViews views) => string.Join(" ", new[]
    {
        views.GoingWell is { } good ? $"Going well: {good}" : null,
        views.NotGoingWell is { } bad ? $"Not going well: {bad}" : null,
        views.WantToChange is { } change ? $"Wants to change: {change}" : null,
    }.Where(part => part is not null));

    public sealed class InputModel
    {
        public long Version { get; set; }
        public DateInput? HeldOn { get; set; }
        public ParticipationCode? ParticipationCode { get; set; }
        public List<ParticipationMeans> Means { get; set; } = [];
        public string? Attendees { get; set; }
        public string? ChildWishesAndFeelings { get; set; }
        public string? ParentsViews { get; set; }
        public string? IroView { get; set; }
        public Dictionary<int, string?> Considerations { get; set; } = [];
        public Dictionary<int, OutcomeInput> Outcomes { get; set; } = [];
        public List<RecommendationInput> Recommendations { get; set; } = [];
        [System.ComponentModel.DataAnnotations.StringLength(4000, ErrorMessage = "The letter must be 4,000 characters or fewer")]
        public string? LetterToChild { get; set; }
    }

    public sealed class OutcomeInput
    {
        public RecommendationStatus? Outcome { get; set; }
        public string? Note { get; set; }
        public DateInput? NewDueOn { get; set; }
    }

    public sealed class RecommendationInput
    {
        public string? Action { get; set; }
        public int? OwnerStaffId { get; set; }
        public string? OwnerName { get; set; }
        public string? OwnerRole { get; set; }
        public DateInput? DueOn { get; set; }
        public string? Monitoring { get; set; }
        public List<CaseTheme> Themes { get; set; } = [];

        public bool IsBlank => string.IsNullOrWhiteSpace(Action) && OwnerStaffId is null && string.IsNullOrWhiteSpace(OwnerName)
            && string.IsNullOrWhiteSpace(OwnerRole) && (DueOn?.IsEmpty ?? true) && string.IsNullOrWhiteSpace(Monitoring) && Themes.Count == 0;
    }
}
