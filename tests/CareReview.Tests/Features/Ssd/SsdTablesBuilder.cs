using CareReview.Domain.Children;
using CareReview.Web.Features.Ssd;

namespace CareReview.Tests.Features.Ssd;

/// <summary>
/// A council's SSD tables written by hand, a child at a time, as a case-management system's SSD script would fill
/// them; written to a temporary folder that is deleted with the builder.
/// </summary>
public sealed class SsdTablesBuilder : IDisposable
{
    private readonly Dictionary<SsdTable, List<string?[]>> _rows = SsdTables.Read.ToDictionary(t => t, _ => new List<string?[]>());
    private int _next;

    public string Folder { get; } = Directory.CreateTempSubdirectory("ssd-").FullName;

    /// <summary>A person with one open episode of care from <paramref name="since"/>, in one legal status and one placement.</summary>
    public SsdTablesBuilder LookedAfter(string personId, DateOnly since, DateOnly? dateOfBirth = null, LegalStatus legalStatus = LegalStatus.C2,
        PlacementType placement = PlacementType.U4, string forename = "Sam", string surname = "Synced", string sex = "F")
    {
        Person(personId, dateOfBirth ?? since.AddYears(-9), forename, surname, sex);
        return Episode(personId, since, ReasonForNewEpisode.S, legalStatus, placement);
    }

    public SsdTablesBuilder Person(string personId, DateOnly dateOfBirth, string forename = "Sam", string surname = "Synced", string sex = "F")
    {
        Add(SsdTables.Person, personId, forename, surname, sex, Date(dateOfBirth), "WBRI", "", "");
        return this;
    }

    /// <summary>
    /// An episode from <paramref name="on"/>: a new legal status row when the reason says the status may change
    /// (S, L, B, U) and a new placement row when the placement may (S, P, B, T, U); the rows before end that day.
    /// </summary>
    public SsdTablesBuilder Episode(string personId, DateOnly on, ReasonForNewEpisode reason, LegalStatus legalStatus, PlacementType placement,
        string? placementPostcode = null, ReasonForPlacementChange? changeReason = ReasonForPlacementChange.CARPL)
    {
        var episodes = _rows[SsdTables.Episodes];
        var open = episodes.FindLast(r => r[1] == personId && r[5] is null);
        if (open is not null)
        {
            open[5] = Date(on);
            open[6] = reason == ReasonForNewEpisode.S ? "E11" : "X1";
        }

        if (reason is ReasonForNewEpisode.S or ReasonForNewEpisode.L or ReasonForNewEpisode.B or ReasonForNewEpisode.U)
        {
            EndOpen(SsdTables.LegalStatus, personId, 1, 4, on, null);
            Add(SsdTables.LegalStatus, $"L{++_next}", personId, legalStatus.ToString(), Date(on), null);
        }

        var placementId = _rows[SsdTables.Placements].FindLast(r => r[2] == personId)?[0];
        if (reason is not ReasonForNewEpisode.L)
        {
            EndOpen(SsdTables.Placements, personId, 2, 8, on, reason == ReasonForNewEpisode.S ? null : changeReason?.ToString());
            placementId = $"P{++_next}";
            Add(SsdTables.Placements, placementId, $"{personId}-C", personId, Date(on), placement.ToString(), "", "", placementPostcode ?? "", null, "");
        }

        Add(SsdTables.Episodes, $"E{++_next}", personId, Date(on), reason.ToString(), "N1", null, null, $"{personId}-C", placementId, "", "");
        return this;
    }

    /// <summary>The open episode ends: the child stops being looked after.</summary>
    public SsdTablesBuilder Ceased(string personId, DateOnly on, ReasonEpisodeCeased reason = ReasonEpisodeCeased.E11)
    {
        var open = _rows[SsdTables.Episodes].FindLast(r => r[1] == personId && r[5] is null)!;
        open[5] = Date(on);
        open[6] = reason.ToString();
        EndOpen(SsdTables.LegalStatus, personId, 1, 4, on, null);
        EndOpen(SsdTables.Placements, personId, 2, 8, on, null);
        return this;
    }

    public SsdTablesBuilder SocialWorker(string personId, string professionalId, string name, DateOnly from, string team = "North Team") =>
        Worker(personId, professionalId, name, from, team, SsdTables.AllocatedSocialWorker, "Social Worker");

    public SsdTablesBuilder Iro(string personId, string professionalId, string name, DateOnly from) =>
        Worker(personId, professionalId, name, from, "IRO Service", SsdTables.Iro, "Independent Reviewing Officer");

    public SsdTablesBuilder Visit(string personId, DateOnly on, bool seen = true, bool alone = true)
    {
        Add(SsdTables.Visits, $"V{++_next}", $"{personId}-C", personId, Date(on), seen ? "Y" : "N", alone ? "Y" : "N");
        return this;
    }

    public SsdTablesBuilder HealthAssessment(string personId, DateOnly on)
    {
        Add(SsdTables.Health, $"H{++_next}", personId, "Health Assessment", Date(on), "Completed");
        return this;
    }

    public SsdTablesBuilder ReviewHeld(string personId, DateOnly on, ParticipationCode participation = ParticipationCode.PN1)
    {
        Add(SsdTables.Reviews, $"R{++_next}", $"{personId}-C", "", Date(on), "N", participation.ToString());
        return this;
    }

    public SsdTablesBuilder MergedFrom(string personId, string formerPersonId)
    {
        Add(SsdTables.LinkedIdentifiers, $"K{++_next}", personId, SsdTables.FormerPersonId, formerPersonId, "", "");
        return this;
    }

    /// <summary>Sets one value of the last row of a table whose first column is given, such as a bad code.</summary>
    public SsdTablesBuilder Set(SsdTable table, string column, string value, string? personId = null)
    {
        var index = table.Columns.ToList().FindIndex(c => c.Name == column);
        var personColumn = table.Columns.ToList().FindIndex(c => c.Name.EndsWith("_person_id", StringComparison.Ordinal));
        _rows[table].FindLast(r => personId is null || r[personColumn] == personId)![index] = value;
        return this;
    }

    /// <summary>Takes every row of a person out of every table, as if the case system no longer had them.</summary>
    public SsdTablesBuilder Without(string personId)
    {
        foreach (var (table, rows) in _rows)
        {
            var personColumn = table.Columns.ToList().FindIndex(c => c.Name.EndsWith("person_id", StringComparison.Ordinal));
            rows.RemoveAll(r => personColumn >= 0 && r[personColumn] == personId);
        }

        return this;
    }

    /// <summary>Writes every table (each with its header, even when empty) and returns the folder.</summary>
    public async Task<string> WriteAsync(SsdStore? store = null)
    {
        store ??= SsdStore.Parse(Folder);
        foreach (var (table, rows) in _rows)
        {
            await store.WriteAsync(table, rows);
        }

        return Folder;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private SsdTablesBuilder Worker(string personId, string professionalId, string name, DateOnly from, string team, string role, string title)
    {
        EndOpen(SsdTables.Involvements, personId, 7, 5, from, null, r => r[2] == role);
        Add(SsdTables.Involvements, $"I{++_next}", professionalId, role, team, Date(from), null, "", personId);
        if (_rows[SsdTables.Professionals].All(r => r[0] != professionalId))
        {
            Add(SsdTables.Professionals, professionalId, professionalId, name, "", title, "", team, "1");
        }

        return this;
    }

    private void EndOpen(SsdTable table, string personId, int personColumn, int endColumn, DateOnly on, string? changeReason, Func<string?[], bool>? which = null)
    {
        if (_rows[table].FindLast(r => r[personColumn] == personId && r[endColumn] is null && (which?.Invoke(r) ?? true)) is { } open)
        {
            open[endColumn] = Date(on);
            if (table == SsdTables.Placements)
            {
                open[9] = changeReason;
            }
        }
    }

    private void Add(SsdTable table, params string?[] values)
    {
        if (values.Length != table.Columns.Count)
        {
            throw new ArgumentException($"{table.Name} has {table.Columns.Count} columns, not {values.Length}");
        }

        _rows[table].Add(values);
    }

    private static string Date(DateOnly date) => SsdStore.Date(date);
}
