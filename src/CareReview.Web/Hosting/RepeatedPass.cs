namespace CareReview.Web.Hosting;

/// <summary>
/// A background job's loop: one pass at start-up, then one every interval by the app's clock, until the app stops. A
/// failed pass is logged and the next tries again, so one bad pass never stops the job.
/// </summary>
public static class RepeatedPass
{
    public static async Task RunAsync(TimeSpan every, TimeProvider time, Func<CancellationToken, Task> pass, ILogger logger, string name,
        CancellationToken stoppingToken)
    {
        try
        {
            using var timer = new PeriodicTimer(every, time);
            do
            {
                try
                {
                    await pass(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "{Pass} failed", name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping.
        }
    }
}
