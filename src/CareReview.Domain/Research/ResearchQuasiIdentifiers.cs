using System.Globalization;
using CareReview.Domain.Children;

namespace CareReview.Domain.Research;

/// <summary>
/// The extract's columns that an outsider could also read from the council's DfE return (SSDA903: sex, date of
/// birth, each episode's dates and codes, each review's date and participation code), each with its ladder of
/// coarser codings. Whether a review was late is counted among them too: one year's return does not show it,
/// but the return before it and the statutory timescales do. children.csv and reviews.csv are checked apart,
/// because reviews.csv does not say whose review a row is (ADR-0024).
/// </summary>
/// <remarks>
/// Each column's weight says how much researchers need it, so that <see cref="KAnonymity"/> gives up the others
/// first: in reviews.csv participation above all (it is what the file is for), then age; in children.csv how
/// the child took part and age, then sex, legal status, placement and timeliness. It is a judgement, to be
/// revisited with the researchers who use the extract.
/// </remarks>
public static class ResearchQuasiIdentifiers
{
    /// <summary>A value generalised away: the top of every ladder.</summary>
    public const string Withheld = "*";

    public static readonly ValueLabel WithheldLabel = new(Withheld, "Withheld so that no child stands out (see README.txt)");

    public static readonly Coding Sex = new("sex",
    [
        new("SSDA903 code", [.. Enum.GetValues<Sex>().Select(s => new ValueLabel(s.ToString(), s.Describe()))]),
    ]);

    public static readonly Coding AgeBand = new("age_band",
    [
        new("6 bands (under 4, 4, 5 to 9, 10 to 12, 13 to 15, 16 and over)",
            [.. ReportingAgeBands.All.Select(b => new ValueLabel(ReportingBandCode(b), b.Describe()))]),
        new("4 bands (under 5, 5 to 9, 10 to 15, 16 and over)", [new("0-4", "Under 5"), new("5-9", "5 to 9"), new("10-15", "10 to 15"), new("16+", "16 and over")]),
        new("2 bands (under 10, 10 and over)", [new("0-9", "Under 10"), new("10+", "10 and over")]),
    ]);

    public static readonly Coding LegalStatus = new("legal_status",
    [
        new("SSDA903 code", [.. Enum.GetValues<LegalStatus>().Select(s => new ValueLabel(s.ToString(), s.Describe()))]),
        new("6 groups",
        [
            new("care_order", "Care order, interim or full (C1, C2)"),
            new("placement_order", "Placement order or freeing order (E1, D1)"),
            new("section_20", "Single period of accommodation under section 20 (V2)"),
            new("short_breaks", "Short breaks (V3, V4)"),
            new("protection", "Police protection, emergency protection or child assessment order (L1, L2, L3)"),
            new("youth_justice", "Remanded, PACE or a youth rehabilitation order (J1, J2, J3)"),
        ]),
        new("Care or placement order, or another", [new("order", "Care, placement or freeing order (C1, C2, D1, E1)"), new("other", "Any other legal status")]),
    ]);

    public static readonly Coding CategoryOfNeed = new("cin",
    [
        new("SSDA903 code", [.. Enum.GetValues<CategoryOfNeed>().Select(c => new ValueLabel(c.ToString(), c.Describe()))]),
        new("Abuse or neglect, or another", [new("N1", CareReview.Domain.Children.CategoryOfNeed.N1.Describe()), new("other", "Any other category of need (N2 to N8)")]),
    ]);

    public static readonly Coding Placement = new("placement",
    [
        new("SSDA903 code", [.. Enum.GetValues<PlacementType>().Select(p => new ValueLabel(p.ToString(), p.Describe()))]),
        new("7 groups",
        [
            new("foster", "Foster placement (U1 to U6)"),
            new("adoption", "Placed for adoption (A3 to A6)"),
            new("parents", "Placed with parents or another person with parental responsibility (P1)"),
            new("childrens_home", "Children's home or secure children's home (K1, K2)"),
            new("supported", "Registered supported accommodation (K3)"),
            new("residential", "Other residential setting (R1, R2, R3, R5, S1)"),
            new("other", "Temporary or other placement (T0 to T4, Z11 to Z14, P3)"),
        ]),
        new("Foster placement or another", [new("foster", "Foster placement (U1 to U6)"), new("not_foster", "Any other placement")]),
    ]);

    public static readonly Coding Period = new("period",
    [
        new("4 kinds",
        [
            new("whole", "Looked after on every day of the window"),
            new("started", "Started (or came back) during the window and looked after at its end"),
            new("ceased", "Looked after at the start of the window and ceased during it"),
            new("started_ceased", "Started and ceased during the window"),
        ]),
        new("Whole window or part", [new("whole", "Looked after on every day of the window"), new("part", "Started or ceased during the window")]),
    ]);

    public static readonly Coding Placements = new("placements",
    [
        new("1, 2, 3 or more", [new("1", "One placement"), new("2", "Two placements"), new("3+", "Three or more placements")]),
        new("1, 2 or more", [new("1", "One placement"), new("2+", "Two or more placements")]),
    ]);

    public static readonly Coding ReviewsHeld = new("reviews_held",
    [
        new("0, 1, 2, 3 or more", [new("0", "None"), new("1", "One"), new("2", "Two"), new("3+", "Three or more")]),
        new("Under 2, 2 or more", [new("0-1", "None or one"), new("2+", "Two or more")]),
    ]);

    public static readonly Coding ReviewsLate = new("reviews_late",
    [
        new("0, 1, 2 or more", [new("0", "None"), new("1", "One"), new("2+", "Two or more")]),
        new("None, or 1 or more", [new("0", "None"), new("1+", "One or more")]),
    ]);

    public static readonly Coding TookPart = new("took_part",
    [
        new("5 kinds (blank: no review with a participation code)",
        [
            new("all", "Attended every review (PN1 to PN4) that was not coded PN0"),
            new("some", "Attended some of those reviews, not all"),
            new("views", "Attended none, but conveyed views to at least one (PN5, PN6)"),
            new("none", "Attended none and conveyed no views (PN7)"),
            new("PN0", "Under 4 at every review"),
        ]),
        new("Attended or not (blank: no review with a participation code)",
            [new("attended", "Attended at least one review"), new("not_attended", "Attended none of the reviews"), new("PN0", "Under 4 at every review")]),
    ]);

    /// <summary>A review's calendar quarter: the finest a review's timing is ever written.</summary>
    public static readonly Coding Quarter = new("quarter",
    [
        new("calendar quarter (2025-Q2: April to June 2025)", []),
    ]);

    public static readonly Coding Participation = new("participation",
    [
        new("SSDA903 REVIEW_CODE (blank: not recorded, as for short breaks)",
            [.. Enum.GetValues<ParticipationCode>().Select(c => new ValueLabel(c.ToString(), c.Describe()))]),
        new("4 groups (blank: not recorded)",
        [
            new("PN0", ParticipationCode.PN0.Describe()),
            new("PN1-4", "Attended (PN1 to PN4)"),
            new("PN5-6", "Did not attend but conveyed views (PN5, PN6)"),
            new("PN7", ParticipationCode.PN7.Describe()),
        ]),
    ]);

    public static readonly Coding Late = new("late",
    [
        new("Held after its statutory due date (0 or 1)", [new("0", "No"), new("1", "Yes")]),
    ]);

    /// <summary>The quasi-identifiers of a child's row of children.csv, in the order of its columns.</summary>
    public static readonly IReadOnlyList<QuasiIdentifier<ResearchChild>> OfChildren =
    [
        Sex.For<ResearchChild>(c => [c.Sex.ToString()], weight: 2),
        AgeBand.For<ResearchChild>(c => AgeBands(c.Age), weight: 3),
        LegalStatus.For<ResearchChild>(c => [c.LegalStatus.ToString(), LegalStatusGroup(c.LegalStatus),
            LegalStatusGroup(c.LegalStatus) is "care_order" or "placement_order" ? "order" : "other"], weight: 2),
        CategoryOfNeed.For<ResearchChild>(c => [c.CategoryOfNeed.ToString(), c.CategoryOfNeed == Children.CategoryOfNeed.N1 ? "N1" : "other"]),
        Placement.For<ResearchChild>(c => [c.PlacementType.ToString(), PlacementGroup(c.PlacementType), PlacementGroup(c.PlacementType) == "foster" ? "foster" : "not_foster"],
            weight: 2),
        Period.For<ResearchChild>(c => [PeriodCode(c.StartedInWindow, c.CeasedInWindow), c.StartedInWindow || c.CeasedInWindow ? "part" : "whole"]),
        Placements.For<ResearchChild>(c => [c.Placements >= 3 ? "3+" : Whole(c.Placements), c.Placements >= 2 ? "2+" : Whole(c.Placements)]),
        ReviewsHeld.For<ResearchChild>(c => ReviewsHeldCodes(c.Reviews.Count)),
        ReviewsLate.For<ResearchChild>(c => c.Reviews.Count(r => r.Late) switch { 0 => ["0", "0"], 1 => ["1", "1+"], _ => ["2+", "1+"] }, weight: 2),
        TookPart.For<ResearchChild>(c => TookPartCodes(c.Reviews), weight: 3),
    ];

    /// <summary>The quasi-identifiers of a row of reviews.csv, in the order of its columns: the child's sex and age band that day, then the review's own.</summary>
    public static readonly IReadOnlyList<QuasiIdentifier<ReviewOfChild>> OfReviews =
    [
        Sex.For<ReviewOfChild>(r => [r.Child.Sex.ToString()]),
        AgeBand.For<ReviewOfChild>(r => AgeBands(r.Review.Age), weight: 3),
        Quarter.For<ReviewOfChild>(r => [QuarterOf(r.Review.HeldOn)]),
        Participation.For<ReviewOfChild>(r => r.Review.Participation is { } code ? [code.ToString(), ParticipationGroup(code)] : ["", ""], weight: 6),
        Late.For<ReviewOfChild>(r => [r.Review.Late ? "1" : "0"], weight: 2),
    ];

    public static string[] ReviewsHeldCodes(int count) => [count >= 3 ? "3+" : Whole(count), count >= 2 ? "2+" : "0-1"];

    /// <summary>How a child took part in its reviews with a participation code, at each level below <see cref="Withheld"/>.</summary>
    public static string[] TookPartCodes(IReadOnlyList<ResearchReview> reviews)
    {
        var coded = reviews.Where(r => r.Participation is not null).Select(r => r.Participation!.Value).ToList();
        var over4 = coded.Where(c => c != ParticipationCode.PN0).ToList();
        if (over4.Count == 0)
        {
            return coded.Count == 0 ? ["", ""] : ["PN0", "PN0"];
        }

        var attended = over4.Count(c => ParticipationGroup(c) == "PN1-4");
        return attended == over4.Count ? ["all", "attended"]
            : attended > 0 ? ["some", "attended"]
            : over4.Any(c => ParticipationGroup(c) == "PN5-6") ? ["views", "not_attended"]
            : ["none", "not_attended"];
    }

    /// <summary>
    /// The codes of <paramref name="age"/> at each level below <see cref="Withheld"/>: the service's reporting
    /// bands (<see cref="ReportingAgeBands"/>), then the DfE's looked-after statistics bands, then under or over 10.
    /// </summary>
    public static string[] AgeBands(int age) =>
    [
        ReportingBandCode(ReportingAgeBands.For(age)),
        age switch { <= 4 => "0-4", <= 9 => "5-9", <= 15 => "10-15", _ => "16+" },
        age <= 9 ? "0-9" : "10+",
    ];

    private static string ReportingBandCode(ReportingAgeBand band) => band switch
    {
        ReportingAgeBand.UnderFour => "0-3",
        ReportingAgeBand.Four => "4",
        ReportingAgeBand.FiveToNine => "5-9",
        ReportingAgeBand.TenToTwelve => "10-12",
        ReportingAgeBand.ThirteenToFifteen => "13-15",
        ReportingAgeBand.SixteenAndOver => "16+",
    };

    public static string LegalStatusGroup(LegalStatus status) => status switch
    {
        Children.LegalStatus.C1 or Children.LegalStatus.C2 => "care_order",
        Children.LegalStatus.D1 or Children.LegalStatus.E1 => "placement_order",
        Children.LegalStatus.V2 => "section_20",
        Children.LegalStatus.V3 or Children.LegalStatus.V4 => "short_breaks",
        Children.LegalStatus.L1 or Children.LegalStatus.L2 or Children.LegalStatus.L3 => "protection",
        Children.LegalStatus.J1 or Children.LegalStatus.J2 or Children.LegalStatus.J3 => "youth_justice",
    };

    public static string PlacementGroup(PlacementType type) => type switch
    {
        PlacementType.U1 or PlacementType.U2 or PlacementType.U3 or PlacementType.U4 or PlacementType.U5 or PlacementType.U6 => "foster",
        PlacementType.A3 or PlacementType.A4 or PlacementType.A5 or PlacementType.A6 => "adoption",
        PlacementType.P1 => "parents",
        PlacementType.K1 or PlacementType.K2 => "childrens_home",
        PlacementType.K3 => "supported",
        PlacementType.R1 or PlacementType.R2 or PlacementType.R3 or PlacementType.R5 or PlacementType.S1 => "residential",
        PlacementType.P3 or PlacementType.T0 or PlacementType.T1 or PlacementType.T2 or PlacementType.T3 or PlacementType.T4
            or PlacementType.Z11 or PlacementType.Z12 or PlacementType.Z13 or PlacementType.Z14 => "other",
    };

    public static string PeriodCode(bool started, bool ceased) => (started, ceased) switch
    {
        (false, false) => "whole",
        (true, false) => "started",
        (false, true) => "ceased",
        (true, true) => "started_ceased",
    };

    public static string ParticipationGroup(ParticipationCode code) => code switch
    {
        ParticipationCode.PN0 => "PN0",
        ParticipationCode.PN1 or ParticipationCode.PN2 or ParticipationCode.PN3 or ParticipationCode.PN4 => "PN1-4",
        ParticipationCode.PN5 or ParticipationCode.PN6 => "PN5-6",
        ParticipationCode.PN7 => "PN7",
    };

    /// <summary>The calendar quarter of <paramref name="day"/>, as 2025-Q2.</summary>
    public static string QuarterOf(DateOnly day) =>
        string.Create(CultureInfo.InvariantCulture, $"{day.Year}-Q{(day.Month + 2) / 3}");

    private static string Whole(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One coding of a column: what the level publishes, in words, and the codes it can hold.</summary>
public sealed record CodingLevel(string Name, IReadOnlyList<ValueLabel> Codes);

/// <summary>
/// A column's ladder of codings, finest first, with <see cref="ResearchQuasiIdentifiers.Withheld"/> always the
/// last rung. The codebook lists every code of every rung, so a researcher can read whichever one was used.
/// </summary>
public sealed class Coding(string column, IReadOnlyList<CodingLevel> levels)
{
    public string Column { get; } = column;

    /// <summary>The codings below <see cref="ResearchQuasiIdentifiers.Withheld"/>, finest first.</summary>
    public IReadOnlyList<CodingLevel> Levels { get; } = levels;

    /// <summary>The level that writes only <see cref="ResearchQuasiIdentifiers.Withheld"/>.</summary>
    public int Top => Levels.Count;

    /// <summary>Every code any level can write, each once, then the withheld mark.</summary>
    public IReadOnlyList<ValueLabel> AllCodes =>
        [.. Levels.SelectMany(l => l.Codes).DistinctBy(c => c.Code), ResearchQuasiIdentifiers.WithheldLabel];

    /// <summary>What level <paramref name="level"/> publishes, in words.</summary>
    public string Describe(int level) => level >= Top ? "withheld" : Levels[level].Name;

    /// <summary>
    /// A quasi-identifier of <typeparamref name="TRow"/> from its codes at each level below the top, weighted by
    /// how much researchers need the column (<see cref="QuasiIdentifier{TRow}.Weight"/>).
    /// </summary>
    public QuasiIdentifier<TRow> For<TRow>(Func<TRow, string[]> codes, double weight = 1) =>
        new(Column, [.. Enumerable.Range(0, Top + 1).Select(level => (Describe(level), (Func<TRow, string>)(row => Code(codes(row), level))))], weight);

    /// <summary>The code at <paramref name="level"/> of a value whose codes below the top are <paramref name="codes"/>.</summary>
    public string Code(string[] codes, int level) => level < Top ? codes[level] : ResearchQuasiIdentifiers.Withheld;
}
