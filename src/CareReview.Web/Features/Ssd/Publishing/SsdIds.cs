namespace CareReview.Web.Features.Ssd.Publishing;

/// <summary>The ids Care Review gives what it publishes that other systems join on.</summary>
public static class SsdIds
{
    /// <summary>
    /// <c>prof_professional_id</c>, and every column that points at it: one place, so that a case-management
    /// system's own worker id can be preferred here later without hunting for every use.
    /// </summary>
    public static string Professional(StaffMember staff) => staff.CaseSystemId ?? $"CR{staff.Id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A child's <paramref name="number"/>th episode (from 1), as the demo's SSD and the published tables both name it.</summary>
    public static string Episode(string localId, int number) => $"{localId}-E{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A child's <paramref name="number"/>th period of care (<c>clae_cla_id</c>, from 1).</summary>
    public static string Period(string localId, int number) => $"{localId}-C{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A child's <paramref name="number"/>th review (from 1), held ones in the order they were held.</summary>
    public static string Review(string localId, int number) => $"{localId}-R{number.ToString(CultureInfo.InvariantCulture)}";
}
