using CareReview.Domain.Children;

namespace CareReview.Domain.Returns;

/// <summary>
/// The header, episodes and reviews files of one year's DfE looked-after return, as rows of text in the
/// DfE's column order. <see cref="Tables"/> gives the same rows to <see cref="ReturnChecks"/>, with the line
/// each would have in its file, so the in-app check reports what the DfE would see.
/// </summary>
public sealed record ReturnFiles(
    FinancialYear Year,
    IReadOnlyList<string?[]> Header,
    IReadOnlyList<string?[]> Episodes,
    IReadOnlyList<string?[]> Reviews)
{
    public ReturnTables Tables => new(
        [.. Header.Select((r, i) => new HeaderRow(i + 2, ReturnTables.Row(ReturnColumns.Header, r)))],
        [.. Episodes.Select((r, i) => new EpisodeRow(i + 2, ReturnTables.Row(ReturnColumns.Episodes, r)))],
        [.. Reviews.Select((r, i) => new ReviewRow(i + 2, ReturnTables.Row(ReturnColumns.Reviews, r)))]);

    /// <summary>Each file's name and bytes, as the DfE's upload expects them.</summary>
    public IReadOnlyList<(string Name, byte[] Content)> Files =>
    [
        ("header.csv", Ssda903Csv.Write(ReturnColumns.Header, Header)),
        ("episodes.csv", Ssda903Csv.Write(ReturnColumns.Episodes, Episodes)),
        ("reviews.csv", Ssda903Csv.Write(ReturnColumns.Reviews, Reviews)),
    ];
}

/// <summary>What of a child's record goes in a year's return (ssda903.md §1).</summary>
public static class ReturnExport
{
    public static ReturnFiles Build(IEnumerable<Child> children, FinancialYear year)
    {
        var header = new List<string?[]>();
        var episodes = new List<string?[]>();
        var reviews = new List<string?[]>();
        foreach (var child in children.OrderBy(c => c.LocalId, StringComparer.Ordinal))
        {
            // Only episodes open at some point in the year: begun by its end, and not ended before it began.
            var inYear = child.Episodes.Where(e => e.StartedOn <= year.End && (e.EndedOn is null || e.EndedOn >= year.Start))
                .OrderBy(e => e.StartedOn).ToList();
            if (inYear.Count == 0)
            {
                continue;
            }

            var dob = Ssda903Csv.FormatDate(child.DateOfBirth);
            var shortBreaksOnly = inYear.All(e => e.LegalStatus.IsShortBreak());
            header.Add([child.LocalId, child.Sex.ToString(), dob, child.Ethnicity?.ToString(), child.Upn,
                shortBreaksOnly ? null : Flag(child.IsMother), Ssda903Csv.FormatDate(child.MothersChildBornOn)]);

            foreach (var episode in inYear)
            {
                // An episode that ended after 31 March was still open on the last day of the year (rules 354 and 385).
                var ended = episode.EndedOn <= year.End;
                episodes.Add([child.LocalId, Ssda903Csv.FormatDate(episode.StartedOn), episode.ReasonForNewEpisode.ToString(),
                    episode.LegalStatus.ToString(), episode.CategoryOfNeed.ToString(), episode.PlacementType.ToString(),
                    episode.PlacementProvider?.ToString(), ended ? Ssda903Csv.FormatDate(episode.EndedOn) : null,
                    ended ? episode.ReasonEnded?.ToString() : null, ended ? episode.ReasonForPlacementChange?.ToString() : null,
                    episode.HomePostcode, episode.PlacementPostcode, episode.Urn]);
            }

            // Reviews of short breaks carry no participation code and are not returned (rules 167 and 399).
            foreach (var review in child.Reviews.Where(r => r.IsHeld && r.HeldOn is { } on && year.Contains(on)).OrderBy(r => r.HeldOn))
            {
                var during = child.Episodes.Where(e => e.StartedOn <= review.HeldOn && (e.EndedOn is null || e.EndedOn >= review.HeldOn)).MaxBy(e => e.StartedOn);
                if (during is null || during.LegalStatus.IsShortBreak() || review.ParticipationCode is null)
                {
                    continue;
                }

                reviews.Add([child.LocalId, dob, Ssda903Csv.FormatDate(review.HeldOn), review.ParticipationCode.ToString()]);
            }
        }

        return new ReturnFiles(year, header, episodes, reviews);
    }

    private static string? Flag(bool? value) => value switch { true => "1", false => "0", null => null };
}
