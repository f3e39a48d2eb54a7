using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace Cockpit.ServiceDefaults.Systemd;

/// <summary>
/// Feeds systemd's watchdog (<c>WatchdogSec=</c>) while the host is healthy. Microsoft.Extensions.Hosting.Systemd sends
/// only <c>READY=1</c> and <c>STOPPING=1</c>, so without this a unit with <c>WatchdogSec=</c> would be killed after
/// one interval. Every half interval it runs the host's health checks (when it has any) and sends <c>WATCHDOG=1</c>
/// unless one reports <see cref="HealthStatus.Unhealthy"/> or they fail or overrun the half interval; systemd then
/// restarts a service that stays unhealthy or hangs for a whole interval. Degraded (e.g. the agent without a speech
/// model, which still serves text) keeps the service running. Does nothing outside systemd or without a watchdog.
/// </summary>
internal sealed class SystemdWatchdogService(
    ISystemdNotifier? notifier,
    HealthCheckService? health,
    TimeSpan? interval,
    TimeProvider time,
    ILogger<SystemdWatchdogService> logger) : BackgroundService
{
    /// <summary>The message that resets the watchdog timer.</summary>
    public static readonly ServiceState Ping = new("WATCHDOG=1");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (notifier is not { IsEnabled: true } || interval is not { } watchdog)
        {
            return;
        }

        var period = watchdog / 2;
        Log.WatchdogArmed(logger, watchdog.TotalSeconds, period.TotalSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (await IsHealthyAsync(period, stoppingToken).ConfigureAwait(false))
                {
                    notifier.Notify(Ping);
                }

                await Task.Delay(period, time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; systemd's stop timeout takes over from here.
        }
    }

    private async Task<bool> IsHealthyAsync(TimeSpan period, CancellationToken stoppingToken)
    {
        if (health is null)
        {
            return true; // this loop running is the liveness proof
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        deadline.CancelAfter(period);
        try
        {
            var report = await health.CheckHealthAsync(deadline.Token).ConfigureAwait(false);
            if (report.Status != HealthStatus.Unhealthy)
            {
                return true;
            }

            var failing = report.Entries.Where(entry => entry.Value.Status == HealthStatus.Unhealthy)
                .Select(entry => $"{entry.Key}: {entry.Value.Description ?? entry.Value.Exception?.Message ?? "unhealthy"}");
            Log.WatchdogWithheld(logger, string.Join("; ", failing));
            return false;
        }
        catch (Exception error) when (!stoppingToken.IsCancellationRequested)
        {
            Log.WatchdogCheckFailed(logger, period.TotalSeconds, error);
            return false;
        }
    }
}
