using CareReview.Domain.Deadlines;

namespace CareReview.Domain.Children;

/// <summary>
/// What the council's case-management system holds about a looked-after child and owns (sync rules, ADR-0029): who
/// they are, their episodes of care, and the visits and health checks done. <see cref="Visits"/> and
/// <see cref="HealthChecks"/> are null when the case system does not supply them, so Care Review keeps its own.
/// </summary>
public sealed record CaseSystemRecord(
    string GivenName,
    string FamilyName,
    DateOnly DateOfBirth,
    Sex Sex,
    Ethnicity? Ethnicity,
    string? Upn,
    IReadOnlyList<ReturnedEpisode> Episodes,
    IReadOnlyList<CaseSystemCheck>? Visits,
    IReadOnlyList<CaseSystemCheck>? HealthChecks);

/// <summary>A social worker's visit, or a health assessment or dental check, as the case system records it.</summary>
public sealed record CaseSystemCheck(CareEventKind Kind, DateOnly On, bool? ChildSeen = null, bool? SeenAlone = null);

/// <summary>One fact a sync changed: which, and what it was and became (codes and dates; a name only as "changed").</summary>
public sealed record CaseSystemChange(string Field, string? Before, string? After);

public sealed partial class Child
{
    /// <summary>Who records what the case system gave, in <see cref="CareEvent.RecordedBy"/>.</summary>
    public const string CaseSystem = "Case-management system";

    /// <summary>
    /// The day the case system changed the child's placement, legal status or whether they are looked after,
    /// until a review is held on or after it: the next review should consider it (CPPCR 2010 reg 32(2)).
    /// </summary>
    public DateOnly? CaseSystemChangeOn { get; private set; }

    /// <summary>What changed, for the IRO: "The placement changed from U1 to K2 on 3 March 2026".</summary>
    public string? CaseSystemChange { get; private set; }

    /// <summary>Since when the case system no longer has the child; a manager decides what it means (never deleted).</summary>
    public DateOnly? MissingUpstreamSince { get; private set; }

    /// <summary>A digest of what the case system last gave, so an unchanged child is not loaded again.</summary>
    public string? CaseSystemFingerprint { get; private set; }

    /// <summary>A new child as the case system first gives them, with the reviews held before Care Review knew them.</summary>
    public static Child FromCaseSystem(string localId, CaseSystemRecord record, IReadOnlyList<ReturnedReview> reviews, string fingerprint,
        DateOnly today, Rulebook rules)
    {
        var upn = CheckedIdentity(record, today);
        var child = FromReturn(localId, record.GivenName, record.FamilyName, record.DateOfBirth, record.Sex,
            new ChildReturnDetails(record.Ethnicity, upn, null, null, null, false, null), record.Episodes, reviews, today, rules);
        _ = child.FollowChecks(record, today);
        child.CaseSystemFingerprint = fingerprint;
        child.KeepDatesInStep(today, rules);
        return child;
    }

    /// <summary>
    /// Brings the facts the case system owns into line with it, and says what changed. Everything is checked before
    /// anything changes, so a refusal leaves the child as it was. Care Review's own records must still fit: a review
    /// held on a day the case system says the child was not looked after, or a review arranged for a child it says
    /// has left care, is refused for someone to put right.
    /// </summary>
    public IReadOnlyList<CaseSystemChange> FollowCaseSystem(CaseSystemRecord record, string fingerprint, DateOnly today, Rulebook rules)
    {
        var upn = CheckedIdentity(record, today);
        var episodes = ChainOfEpisodes(WithHomePostcodes(record.Episodes), record.DateOfBirth, today);
        foreach (var heldOn in _reviews.Select(r => r.HeldOn).OfType<DateOnly>())
        {
            Require(episodes.Any(e => e.StartedOn <= heldOn && (e.EndedOn is null || e.EndedOn >= heldOn)),
                $"Care Review holds a review on {GovukDate.Format(heldOn)}, a day the case system says the child was not looked after", "DECOM");
        }

        Require(OpenReview is null || episodes[^1].IsOpen,
            $"The case system says the child stopped being looked after on {GovukDate.Format(episodes[^1].EndedOn)}, but a review is arranged in Care Review. Record or cancel it there first",
            "DEC");

        var changes = new List<CaseSystemChange>();
        void Note(string field, string? before, string? after)
        {
            if (before != after)
            {
                changes.Add(new(field, before, after));
            }
        }

        // Names are not written into the audit log (ADR-0004): only that one changed.
        Note("forename", "", GivenName == record.GivenName.Trim() ? "" : "changed");
        Note("surname", "", FamilyName == record.FamilyName.Trim() ? "" : "changed");
        Note("dob", Iso(DateOfBirth), Iso(record.DateOfBirth));
        Note("sex", Sex.ToString(), record.Sex.ToString());
        Note("ethnicity", Ethnicity?.ToString(), record.Ethnicity?.ToString());
        Note("upn", Upn, upn);
        GivenName = record.GivenName.Trim();
        FamilyName = record.FamilyName.Trim();
        DateOfBirth = record.DateOfBirth;
        Sex = record.Sex;
        Ethnicity = record.Ethnicity;
        Upn = upn;

        var before = CurrentEpisode;
        if (!_episodes.Select(Describe).SequenceEqual(episodes.Select(Describe)))
        {
            Note("episodes", Summary(_episodes), Summary(episodes));
            ReplaceEpisodes(episodes);
            NoteChangeToConsider(before, CurrentEpisode, today);
        }

        var checksBefore = _careEvents.Count(e => e.RecordedBy == CaseSystem);
        var (added, removed) = FollowChecks(record, today);
        if (added + removed > 0)
        {
            Note("checks", $"{checksBefore}", $"{checksBefore + added - removed}");
        }

        MissingUpstreamSince = null;
        CaseSystemFingerprint = fingerprint;
        KeepDatesInStep(today, rules);
        return changes;
    }

    /// <summary>The case system no longer has the child; kept, and flagged for a manager from today.</summary>
    public bool MissFromCaseSystem(DateOnly today)
    {
        if (MissingUpstreamSince is not null)
        {
            return false;
        }

        MissingUpstreamSince = today;
        return true;
    }

    /// <summary>The case system merged this child's record into another: Care Review follows the surviving person id.</summary>
    public void FollowMerge(string localId)
    {
        Require(!string.IsNullOrWhiteSpace(localId), "The surviving person id is empty", nameof(LocalId));
        LocalId = localId.Trim();
    }

    private static string? CheckedIdentity(CaseSystemRecord record, DateOnly today)
    {
        Require(!string.IsNullOrWhiteSpace(record.GivenName), "The child has no forename", "pers_forename");
        Require(!string.IsNullOrWhiteSpace(record.FamilyName), "The child has no surname", "pers_surname");
        Require(record.GivenName.Trim().Length <= 100 && record.FamilyName.Trim().Length <= 100, "A name is longer than 100 characters", "pers_surname");
        Require(record.DateOfBirth <= today, "The date of birth is after today", "pers_dob");
        var upn = string.IsNullOrWhiteSpace(record.Upn) ? null : record.Upn.Trim().ToUpperInvariant();
        Require(upn is null || Children.Upn.IsValid(upn), "The UPN is not a valid unique pupil number", "pers_upn");
        foreach (var check in (record.Visits ?? []).Concat(record.HealthChecks ?? []))
        {
            Require(check.On <= today && check.On >= record.DateOfBirth,
                $"A {CareEvent.Describe(check.Kind).ToLowerInvariant()} on {GovukDate.Format(check.On)} is after today or before the child was born",
                check.Kind == CareEventKind.Visit ? "clav_cla_visit_date" : "clah_health_check_date");
        }

        return upn;
    }

    /// <summary>The case system gives no home postcode (SSD keeps addresses apart), so each episode keeps the one Care Review holds.</summary>
    private List<ReturnedEpisode> WithHomePostcodes(IReadOnlyList<ReturnedEpisode> episodes)
    {
        var held = _episodes.ToDictionary(e => e.StartedOn, e => e.HomePostcode);
        string? last = null;
        var kept = new List<ReturnedEpisode>(episodes.Count);
        foreach (var episode in episodes.OrderBy(e => e.StartedOn))
        {
            var home = episode.Placement.HomePostcode ?? (held.TryGetValue(episode.StartedOn, out var h) ? h : null) ?? last;
            last = home;
            var placement = episode.Placement with { HomePostcode = home == episode.Placement.PlacementPostcode && episode.PlacementType != PlacementType.P1 ? null : home };
            kept.Add(episode with { Placement = placement });
        }

        return kept;
    }

    private void ReplaceEpisodes(List<CareEpisode> episodes)
    {
        // An episode that starts on the same day is the same episode, kept so its row (and id) stays.
        var byStart = episodes.ToDictionary(e => e.StartedOn);
        _episodes.RemoveAll(e => !byStart.ContainsKey(e.StartedOn));
        foreach (var held in _episodes)
        {
            held.Become(byStart[held.StartedOn]);
        }

        _episodes.AddRange(episodes.Where(e => _episodes.All(h => h.StartedOn != e.StartedOn)));
        _episodes.Sort((a, b) => a.StartedOn.CompareTo(b.StartedOn));
        HistoryStartsOn = HistoryStart(_episodes);
    }

    private void NoteChangeToConsider(CareEpisode? before, CareEpisode? after, DateOnly today)
    {
        string? what = (before, after) switch
        {
            (null, null) => null,
            (null, { } started) => $"The child became looked after on {GovukDate.Format(started.StartedOn)}",
            ({ } ended, null) => $"The child stopped being looked after on {GovukDate.Format(_episodes[^1].EndedOn)}",
            ({ } b, { } a) when b.PlacementType != a.PlacementType || b.PlacementPostcode != a.PlacementPostcode || b.Urn != a.Urn =>
                $"The placement changed from {b.PlacementType} to {a.PlacementType} on {GovukDate.Format(a.StartedOn)}",
            ({ } b, { } a) when b.LegalStatus != a.LegalStatus =>
                $"The legal status changed from {b.LegalStatus} to {a.LegalStatus} on {GovukDate.Format(a.StartedOn)}",
            _ => null,
        };
        if (what is not null)
        {
            CaseSystemChangeOn ??= today;
            CaseSystemChange = CaseSystemChange is null || CaseSystemChangeOn == today && CaseSystemChange == what ? what : $"{CaseSystemChange}. {what}";
        }
    }

    /// <summary>Replaces the visits and health checks the case system owns with what it gives; returns how many were added and removed.</summary>
    private (int Added, int Removed) FollowChecks(CaseSystemRecord record, DateOnly today)
    {
        var added = 0;
        var removed = 0;
        foreach (var (checks, kinds) in new[]
        {
            (record.Visits, new[] { CareEventKind.Visit }),
            (record.HealthChecks, new[] { CareEventKind.HealthAssessment, CareEventKind.DentalCheck }),
        })
        {
            if (checks is null)
            {
                continue;
            }

            var given = checks.DistinctBy(c => (c.Kind, c.On)).ToDictionary(c => (c.Kind, c.On));
            removed += _careEvents.RemoveAll(e => kinds.Contains(e.Kind) && !given.ContainsKey((e.Kind, e.On)));
            foreach (var check in given.Values)
            {
                var held = _careEvents.FirstOrDefault(e => e.Kind == check.Kind && e.On == check.On);
                if (held is null)
                {
                    _careEvents.Add(new CareEvent(new CareEventDraft(check.Kind, check.On, check.ChildSeen, check.SeenAlone, null, null), CaseSystem, today));
                    added++;
                }
                else if (held.Kind == CareEventKind.Visit && (held.ChildSeen != check.ChildSeen || held.SeenAlone != (check.ChildSeen == true ? check.SeenAlone : null)))
                {
                    held.FollowVisit(check.ChildSeen, check.SeenAlone);
                    added++;
                    removed++;
                }
            }
        }

        return (added, removed);
    }

    private static string Describe(CareEpisode e) =>
        $"{Iso(e.StartedOn)} {e.ReasonForNewEpisode} {e.LegalStatus} {e.CategoryOfNeed} {e.PlacementType} {e.PlacementProvider} {e.PlacementPostcode} {e.Urn} {e.HomePostcode} {Iso(e.EndedOn)} {e.ReasonEnded} {e.ReasonForPlacementChange}";

    /// <summary>For the audit: how many episodes, and the last one's start, legal status and placement.</summary>
    private static string Summary(IReadOnlyList<CareEpisode> episodes) =>
        episodes.Count == 0 ? "0" : $"{episodes.Count} last {Iso(episodes[^1].StartedOn)} {episodes[^1].LegalStatus} {episodes[^1].PlacementType}{(episodes[^1].EndedOn is { } end ? $" ended {Iso(end)}" : "")}";

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
