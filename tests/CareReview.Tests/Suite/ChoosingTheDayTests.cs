using System.Net;
using System.Text.RegularExpressions;
using CareReview.Domain;
using CareReview.Tests.Data;
using CareReview.Tests.Shared;
using CareReview.Tests.Support;
using CareReview.Web;
using CareReview.Web.Demo;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace CareReview.Tests.Suite;

/// <summary>
/// Clock:Today runs the app as if it were another day, for demonstrations and the test suite only (ADR-0018):
/// the date stays the chosen one, the time of day is real, every page says so, and with demo mode off the
/// app will not start.
/// </summary>
public sealed class ChoosingTheDayTests(DemoApp app) : IClassFixture<DemoApp>
{
    private static readonly DateOnly s_chosen = new(2027, 2, 28);

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2026, 12, 7, 0, 5)] // just after midnight, winter
    [InlineData(2026, 12, 7, 23, 55)] // just before midnight, winter
    [InlineData(2026, 7, 1, 23, 30)] // already tomorrow in England (BST)
    public void The_date_is_the_chosen_one_whatever_the_real_time(int year, int month, int day, int hour, int minute)
    {
        var real = new FakeTimeProvider(Utc(year, month, day, hour, minute));
        var clock = new DemonstrationClock(s_chosen, real);

        Assert.Equal(s_chosen, clock.TodayInEngland());
        real.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(s_chosen, clock.TodayInEngland());
    }

    [Fact]
    public void The_time_of_day_is_the_real_time_of_day_in_England()
    {
        // 13:20 UTC on a summer day is 14:20 in England; on the chosen winter day that is 14:20 GMT.
        var real = new FakeTimeProvider(Utc(2026, 7, 1, 13, 20));
        var clock = new DemonstrationClock(s_chosen, real);

        Assert.Equal(Utc(2027, 2, 28, 14, 20), clock.GetUtcNow());
        real.Advance(TimeSpan.FromMinutes(90));
        Assert.Equal(Utc(2027, 2, 28, 15, 50), clock.GetUtcNow());
    }

    [Fact]
    public void What_other_machines_check_against_their_own_clocks_is_stamped_with_the_real_time()
    {
        var real = new FakeTimeProvider(Utc(2026, 7, 1, 13, 20));
        var clock = new DemonstrationClock(s_chosen, real);

        // A webhook's signed time: a receiver refuses one far from its own clock, whatever day the demonstration shows.
        Assert.Equal(Utc(2026, 7, 1, 13, 20), DemonstrationClock.RealTimeOf(clock).GetUtcNow());
        Assert.Same(real, DemonstrationClock.RealTimeOf(real));
    }

    [Fact]
    public void On_the_day_the_clocks_go_forward_the_missing_hour_becomes_the_hour_after()
    {
        // 01:30 in England in winter; on 28 March 2027 01:30 does not exist (01:00 GMT became 02:00 BST).
        var real = new FakeTimeProvider(Utc(2026, 12, 7, 1, 30));
        var clock = new DemonstrationClock(new DateOnly(2027, 3, 28), real);

        Assert.Equal(Utc(2027, 3, 28, 1, 30), clock.GetUtcNow());
        Assert.Equal(new DateOnly(2027, 3, 28), clock.TodayInEngland());
    }

    [Theory]
    [InlineData("2027-02-28", true)]
    [InlineData(" 2028-02-29 ", true)]
    [InlineData("", false)]
    public void The_setting_is_a_date_written_as_the_iso_standard_or_nothing(string value, bool chosen)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(DemonstrationClock.Setting, value)]).Build();

        Assert.Equal(chosen, DemonstrationClock.ChosenDay(configuration) is not null);
    }

    [Theory]
    [InlineData("28/02/2027")]
    [InlineData("2027-02-30")]
    [InlineData("tomorrow")]
    public void A_setting_that_is_not_a_date_is_refused_with_what_was_given(string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(DemonstrationClock.Setting, value)]).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => DemonstrationClock.ChosenDay(configuration));
        Assert.Contains($"\"{value}\"", refused.Message, StringComparison.Ordinal);
        Assert.Contains("2027-02-28", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_chosen_day_is_refused_only_when_demo_mode_is_off()
    {
        Assert.Null(DemonstrationClock.Refusal(null, demoMode: false));
        Assert.Null(DemonstrationClock.Refusal(null, demoMode: true));
        Assert.Null(DemonstrationClock.Refusal(s_chosen, demoMode: true));
        Assert.Contains("demo mode is off", DemonstrationClock.Refusal(s_chosen, demoMode: false), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_with_a_chosen_day_and_demo_mode_off_does_not_start_and_says_why()
    {
        var (exitCode, output) = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["Clock__Today"] = "2027-02-28",
            ["Demo__Enabled"] = "false",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Clock:Today is set to 2027-02-28, but demo mode is off", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_with_a_chosen_day_that_is_not_a_date_does_not_start_and_says_why()
    {
        var (exitCode, output) = await AppProcess.RunAsync(new Dictionary<string, string>
        {
            ["Clock__Today"] = "28/02/2027",
            ["Demo__Enabled"] = "true",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Clock:Today is \"28/02/2027\", which is not a date written as 2027-02-28.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_page_of_the_demonstration_says_which_day_it_is_running_as()
    {
        var banner = $"Demonstration: today is {GovukDate.Format(SuiteToday.Date)}";
        Assert.Equal(SuiteToday.Date, app.Today);

        using var anonymous = app.AnonymousClient();
        using var staff = await app.SignedInClientAsync(DemoAccounts.Iro, DemoOptions.Password);
        using var child = await app.SignedInClientAsync(DemoAccounts.Child, DemoOptions.Password);

        foreach (var (client, path) in new[] { (anonymous, "/sign-in"), (staff, "/caseload"), (child, "/me") })
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(banner, TextOf(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task On_the_real_clock_no_page_mentions_a_demonstration_day()
    {
        await using var plain = await AppFactory.StartAsync();
        using var client = plain.AnonymousClient();

        using var response = await client.GetAsync(new Uri("/sign-in", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"demonstration-day\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>What a screen reader reads: the page without its tags, spaces run together.</summary>
    private static string TextOf(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", "")), @"\s+", " ");
}
