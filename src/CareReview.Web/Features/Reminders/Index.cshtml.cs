namespace CareReview.Web.Features.Reminders;

/// <summary>
/// The signed-in person's own reminders, most urgent first. A reminder is shown only while it still holds:
/// the recommendation is still open, still theirs and still due on that date, or the child is still looked
/// after, still allocated to them and the review still due on that date. Anything else has been dealt with.
/// </summary>
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource calendars) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int OverdueCount => Rows.Count(r => r.Status.State == DueState.Overdue);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        audit.Record(AuditAction.RemindersViewed, details: $"rows:{Rows.Count}");
        await db.SaveChangesAsync();
    }

    /// <summary>Dismisses a reminder, and any other of the person's reminders about the same thing and date.</summary>
    public async Task<IActionResult> OnPostDismissAsync(int id)
    {
        var me = User.StaffMemberId();
        var reminder = me is null ? null : await db.Set<Reminder>().SingleOrDefaultAsync(r => r.Id == id && r.StaffMemberId == me);
        if (reminder is null)
        {
            return NotFound();
        }

        var kinds = reminder.SameSubjectKinds;
        var same = await db.Set<Reminder>()
            .Where(r => r.StaffMemberId == me && r.SubjectId == reminder.SubjectId && r.DueOn == reminder.DueOn
                        && kinds.Contains(r.Kind) && r.DismissedAtUtc == null)
            .ToListAsync();
        var now = time.GetUtcNow().UtcDateTime;
        same.ForEach(r => r.Dismiss(now));
        audit.Record(AuditAction.ReminderDismissed, reminder.ChildId, $"reminder:{id}");
        await db.SaveChangesAsync();
        TempData["Success"] = "Reminder dismissed";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Today = time.TodayInEngland();
        var me = User.StaffMemberId();
        if (me is null)
        {
            return;
        }

        var reminders = await db.Set<Reminder>().AsNoTracking()
            .Where(r => r.StaffMemberId == me && r.DismissedAtUtc == null)
            .ToListAsync();

        var recommendationIds = reminders.Where(r => r.IsAboutRecommendation).Select(r => r.SubjectId).Distinct().ToList();
        var recommendations = await (
                from recommendation in db.Recommendations
                join review in db.Reviews on recommendation.ReviewId equals review.Id
                join child in db.Children on review.ChildId equals child.Id
                where recommendationIds.Contains(recommendation.Id) && recommendation.Status == RecommendationStatus.Open
                      && recommendation.OwnerStaffId == me
                select new { recommendation.Id, recommendation.Action, recommendation.DueOn, ChildName = child.GivenName + " " + child.FamilyName })
            .ToDictionaryAsync(r => r.Id);

        var childIds = reminders.Where(r => r.Kind == ReminderKind.ReviewDueSoon).Select(r => r.SubjectId).Distinct().ToList();
        var children = await db.Children
            .Where(c => childIds.Contains(c.Id) && (c.IroId == me || c.SocialWorkerId == me) && c.Episodes.Any(e => e.EndedOn == null))
            .Select(c => new { c.Id, c.NextReviewDueOn, Name = c.GivenName + " " + c.FamilyName })
            .ToDictionaryAsync(c => c.Id);

        // An escalation's reminder holds while its open stage still waits on this person's response.
        var escalationIds = reminders.Where(r => r.IsAboutEscalation).Select(r => r.SubjectId).Distinct().ToList();
        var stages = await (
                from stage in db.Set<EscalationStage>()
                join escalation in db.Escalations on stage.EscalationId equals escalation.Id
                join child in db.Children on escalation.ChildId equals child.Id
                where escalationIds.Contains(escalation.Id) && escalation.Outcome == null && stage.RespondentStaffId == me
                      && stage.Response == null && stage.Decision == null
                select new { EscalationId = escalation.Id, stage.Number, stage.ResponseDueOn, ChildName = child.GivenName + " " + child.FamilyName })
            .ToListAsync();

        var calendar = calendars.Current;
        Row? Current(Reminder reminder)
        {
            if (reminder.IsAboutEscalation)
            {
                return stages.FirstOrDefault(s => s.EscalationId == reminder.SubjectId && s.ResponseDueOn == reminder.DueOn) is { } s
                    ? new Row(reminder.Id, reminder.Kind, $"Respond to the stage {s.Number} escalation", $"/escalations/{s.EscalationId}", s.ChildName,
                        s.ResponseDueOn, DueStatus.For(s.ResponseDueOn, Today, calendar), reminder.CreatedAtUtc)
                    : null;
            }

            if (reminder.IsAboutRecommendation)
            {
                return recommendations.TryGetValue(reminder.SubjectId, out var r) && r.DueOn == reminder.DueOn
                    ? new Row(reminder.Id, reminder.Kind, r.Action, $"/recommendations/{r.Id}", r.ChildName, r.DueOn,
                        DueStatus.For(r.DueOn, Today, calendar), reminder.CreatedAtUtc)
                    : null;
            }

            return children.TryGetValue(reminder.SubjectId, out var c) && c.NextReviewDueOn == reminder.DueOn
                ? new Row(reminder.Id, reminder.Kind, "Next review", $"/children/{c.Id}", c.Name, reminder.DueOn,
                    DueStatus.For(reminder.DueOn, Today, calendar), reminder.CreatedAtUtc)
                : null;
        }

        // A recommendation that was due soon and is now overdue has two reminders: show it once, as the latest.
        Rows = reminders
            .Select(Current)
            .OfType<Row>()
            .GroupBy(r => (r.Link, r.DueOn))
            .Select(g => g.OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.ReminderId).First())
            .OrderBy(r => r.DueOn)
            .ThenByDescending(r => r.CreatedAtUtc)
            .ThenBy(r => r.ChildName, StringComparer.Ordinal)
            .ToList();
    }

    public sealed record Row(int ReminderId, ReminderKind Kind, string What, string Link, string ChildName, DateOnly DueOn,
        DueStatus Status, DateTime CreatedAtUtc)
    {
        public string KindText => Kind switch
        {
            ReminderKind.RecommendationDueSoon or ReminderKind.RecommendationOverdue => "Recommendation",
            ReminderKind.ReviewDueSoon => "Statutory review",
            ReminderKind.EscalationResponseDueSoon or ReminderKind.EscalationResponseOverdue => "Escalation",
        };
    }
}
