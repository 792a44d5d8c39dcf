using Microsoft.AspNetCore.Identity;

namespace CareReview.Web.Commands;

/// <summary>
/// Outside demo mode there are no default accounts; the first administrator is made with
/// <c>dotnet run --project src/CareReview.Web -- create-admin USER-NAME "Display name"</c>, reading the
/// password from CAREREVIEW_ADMIN_PASSWORD or, failing that, from standard input.
/// </summary>
public static class CreateAdministratorCommand
{
    public const string Name = "create-admin";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        if (args.Length is < 1 or > 2)
        {
            await Console.Error.WriteLineAsync($"Usage: {Name} USER-NAME [\"Display name\"]  (password from CAREREVIEW_ADMIN_PASSWORD or standard input)");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();

        var password = Environment.GetEnvironmentVariable("CAREREVIEW_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Write("Password: ");
            password = Console.ReadLine() ?? "";
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        await EnsureRolesAsync(roles);

        var user = new AppUser { UserName = args[0], DisplayName = args.Length > 1 ? args[1] : args[0] };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }

            return 1;
        }

        await users.AddToRoleAsync(user, Roles.Administrator);
        scope.ServiceProvider.GetRequiredService<AuditLog>()
            .RecordFor("command-line", Environment.UserName, AuditAction.UserCreated, $"user:{user.Id};role:{Roles.Administrator}");
        await db.SaveChangesAsync();
        Console.WriteLine($"Created administrator '{user.UserName}'.");
        return 0;
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
