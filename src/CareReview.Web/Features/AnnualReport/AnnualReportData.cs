using CareReview.Domain.Reports;
using Report = CareReview.Domain.Reports.AnnualReport;

namespace CareReview.Web.Features.AnnualReport;

/// <summary>Reads the facts the annual report needs for a range from the database and works out the figures.</summary>
public static class AnnualReportData
{
    public static async Task<Report> LoadAsync(AppDbContext db, DateOnly start, DateOnly end, WorkingDayCalendar calendar)
    {
        var periods = await db.CareEpisodes.Where(e => e.StartedOn <= end && (e.EndedOn == null || e.EndedOn >= start.AddDays(-1)))
            .Select(e => new CarePeriodFact(e.ChildId, e.StartedOn, e.EndedOn))
            .ToListAsync();

        var reviews = await (
                from review in db.Reviews
                join child in db.Children on review.ChildId equals child.Id
                join card in db.ReviewFeedback on review.Id equals card.ReviewId into cards
                from card in cards.DefaultIfEmpty()
                where review.HeldOn >= start && review.HeldOn <= end
                select new
                {
                    review.Id,
                    review.ChildId,
                    HeldOn = review.HeldOn!.Value,
                    review.DueOn,
                    child.DateOfBirth,
                    SeenAlone = review.ChildSeenAloneOn != null,
                    review.ParticipationCode,
                    Rating = card == null ? (ReviewRating?)null : card.Rating,
                })
            .ToListAsync();

        var recommendations = await (
                from recommendation in db.Recommendations.Include(r => r.Updates)
                join review in db.Reviews on recommendation.ReviewId equals review.Id
                where recommendation.MadeOn >= start && recommendation.MadeOn <= end
                select new { recommendation, review.ChildId })
            .ToListAsync();

        var escalations = await db.Escalations.Include(e => e.Stages)
            .Where(e => e.RaisedOn <= end && (e.RaisedOn >= start || e.ClosedOn >= start))
            .AsSplitQuery()
            .ToListAsync();
        var cafcass = await db.CafcassReferrals.Where(c => c.ReferredOn >= start && c.ReferredOn <= end)
            .Select(c => new CafcassFact(c.Id, c.ChildId, c.ReferredOn, c.Outcome))
            .ToListAsync();
        var allocations = await db.Set<Allocation>().OrderBy(a => a.From).ThenBy(a => a.Id)
            .Select(a => new AllocationFact(a.ChildId, a.From, a.IroId, a.IroName))
            .ToListAsync();
        var iros = await db.StaffMembers.Where(s => s.Role == Domain.Staff.StaffRole.Iro)
            .Select(s => new IroFact(s.Id, s.Name, s.Fte))
            .ToListAsync();

        return Report.For(start, end, periods,
            reviews.Select(r => new ReviewFact(r.Id, r.ChildId, r.HeldOn, r.DueOn, Child.Age(r.DateOfBirth, r.HeldOn), r.SeenAlone, r.ParticipationCode, r.Rating)),
            recommendations.Select(r => new RecommendationFact(r.recommendation.Id, r.ChildId, r.recommendation.MadeOn, r.recommendation.DueOn,
                r.recommendation.CompletedOn,
                r.recommendation.Updates.Where(u => u.Kind is RecommendationUpdateKind.CarriedForward or RecommendationUpdateKind.Dropped)
                    .Select(u => (DateOnly?)u.On).Min(),
                r.recommendation.Themes)),
            escalations.Select(e => new EscalationFact(e.Id, e.ChildId, e.RaisedOn, e.Category, e.StageReached, e.Outcome, e.ClosedOn,
                e.WorkingDaysToClose(calendar), e.Themes)),
            cafcass, allocations, iros);
    }
}
