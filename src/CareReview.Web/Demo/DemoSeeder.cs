using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CareReview.Web.Demo;

/// <summary>
/// Fills an empty database with a synthetic council: 4 teams with their managers, 20 social workers,
/// 6 IROs and their manager, a head of service, an assistant director and a director, the children they
/// work with (with their care plans, visits, assessments and stored deadlines), the IROs' escalations and
/// Cafcass referrals, brothers and sisters in care, a declared conflict of interest, and the demo sign-ins. Never real people.
/// </summary>
public static class DemoSeeder
{
    /// <summary>Start-up makes sure every role exists before it calls this.</summary>
    public static async Task SeedIfEnabledAsync(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DemoOptions>>().Value;
        if (!options.Enabled)
        {
            return;
        }

        var db = services.GetRequiredService<AppDbContext>();
        if (await db.StaffMembers.AnyAsync() || await db.Users.AnyAsync())
        {
            return;
        }

        var time = services.GetRequiredService<TimeProvider>();
        var rules = services.GetRequiredService<RulebookSource>().Rules;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var demo = await DemoCouncil.BuildAsync(options.Seed, time.TodayInEngland(), rules, async entities =>
        {
            db.AddRange(entities);
            await db.SaveChangesAsync();
        });
        var council = demo.Council;

        var users = services.GetRequiredService<UserManager<AppUser>>();
        foreach (var (userName, role) in DemoAccounts.All)
        {
            var staff = council.DemoStaffFor(role);
            var user = new AppUser { UserName = userName, DisplayName = staff?.Name ?? (role == Roles.Researcher ? "Demonstration researcher" : "Demonstration administrator"), StaffMemberId = staff?.Id };
            var result = await users.CreateAsync(user, DemoOptions.Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }

            await users.AddToRoleAsync(user, role);
        }

        if (demo.Voices.DemoChild is { } demoChild)
        {
            var child = new AppUser { UserName = DemoAccounts.Child, DisplayName = demoChild.GivenName, ChildId = demoChild.Id };
            await users.CreateAsync(child, DemoOptions.Password);
            await users.AddToRoleAsync(child, Roles.Child);
        }

        await transaction.CommitAsync();
    }
}
