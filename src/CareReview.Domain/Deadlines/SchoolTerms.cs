namespace CareReview.Domain.Deadlines;

/// <summary>
/// School terms as the PEP rule counts them: autumn (September to December), spring (January to March)
/// and summer (April to August, the holiday included). Each school sets its own dates, so these are the
/// broad terms every English school shares, not any one school's calendar.
/// </summary>
public static class SchoolTerms
{
    /// <summary>The last day of the term <paramref name="terms"/> after the one <paramref name="date"/> falls in.</summary>
    public static DateOnly EndOfTermAfter(DateOnly date, int terms)
    {
        var end = EndOfTerm(date);
        for (var i = 0; i < terms; i++)
        {
            end = EndOfTerm(end.AddDays(1));
        }

        return end;
    }

    public static DateOnly EndOfTerm(DateOnly date) => date.Month switch
    {
        >= 9 => new DateOnly(date.Year, 12, 31),
        <= 3 => new DateOnly(date.Year, 3, 31),
        _ => new DateOnly(date.Year, 8, 31),
    };
}
