namespace CareReview.Web.Features.Shared;

/// <summary>The SSDA903 code lists as options for selects and radios: "C2 – Full care order".</summary>
public static class CodeOptions
{
    public static IEnumerable<(string Value, string Text)> LegalStatuses =>
        Enum.GetValues<LegalStatus>().Select(c => (c.ToString(), $"{c} – {c.Describe()}"));

    public static IEnumerable<(string Value, string Text)> PlacementTypes =>
        Enum.GetValues<PlacementType>().Select(c => (c.ToString(), $"{c} – {c.Describe()}"));

    public static IEnumerable<(string Value, string Text)> CategoriesOfNeed =>
        Enum.GetValues<CategoryOfNeed>().Select(c => (c.ToString(), $"{c} – {c.Describe()}"));

    /// <summary>Every reason a period of care ends; X1 is left out because it is not an ending.</summary>
    public static IEnumerable<(string Value, string Text)> ReasonsCeased =>
        Enum.GetValues<ReasonEpisodeCeased>().Where(c => c != ReasonEpisodeCeased.X1).Select(c => (c.ToString(), $"{c} – {c.Describe()}"));

    public static IEnumerable<(string Value, string Text)> PlacementChangeReasons =>
        Enum.GetValues<ReasonForPlacementChange>().Select(c => (c.ToString(), $"{c} – {c.Describe()}"));

    public static IEnumerable<(string Value, string Text)> Sexes =>
        Enum.GetValues<Sex>().Select(c => (c.ToString(), c.Describe()));

    public static IEnumerable<(string Value, string Text)> Staff(IEnumerable<StaffMember> staff) =>
        staff.Select(s => (s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Team is null ? s.Name : $"{s.Name} ({s.Team.Name})"));
}
