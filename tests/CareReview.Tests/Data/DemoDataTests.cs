using System.Net;
using CareReview.Domain.Deadlines;
using CareReview.Domain.Staff;
using CareReview.Tests.Support;
using CareReview.Web.Features.Demo;
using Microsoft.EntityFrameworkCore;

namespace CareReview.Tests.Data;

/// <summary>An app in demo mode, started on the test database (SQLite, or PostgreSQL when asked for).</summary>
public sealed class DemoApp() : AppFactory(new Dictionary<string, string?> { ["Demo:Enabled"] = "true" });

/// <summary>
/// The app migrates the test database at start-up and, in demo mode, fills it with a synthetic
/// council: the staff, children and sign-ins that the demo and the browser tests rely on.
/// </summary>
public sealed class DemoDataTests(DemoApp app) : IClassFixture<DemoApp>
{
    [Fact]
    public async Task The_app_runs_on_its_own_test_database_with_every_migration_applied()
    {
        var connection = await app.QueryDbAsync(db => Task.FromResult(db.Database.GetConnectionString()));
        var provider = await app.QueryDbAsync(db => Task.FromResult(db.Database.ProviderName));
        var pending = await app.QueryDbAsync(db => db.Database.GetPendingMigrationsAsync());
        var applied = await app.QueryDbAsync(db => db.Database.GetAppliedMigrationsAsync());

        Assert.Contains("carereview_test_", connection, StringComparison.Ordinal);
        Assert.EndsWith(TestDatabase.PostgresRequested ? "PostgreSQL" : "Sqlite", provider, StringComparison.Ordinal);
        Assert.Empty(pending);
        Assert.NotEmpty(applied);
    }

    [Fact]
    public async Task Demo_mode_fills_an_empty_database_with_a_synthetic_council()
    {
        var staff = await app.QueryDbAsync(db => db.StaffMembers.AsNoTracking().ToListAsync());
        var children = await app.QueryDbAsync(db => db.Children.CountAsync());
        var teams = await app.QueryDbAsync(db => db.Teams.CountAsync());

        Assert.True(children >= 300, $"{children} children on {app.DatabaseDescription}");
        Assert.Equal(6, staff.Count(s => s.Role == StaffRole.Iro));
        Assert.Equal(1, staff.Count(s => s.Role == StaffRole.IroManager));
        Assert.Equal(4, staff.Count(s => s.Role == StaffRole.TeamManager));
        var socialWorkers = staff.Where(s => s.Role == StaffRole.SocialWorker).ToList();
        Assert.Equal(20, socialWorkers.Count);
        Assert.Equal(4, teams);
        Assert.Equal(4, socialWorkers.Select(s => s.TeamId).Distinct().Count());
        Assert.All(socialWorkers, s => Assert.NotNull(s.TeamId));
    }

    [Theory]
    [InlineData(DemoAccounts.Iro)]
    [InlineData(DemoAccounts.IroManager)]
    [InlineData(DemoAccounts.SocialWorker)]
    [InlineData(DemoAccounts.TeamManager)]
    [InlineData(DemoAccounts.Administrator)]
    public async Task Every_demo_account_can_sign_in_with_the_demo_password(string userName)
    {
        using var client = await app.SignedInClientAsync(userName, DemoOptions.Password);

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Some_reviews_were_held_late_and_some_children_are_overdue_now()
    {
        var today = app.Today;
        var late = await app.QueryDbAsync(db => db.Reviews.CountAsync(r => r.HeldOn > r.DueOn));
        var onTime = await app.QueryDbAsync(db => db.Reviews.CountAsync(r => r.HeldOn <= r.DueOn));
        var overdue = await app.QueryDbAsync(db => db.Children.CountAsync(c => c.NextReviewDueOn < today));

        Assert.True(late > 0, "no late reviews");
        Assert.True(onTime > late, $"{onTime} reviews on time, {late} late");
        Assert.True(overdue > 0, "no child is overdue a review");
    }

    [Fact]
    public async Task Care_histories_go_back_to_2019()
    {
        var first = await app.QueryDbAsync(db => db.CareEpisodes.MinAsync(e => e.StartedOn));

        Assert.Equal(2019, first.Year);
    }

    [Fact]
    public void The_same_seed_and_day_give_the_same_children()
    {
        var today = new DateOnly(2026, 11, 23);
        var first = DemoCouncil.Generate(42, today, Rulebook.National);
        var second = DemoCouncil.Generate(42, today, Rulebook.National);
        var other = DemoCouncil.Generate(43, today, Rulebook.National);

        Assert.Equal(Describe(first), Describe(second));
        Assert.NotEqual(Describe(first), Describe(other));
        Assert.Equal(first.Staff.Select(s => (s.Name, s.Role, s.Fte)), second.Staff.Select(s => (s.Name, s.Role, s.Fte)));
    }

    private static List<string> Describe(DemoCouncil council) =>
        council.Children.Select(c => string.Join(" | ",
            c.LocalId, c.FullName, c.DateOfBirth.ToString("O", System.Globalization.CultureInfo.InvariantCulture), c.Sex,
            c.Iro?.Name, c.SocialWorker?.Name,
            string.Join(";", c.Episodes.Select(e => $"{e.StartedOn:O} {e.ReasonForNewEpisode} {e.LegalStatus} {e.PlacementType} {e.EndedOn:O} {e.ReasonEnded}")),
            string.Join(";", c.Reviews.Select(r => $"{r.HeldOn:O} due {r.DueOn:O} {r.DueRuleId} {r.ParticipationCode}")),
            c.NextReviewDueOn?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)))
        .ToList();
}
