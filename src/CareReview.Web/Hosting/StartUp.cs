using CareReview.Web.Commands;
using CareReview.Web.Demo;
using CareReview.Web.Features.Deadlines;
using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Hosting;

/// <summary>What the app does once before it serves a page or runs a command that reads the records.</summary>
public static class StartUp
{
    /// <summary>Returns why the app must not go on with this database, or null.</summary>
    public static async Task<string?> RunAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();

        // The embedded SQLite install migrates itself; production PostgreSQL is migrated the same way
        // unless Database:MigrateAtStartup is false (then run the migration bundle at deploy).
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (app.Configuration.GetValue("Database:MigrateAtStartup", true))
        {
            await db.Database.MigrateAsync();
        }

        // A release may bring a new role (the child's own sign-in did), so every role is made sure of here.
        await CreateAdministratorCommand.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());

        var time = app.Services.GetRequiredService<TimeProvider>();
        if (await DemoDatabase.RefusalAsync(db, app.Services.GetRequiredService<DemoMode>().Enabled, time.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return refusal;
        }

        var rules = app.Services.GetRequiredService<RulebookSource>();
        await rules.LoadAsync(db);
        await DemoSeeder.SeedIfEnabledAsync(scope.ServiceProvider);

        // A release may carry a changed rule catalogue, so stored deadlines are brought up to date.
        await DeadlineRecalculation.RecalculateAllAsync(db, time.TodayInEngland(), rules.Rules);
        return null;
    }
}
