using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CareReview.Web.Features.Ssd;

/// <summary>A row the sync cannot use: the table, the row's own id, the field and what is wrong.</summary>
public sealed record SsdProblem(string Table, string Row, string Field, string? PersonId, string Message);

/// <summary>A worker from <c>ssd_involvements</c> with their <c>ssd_professionals</c> row.</summary>
public sealed record SsdWorker(string ProfessionalId, string Name, string? Team, decimal? Fte, DateOnly From);

/// <summary>
/// One looked-after child as the SSD gives them: the facts the case system owns, the reviews it holds (read only for a
/// child new to Care Review), the allocated social worker and IRO, the person ids merged into this one, and a digest of
/// all of it so an unchanged child costs nothing.
/// </summary>
public sealed record SsdChild(
    string PersonId,
    CaseSystemRecord Record,
    IReadOnlyList<ReturnedReview> Reviews,
    SsdWorker? SocialWorker,
    SsdWorker? Iro,
    IReadOnlyList<string> FormerPersonIds,
    string Fingerprint);

/// <summary>What the tables hold: each child that could be read, and the problems of those that could not.</summary>
public sealed record SsdCouncil(IReadOnlyList<SsdChild> Children, IReadOnlyList<SsdProblem> Problems, IReadOnlySet<string> RefusedPersonIds,
    IReadOnlySet<string> AllPersonIds);

/// <summary>
/// Reads the SSD tables into children (ADR-0029). A 903 episode is a row of <c>ssd_cla_episodes</c>; its legal
/// status is the <c>ssd_legal_status</c> row in force on the day it starts, and its placement the
/// <c>ssd_cla_placement</c> row it names (or, failing that, the one in force that day). A person with no episode
/// of care is not looked after and not read. Every problem names the table, the row and the field; a child with
/// any problem is refused whole.
/// </summary>
public static class SsdChildren
{
    /// <summary>Changes when the way rows become records changes, so that every child is compared afresh.</summary>
    private const string MappingVersion = "1";

    public static SsdCouncil Read(IReadOnlyDictionary<string, SsdTableRead> tables, DateOnly today)
    {
        var problems = new List<SsdProblem>();
        var refused = new HashSet<string>(StringComparer.Ordinal);
        void Problem(SsdTable table, SsdRow row, string field, string? person, string message)
        {
            problems.Add(new(table.Name, row.Key(table), field, person, message));
            if (person is not null)
            {
                refused.Add(person);
            }
        }

        IReadOnlyList<SsdRow> Rows(SsdTable table) => tables.TryGetValue(table.Name, out var read) ? read.Rows : [];
        bool Supplied(SsdTable table) => tables.TryGetValue(table.Name, out var read) && read.Supplied;
        ILookup<string, SsdRow> ByPerson(SsdTable table, string column) => Rows(table).ToLookup(r => r[column], StringComparer.Ordinal);

        var people = new Dictionary<string, SsdRow>(StringComparer.Ordinal);
        foreach (var row in Rows(SsdTables.Person))
        {
            var id = row["pers_person_id"];
            if (id.Length == 0 || id.Length > 20)
            {
                Problem(SsdTables.Person, row, "pers_person_id", null, id.Length == 0 ? "The person has no id" : "The person id is longer than 20 characters, the most a local reference can be");
            }
            else if (!people.TryAdd(id, row))
            {
                Problem(SsdTables.Person, row, "pers_person_id", id, "Two rows have this person id");
            }
        }

        var episodes = ByPerson(SsdTables.Episodes, "clae_person_id");
        var legal = ByPerson(SsdTables.LegalStatus, "lega_person_id");
        var placements = ByPerson(SsdTables.Placements, "clap_person_id");
        var involvements = ByPerson(SsdTables.Involvements, "invo_person_id");
        var visits = ByPerson(SsdTables.Visits, "clav_person_id");
        var health = ByPerson(SsdTables.Health, "clah_person_id");
        var professionals = Rows(SsdTables.Professionals).GroupBy(r => r["prof_professional_id"], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var reviewsByPeriod = Rows(SsdTables.Reviews).ToLookup(r => r["clar_cla_id"], StringComparer.Ordinal);
        var former = Rows(SsdTables.LinkedIdentifiers)
            .Where(r => string.Equals(r["link_identifier_type"], SsdTables.FormerPersonId, StringComparison.OrdinalIgnoreCase) && r["link_identifier_value"].Length > 0)
            .ToLookup(r => r["link_person_id"], r => r["link_identifier_value"], StringComparer.Ordinal);

        foreach (var row in Rows(SsdTables.Episodes).Where(r => !people.ContainsKey(r["clae_person_id"])))
        {
            Problem(SsdTables.Episodes, row, "clae_person_id", null, $"No row of ssd_person has the person id '{row["clae_person_id"]}'");
        }

        var children = new List<SsdChild>();
        foreach (var (personId, person) in people)
        {
            if (!episodes[personId].Any())
            {
                continue;
            }

            var before = problems.Count;
            var child = ReadChild(personId, person);
            if (child is not null && problems.Count == before && !refused.Contains(personId))
            {
                children.Add(child);
            }
            else
            {
                refused.Add(personId);
            }
        }

        return new SsdCouncil(children, problems, refused, people.Keys.Where(p => episodes[p].Any()).ToHashSet(StringComparer.Ordinal));

        SsdChild? ReadChild(string personId, SsdRow person)
        {
            var t = SsdTables.Person;
            var sex = person["pers_sex"].ToUpperInvariant() switch
            {
                "M" or "1" => Sex.M,
                "F" or "2" => Sex.F,
                "U" or "0" or "9" => Sex.U,
                _ => (Sex?)null,
            };
            if (sex is null)
            {
                Problem(t, person, "pers_sex", personId, $"'{person["pers_sex"]}' is not a sex code: give M, F or U");
            }

            var dob = DateIn(t, person, "pers_dob", personId, required: true);
            var ethnicity = CodeIn<Ethnicity>(t, person, "pers_ethnicity", personId, required: false);

            var chain = new List<ReturnedEpisode>();
            var periodOf = new Dictionary<string, string>(StringComparer.Ordinal);
            var ordered = episodes[personId].OrderBy(r => SsdStore.TryDate(r["clae_cla_episode_start_date"], out var d) ? d : DateOnly.MaxValue).ToList();
            var legalRows = legal[personId].Select(r => (Row: r, Start: DateIn(SsdTables.LegalStatus, r, "lega_legal_status_start_date", personId, required: true)))
                .Where(r => r.Start is not null).OrderBy(r => r.Start).ToList();
            var placementRows = placements[personId].Select(r => (Row: r, Start: DateIn(SsdTables.Placements, r, "clap_cla_placement_start_date", personId, required: true)))
                .Where(r => r.Start is not null).OrderBy(r => r.Start).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                var e = SsdTables.Episodes;
                var row = ordered[i];
                var started = DateIn(e, row, "clae_cla_episode_start_date", personId, required: true);
                var reason = CodeIn<ReasonForNewEpisode>(e, row, "clae_cla_episode_start_reason", personId, required: true);
                var need = CodeIn<CategoryOfNeed>(e, row, "clae_cla_primary_need_code", personId, required: true);
                var ended = DateIn(e, row, "clae_cla_episode_ceased_date", personId, required: false);
                var reasonEnded = CodeIn<ReasonEpisodeCeased>(e, row, "clae_cla_episode_ceased_reason", personId, required: false);
                if (started is not { } on || reason is null || need is null)
                {
                    continue;
                }

                var status = legalRows.LastOrDefault(l => l.Start <= on).Row;
                if (status is null)
                {
                    Problem(e, row, "clae_cla_episode_start_date", personId, $"No row of ssd_legal_status for the person starts on or before {GovukDate.Format(on)}, when the episode starts");
                    continue;
                }

                var legalStatus = CodeIn<LegalStatus>(SsdTables.LegalStatus, status, "lega_legal_status", personId, required: true);
                var named = row["clae_cla_placement_id"];
                var placement = named.Length > 0 ? placementRows.FirstOrDefault(p => p.Row["clap_cla_placement_id"] == named).Row : null;
                placement ??= placementRows.LastOrDefault(p => p.Start <= on).Row;
                if (placement is null)
                {
                    Problem(e, row, "clae_cla_placement_id", personId, $"No row of ssd_cla_placement for the person is named by the episode or starts on or before {GovukDate.Format(on)}");
                    continue;
                }

                var p = SsdTables.Placements;
                var placementType = CodeIn<PlacementType>(p, placement, "clap_cla_placement_type", personId, required: true);
                var provider = CodeIn<PlacementProvider>(p, placement, "clap_cla_placement_provider", personId, required: false);
                var placementEnded = DateIn(p, placement, "clap_cla_placement_end_date", personId, required: false);

                // The reason a placement changed belongs on the episode that ends with the move (as the 903 has it).
                var changeReason = reasonEnded == ReasonEpisodeCeased.X1 && placementEnded == ended
                    ? CodeIn<ReasonForPlacementChange>(p, placement, "clap_cla_placement_change_reason", personId, required: false)
                    : null;
                if (legalStatus is null || placementType is null)
                {
                    continue;
                }

                var period = row["clae_cla_id"];
                if (period.Length > 0)
                {
                    periodOf[period] = personId;
                }

                var details = new PlacementDetails(provider, null, Blank(placement["clap_cla_placement_postcode"]), Blank(placement["clap_cla_placement_urn"]));
                chain.Add(new ReturnedEpisode(on, reason.Value, legalStatus.Value, need.Value, placementType.Value, details, ended, reasonEnded, changeReason));
            }

            var reviews = new List<ReturnedReview>();
            foreach (var period in periodOf.Keys)
            {
                foreach (var review in reviewsByPeriod[period])
                {
                    var r = SsdTables.Reviews;
                    var heldOn = DateIn(r, review, "clar_cla_review_date", personId, required: false);
                    var participation = CodeIn<ParticipationCode>(r, review, "clar_cla_review_participation", personId, required: false);
                    if (heldOn is { } held && !string.Equals(review["clar_cla_review_cancelled"], "Y", StringComparison.OrdinalIgnoreCase))
                    {
                        reviews.Add(new ReturnedReview(held, participation));
                    }
                }
            }

            var checkedVisits = Supplied(SsdTables.Visits) ? visits[personId].Select(v => Visit(v, personId)).OfType<CaseSystemCheck>().ToList() : null;
            var checkedHealth = Supplied(SsdTables.Health) ? health[personId].Select(h => HealthCheck(h, personId)).OfType<CaseSystemCheck>().ToList() : null;
            var socialWorker = Worker(personId, SsdTables.AllocatedSocialWorker);
            var iro = Worker(personId, SsdTables.Iro);
            if (sex is null || dob is null)
            {
                return null;
            }

            var record = new CaseSystemRecord(person["pers_forename"], person["pers_surname"], dob.Value, sex.Value, ethnicity, Blank(person["pers_upn"]),
                chain, checkedVisits?.OrderBy(c => c.On).ToList(), checkedHealth?.OrderBy(c => (c.Kind, c.On)).ToList());
            var formerIds = former[personId].Where(f => f != personId).Distinct(StringComparer.Ordinal).ToList();
            return new SsdChild(personId, record, [.. reviews.OrderBy(r => r.HeldOn)], socialWorker, iro, formerIds,
                Fingerprint(record, reviews, socialWorker, iro));
        }

        CaseSystemCheck? Visit(SsdRow row, string personId)
        {
            var on = DateIn(SsdTables.Visits, row, "clav_cla_visit_date", personId, required: true);
            var seen = FlagIn(SsdTables.Visits, row, "clav_cla_visit_seen", personId);
            var alone = FlagIn(SsdTables.Visits, row, "clav_cla_visit_seen_alone", personId);
            return on is { } date ? new CaseSystemCheck(CareEventKind.Visit, date, seen, seen == true ? alone : null) : null;
        }

        CaseSystemCheck? HealthCheck(SsdRow row, string personId)
        {
            var type = row["clah_health_check_type"];
            var kind = type.Contains("dental", StringComparison.OrdinalIgnoreCase) ? CareEventKind.DentalCheck
                : type.Contains("health", StringComparison.OrdinalIgnoreCase) ? CareEventKind.HealthAssessment
                : (CareEventKind?)null;
            var on = DateIn(SsdTables.Health, row, "clah_health_check_date", personId, required: true);
            return kind is { } k && on is { } date ? new CaseSystemCheck(k, date) : null;
        }

        SsdWorker? Worker(string personId, string role)
        {
            var current = involvements[personId]
                .Where(r => string.Equals(r["invo_professional_role_id"], role, StringComparison.OrdinalIgnoreCase))
                .Select(r => (Row: r, From: DateIn(SsdTables.Involvements, r, "invo_involvement_start_date", personId, required: true),
                    To: DateIn(SsdTables.Involvements, r, "invo_involvement_end_date", personId, required: false)))
                .Where(w => w.From <= today && (w.To is null || w.To > today))
                .OrderBy(w => w.From).LastOrDefault();
            if (current.Row is null)
            {
                return null;
            }

            var id = current.Row["invo_professional_id"];
            if (!professionals.TryGetValue(id, out var professional) || professional["prof_professional_name"].Length == 0)
            {
                Problem(SsdTables.Involvements, current.Row, "invo_professional_id", personId, $"No row of ssd_professionals with a name has the id '{id}'");
                return null;
            }

            var fte = decimal.TryParse(professional["prof_full_time_equivalency"], NumberStyles.Number, CultureInfo.InvariantCulture, out var f) && f is > 0 and <= 1 ? f : (decimal?)null;
            var team = Blank(current.Row["invo_professional_team"]) ?? Blank(professional["prof_professional_department"]);
            return new SsdWorker(id, professional["prof_professional_name"], team, fte, current.From!.Value);
        }

        DateOnly? DateIn(SsdTable table, SsdRow row, string column, string? person, bool required)
        {
            var value = row[column];
            if (value.Length == 0)
            {
                if (required)
                {
                    Problem(table, row, column, person, "The date is missing");
                }

                return null;
            }

            if (!SsdStore.TryDate(value, out var date))
            {
                Problem(table, row, column, person, $"'{Shown(value)}' is not a date: write it as 2026-03-03");
                return null;
            }

            return date;
        }

        T? CodeIn<T>(SsdTable table, SsdRow row, string column, string? person, bool required) where T : struct, Enum
        {
            var value = row[column].ToUpperInvariant();
            if (value.Length == 0)
            {
                if (required)
                {
                    Problem(table, row, column, person, "The code is missing");
                }

                return null;
            }

            if (!Enum.TryParse<T>(value, ignoreCase: false, out var code) || !Enum.IsDefined(code) || value.Any(char.IsDigit) && value.All(char.IsDigit))
            {
                Problem(table, row, column, person, $"'{Shown(value)}' is not one of the DfE's codes for this field");
                return null;
            }

            return code;
        }

        bool? FlagIn(SsdTable table, SsdRow row, string column, string? person) => row[column].ToUpperInvariant() switch
        {
            "Y" or "1" or "TRUE" => true,
            "N" or "0" or "FALSE" => false,
            "" => null,
            var other => Bad(table, row, column, person, other),
        };

        bool? Bad(SsdTable table, SsdRow row, string column, string? person, string value)
        {
            Problem(table, row, column, person, $"'{Shown(value)}' is not Y or N");
            return null;
        }
    }

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    private static string Shown(string value) => value.Length > 40 ? value[..40] + "…" : value;

    private static string Fingerprint(CaseSystemRecord record, IReadOnlyList<ReturnedReview> reviews, SsdWorker? socialWorker, SsdWorker? iro)
    {
        var text = JsonSerializer.Serialize(new { MappingVersion, record, reviews, socialWorker, iro });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
