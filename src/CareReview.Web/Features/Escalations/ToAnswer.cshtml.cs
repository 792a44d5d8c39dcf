namespace CareReview.Web.Features.Escalations;

/// <summary>What waits on a respondent: the escalations they are asked to answer, soonest due first, then those they answered.</summary>
[Requires(Permission.RespondToEscalations)]
public sealed class ToAnswerModel(AppDbContext db, AuditLog audit, TimeProvider time, RulebookSource rules)
    : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public IReadOnlyList<Row> Waiting { get; private set; } = [];
    public IReadOnlyList<Row> Answered { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public Domain.WorkingDayCalendar Calendar => rules.Current;

    public async Task OnGetAsync()
    {
        Today = time.TodayInEngland();
        var me = User.StaffMemberId();
        var rows = await (
                from stage in db.Set<EscalationStage>()
                join escalation in db.Escalations on stage.EscalationId equals escalation.Id
                join child in db.Children on escalation.ChildId equals child.Id
                where me != null && stage.RespondentStaffId == me
                select new Row(escalation.Id, child.GivenName + " " + child.FamilyName, escalation.Category, stage.Number, stage.Level,
                    stage.OpenedOn, stage.ResponseDueOn, stage.RespondedOn, stage.Decision, escalation.Outcome))
            .ToListAsync();

        Waiting = [.. rows.Where(r => r.RespondedOn is null && r.Decision is null && r.Outcome is null).OrderBy(r => r.DueOn)];
        Answered = [.. rows.Except(Waiting).OrderByDescending(r => r.OpenedOn)];
        audit.Record(AuditAction.EscalationsToAnswerViewed, details: $"waiting:{Waiting.Count};answered:{Answered.Count}");
        await db.SaveChangesAsync();
    }

    public sealed record Row(int Id, string ChildName, ConcernCategory Category, int Stage, string Level, DateOnly OpenedOn, DateOnly DueOn,
        DateOnly? RespondedOn, StageDecision? Decision, EscalationOutcome? Outcome);
}
