using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace CareReview.Web.Features.Ssd;

/// <summary>
/// Runs the SSD sync on the schedule <c>Ssd:Sync:Every</c> sets (off by default), and when the IRO manager presses
/// "Run now". Both use <see cref="SsdSync"/>, so a run started here and one started by <c>sync-ssd</c> or another
/// instance cannot overlap: the second is told one is running.
/// </summary>
public sealed class SsdSyncJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<SsdSyncOptions> options, ILogger<SsdSyncJob> logger)
    : BackgroundService
{
    private static readonly ClaimsPrincipal s_schedule = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "ssd-sync"), new Claim(ClaimTypes.Name, "SSD sync (schedule)")], "system"));

    /// <summary>Who a scheduled run is started by, as its run records it.</summary>
    public const string ScheduledBy = "schedule";

    public SsdSyncOptions Options => options.Value;

    /// <summary>The store the settings name, or null when <c>Ssd:Sync:From</c> is not set.</summary>
    public SsdStore? Store => string.IsNullOrWhiteSpace(Options.From) ? null : SsdStore.Parse(Options.From, Options.Schema);

    /// <summary>
    /// Begins a run now and carries it on in the background; returns the run, or null when one is already running.
    /// The run is the user's: its audit events name them.
    /// </summary>
    public async Task<SsdSyncRun?> StartAsync(ClaimsPrincipal user, bool dryRun, CancellationToken cancellationToken = default)
    {
        var store = Store ?? throw new InvalidOperationException("Ssd:Sync:From is not set.");
        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<SsdSync>().BeginAsync(user.Identity?.Name ?? "unknown", store, dryRun, cancellationToken);
        if (run is not null)
        {
            // Not the request's token: the run carries on after the page that started it has answered.
            _ = Task.Run(() => RunAsync(run, store, user, CancellationToken.None), CancellationToken.None);
        }

        return run;
    }

    /// <summary>One scheduled run, in its own scope; public so that tests can run one. Null when another was running.</summary>
    public async Task<SsdSyncRun?> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var store = Store;
        if (store is null)
        {
            return null;
        }

        await using var scope = scopes.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<SsdSync>().BeginAsync(ScheduledBy, store, dryRun: false, cancellationToken);
        return run is null ? null : await RunAsync(run, store, s_schedule, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Options.Every is not { } every || every <= TimeSpan.Zero || Store is null)
        {
            logger.LogInformation("The scheduled SSD sync is off (Ssd:Sync:Every and Ssd:Sync:From are not both set)");
            return;
        }

        try
        {
            using var timer = new PeriodicTimer(every, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var run = await RunOnceAsync(stoppingToken);
                    logger.LogInformation("Scheduled SSD sync: {State}", run?.State.ToString() ?? "another run was going");
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Scheduled SSD sync failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }

    private async Task<SsdSyncRun> RunAsync(SsdSyncRun run, SsdStore store, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SsdSync>().RunAsync(run, store, user, cancellationToken);
    }
}

public static class SsdServices
{
    public static IServiceCollection AddSsdSync(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<SsdSyncOptions>(config.GetSection(SsdSyncOptions.Section));
        services.AddScoped<SsdSync>();
        services.AddSingleton<SsdSyncJob>();
        services.AddHostedService(sp => sp.GetRequiredService<SsdSyncJob>());
        return services;
    }
}
