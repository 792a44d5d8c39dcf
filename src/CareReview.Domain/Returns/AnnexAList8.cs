using System.Globalization;
using CareReview.Domain.Children;
using CareReview.Domain.Reviews;

namespace CareReview.Domain.Returns;

/// <summary>
/// Ofsted's ILACS Annex A List 8 (children in care) for a window, as rows of text in the template's column
/// order. <see cref="Rows"/> holds one row per child; a cell is null when Care Review holds nothing for it.
/// </summary>
public sealed record AnnexAList8Table(DateOnly From, DateOnly To, IReadOnlyList<string?[]> Rows)
{
    /// <summary>The cell of <paramref name="row"/> under the heading <paramref name="column"/>.</summary>
    public static string? Cell(string?[] row, string column)
    {
        var index = AnnexAList8.Columns.ToList().IndexOf(column);
        return index < 0 ? throw new ArgumentException($"No Annex A column is headed '{column}'", nameof(column)) : row[index];
    }
}

/// <summary>
/// Works out List 8 from the children's own records (statutory-rules.md §8; the sources column by column are
/// in docs/plans/issue-7-returns.md §1.5). Everything is as it stood on the window's last day: episodes,
/// reviews, visits and plans recorded after it are not read.
/// </summary>
public static class AnnexAList8
{
    /// <summary>The headings of the Annex A template, in its order (statutory-rules.md §8).</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Child Unique ID",
        "Gender",
        "Ethnicity",
        "Date of Birth",
        "Age of Child (Years)",
        "UASC within the last 12 months (Y/N)",
        "Does the Child have a Disability",
        "Date Started to be Looked After",
        "Child's Category of Need",
        "Is this a second or subsequent period of being looked after within the last 12 months (Y/N)",
        "Start date of current legal status",
        "Child's Legal Status",
        "Date of Latest Statutory Review",
        "Date of Last Social Work Visit",
        "What is the permanence plan for this child?",
        "Date of Last IRO Visit / Contact to the Child",
        "Date of Last Health Assessment",
        "Date of Last Dental Check",
        "Number of Placements in the Last 12 Months",
        "Date Ceased to be Looked After",
        "Reason Ceased to be Looked After",
        "Start Date of Most Recent Placement",
        "Placement Type",
        "Placement Provider",
        "Placement postcode",
        "URN of Placement",
        "Placement Location",
        "LA of Placement",
        "Number of episodes 'Missing' in last 12 months",
        "Number of episodes 'Absent' in last 12 months",
        "Offered return interview after last missing episode (Y/N)",
        "Accepted return interview (Y/N)",
        "Allocated Team",
        "Allocated Worker",
    ];

    /// <summary>
    /// The columns always written blank, and why: Care Review records no missing or absent episodes, and where a
    /// placement is needs a postcode-to-council lookup it does not have (ADR-0015).
    /// </summary>
    public static readonly IReadOnlyList<(string Column, string Reason)> BlankColumns =
    [
        ("Placement Location", "whether a placement is in or out of the council's area needs a postcode-to-council lookup, which Care Review does not have"),
        ("LA of Placement", "the council a placement is in needs the same lookup"),
        ("Number of episodes 'Missing' in last 12 months", "Care Review does not record missing episodes"),
        ("Number of episodes 'Absent' in last 12 months", "Care Review does not record absences"),
        ("Offered return interview after last missing episode (Y/N)", "Care Review does not record return interviews"),
        ("Accepted return interview (Y/N)", "Care Review does not record return interviews"),
    ];

    /// <summary>Checks a window a person asked for: it must run forwards and end by today.</summary>
    public static void CheckWindow(DateOnly from, DateOnly to, DateOnly today)
    {
        DateRules.RequireWindow(from, to);

        DateRules.RequireNotInTheFuture(to, today, "The end date", "To");
    }

    /// <summary>
    /// One row for each child looked after at any time from <paramref name="from"/> to <paramref name="to"/>
    /// (both days included), in order of their local reference. A child whose only episodes in the window are
    /// short breaks (V3, V4) is left out, as Ofsted's list leaves them out.
    /// </summary>
    /// <param name="teamsByStaffId">Each social worker's team, for the worker allocated on the last day.</param>
    public static AnnexAList8Table Build(IEnumerable<Child> children, DateOnly from, DateOnly to,
        IReadOnlyDictionary<int, string>? teamsByStaffId = null)
    {
        DateRules.RequireWindow(from, to);

        var rows = new List<string?[]>();
        foreach (var child in children.OrderBy(c => c.LocalId, StringComparer.Ordinal))
        {
            if (Row(child, from, to, teamsByStaffId ?? new Dictionary<int, string>()) is { } row)
            {
                rows.Add(row);
            }
        }

        return new AnnexAList8Table(from, to, rows);
    }

    /// <summary>A date as the Ofsted template writes it: dd/MM/yyyy.</summary>
    public static string? FormatDate(DateOnly? date) =>
        date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string?[]? Row(Child child, DateOnly from, DateOnly to, IReadOnlyDictionary<int, string> teams)
    {
        // Only what had happened by the last day counts, so an episode begun after it is not read at all.
        var known = child.Episodes.Where(e => e.StartedOn <= to).OrderBy(e => e.StartedOn).ThenBy(e => e.EndedOn ?? DateOnly.MaxValue).ToList();
        var inWindow = known.Where(e => e.EndedOn is null || e.EndedOn >= from).ToList();
        if (inWindow.Count == 0 || inWindow.All(e => e.LegalStatus.IsShortBreak()))
        {
            return null;
        }

        var last = inWindow[^1];
        var lastIndex = known.IndexOf(last);
        var periodStart = PeriodStart(known, lastIndex);
        var yearStart = to.AddYears(-1).AddDays(1);
        var ceased = last.EndedOn is { } ended && ended <= to && last.ReasonEnded is { } reason && reason != ReasonEpisodeCeased.X1;
        var reviews = child.Reviews.Where(r => r.IsHeld && r.HeldOn >= periodStart && r.HeldOn <= to).ToList();
        var events = child.CareEvents.Where(e => e.On <= to).ToList();
        var plan = child.CarePlans.Where(p => p.MadeOn >= periodStart && p.MadeOn <= to).MaxBy(p => p.Number);
        var (worker, team) = AllocatedOn(child, to, teams);

        string?[] row =
        [
            child.LocalId,
            child.Sex.ToString(),
            child.Ethnicity?.ToString(),
            FormatDate(child.DateOfBirth),
            Number(Child.Age(child.DateOfBirth, to)),
            YesNo(child.IsUasc && (child.UascCeasedOn is null || child.UascCeasedOn >= yearStart)),
            child.HasDisability is { } disabled ? YesNo(disabled) : null,
            FormatDate(periodStart),
            last.CategoryOfNeed.ToString(),
            YesNo(AnotherPeriodEndedInTheYearBefore(known, periodStart)),
            FormatDate(LegalStatusStart(known, lastIndex)),
            last.LegalStatus.ToString(),
            FormatDate(reviews.Max(r => r.HeldOn)),
            FormatDate(events.Where(e => e.Kind == CareEventKind.Visit && e.Counts && e.On >= periodStart).Max(e => (DateOnly?)e.On)),
            // The template takes one plan; the first of the plan's options, in their stated order, is our reading.
            plan?.Permanence is [var permanence, ..] ? permanence.ToString() : null,
            FormatDate(LastIroContact(child.Reviews, reviews, periodStart, to)),
            FormatDate(events.Where(e => e.Kind == CareEventKind.HealthAssessment).Max(e => (DateOnly?)e.On)),
            FormatDate(events.Where(e => e.Kind == CareEventKind.DentalCheck).Max(e => (DateOnly?)e.On)),
            Number(PlacementsInYear(known, yearStart)),
            ceased ? FormatDate(last.EndedOn) : null,
            ceased ? last.ReasonEnded.ToString() : null,
            FormatDate(PlacementStart(known, lastIndex)),
            last.PlacementType.ToString(),
            last.PlacementProvider?.ToString(),
            last.PlacementPostcode,
            last.Urn,
            null,
            null,
            null,
            null,
            null,
            null,
            team,
            worker,
        ];
        return row;
    }

    /// <summary>The first day of the period of care the episode belongs to: the latest start (reason S) at or before it.</summary>
    private static DateOnly PeriodStart(List<CareEpisode> episodes, int index)
    {
        for (var i = index; i >= 0; i--)
        {
            if (episodes[i].ReasonForNewEpisode == ReasonForNewEpisode.S)
            {
                return episodes[i].StartedOn;
            }
        }

        // History brought in without its first episode: the earliest known is the best there is.
        return episodes[0].StartedOn;
    }

    /// <summary>
    /// Our reading of column 10, which the template does not define: another period of care ended in the 12
    /// months before this one began (docs/plans/issue-7-returns.md §1.5).
    /// </summary>
    private static bool AnotherPeriodEndedInTheYearBefore(List<CareEpisode> episodes, DateOnly periodStart) =>
        episodes.Any(e => e.EndedOn is { } ended && e.ReasonEnded is { } reason && reason != ReasonEpisodeCeased.X1
            && ended < periodStart && ended >= periodStart.AddYears(-1));

    /// <summary>Back through the episodes chained to this one (X1, same day) while the legal status stays the same.</summary>
    private static DateOnly LegalStatusStart(List<CareEpisode> episodes, int index)
    {
        var start = index;
        while (start > 0 && Chained(episodes[start - 1], episodes[start]) && episodes[start - 1].LegalStatus == episodes[index].LegalStatus)
        {
            start--;
        }

        return episodes[start].StartedOn;
    }

    /// <summary>Back over changes of legal status alone (reason L), which keep the child where they are.</summary>
    private static DateOnly PlacementStart(List<CareEpisode> episodes, int index)
    {
        var start = index;
        while (start > 0 && episodes[start].ReasonForNewEpisode == ReasonForNewEpisode.L && Chained(episodes[start - 1], episodes[start]))
        {
            start--;
        }

        return episodes[start].StartedOn;
    }

    /// <summary>
    /// Placements in the 12 months to the window's end: the one the child was in as they began (if any), and each
    /// that started in them (reasons S, P, T, B and U; a change of legal status alone is the same placement).
    /// </summary>
    private static int PlacementsInYear(List<CareEpisode> episodes, DateOnly yearStart)
    {
        var heldAtStart = episodes.Any(e => e.StartedOn < yearStart && (e.EndedOn is null || e.EndedOn > yearStart)) ? 1 : 0;
        return heldAtStart + episodes.Count(e => e.StartedOn >= yearStart && e.ReasonForNewEpisode != ReasonForNewEpisode.L);
    }

    /// <summary>
    /// The IRO's last contact with the child: seen alone before a review, or a review the child attended
    /// (PN1 to PN4). Contact between reviews is not recorded in Care Review yet.
    /// </summary>
    private static DateOnly? LastIroContact(IEnumerable<Review> all, IEnumerable<Review> held, DateOnly periodStart, DateOnly to)
    {
        // The IRO may see the child alone before a review that is still to be held.
        var seenAlone = all.Select(r => r.ChildSeenAloneOn).Where(d => d >= periodStart && d <= to).Max();
        var attended = held.Where(r => r.ParticipationCode is ParticipationCode.PN1 or ParticipationCode.PN2
            or ParticipationCode.PN3 or ParticipationCode.PN4).Max(r => r.HeldOn);
        return new[] { seenAlone, attended }.Max();
    }

    /// <summary>The social worker allocated on the day (names as they were then) and their team.</summary>
    private static (string? Worker, string? Team) AllocatedOn(Child child, DateOnly on, IReadOnlyDictionary<int, string> teams)
    {
        if (child.Allocations.Count == 0)
        {
            return (child.SocialWorker?.Name, child.SocialWorker?.Team?.Name);
        }

        // Allocations are kept in the order they were made, and each starts on or after the one before.
        var allocation = child.Allocations.LastOrDefault(a => a.From is null || a.From <= on);
        if (allocation?.SocialWorkerName is not { } name)
        {
            return (null, null);
        }

        var team = allocation.SocialWorkerId is { } id && teams.TryGetValue(id, out var named) ? named
            : allocation.SocialWorkerId == child.SocialWorkerId && name == child.SocialWorker?.Name ? child.SocialWorker?.Team?.Name
            : null;
        return (name, team);
    }

    private static bool Chained(CareEpisode before, CareEpisode after) =>
        before.ReasonEnded == ReasonEpisodeCeased.X1 && before.EndedOn == after.StartedOn;

    private static string YesNo(bool value) => value ? "Y" : "N";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
