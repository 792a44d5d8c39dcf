namespace CareReview.Domain;

/// <summary>
/// The rules for an administrator's change to the bank holidays: a newly proclaimed day is added, or a rule
/// day that a proclamation moved is removed. Each day can be changed once, because every working-day
/// deadline has already been recalculated from the change; putting one right is a developer's job.
/// </summary>
public static class BankHolidayChange
{
    /// <summary>
    /// Everything wrong with changing <paramref name="date"/>, each beside the field "Date". While
    /// <paramref name="removed"/> is not yet known (null), only the checks that do not depend on it are made.
    /// </summary>
    /// <param name="alreadyChanged">An administrator has changed this day before.</param>
    public static IReadOnlyList<DomainRuleException> Problems(DateOnly date, bool? removed, bool alreadyChanged, WorkingDayCalendar calendar)
    {
        const string field = "Date";
        var problems = new List<DomainRuleException>();
        if (alreadyChanged)
        {
            problems.Add(new DomainRuleException($"{GovukDate.Format(date)} has already been changed. Ask a developer to correct it", field));
        }

        if (date.Year is < WorkingDayCalendar.FirstSupportedYear or > WorkingDayCalendar.LastSupportedYear)
        {
            // The calendar cannot say whether such a day is a bank holiday, so nothing more can be checked.
            problems.Add(new DomainRuleException(
                $"Date must be between {WorkingDayCalendar.FirstSupportedYear} and {WorkingDayCalendar.LastSupportedYear}", field));
            return problems;
        }

        if (removed == false && calendar.IsBankHoliday(date))
        {
            problems.Add(new DomainRuleException($"{GovukDate.Format(date)} is already a bank holiday", field));
        }

        if (removed == true && !calendar.IsBankHoliday(date))
        {
            problems.Add(new DomainRuleException($"{GovukDate.Format(date)} is not a bank holiday, so it cannot be removed", field));
        }

        return problems;
    }
}
