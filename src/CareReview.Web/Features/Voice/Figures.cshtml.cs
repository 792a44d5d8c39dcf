using CareReview.Web.Output;

namespace CareReview.Web.Features.Voice;

/// <summary>
/// The child's voice figures for the IRO manager: how children took part in the reviews held in a date
/// range, attendance by age band, Rate My Review by age band and by IRO, and seeing the child alone.
/// </summary>
[Requires(Permission.SeeParticipationFigures)]
public sealed class FiguresModel(AppDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput? To { get; set; }

    public ParticipationFigures? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Page();
        }

        audit.Record(AuditAction.ParticipationFiguresViewed, details: $"from:{Csv.Date(Figures!.From)};to:{Csv.Date(Figures.To)};reviews:{Figures.Reviews}");
        await db.SaveChangesAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!await LoadAsync())
        {
            return Page();
        }

        var figures = Figures!;
        audit.Record(AuditAction.ParticipationFiguresExported, details: $"from:{Csv.Date(figures.From)};to:{Csv.Date(figures.To)};reviews:{figures.Reviews}");
        await db.SaveChangesAsync();
        return File(Csv.ToBytes(CsvHeader, CsvRows(figures)), "text/csv", $"participation-{Csv.Date(figures.From)}-to-{Csv.Date(figures.To)}.csv");
    }

    public static readonly IReadOnlyList<string> CsvHeader = ["measure", "group", "value", "count", "of", "share"];

    /// <summary>One long table, so each figure is a row a spreadsheet can filter: measure, group, value, count, out of, share.</summary>
    public static IEnumerable<IReadOnlyList<string?>> CsvRows(ParticipationFigures f)
    {
        foreach (var code in f.Codes)
        {
            yield return Row("participation_code", "all", code.Code?.ToString() ?? "not_recorded", code.Count, f.Reviews);
        }

        foreach (var band in f.Attendance)
        {
            yield return Row("attended", band.Band.Describe(), "PN1-PN4", band.Attended, band.Reviews);
        }

        foreach (var band in f.RatingsByBand)
        {
            yield return Row("rate_my_review", band.Band.Describe(), "Good", band.Good, band.Total);
            yield return Row("rate_my_review", band.Band.Describe(), "OK", band.Ok, band.Total);
            yield return Row("rate_my_review", band.Band.Describe(), "Not happy", band.NotHappy, band.Total);
        }

        foreach (var iro in f.RatingsByIro)
        {
            yield return Row("rate_my_review_by_iro", iro.IroName, "Good", iro.Good, iro.Rated);
            yield return Row("rate_my_review_by_iro", iro.IroName, "OK", iro.Ok, iro.Rated);
            yield return Row("rate_my_review_by_iro", iro.IroName, "Not happy", iro.NotHappy, iro.Rated);
        }

        yield return Row("seen_alone_before_review", "aged 4 and over", "yes", f.SeenAloneBefore, f.ReviewsFourAndOver);
        foreach (var means in f.Means)
        {
            yield return Row("participation_means", "all", means.Means.ToString(), means.Count, f.Reviews);
        }
    }

    private static string?[] Row(string measure, string group, string value, int count, int of) =>
        [measure, group, value, Csv.Number(count), Csv.Number(of), of == 0 ? "" : ((double)count / of).ToString("0.000", CultureInfo.InvariantCulture)];

    public static string Percent(double share) => share.ToString("0%", CultureInfo.GetCultureInfo("en-GB"));

    public static string Percent(int count, int of) => of == 0 ? "–" : Percent((double)count / of);

    private async Task<bool> LoadAsync()
    {
        var today = time.TodayInEngland();
        var financialYearStart = FinancialYear.Containing(today).Start;
        var start = From is null || From.IsEmpty ? financialYearStart : ModelState.ReadDate(nameof(From), From, "The start date");
        var end = To is null || To.IsEmpty ? today : ModelState.ReadDate(nameof(To), To, "The end date");
        From = From is null || From.IsEmpty ? DateInput.From(start) : From;
        To = To is null || To.IsEmpty ? DateInput.From(end) : To;
        if (start is null || end is null || !ModelState.IsValid)
        {
            return false;
        }

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
                    child.DateOfBirth,
                    review.ParticipationCode,
                    review.ParticipationMeans,
                    SeenAlone = review.ChildSeenAloneOn != null,
                    Rating = card == null ? (ReviewRating?)null : card.Rating,
                })
            .ToListAsync();
        var childIds = reviews.Select(r => r.ChildId).Distinct().ToList();
        var allocations = (await db.Set<Allocation>().Where(a => childIds.Contains(a.ChildId)).ToListAsync())
            .ToLookup(a => a.ChildId);

        try
        {
            Figures = ParticipationFigures.For(
                reviews.Select(r => new ParticipationFact(r.Id, r.ChildId, r.HeldOn, Child.Age(r.DateOfBirth, r.HeldOn), r.ParticipationCode,
                    r.ParticipationMeans, r.SeenAlone, r.Rating, IroOn(allocations[r.ChildId], r.HeldOn))),
                start.Value, end.Value);
            return true;
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(e.Field ?? "", e.Message);
            return false;
        }
    }

    /// <summary>The IRO allocated on the day of the review (the last change that day), as the allocation history recorded their name.</summary>
    private static string IroOn(IEnumerable<Allocation> allocations, DateOnly on) =>
        allocations.Where(a => (a.From ?? DateOnly.MinValue) <= on).OrderBy(a => a.From ?? DateOnly.MinValue).ThenBy(a => a.Id).LastOrDefault()?.IroName ?? "No IRO allocated";
}
