namespace CareReview.Web.Features.Ssd.Publishing;

/// <summary>The ids Care Review gives what it publishes that other systems join on.</summary>
public static class SsdIds
{
    /// <summary>
    /// <c>prof_professional_id</c>, and every column that points at it: one place, so that a case-management
    /// system's own worker id can be preferred here later without hunting for every use.
    /// </summary>
    public static string Professional(StaffMember staff) => staff.CaseSystemId ?? $"CR{staff.Id.ToString(CultureInfo.InvariantCulture)}";
}
