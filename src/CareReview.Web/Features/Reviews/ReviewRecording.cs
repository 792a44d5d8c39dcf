using CareReview.Domain.Reports;

namespace CareReview.Web.Features.Reviews;

/// <summary>
/// What arranging and recording a review check and do, for the pages and the API alike: a problem names its field
/// relative to the form (<c>HeldOn</c>, <c>Recommendations[0].DueOn</c>, <c>Outcomes[12].NewDueOn</c>), and each
/// caller puts it where its own caller reads it.
/// </summary>
public static class ReviewRecording
{
    /// <summary>Arranges the review to come, or changes the one already arranged.</summary>
    public static void Arrange(Child child, ReviewArrangements arrangements, DateOnly today, Rulebook rules)
    {
        if (child.OpenReview is not null)
        {
            child.RearrangeReview(arrangements, today, rules);
        }
        else
        {
            child.ScheduleReview(arrangements, today, rules);
        }
    }

    public static string ArrangedDetails(DateOnly date) => $"date:{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>A start time as hours and minutes (<c>14:30</c> or <c>14.30</c>); null with a message when it cannot be read.</summary>
    public static TimeOnly? ReadStartTime(string? text, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(text.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            return t;
        }

        problem("StartsAt", "Enter the start time as hours and minutes, for example 14:30");
        return null;
    }

    /// <summary>A child on short breaks (V3, V4) has no participation code.</summary>
    public static bool OnShortBreaks(Child child) => child.CurrentEpisode?.LegalStatus.IsShortBreak() == true;

    /// <summary>The review must be held after the last one.</summary>
    public static void CheckHeldOn(Child child, DateOnly? heldOn, Action<string, string> problem)
    {
        var lastHeld = child.Reviews.Max(r => r.HeldOn);
        if (heldOn <= lastHeld)
        {
            problem("HeldOn", $"The last review was held on {GovukDate.Format(lastHeld)}. This review must be after it");
        }
    }

    /// <summary>
    /// A row of the recommendations the review made. <c>DueOnRead</c> is false when a date was given
    /// that could not be read: its message is already beside it.
    /// </summary>
    public sealed record RecommendationRow(string? Action, int? OwnerStaffId, string? OwnerName, string? OwnerRole, DateOnly? DueOn,
        string? Monitoring, IReadOnlyList<CaseTheme> Themes, bool DueOnRead = true);

    /// <summary>The recommendations as drafts for the domain, naming the owner's role from the staff record when none is given.</summary>
    public static List<RecommendationDraft> Drafts(IReadOnlyList<(int Index, RecommendationRow Row)> rows, IReadOnlyList<StaffMember> staff,
        DateOnly madeOn, Action<string, string> problem)
    {
        var drafts = new List<RecommendationDraft>();
        foreach (var (index, row) in rows)
        {
            var owner = staff.SingleOrDefault(s => s.Id == row.OwnerStaffId);
            var draft = new RecommendationDraft(row.Action,
                string.IsNullOrWhiteSpace(row.OwnerName) ? owner?.Name : row.OwnerName,
                string.IsNullOrWhiteSpace(row.OwnerRole) ? RoleOf(owner) : row.OwnerRole,
                owner?.Id, row.DueOn, row.Monitoring, [.. row.Themes]);
            foreach (var p in Recommendation.Problems(draft, madeOn))
            {
                if (p.Field != nameof(Recommendation.DueOn) || row.DueOnRead)
                {
                    problem($"Recommendations[{index}].{p.Field}", p.Message);
                }
            }

            drafts.Add(draft);
        }

        return drafts;
    }

    /// <summary>The problems with what became of the recommendations still open, except with dates already reported as unreadable.</summary>
    public static void CheckOutcomes(Child child, DateOnly heldOn, IReadOnlyList<RecommendationOutcome> outcomes, ISet<string> unreadDates,
        Action<string, string> problem)
    {
        foreach (var p in child.OutcomeProblems(heldOn, outcomes).Where(p => !unreadDates.Contains(p.Field ?? "")))
        {
            problem(p.Field ?? "", p.Message);
        }
    }

    /// <summary>
    /// Records the review held, how the child took part, and its letter: the one written, or, when none was, one drafted
    /// from what was agreed, so that the record always ends with a letter to the child.
    /// </summary>
    public static void Record(Child child, ReviewRecord record, IReadOnlyList<RecommendationDraft> drafts, IReadOnlyList<RecommendationOutcome> outcomes,
        IEnumerable<ParticipationMeans> means, string by, DateOnly today, Rulebook rules)
    {
        var held = child.RecordReview(record, drafts, outcomes, by, today, rules);
        held.RecordParticipationMeans(means.Aggregate(ParticipationMeans.None, (all, m) => all | m));
        if (record.LetterToChild is null)
        {
            child.Reviews.Single(r => r.HeldOn == record.HeldOn).WriteLetterToChild(
                ChildLetter.Draft(child, record.HeldOn, drafts, child.NextReviewDueOn, child.Iro?.Name));
        }
    }

    public static string RecordedDetails(int reviewId, int recommendations, int outcomes) =>
        $"review:{reviewId};recommendations:{recommendations};outcomes:{outcomes}";

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
}
