using CareReview.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CareReview.Web.Features.Webhooks;

/// <summary>Webhook settings (section "Webhooks").</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Whether the delivery loop runs in this app instance. Tests turn it off and run passes themselves.</summary>
    public bool Enabled { get; set; } = true;
}

public sealed record WebhookRunResult(int Raised, int Sent);

/// <summary>
/// Raises overdue events and sends due deliveries, every <see cref="Interval"/>, each pass in its own DI scope; a
/// failed pass is logged and the next tries again. Safe on several instances sharing one database
/// (<see cref="OverdueEvents"/>, <see cref="WebhookDeliveryPass"/>).
/// </summary>
public sealed class WebhookJob(IServiceScopeFactory scopes, TimeProvider time, IOptions<WebhookOptions> options, ILogger<WebhookJob> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    /// <summary>Who this instance is when it holds a delivery's lease.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");

    /// <summary>One pass, in a new DI scope. Public so that tests can run it.</summary>
    public async Task<WebhookRunResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var raised = await scope.ServiceProvider.GetRequiredService<OverdueEvents>().RaiseAsync(cancellationToken);
        var sent = await scope.ServiceProvider.GetRequiredService<WebhookDeliveryPass>().RunAsync(_instance, cancellationToken);
        return new WebhookRunResult(raised, sent);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Webhook deliveries are off in this instance (Webhooks:Enabled is false)");
            return;
        }

        await RepeatedPass.RunAsync(Interval, time, RunOnceAsync, logger, "Webhook pass", stoppingToken);
    }
}

public static class WebhookServices
{
    /// <summary>Registers the outbox's worker, its passes, the signing secrets and the rule for receivers' addresses.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        var demoMode = configuration.GetValue<bool>("Demo:Enabled");
        services.AddSingleton(new WebhookAddress(HttpsRequired: environment.IsProduction() && !demoMode));
        services.AddSingleton<WebhookSigning>();
        services.AddScoped<OverdueEvents>();
        services.AddScoped<WebhookDeliveryPass>();
        services.AddHttpClient(WebhookDeliveryPass.ClientName, client => client.Timeout = WebhookDeliveryPass.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // A receiver that redirects is answering, not receiving: the delivery is not sent on elsewhere.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            });
        services.AddSingleton<WebhookJob>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookJob>());
        return services;
    }
}
