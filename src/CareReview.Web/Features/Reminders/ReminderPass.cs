using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace CareReview.Web.Features.Reminders;

/// <summary>Which kind of reminder a due date calls for (issue 3); how far ahead each kind looks is <see cref="DueSoonPolicy"/>.</summary>
public static class ReminderRules
{
    public static ReminderKind ForRecommendation(DateOnly dueOn, DateOnly today) =>
        dueOn < today ? ReminderKind.RecommendationOverdue : ReminderKind.RecommendationDueSoon;

    public static ReminderKind ForEscalation(DateOnly dueOn, DateOnly today) =>
        dueOn < today ? ReminderKind.EscalationResponseOverdue : ReminderKind.EscalationResponseDueSoon;
}

/// <summary>What one pass of the job did.</summary>
/// <param name="Due">Reminders the rules call for today, old and new.</param>
/// <param name="Created">Of those, the ones this pass recorded (the rest were there already).</param>
/// <param name="Emailed">Reminders this pass emailed.</param>
public sealed record ReminderRunResult(int Due, int Created, int Emailed);

/// <summary>
/// One pass of the reminder job, in its own DI scope: works out which reminders are due today, records
/// those not yet recorded, and (when email is on) emails each new one once.
/// </summary>
public sealed class ReminderPass(
    AppDbContext db,
    RulebookSource calendars,
    TimeProvider time,
    INotificationSender sender,
    IOptions<EmailOptions> email,
    AuditLog audit,
    ILogger<ReminderPass> logger)
{
    /// <summary>Reminders not emailed within a day of being made are left to the app, so that turning email on does not send a backlog.</summary>
    public static readonly TimeSpan EmailWithin = TimeSpan.FromDays(1);

    /// <summary>Who the audit log shows as emailing reminders.</summary>
    private static readonly ClaimsPrincipal s_job = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "reminder-job"), new Claim(ClaimTypes.Name, "Reminder job")], "system"));

    private DbSet<Reminder> Reminders => db.Set<Reminder>();

    public async Task<ReminderRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await DueAsync(time.TodayInEngland(), calendars.Current, now, cancellationToken);
        var created = await RecordMissingAsync(due, cancellationToken);
        var emailed = email.Value.Smtp.Enabled ? await EmailNewAsync(now, cancellationToken) : 0;
        return new ReminderRunResult(due.Count, created, emailed);
    }

    /// <summary>Every reminder the rules call for today, whether or not it is recorded yet.</summary>
    private async Task<List<Reminder>> DueAsync(DateOnly today, WorkingDayCalendar calendar, DateTime now, CancellationToken cancellationToken)
    {
        var recommendationsBy = calendar.AddWorkingDays(today, DueSoonPolicy.RecommendationReminderWorkingDays);
        var recommendations = await (
                from recommendation in db.Recommendations
                join review in db.Reviews on recommendation.ReviewId equals review.Id
                where recommendation.Status == RecommendationStatus.Open
                      && recommendation.OwnerStaffId != null
                      && recommendation.DueOn <= recommendationsBy
                select new { recommendation.Id, Owner = recommendation.OwnerStaffId!.Value, recommendation.DueOn, review.ChildId })
            .ToListAsync(cancellationToken);

        var reviewsBy = calendar.AddWorkingDays(today, DueSoonPolicy.ReviewReminderWorkingDays);
        var children = await db.Children
            .Where(c => c.NextReviewDueOn != null && c.NextReviewDueOn <= reviewsBy
                        && c.Episodes.Any(e => e.EndedOn == null)
                        && (c.IroId != null || c.SocialWorkerId != null))
            .Select(c => new { c.Id, DueOn = c.NextReviewDueOn!.Value, c.IroId, c.SocialWorkerId })
            .ToListAsync(cancellationToken);

        var escalationsBy = calendar.AddWorkingDays(today, DueSoonPolicy.EscalationResponseReminderWorkingDays);
        var stages = await (
                from stage in db.Set<EscalationStage>()
                join escalation in db.Escalations on stage.EscalationId equals escalation.Id
                where escalation.Outcome == null && stage.Response == null && stage.Decision == null && stage.ResponseDueOn <= escalationsBy
                select new { stage.RespondentStaffId, stage.ResponseDueOn, escalation.Id, escalation.ChildId })
            .ToListAsync(cancellationToken);

        var due = recommendations
            .Select(r => new Reminder(r.Owner, ReminderRules.ForRecommendation(r.DueOn, today), r.Id, r.DueOn, r.ChildId, now))
            .Concat(stages.Select(s => new Reminder(s.RespondentStaffId, ReminderRules.ForEscalation(s.ResponseDueOn, today), s.Id, s.ResponseDueOn, s.ChildId, now)))
            .ToList();
        foreach (var child in children)
        {
            foreach (var staffId in new[] { child.IroId, child.SocialWorkerId }.OfType<int>().Distinct())
            {
                due.Add(new Reminder(staffId, ReminderKind.ReviewDueSoon, child.Id, child.DueOn, child.Id, now));
            }
        }

        return due;
    }

    /// <summary>
    /// Records the reminders not recorded yet and returns how many this pass added. Another app instance may
    /// be doing the same at the same moment, so each insert leaves alone a row the unique index already holds
    /// (INSERT ... ON CONFLICT DO NOTHING, the same on SQLite 3.24+ and PostgreSQL): nothing fails, nothing is
    /// recorded twice, and the count of rows inserted says which reminders are this pass's. Each row is its own
    /// statement and transaction, so two instances cannot deadlock over the order of their inserts.
    /// </summary>
    private async Task<int> RecordMissingAsync(List<Reminder> due, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return 0;
        }

        var subjects = due.Select(r => r.SubjectId).Distinct().ToList();
        var recorded = (await Reminders
                .Where(r => subjects.Contains(r.SubjectId))
                .Select(r => new { r.Kind, r.SubjectId, r.DueOn, r.StaffMemberId })
                .ToListAsync(cancellationToken))
            .Select(r => (r.Kind, r.SubjectId, r.DueOn, r.StaffMemberId))
            .ToHashSet();

        var created = 0;
        foreach (var r in due.Where(r => !recorded.Contains((r.Kind, r.SubjectId, r.DueOn, r.StaffMemberId))))
        {
            // The names are ReminderConfiguration's; the tests run this on both engines.
            created += await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Reminders" ("StaffMemberId", "Kind", "SubjectId", "DueOn", "ChildId", "CreatedAtUtc")
                VALUES ({r.StaffMemberId}, {r.Kind.ToString()}, {r.SubjectId}, {r.DueOn}, {r.ChildId}, {r.CreatedAtUtc})
                ON CONFLICT DO NOTHING
                """, cancellationToken);
        }

        return created;
    }

    /// <summary>
    /// Emails each recent reminder not emailed yet, once: a pass first claims a reminder by stamping
    /// EmailedAtUtc where it is still empty, so that two instances never both send it. If sending fails the
    /// claim is given back and the next pass tries again.
    /// </summary>
    private async Task<int> EmailNewAsync(DateTime now, CancellationToken cancellationToken)
    {
        var since = now - EmailWithin;
        var pending = await (
                from reminder in Reminders
                join staff in db.StaffMembers on reminder.StaffMemberId equals staff.Id
                join child in db.Children on reminder.ChildId equals child.Id
                where reminder.EmailedAtUtc == null && reminder.DismissedAtUtc == null && reminder.CreatedAtUtc >= since
                      && staff.Email != null && staff.Email != ""
                orderby reminder.Id
                select new { reminder.Id, reminder.Kind, reminder.SubjectId, reminder.DueOn, reminder.ChildId, staff.Name, Email = staff.Email!, child.GivenName })
            .ToListAsync(cancellationToken);

        var emailed = 0;
        foreach (var p in pending)
        {
            var claimed = await Reminders.Where(r => r.Id == p.Id && r.EmailedAtUtc == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.EmailedAtUtc, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            try
            {
                var message = ReminderEmail.Compose(p.Kind, p.SubjectId, p.DueOn, p.Name, p.GivenName, email.Value.AppUrl);
                await sender.SendAsync(new Notification(p.Email, p.Name, message.Subject, message.Body), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Logged by id only: the address and the child's name stay out of the logs.
                logger.LogWarning(e, "Could not email reminder {ReminderId}; it will be tried again on the next pass", p.Id);
                await Reminders.Where(r => r.Id == p.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.EmailedAtUtc, (DateTime?)null), CancellationToken.None);
                continue;
            }

            // The child's first name and a date left the system in an email: that is recorded like an export.
            audit.Record(s_job, AuditAction.ReminderEmailed, p.ChildId, $"reminder:{p.Id};kind:{p.Kind}");
            await db.SaveChangesAsync(cancellationToken);
            emailed++;
        }

        return emailed;
    }
}
