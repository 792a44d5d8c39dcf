using CareReview.Domain;
using CareReview.Domain.Children;
using static CareReview.Tests.Domain.Dates;

namespace CareReview.Tests.Domain;

/// <summary>
/// Two date rules every form shares: something that has happened cannot be dated after today, and a
/// child's age in whole years on a day.
/// </summary>
public sealed class DateRulesTests
{
    private static readonly DateOnly s_today = D("2026-11-23");

    [Theory]
    [InlineData("2026-11-22")]
    [InlineData("2026-11-23")] // today itself
    [InlineData(null)]         // not given: the form asks for it
    public void A_day_up_to_today_is_not_in_the_future(string? date) =>
        Assert.Null(DateRules.NotInTheFuture(OptionalD(date), s_today, "Date of birth", "DateOfBirth"));

    [Fact]
    public void Tomorrow_is_refused_beside_its_field_in_the_same_words_everywhere()
    {
        var refusal = DateRules.NotInTheFuture(D("2026-11-24"), s_today, "Date of birth", "DateOfBirth");

        Assert.NotNull(refusal);
        Assert.Equal(("Date of birth must be today or in the past", "DateOfBirth"), (refusal.Message, refusal.Field));
    }

    [Fact]
    public void The_throwing_form_refuses_the_same_days()
    {
        DateRules.RequireNotInTheFuture(s_today, s_today, "The date of the change", "From");

        var refusal = Assert.Throws<DomainRuleException>(() => DateRules.RequireNotInTheFuture(D("2026-11-24"), s_today, "The date of the change", "From"));
        Assert.Equal(("The date of the change must be today or in the past", "From"), (refusal.Message, refusal.Field));
    }

    [Theory]
    [InlineData("2015-03-01", "2026-02-28", 10)] // the day before the birthday
    [InlineData("2015-03-01", "2026-03-01", 11)] // the birthday
    [InlineData("2016-02-29", "2027-02-27", 10)] // born on 29 February
    [InlineData("2016-02-29", "2027-02-28", 11)] // is a year older on 28 February in a common year
    [InlineData("2016-02-29", "2028-02-28", 11)] // but on 29 February in a leap year
    [InlineData("2016-02-29", "2028-02-29", 12)]
    [InlineData("2026-11-23", "2026-11-23", 0)]  // born today
    public void Age_is_in_whole_years_on_the_day(string dateOfBirth, string on, int age) =>
        Assert.Equal(age, Child.Age(D(dateOfBirth), D(on)));
}
