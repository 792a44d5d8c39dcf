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
    public bool ShortBreaks => Child.CurrentEpisode?.LegalStatus.IsShortBreak() == true;

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
        var lastHeld = Child.Reviews.Max(r => r.HeldOn);
        if (heldOn <= lastHeld)
        {
            ModelState.AddModelError("Input.HeldOn", $"The last review was held on {GovukDate.Format(lastHeld)}. This review must be after it");
        }

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
            () =>
            {
                var held = Child.RecordReview(record, drafts, outcomes, by, Today, Rules);
                held.RecordParticipationMeans(Input.Means.Aggregate(ParticipationMeans.None, (all, means) => all | means));
                if (letter is null)
                {
                    // Nothing typed: the record still ends with a letter to the child, drafted from what was agreed.
                    Child.Reviews.Single(r => r.HeldOn == heldOn).WriteLetterToChild(
                        ChildLetter.Draft(Child, heldOn.Value, drafts, Child.NextReviewDueOn, Child.Iro?.Name));
                }
            },
            AuditAction.ReviewRecorded, () => $"review:{reviewId};recommendations:{drafts.Count};outcomes:{outcomes.Count}");
        if (!saved)
        {
            return Page();
        }

        TempData["Success"] = $"Review recorded. The next review is due by {GovukDate.Format(Child.NextReviewDueOn)}";
        return RedirectToPage("/Reviews/Details", new { id, reviewId });
    }

    private List<RecommendationDraft> ReadRecommendations(DateOnly? heldOn)
    {
        var drafts = new List<RecommendationDraft>();
        for (var i = 0; i < Input.Recommendations.Count; i++)
        {
            var row = Input.Recommendations[i];
            if (row.IsBlank)
            {
                continue;
            }

            var prefix = $"Input.Recommendations[{i}]";
            var dueOn = ModelState.ReadDate($"{prefix}.DueOn", row.DueOn, "Date it must be done by");
            var staff = Staff.SingleOrDefault(s => s.Id == row.OwnerStaffId);
            var draft = new RecommendationDraft(row.Action,
                string.IsNullOrWhiteSpace(row.OwnerName) ? staff?.Name : row.OwnerName,
                string.IsNullOrWhiteSpace(row.OwnerRole) ? RoleOf(staff) : row.OwnerRole,
                staff?.Id, dueOn, row.Monitoring, row.Themes);
            foreach (var problem in Recommendation.Problems(draft, heldOn ?? Today))
            {
                if (problem.Field != nameof(Recommendation.DueOn) || dueOn is not null)
                {
                    ModelState.AddModelError($"{prefix}.{problem.Field}", problem.Message);
                }
            }

            drafts.Add(draft);
        }

        return drafts;
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
        foreach (var problem in Child.OutcomeProblems(heldOn ?? Today, outcomes).Where(p => !unreadDates.Contains(p.Field ?? "")))
        {
            ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
        }

        return outcomes;
    }

    private static string? RoleOf(StaffMember? staff) => staff?.Role switch
    {
        null => null,
        StaffRole.Iro => "IRO",
        StaffRole.IroManager => "IRO manager",
        StaffRole.SocialWorker => "Social worker",
        StaffRole.TeamManager => "Team manager",
        StaffRole.SeniorManager => staff.JobTitle ?? "Senior manager",
        _ => null,
    };

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
