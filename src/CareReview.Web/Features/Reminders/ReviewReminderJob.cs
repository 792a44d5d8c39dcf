using CareReview.Web.Features.Deadlines;
using CareReview.Web.Hosting;
using Microsoft.Extensions.Options;

namespace CareReview.Web.Features.Reminders;

/// <summary>Reminder settings (section "Reminders").</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>Whether the hourly job runs in this app instance. Tests turn it off and run passes themselves.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>
/// Brings stored deadlines up to date, records reminders and forgets old form tokens (<see cref="FormToken.Kept"/>), once at start-up and then every hour (STYLE.md §3.6). Each pass runs in its own DI
/// scope; a failed pass is logged and the next one tries again. Safe to run in several app instances on one
/// database: see <see cref="ReminderPass"/>.
/// </summary>
public sealed class ReviewReminderJob(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<ReminderOptions> options,
    ILogger<ReviewReminderJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass, in a new DI scope. Public so that tests (and an operator's command) can run it.</summary>
    public async Task<ReminderRunResult> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();

        // Deadlines that a birthday brings in (the leaving-care needs assessment) are stored before reminders are worked out.
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        await DeadlineRecalculation.RecalculateDueTodayAsync(db, time.TodayInEngland(), services.GetRequiredService<RulebookSource>().Rules, cancellationToken);
        await FormToken.ForgetOldAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken);
        return await services.GetRequiredService<ReminderPass>().RunAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Reminders are off in this instance (Reminders:Enabled is false)");
            return;
        }

        await RepeatedPass.RunAsync(Interval, time, LoggedPassAsync, logger, "Reminder pass", stoppingToken);
    }

    private async Task LoggedPassAsync(CancellationToken stoppingToken)
    {
        var result = await RunOnceAsync(stoppingToken);
        logger.LogInformation("Reminder pass: {Due} due, {Created} new, {Emailed} emailed", result.Due, result.Created, result.Emailed);
    }
}

public static class ReminderServices
{
    /// <summary>Registers the reminder job, its per-pass work and the email sender.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<ReminderOptions>(config.GetSection(ReminderOptions.Section));
        services.AddOptions<EmailOptions>()
            .Bind(config.GetSection(EmailOptions.Section))
            .Validate(o => !o.Smtp.Enabled || (!string.IsNullOrWhiteSpace(o.Smtp.Host) && !string.IsNullOrWhiteSpace(o.Smtp.From)),
                "Email:Smtp:Enabled is true, so Email:Smtp:Host and Email:Smtp:From must be set")
            .ValidateOnStart();
        services.AddSingleton<INotificationSender, SmtpNotificationSender>();
        services.AddScoped<ReminderPass>();
        services.AddSingleton<ReviewReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<ReviewReminderJob>());
        return services;
    }
}
