using System.Text.Json;
using CareReview.Web.Features.Ssd;
using CareReview.Web.Features.Ssd.Publishing;

namespace CareReview.Web.Demo;

/// <summary>
/// The demo council as a council's Standard Safeguarding Dataset would hold it: the rows of each table
/// <c>sync-ssd</c> reads (<see cref="SsdTables.Read"/>), so the sync can be shown and tested on the demo's
/// children. The rows follow the conventions the SSD reader relies on: episodes, legal statuses and placements
/// are three views of one history, looked up by date (the latest row starting on or before it), and ids are
/// made from the child's local reference, so the same demo always gives the same rows. An empty value is null.
/// </summary>
public static class DemoSsd
{
    private const string SocialWorkerTitle = "Social Worker";
    private const string TeamManagerTitle = "Team Manager";

    /// <summary>Each table of <see cref="SsdTables.Read"/> with its rows, each row in the table's column order.</summary>
    public static IReadOnlyDictionary<SsdTable, IReadOnlyList<string?[]>> Write(DemoCouncil council) => Write(council.Staff, council.Children);

    /// <summary>Any council of saved (or id-given) staff and children, such as the benchmark's thousands.</summary>
    public static IReadOnlyDictionary<SsdTable, IReadOnlyList<string?[]>> Write(IReadOnlyList<StaffMember> staff, IReadOnlyList<Child> children)
    {
        var rows = SsdTables.Read.ToDictionary(t => t, _ => new List<string?[]>());
        var professionals = Professionals(staff);
        rows[SsdTables.Professionals].AddRange(professionals.Values.Select(p => p.Row));
        foreach (var child in children)
        {
            var history = new History(child);
            rows[SsdTables.Person].Add(Person(child));
            rows[SsdTables.Episodes].AddRange(history.Episodes());
            rows[SsdTables.LegalStatus].AddRange(history.LegalStatuses());
            rows[SsdTables.Placements].AddRange(history.Placements());
            rows[SsdTables.Involvements].AddRange(Involvements(child, professionals));
            rows[SsdTables.Visits].AddRange(history.Visits());
            rows[SsdTables.Health].AddRange(Health(child));
            rows[SsdTables.Reviews].AddRange(history.Reviews());
            if (child.CurrentCarePlan is { } plan)
            {
                rows[SsdTables.CarePlan].Add(CarePlan(child, plan));
            }
        }

        return rows.ToDictionary(r => r.Key, r => (IReadOnlyList<string?[]>)r.Value);
    }

    /// <summary>A row in <paramref name="table"/>'s column order; a column not named, or named with an empty value, is null.</summary>
    private static string?[] Row(SsdTable table, params (string Column, string? Value)[] values)
    {
        var row = new string?[table.Columns.Count];
        foreach (var (column, value) in values)
        {
            row[IndexOf(table, column)] = string.IsNullOrEmpty(value) ? null : value;
        }

        return row;
    }

    private static int IndexOf(SsdTable table, string column)
    {
        var index = table.Columns.ToList().FindIndex(c => c.Name == column);
        return index >= 0 ? index : throw new ArgumentException($"{table.Name} has no column {column}.", nameof(column));
    }

    private static string?[] Person(Child child) => Row(SsdTables.Person,
        ("pers_person_id", child.LocalId),
        ("pers_forename", child.GivenName),
        ("pers_surname", child.FamilyName),
        ("pers_sex", child.Sex.ToString()),
        ("pers_dob", SsdStore.Date(child.DateOfBirth)),
        ("pers_ethnicity", child.Ethnicity?.ToString()),
        ("pers_upn", child.Upn));

    private sealed record Professional(string Id, string?[] Row);

    /// <summary>The IROs, social workers and team managers, by the staff member; ids by place in the staff list, which a seed fixes.</summary>
    private static Dictionary<StaffMember, Professional> Professionals(IReadOnlyList<StaffMember> staff)
    {
        var professionals = new Dictionary<StaffMember, Professional>();
        for (var i = 0; i < staff.Count; i++)
        {
            var member = staff[i];
            string? title = member.Role switch
            {
                StaffRole.Iro => SsdTables.Iro,
                StaffRole.SocialWorker => SocialWorkerTitle,
                StaffRole.TeamManager => TeamManagerTitle,
                _ => null,
            };
            if (title is null)
            {
                continue;
            }

            var id = $"P{i + 1:D4}";
            professionals[member] = new Professional(id, Row(SsdTables.Professionals,
                ("prof_professional_id", id),
                ("prof_staff_id", id),
                ("prof_professional_name", member.Name),
                ("prof_professional_job_title", title),
                ("prof_professional_department", member.Team?.Name),
                ("prof_full_time_equivalency", member.Fte.ToString(CultureInfo.InvariantCulture))));
        }

        return professionals;
    }

    /// <summary>One row per stretch of one social worker, and of one IRO, from the allocation history.</summary>
    private static List<string?[]> Involvements(Child child, Dictionary<StaffMember, Professional> professionals)
    {
        var firstEpisode = child.Episodes.Count > 0 ? child.Episodes.Min(e => e.StartedOn) : (DateOnly?)null;
        var stretches = new List<Stretch>();
        Stretch? socialWorker = null;
        Stretch? iro = null;
        foreach (var allocation in child.Allocations.OrderBy(a => a.From ?? DateOnly.MinValue))
        {
            var on = allocation.From ?? firstEpisode;
            socialWorker = Change(socialWorker, SsdTables.AllocatedSocialWorker, allocation.SocialWorkerId, allocation.SocialWorkerName, on);
            iro = Change(iro, SsdTables.Iro, allocation.IroId, allocation.IroName, on);
        }

        return [.. stretches.Select((s, i) => Row(SsdTables.Involvements,
            ("invo_involvements_id", $"{child.LocalId}-I{i + 1}"),
            ("invo_professional_id", s.Professional.Id),
            ("invo_professional_role_id", s.Role),
            ("invo_professional_team", s.Worker.Team?.Name),
            ("invo_involvement_start_date", SsdStore.Date(s.Start)),
            ("invo_involvement_end_date", SsdStore.Date(s.End)),
            ("invo_person_id", child.LocalId)))];

        // The current stretch ends when the worker changes; a new one starts unless the child is left without one.
        Stretch? Change(Stretch? current, string role, int? id, string? name, DateOnly? on)
        {
            if (current is not null && current.Worker.Id == id && current.Worker.Name == name)
            {
                return current;
            }

            current?.End = on;
            if (name is null)
            {
                return null;
            }

            var worker = professionals.Keys.SingleOrDefault(s => s.Id == id && s.Name == name)
                ?? throw new InvalidOperationException($"{child.LocalId}'s allocation names {name}, who is not an IRO, social worker or team manager.");
            var next = new Stretch(role, worker, professionals[worker], on);
            stretches.Add(next);
            return next;
        }
    }

    private sealed record Stretch(string Role, StaffMember Worker, Professional Professional, DateOnly? Start)
    {
        public DateOnly? End { get; set; }
    }

    private static IEnumerable<string?[]> Health(Child child) =>
        child.CareEvents
            .Where(e => e.Kind is CareEventKind.HealthAssessment or CareEventKind.DentalCheck)
            .OrderBy(e => e.On)
            .Select((e, i) => Row(SsdTables.Health,
                ("clah_health_check_id", $"{child.LocalId}-H{i + 1}"),
                ("clah_person_id", child.LocalId),
                ("clah_health_check_type", e.Kind == CareEventKind.HealthAssessment ? "Health Assessment" : "Dental Check"),
                ("clah_health_check_date", SsdStore.Date(e.On)),
                ("clah_health_check_status", "Completed")));

    private static string?[] CarePlan(Child child, CarePlanVersion plan) => Row(SsdTables.CarePlan,
        ("lacp_table_id", $"{child.LocalId}-CP"),
        ("lacp_person_id", child.LocalId),
        ("lacp_cla_care_plan_start_date", SsdStore.Date(plan.MadeOn)),
        ("lacp_cla_care_plan_json", JsonSerializer.Serialize(new Dictionary<string, string> { ["PERMANENCE"] = plan.PermanenceCodes })));

    /// <summary>
    /// A child's episodes in start order, grouped three ways: into periods of care (a new one at each S episode),
    /// legal statuses (a new one wherever the legal status may change) and placements (wherever the placement may).
    /// A history loaded part-way through starts all three with its first episode, whatever its reason.
    /// </summary>
    private sealed class History
    {
        private readonly Child _child;
        private readonly List<CareEpisode> _episodes;
        private readonly List<List<CareEpisode>> _periods;
        private readonly List<List<CareEpisode>> _legalStatuses;
        private readonly List<List<CareEpisode>> _placements;

        public History(Child child)
        {
            _child = child;
            _episodes = [.. child.Episodes.OrderBy(e => e.StartedOn)];
            _periods = GroupBy(_episodes, ReasonForNewEpisode.S);
            _legalStatuses = GroupBy(_episodes, ReasonForNewEpisode.S, ReasonForNewEpisode.L, ReasonForNewEpisode.B, ReasonForNewEpisode.U);
            _placements = GroupBy(_episodes, ReasonForNewEpisode.S, ReasonForNewEpisode.P, ReasonForNewEpisode.B, ReasonForNewEpisode.T, ReasonForNewEpisode.U);
        }

        public IEnumerable<string?[]> Episodes() => _episodes.Select((e, i) =>
        {
            var period = PeriodOf(e);
            return Row(SsdTables.Episodes,
                ("clae_cla_episode_id", SsdIds.Episode(_child.LocalId, i + 1)),
                ("clae_person_id", _child.LocalId),
                ("clae_cla_episode_start_date", SsdStore.Date(e.StartedOn)),
                ("clae_cla_episode_start_reason", e.ReasonForNewEpisode.ToString()),
                ("clae_cla_primary_need_code", e.CategoryOfNeed.ToString()),
                ("clae_cla_episode_ceased_date", SsdStore.Date(e.EndedOn)),
                ("clae_cla_episode_ceased_reason", e.ReasonEnded?.ToString()),
                ("clae_cla_id", PeriodId(period)),
                ("clae_cla_placement_id", PlacementId(_placements.FindIndex(p => p.Contains(e)))),
                ("clae_entered_care_date", SsdStore.Date(_periods[period][0].StartedOn)));
        });

        public IEnumerable<string?[]> LegalStatuses() => _legalStatuses.Select((stretch, i) => Row(SsdTables.LegalStatus,
            ("lega_legal_status_id", $"{_child.LocalId}-L{i + 1}"),
            ("lega_person_id", _child.LocalId),
            ("lega_legal_status", stretch[0].LegalStatus.ToString()),
            ("lega_legal_status_start_date", SsdStore.Date(stretch[0].StartedOn)),
            ("lega_legal_status_end_date", SsdStore.Date(stretch[^1].EndedOn))));

        public IEnumerable<string?[]> Placements() => _placements.Select((stretch, i) => Row(SsdTables.Placements,
            ("clap_cla_placement_id", PlacementId(i)),
            ("clap_cla_id", PeriodId(PeriodOf(stretch[0]))),
            ("clap_person_id", _child.LocalId),
            ("clap_cla_placement_start_date", SsdStore.Date(stretch[0].StartedOn)),
            ("clap_cla_placement_type", stretch[0].PlacementType.ToString()),
            ("clap_cla_placement_urn", stretch[0].Urn),
            ("clap_cla_placement_provider", stretch[0].PlacementProvider?.ToString()),
            ("clap_cla_placement_postcode", stretch[0].PlacementPostcode),
            ("clap_cla_placement_end_date", SsdStore.Date(stretch[^1].EndedOn)),
            ("clap_cla_placement_change_reason", stretch[^1].ReasonForPlacementChange?.ToString())));

        public IEnumerable<string?[]> Visits() =>
            _child.CareEvents.Where(e => e.Kind == CareEventKind.Visit).OrderBy(e => e.On).Select((e, i) => Row(SsdTables.Visits,
                ("clav_cla_visit_id", $"{_child.LocalId}-V{i + 1}"),
                ("clav_cla_id", PeriodOn(e.On)),
                ("clav_person_id", _child.LocalId),
                ("clav_cla_visit_date", SsdStore.Date(e.On)),
                ("clav_cla_visit_seen", SsdStore.Flag(e.ChildSeen == true)),
                ("clav_cla_visit_seen_alone", SsdStore.Flag(e.SeenAlone))));

        public IEnumerable<string?[]> Reviews() =>
            _child.Reviews.Where(r => r.HeldOn is not null).OrderBy(r => r.HeldOn).Select((r, i) => Row(SsdTables.Reviews,
                ("clar_cla_review_id", SsdIds.Review(_child.LocalId, i + 1)),
                ("clar_cla_id", PeriodOn(r.HeldOn!.Value)),
                ("clar_cla_review_due_date", SsdStore.Date(r.DueOn)),
                ("clar_cla_review_date", SsdStore.Date(r.HeldOn)),
                ("clar_cla_review_cancelled", SsdStore.Flag(false)),
                ("clar_cla_review_participation", r.ParticipationCode?.ToString())));

        private int PeriodOf(CareEpisode episode) => _periods.FindIndex(p => p.Contains(episode));

        private string PeriodId(int period) => SsdIds.Period(_child.LocalId, period + 1);

        private string PlacementId(int placement) => $"{_child.LocalId}-P{placement + 1}";

        /// <summary>The period of care <paramref name="date"/> falls in (the later one on the day one ends and the next starts), or null.</summary>
        private string? PeriodOn(DateOnly date)
        {
            var period = _periods.FindLastIndex(p => p[0].StartedOn <= date);
            return period >= 0 && (_periods[period][^1].EndedOn is not { } end || date <= end) ? PeriodId(period) : null;
        }

        /// <summary>The episodes in runs: a new run at the first episode and at each episode whose reason is one of <paramref name="starts"/>.</summary>
        private static List<List<CareEpisode>> GroupBy(List<CareEpisode> episodes, params ReasonForNewEpisode[] starts)
        {
            var runs = new List<List<CareEpisode>>();
            foreach (var episode in episodes)
            {
                if (runs.Count == 0 || starts.Contains(episode.ReasonForNewEpisode))
                {
                    runs.Add([]);
                }

                runs[^1].Add(episode);
            }

            return runs;
        }
    }
}
