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

    /// <summary>The longest window a report, figure or list is worked out for: long enough for any trend a council reports.</summary>
    public const int LongestWindowInYears = 10;

    /// <summary>
    /// A window of dates a person asked for (a report's, a list's) must run forwards and be no longer than
    /// <see cref="LongestWindowInYears"/>, so a mistyped year (31 December 9999) is answered at once, not after
    /// minutes of work.
    /// </summary>
    public static void RequireWindow(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new DomainRuleException("The end date must be the same as or after the start date", "To");
        }

        if (to > from.AddYears(LongestWindowInYears))
        {
            throw new DomainRuleException($"The start and end dates must be no more than {LongestWindowInYears} years apart", "To");
        }
    }
}
