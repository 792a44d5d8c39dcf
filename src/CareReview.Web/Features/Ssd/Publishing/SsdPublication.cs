using System.Text.Json.Nodes;

namespace CareReview.Web.Features.Ssd.Publishing;

/// <summary>What a publication is built from: every child the council holds and the rows kept beside them.</summary>
/// <param name="Children">With episodes, reviews and their recommendations, allocations and care plan versions.</param>
/// <param name="Staff">Every member of staff, with their team.</param>
/// <param name="Escalations">With their formal stages.</param>
/// <param name="ChildViews">Views the children themselves sent before reviews (not their parents').</param>
/// <param name="Cards">Rate My Review cards.</param>
public sealed record SsdPublicationSource(
    IReadOnlyList<Child> Children,
    IReadOnlyList<StaffMember> Staff,
    IReadOnlyList<Escalation> Escalations,
    IReadOnlyList<CafcassReferral> CafcassReferrals,
    IReadOnlyList<ReviewViews> ChildViews,
    IReadOnlyList<ReviewFeedback> Cards,
    DateOnly Today)
{
    /// <summary>Read without tracking: a publication touches every child and changes none.</summary>
    public static async Task<SsdPublicationSource> LoadAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken = default) => new(
        await db.Children.AsNoTracking()
            .Include(c => c.Episodes)
            .Include(c => c.Reviews).ThenInclude(r => r.Recommendations)
            .Include(c => c.Allocations)
            .Include(c => c.CarePlans)
            .AsSplitQuery()
            .ToListAsync(cancellationToken),
        await db.StaffMembers.AsNoTracking().Include(s => s.Team).ToListAsync(cancellationToken),
        await db.Escalations.AsNoTracking().Include(e => e.Stages).ToListAsync(cancellationToken),
        await db.CafcassReferrals.AsNoTracking().ToListAsync(cancellationToken),
        await db.ReviewViews.AsNoTracking().Where(v => v.Author == ViewsAuthor.Child).ToListAsync(cancellationToken),
        await db.ReviewFeedback.AsNoTracking().ToListAsync(cancellationToken),
        today);
}

/// <summary>
/// The IRO service's data in the shape of Data to Insight's Standard Safeguarding Dataset (ADR-0030): the SSD
/// tables Care Review owns the facts of, and the proposed <see cref="SsdIroTables"/>. Ids are the child's local
/// reference with a suffix (<c>T7-R2</c>), numbered in date order, so that the tables join on each other. No
/// table carries a name or free text of the child or family.
/// </summary>
public sealed class SsdPublication
{
    /// <summary>What <c>publish-ssd</c> writes, in the order it writes them.</summary>
    public static readonly IReadOnlyList<SsdTable> Tables =
    [
        SsdTables.Reviews, SsdTables.Episodes, SsdTables.Involvements, SsdTables.Professionals, SsdTables.CarePlan, SsdTables.VoiceOfChild,
        .. SsdIroTables.All,
    ];

    public const string Yes = "Y";

    /// <summary><c>iroe_stage</c> for the attempt at informal resolution, a formal stage, and a referral to Cafcass.</summary>
    public const string InformalStage = "INFORMAL";

    public const string CafcassStage = "CAFCASS";

    public static string FormalStage(int number) => $"STAGE{Number(number)}";

    /// <summary><c>voch_source</c>: views sent before a review, and a Rate My Review card after it.</summary>
    public const string ViewsSource = "VIEWS";

    public const string CardSource = "RATEMYREVIEW";

    private readonly Dictionary<SsdTable, List<IReadOnlyList<string?>>> _rows = Tables.ToDictionary(t => t, _ => new List<IReadOnlyList<string?>>());

    private SsdPublication()
    {
    }

    /// <summary>The day caseloads are counted on: the last 30 September on or before today.</summary>
    public DateOnly CaseloadDate { get; private init; }

    public IReadOnlyList<IReadOnlyList<string?>> Rows(SsdTable table) => _rows[table];

    /// <summary>A table's rows by column name, for reading one back.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> RowsByColumn(SsdTable table) =>
        [.. _rows[table].Select(row => (IReadOnlyDictionary<string, string?>)table.Columns.Select((c, i) => (c.Name, row[i])).ToDictionary(p => p.Name, p => p.Item2))];

    /// <summary>For the audit log: each table and its number of rows.</summary>
    public string Counts => string.Join(';', Tables.Select(t => $"{t.Name}:{Number(_rows[t].Count)}"));

    /// <summary>Replaces each table's rows in the store, a table at a time.</summary>
    public async Task WriteAsync(SsdStore store, CancellationToken cancellationToken = default)
    {
        foreach (var table in Tables)
        {
            await store.WriteAsync(table, _rows[table], cancellationToken);
        }
    }

    /// <summary>
    /// The PostgreSQL definitions of the tables published, in a schema: docs/ssd/schema.sql is this with the
    /// schema <see cref="DocumentedSchema"/>, and <c>publish-ssd --schema-sql</c> prints it for any schema.
    /// </summary>
    public static string SchemaSql(string schema) =>
        "-- The tables publish-ssd writes: Data to Insight's Standard Safeguarding Dataset tables that Care Review fills,\n"
        + "-- with the columns it writes, and the proposed IRO tables (docs/ssd/README.md). Generated from the code by\n"
        + $"-- publish-ssd --schema-sql --schema {schema}; do not edit by hand.\n"
        + $"CREATE SCHEMA IF NOT EXISTS \"{schema.Replace("\"", "\"\"", StringComparison.Ordinal)}\";\n"
        + string.Concat(Tables.Select(t => SsdPostgresSchema.CreateTable(t, schema) + "\n"));

    public const string DocumentedSchema = "ssd";

    public static SsdPublication Build(SsdPublicationSource source)
    {
        var september = new DateOnly(source.Today.Year, 9, 30);
        var publication = new SsdPublication { CaseloadDate = source.Today < september ? september.AddYears(-1) : september };
        var staff = source.Staff.ToDictionary(s => s.Id);
        var escalations = source.Escalations.ToLookup(e => e.ChildId);
        var referrals = source.CafcassReferrals.ToLookup(r => r.ChildId);
        var views = source.ChildViews.ToLookup(v => v.ChildId);
        var cards = source.Cards.ToLookup(c => c.ChildId);
        foreach (var child in source.Children.OrderBy(c => c.LocalId, StringComparer.Ordinal))
        {
            var record = new ChildRecord(child, staff, source.Today);
            publication.AddReviews(record);
            publication.AddEpisodes(record);
            publication.AddIroInvolvements(record);
            publication.AddCarePlans(record);
            publication.AddVoice(record, views[child.Id], cards[child.Id]);
            publication.AddRecommendations(record);
            publication.AddMidwayContacts(record);
            publication.AddEscalations(record, escalations[child.Id], referrals[child.Id]);
        }

        publication.AddProfessionals(source);
        return publication;
    }

    private void Add(SsdTable table, params ReadOnlySpan<(string Column, string? Value)> values)
    {
        var row = new string?[table.Columns.Count];
        foreach (var (column, value) in values)
        {
            var index = -1;
            for (var i = 0; i < table.Columns.Count && index < 0; i++)
            {
                index = table.Columns[i].Name == column ? i : -1;
            }

            row[index < 0 ? throw new InvalidOperationException($"{table.Name} has no column {column}") : index] = value;
        }

        _rows[table].Add(row);
    }

    private void AddReviews(ChildRecord record)
    {
        foreach (var review in record.Reviews)
        {
            Add(SsdTables.Reviews,
                ("clar_cla_review_id", record.ReviewId(review)),
                ("clar_cla_id", record.PeriodId(review.HeldOn)),
                // A held review keeps the due date it was held against; an arranged one is kept in step with the
                // child's reg 33 clock (Child.RecalculateReviewClock), so its DueOn is NextReviewDueOn.
                ("clar_cla_review_due_date", SsdStore.Date(review.DueOn)),
                ("clar_cla_review_date", SsdStore.Date(review.HeldOn)),
                // Care Review never cancels a review: one arranged stays open until held, and an adjourned
                // meeting is the same review resuming (reg 36(5)).
                ("clar_cla_review_cancelled", SsdStore.Flag(false)),
                ("clar_cla_review_participation", review.ParticipationCode?.ToString()));
        }
    }

    private void AddEpisodes(ChildRecord record)
    {
        foreach (var (episode, number) in record.Episodes.Select((e, i) => (e, i + 1)))
        {
            var period = record.PeriodOf(episode);
            Add(SsdTables.Episodes,
                ("clae_cla_episode_id", SsdIds.Episode(record.LocalId, number)),
                ("clae_person_id", record.LocalId),
                ("clae_cla_episode_start_date", SsdStore.Date(episode.StartedOn)),
                ("clae_cla_episode_start_reason", episode.ReasonForNewEpisode.ToString()),
                ("clae_cla_primary_need_code", episode.CategoryOfNeed.ToString()),
                ("clae_cla_episode_ceased_date", SsdStore.Date(episode.EndedOn)),
                ("clae_cla_episode_ceased_reason", episode.ReasonEnded?.ToString()),
                ("clae_cla_id", period.Id),
                ("clae_entered_care_date", SsdStore.Date(period.EnteredCareOn)),
                ("clae_cla_last_iro_contact_date", SsdStore.Date(record.LastIroContact(period.StartedOn, episode.EndedOn ?? record.Today))));
        }
    }

    /// <summary>Each spell with one IRO, from the allocation history: a change of IRO ends one and starts the next.</summary>
    private void AddIroInvolvements(ChildRecord record)
    {
        var number = 0;
        (int IroId, DateOnly? From)? spell = null;
        void Close(DateOnly? endedOn)
        {
            if (spell is not { } open)
            {
                return;
            }

            var iro = record.Staff.GetValueOrDefault(open.IroId);
            Add(SsdTables.Involvements,
                ("invo_involvements_id", $"{record.LocalId}-IRO{Number(++number)}"),
                ("invo_professional_id", iro is null ? null : SsdIds.Professional(iro)),
                ("invo_professional_role_id", SsdTables.Iro),
                ("invo_professional_team", iro?.Team?.Name),
                // An allocation brought in without a date has no start: left empty rather than guessed.
                ("invo_involvement_start_date", SsdStore.Date(open.From)),
                ("invo_involvement_end_date", SsdStore.Date(endedOn)),
                ("invo_person_id", record.LocalId));
        }

        foreach (var allocation in record.Allocations)
        {
            if (allocation.IroId == spell?.IroId)
            {
                continue;
            }

            Close(allocation.From);
            spell = allocation.IroId is { } iroId ? (iroId, allocation.From) : null;
        }

        Close(null);
    }

    private void AddCarePlans(ChildRecord record)
    {
        var versions = record.Child.CarePlans.OrderBy(v => v.Number).ToList();
        for (var i = 0; i < versions.Count; i++)
        {
            var version = versions[i];
            Add(SsdTables.CarePlan,
                ("lacp_table_id", $"{record.LocalId}-CP{Number(version.Number)}"),
                ("lacp_person_id", record.LocalId),
                ("lacp_cla_care_plan_start_date", SsdStore.Date(version.MadeOn)),
                ("lacp_cla_care_plan_end_date", i + 1 < versions.Count ? SsdStore.Date(versions[i + 1].MadeOn) : null),
                ("lacp_cla_care_plan_json", PermanenceJson(version.Permanence)));
        }
    }

    /// <summary>D2I's permanence object: every key present (their standard), "Y" for each option chosen, more than one when planning in parallel.</summary>
    public static string PermanenceJson(IReadOnlyList<PermanenceOption> chosen)
    {
        var json = new JsonObject();
        foreach (var option in Enum.GetValues<PermanenceOption>())
        {
            json[option.ToString()] = chosen.Contains(option) ? Yes : "";
        }

        return json.ToJsonString();
    }

    private void AddVoice(ChildRecord record, IEnumerable<ReviewViews> views, IEnumerable<ReviewFeedback> cards)
    {
        var received = views.Select(v => (On: v.SentOn, v.Id, v.ReviewId, Views: (ReviewViews?)v, Card: (ReviewFeedback?)null))
            .Concat(cards.Select(c => (On: c.GivenOn, c.Id, c.ReviewId, Views: (ReviewViews?)null, Card: (ReviewFeedback?)c)))
            .OrderBy(r => r.On).ThenBy(r => r.Card is null ? 0 : 1).ThenBy(r => r.Id);
        var number = 0;
        foreach (var item in received)
        {
            Add(SsdTables.VoiceOfChild,
                ("voch_table_id", $"{record.LocalId}-V{Number(++number)}"),
                ("voch_person_id", record.LocalId),
                ("voch_cla_review_id", record.ReviewId(item.ReviewId)),
                ("voch_received_date", SsdStore.Date(item.On)),
                ("voch_source", item.Card is null ? ViewsSource : CardSource),
                ("voch_talk_to_iro_alone", SsdStore.Flag(item.Views?.TalkToIroAlone)),
                ("voch_want_advocate", SsdStore.Flag(item.Views?.WantAdvocate)),
                ("voch_rate_my_review", item.Card?.Rating.ToString()));
        }
    }

    private void AddRecommendations(ChildRecord record)
    {
        var made = record.Reviews.SelectMany(r => r.Recommendations.Select(m => (Review: r, Recommendation: m)))
            .OrderBy(m => m.Recommendation.MadeOn).ThenBy(m => m.Recommendation.Id).ToList();
        var ids = made.Select((m, i) => (m.Recommendation.Id, Published: $"{record.LocalId}-REC{Number(i + 1)}")).ToDictionary(p => p.Id, p => p.Published);
        foreach (var (review, recommendation) in made)
        {
            Add(SsdIroTables.Recommendations,
                ("iror_recommendation_id", ids[recommendation.Id]),
                ("iror_person_id", record.LocalId),
                ("iror_cla_review_id", record.ReviewId(review)),
                ("iror_made_date", SsdStore.Date(recommendation.MadeOn)),
                ("iror_due_date", SsdStore.Date(recommendation.DueOn)),
                ("iror_owner_role", recommendation.OwnerRole),
                ("iror_owner_professional_id", record.Professional(recommendation.OwnerStaffId)),
                ("iror_status", recommendation.Status.ToString()),
                ("iror_completed_date", SsdStore.Date(recommendation.CompletedOn)),
                ("iror_carried_forward_from_id", recommendation.CarriedForwardFromId is { } from ? ids.GetValueOrDefault(from) : null),
                ("iror_themes", Codes(recommendation.ThemeCodes)));
        }
    }

    /// <summary>The IRO's contacts with the child between reviews that Care Review records: speaking to the child alone before a review.</summary>
    private void AddMidwayContacts(ChildRecord record)
    {
        var number = 0;
        foreach (var review in record.Reviews.Where(r => r.ChildSeenAloneOn is not null).OrderBy(r => r.ChildSeenAloneOn).ThenBy(r => r.Id))
        {
            var on = review.ChildSeenAloneOn!.Value;
            Add(SsdIroTables.MidwayContacts,
                ("irom_contact_id", $"{record.LocalId}-IROC{Number(++number)}"),
                ("irom_person_id", record.LocalId),
                ("irom_professional_id", record.Professional(record.IroOn(on))),
                ("irom_contact_date", SsdStore.Date(on)),
                ("irom_contact_type", SsdIroTables.SeenAloneBeforeReview),
                ("irom_seen_alone", SsdStore.Flag(true)),
                ("irom_cla_review_id", record.ReviewId(review)));
        }
    }

    private void AddEscalations(ChildRecord record, IEnumerable<Escalation> escalations, IEnumerable<CafcassReferral> referrals)
    {
        var ordered = escalations.OrderBy(e => e.RaisedOn).ThenBy(e => e.Id).ToList();
        var escalationIds = ordered.Select((e, i) => (e.Id, Published: $"{record.LocalId}-ESC{Number(i + 1)}")).ToDictionary(p => p.Id, p => p.Published);
        var referralList = referrals.OrderBy(r => r.ReferredOn).ThenBy(r => r.Id).ToList();
        var referralIds = referralList.Select((r, i) => (r.Id, Published: $"{record.LocalId}-CAF{Number(i + 1)}")).ToDictionary(p => p.Id, p => p.Published);

        foreach (var escalation in ordered)
        {
            var id = escalationIds[escalation.Id];
            void Stage(string suffix, string stage, DateOnly startedOn, string? decision, DateOnly? endedOn,
                string? level = null, DateOnly? responseDueOn = null, DateOnly? respondedOn = null, string? referralId = null) =>
                Add(SsdIroTables.Escalations,
                    ("iroe_escalation_stage_id", $"{id}-{suffix}"),
                    ("iroe_escalation_id", id),
                    ("iroe_person_id", record.LocalId),
                    ("iroe_cla_review_id", escalation.ReviewId is { } reviewId ? record.ReviewId(reviewId) : null),
                    ("iroe_raised_by_professional_id", record.Professional(escalation.RaisedByStaffId)),
                    ("iroe_concern_category", escalation.Category.ToString()),
                    ("iroe_themes", Codes(escalation.ThemeCodes)),
                    ("iroe_raised_date", SsdStore.Date(escalation.RaisedOn)),
                    ("iroe_needed_by_date", SsdStore.Date(escalation.NeededBy)),
                    ("iroe_stage", stage),
                    ("iroe_stage_level", level),
                    ("iroe_stage_start_date", SsdStore.Date(startedOn)),
                    ("iroe_stage_response_due_date", SsdStore.Date(responseDueOn)),
                    ("iroe_stage_response_date", SsdStore.Date(respondedOn)),
                    ("iroe_stage_decision", decision),
                    ("iroe_stage_end_date", SsdStore.Date(endedOn)),
                    ("iroe_cafcass_referral_id", referralId),
                    ("iroe_escalation_outcome", escalation.Outcome?.ToString()),
                    ("iroe_escalation_closed_date", SsdStore.Date(escalation.ClosedOn)));

            // Informal resolution runs from the concern being raised until the formal process starts or the escalation closes.
            var informalDecision = escalation.IsFormal ? StageDecision.Escalated
                : escalation.Outcome switch
                {
                    null => (StageDecision?)null,
                    EscalationOutcome.ResolvedInformally => StageDecision.Resolved,
                    _ => StageDecision.Closed,
                };
            Stage("INF", InformalStage, escalation.RaisedOn, informalDecision?.ToString(), escalation.FormalStartedOn ?? escalation.ClosedOn);
            foreach (var stage in escalation.Stages)
            {
                Stage($"S{Number(stage.Number)}", FormalStage(stage.Number), stage.OpenedOn, stage.Decision?.ToString(), stage.DecidedOn,
                    stage.Level, stage.ResponseDueOn, stage.RespondedOn);
            }

            var referral = referralList.FirstOrDefault(r => r.EscalationId == escalation.Id);
            if (referral is not null || escalation.Outcome == EscalationOutcome.ReferredToCafcass)
            {
                Stage("CAF", CafcassStage, referral?.ReferredOn ?? escalation.ClosedOn!.Value, null, referral?.OutcomeOn,
                    referralId: referral is null ? null : referralIds[referral.Id]);
            }
        }

        foreach (var referral in referralList)
        {
            Add(SsdIroTables.CafcassReferrals,
                ("iroc_cafcass_referral_id", referralIds[referral.Id]),
                ("iroc_person_id", record.LocalId),
                ("iroc_escalation_id", referral.EscalationId is { } escalationId ? escalationIds.GetValueOrDefault(escalationId) : null),
                ("iroc_referred_by_professional_id", record.Professional(referral.ReferredByStaffId)),
                ("iroc_referral_date", SsdStore.Date(referral.ReferredOn)),
                ("iroc_grounds", string.Join(' ', CafcassWords.AllGrounds.Where(g => referral.Grounds.HasFlag(g)))),
                ("iroc_outcome", referral.Outcome.ToString()),
                ("iroc_outcome_date", SsdStore.Date(referral.OutcomeOn)));
        }
    }

    /// <summary>Every IRO, with their caseload on <see cref="CaseloadDate"/>: the children looked after that day with them as IRO.</summary>
    private void AddProfessionals(SsdPublicationSource source)
    {
        var caseloads = source.Children
            .Where(c => c.Episodes.Any(e => e.StartedOn <= CaseloadDate && (e.EndedOn is null || e.EndedOn > CaseloadDate)))
            .Select(c => ChildRecord.IroOn(c.Allocations, CaseloadDate))
            .OfType<int>()
            .CountBy(id => id)
            .ToDictionary(p => p.Key, p => p.Value);
        foreach (var iro in source.Staff.Where(s => s.Role == StaffRole.Iro).OrderBy(s => s.Id))
        {
            Add(SsdTables.Professionals,
                ("prof_professional_id", SsdIds.Professional(iro)),
                ("prof_professional_name", iro.Name),
                ("prof_professional_job_title", SsdTables.Iro),
                ("prof_professional_caseload", Number(caseloads.GetValueOrDefault(iro.Id))),
                ("prof_professional_department", iro.Team?.Name),
                ("prof_full_time_equivalency", iro.Fte.ToString("0.##", CultureInfo.InvariantCulture)));
        }
    }

    private static string? Codes(string codes) => codes.Length == 0 ? null : codes;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One child's record with the ids its rows share: episodes, periods of care and reviews in date order.</summary>
    private sealed class ChildRecord
    {
        private readonly List<(string Id, DateOnly StartedOn, DateOnly? EnteredCareOn)> _periods = [];
        private readonly Dictionary<CareEpisode, int> _periodOfEpisode = [];
        private readonly Dictionary<int, string> _reviewIds = [];

        public ChildRecord(Child child, IReadOnlyDictionary<int, StaffMember> staff, DateOnly today)
        {
            Child = child;
            Staff = staff;
            Today = today;
            Episodes = [.. child.Episodes.OrderBy(e => e.StartedOn).ThenBy(e => e.Id)];

            // A period of care starts with each episode whose reason is S, or with the first episode when the
            // history begins part-way through a period (then the day the child entered care is not known).
            foreach (var (episode, index) in Episodes.Select((e, i) => (e, i)))
            {
                var startsPeriod = episode.ReasonForNewEpisode == ReasonForNewEpisode.S;
                if (startsPeriod || index == 0)
                {
                    _periods.Add((SsdIds.Period(LocalId, _periods.Count + 1), episode.StartedOn, startsPeriod ? episode.StartedOn : null));
                }

                _periodOfEpisode[episode] = _periods.Count - 1;
            }

            // Held reviews in the order they were held; the one arranged and not yet held comes last.
            Reviews = [.. child.Reviews.OrderBy(r => r.HeldOn ?? DateOnly.MaxValue).ThenBy(r => r.Id)];
            foreach (var (review, index) in Reviews.Select((r, i) => (r, i)))
            {
                _reviewIds[review.Id] = SsdIds.Review(LocalId, index + 1);
            }

            Allocations = [.. child.Allocations.OrderBy(a => a.From ?? DateOnly.MinValue).ThenBy(a => a.Id)];
        }

        public Child Child { get; }
        public IReadOnlyDictionary<int, StaffMember> Staff { get; }
        public DateOnly Today { get; }
        public string LocalId => Child.LocalId;
        public IReadOnlyList<CareEpisode> Episodes { get; }
        public IReadOnlyList<Review> Reviews { get; }
        public IReadOnlyList<Allocation> Allocations { get; }

        public string ReviewId(Review review) => _reviewIds[review.Id];

        public string? ReviewId(int reviewId) => _reviewIds.GetValueOrDefault(reviewId);

        public (string Id, DateOnly StartedOn, DateOnly? EnteredCareOn) PeriodOf(CareEpisode episode) => _periods[_periodOfEpisode[episode]];

        /// <summary>The period of care a day falls in; the latest period for a review not yet held.</summary>
        public string PeriodId(DateOnly? on) =>
            _periods.Count == 0 ? SsdIds.Period(LocalId, 1)
            : on is { } day ? _periods.LastOrDefault(p => p.StartedOn <= day, _periods[0]).Id
            : _periods[^1].Id;

        public string? Professional(int? staffId) =>
            staffId is { } id && Staff.TryGetValue(id, out var member) ? SsdIds.Professional(member) : null;

        public int? IroOn(DateOnly day) => IroOn(Allocations, day);

        /// <summary>The IRO allocated on a day: the last allocation made by then (one with no date counts from the start).</summary>
        public static int? IroOn(IEnumerable<Allocation> allocations, DateOnly day) =>
            allocations.OrderBy(a => a.From ?? DateOnly.MinValue).ThenBy(a => a.Id).LastOrDefault(a => (a.From ?? DateOnly.MinValue) <= day)?.IroId;

        /// <summary>
        /// The IRO's last contact with the child between two days: a review held (the IRO chairs it) or the IRO
        /// speaking to the child alone before one. Nothing else Care Review records is the IRO meeting the child.
        /// </summary>
        public DateOnly? LastIroContact(DateOnly from, DateOnly to) =>
            Reviews.SelectMany(r => new[] { r.HeldOn, r.ChildSeenAloneOn })
                .Where(d => d >= from && d <= to)
                .Max();
    }
}
