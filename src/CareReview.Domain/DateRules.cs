namespace CareReview.Domain;

/// <summary>Checks on dates that many records share, worded the same wherever they apply.</summary>
public static class DateRules
{
    /// <summary>
    /// Something that has already happened (a birth, a meeting, a change) cannot be dated after today. The
    /// refusal reads "<paramref name="what"/> must be today or in the past"; a date not given is left to the caller.
    /// </summary>
    public static DomainRuleException? NotInTheFuture(DateOnly? date, DateOnly today, string what, string field) =>
        date > today ? new DomainRuleException($"{what} must be today or in the past", field) : null;

    /// <summary>Refuses, by throwing, what <see cref="NotInTheFuture"/> would refuse.</summary>
    public static void RequireNotInTheFuture(DateOnly? date, DateOnly today, string what, string field)
    {
        if (NotInTheFuture(date, today, what, field) is { } problem)
        {
            throw problem;
        }
    }
}
