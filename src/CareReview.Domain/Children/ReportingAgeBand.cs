namespace CareReview.Domain.Children;

/// <summary>
/// The age bands the IRO service reports in: those of the study's attendance figures and of SSDA903
/// participation (a child under 4 takes code PN0).
/// </summary>
public enum ReportingAgeBand
{
    UnderFour,
    Four,
    FiveToNine,
    TenToTwelve,
    ThirteenToFifteen,
    SixteenAndOver,
}

public static class ReportingAgeBands
{
    public static readonly IReadOnlyList<ReportingAgeBand> All = Enum.GetValues<ReportingAgeBand>();

    public static ReportingAgeBand For(int age) => age switch
    {
        < 4 => ReportingAgeBand.UnderFour,
        4 => ReportingAgeBand.Four,
        <= 9 => ReportingAgeBand.FiveToNine,
        <= 12 => ReportingAgeBand.TenToTwelve,
        <= 15 => ReportingAgeBand.ThirteenToFifteen,
        _ => ReportingAgeBand.SixteenAndOver,
    };

    public static string Describe(this ReportingAgeBand band) => band switch
    {
        ReportingAgeBand.UnderFour => "Under 4",
        ReportingAgeBand.Four => "4",
        ReportingAgeBand.FiveToNine => "5 to 9",
        ReportingAgeBand.TenToTwelve => "10 to 12",
        ReportingAgeBand.ThirteenToFifteen => "13 to 15",
        _ => "16 and over",
    };
}
